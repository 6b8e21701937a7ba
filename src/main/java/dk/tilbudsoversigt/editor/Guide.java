package dk.tilbudsoversigt.editor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import dk.tilbudsoversigt.content.Slugs;
import dk.tilbudsoversigt.markdown.Markdown;

/** The editor guide (docs/redaktoervejledning.md, packed into the jar) as a page, each heading with an anchor the form's help links use. */
final class Guide {
    static final String RESOURCE = "/editor/vejledning/redaktoervejledning.md";

    private Guide() {}

    static String html(Editor.Context ctx) throws IOException {
        String markdown;
        try (InputStream in = Guide.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return Html.page(ctx, "Vejledning", null, "<h1>Vejledning</h1><p>Vejledningen findes ikke i denne udgave af programmet.</p>");
            markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String clean = Jsoup.clean(Markdown.toHtml(markdown), Safelist.relaxed().removeTags("img"));
        Document doc = Jsoup.parseBodyFragment(clean);
        Set<String> used = new HashSet<>();
        for (Element h : doc.select("h1, h2, h3, h4")) {
            String id = anchor(h.text());
            for (int n = 2; !used.add(id); n++) id = anchor(h.text()) + "-" + n;
            h.attr("id", id);
            if (h.tagName().equals("h1")) h.tagName("h2"); // the page has its own h1
        }
        return Html.page(ctx, "Vejledning", null, "<h1>Redaktørvejledning</h1><div class=\"vejledning\">" + doc.body().html() + "</div>");
    }

    /** The anchor of a heading: its text as a file name is made ("Tilbud (tilbud)" → "tilbud-tilbud"). */
    static String anchor(String heading) {
        String slug = Slugs.slugify(heading);
        return slug.isEmpty() ? "afsnit" : slug;
    }
}
