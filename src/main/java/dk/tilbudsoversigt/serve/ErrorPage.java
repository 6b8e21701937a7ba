package dk.tilbudsoversigt.serve;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.nodes.Entities;

import dk.tilbudsoversigt.content.Problem;

/** What the preview shows instead of a stale page when the site has errors. */
final class ErrorPage {
    private ErrorPage() {}

    static byte[] html(List<Problem> errors) {
        StringBuilder s = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Fejl i siderne – forhåndsvisning</title></head>
                <body><main><h1>Sitet kan ikke bygges</h1>
                <p>Ret fejlene herunder og gem filen. Siden opdaterer sig selv, når fejlene er rettet.</p><ul>
                """);
        for (Problem p : errors) {
            s.append("<li><code>").append(Entities.escape(p.file() + ":" + Math.max(1, p.line()))).append("</code> ")
                    .append(Entities.escape(p.message())).append("</li>\n");
        }
        s.append("</ul></main></body></html>\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
