package dk.tilbudsoversigt.editor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The editor's pages are written as strings; every value from a file or a request goes through here. */
final class Html {
    private Html() {}

    static String esc(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** The page shell: skip link, header with where the site folder is and how to stop, the editor's CSS and one module. */
    static String page(Editor.Context ctx, String title, String module, String main) {
        return "<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " – Redigér " + esc(ctx.siteTitle()) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + EditorAssets.url(ctx.base(), "rediger.css") + "\">"
                + (module == null ? "" : "<script type=\"module\" src=\"" + EditorAssets.url(ctx.base(), module) + "\"></script>")
                + "</head><body data-noegle=\"" + esc(ctx.secret()) + "\" data-base=\"" + esc(ctx.base()) + "\">"
                + "<a class=\"spring\" href=\"#indhold\">Gå til indholdet</a>"
                + "<header class=\"top\"><p class=\"hvor\">Site-mappen: <code>" + esc(ctx.folder()) + "</code>. "
                + "Stop programmet med Ctrl+C i vinduet, hvor det kører, eller ved at lukke vinduet.</p>"
                + "<nav aria-label=\"Redigering\"><ul>"
                + "<li><a href=\"" + ctx.base() + Editor.PREFIX + "\">Alle sider</a></li>"
                + "<li><a href=\"" + ctx.base() + "/\">Se sitet</a></li>"
                + "<li><a href=\"" + ctx.base() + Editor.PREFIX + "vejledning\">Vejledning</a></li>"
                + "</ul></nav></header>"
                + "<main id=\"indhold\" tabindex=\"-1\">" + main + "</main></body></html>\n";
    }

    /** The secret every form that changes a file carries. */
    static String secretField(Editor.Context ctx) {
        return "<input type=\"hidden\" name=\"" + Guard.FIELD + "\" value=\"" + esc(ctx.secret()) + "\">";
    }
}
