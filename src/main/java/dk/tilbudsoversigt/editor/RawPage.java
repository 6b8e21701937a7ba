package dk.tilbudsoversigt.editor;

import static dk.tilbudsoversigt.editor.Html.esc;

import java.util.List;

import dk.tilbudsoversigt.content.Problem;

/** A page whose front matter cannot be read into fields: its whole text, to mend by hand, with the problems. */
final class RawPage {
    private RawPage() {}

    static String html(Editor.Context ctx, String file, String text, String version, List<Problem> problems, String message) {
        StringBuilder s = new StringBuilder("<h1>Redigér som tekst: <code>" + esc(file) + "</code></h1>");
        if (message != null) s.append("<p class=\"besked\" role=\"status\">").append(esc(message)).append("</p>");
        s.append("<p>Sidens forside (felterne mellem de to linjer med ---) kan ikke læses, så den vises her som tekst. "
                + "Ret fejlen, gem, og siden vises som formular igen.</p><ul id=\"fejl-side\" class=\"felt-fejl\">");
        for (Problem p : problems) {
            s.append("<li class=\"").append(p.warning() ? "advarsel" : "fejl").append("\">Linje ").append(Math.max(1, p.line())).append(": ")
                    .append(esc(p.message())).append("</li>");
        }
        s.append("</ul><form method=\"post\" action=\"").append(ctx.base()).append(Editor.PREFIX).append("gem-tekst\" id=\"tekst-form\">")
                .append(Html.secretField(ctx))
                .append("<input type=\"hidden\" name=\"fil\" value=\"").append(esc(file)).append("\">")
                .append("<input type=\"hidden\" name=\"version\" value=\"").append(esc(version)).append("\">")
                .append("<p><label for=\"tekst\">Sidens tekst</label><textarea id=\"tekst\" name=\"tekst\" rows=\"30\" aria-describedby=\"fejl-side\">\n")
                .append(esc(text)).append("</textarea></p><p><button type=\"submit\">Gem</button></p></form>");
        return Html.page(ctx, file, null, s.toString());
    }
}
