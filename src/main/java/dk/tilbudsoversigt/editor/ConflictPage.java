package dk.tilbudsoversigt.editor;

import static dk.tilbudsoversigt.editor.Html.esc;

/**
 * A save that met a file changed on disk since the form was opened: both texts side by side,
 * and the editor chooses. Nothing is overwritten until then.
 */
final class ConflictPage {
    private ConflictPage() {}

    static String html(Editor.Context ctx, String file, String mine, String disk, String diskVersion) {
        String action = ctx.base() + Editor.PREFIX;
        String main = "<h1>Siden er ændret, siden du åbnede den</h1>"
                + "<p role=\"alert\">Nogen har gemt <code>" + esc(file) + "</code> imens (en anden redaktør, en teksteditor eller en opdatering). "
                + "Intet er overskrevet. Vælg, hvilken udgave der skal gælde.</p>"
                + "<div class=\"konflikt\">"
                + "<form method=\"post\" action=\"" + action + "gem-tekst\" id=\"konflikt-min\">" + Html.secretField(ctx)
                + "<input type=\"hidden\" name=\"fil\" value=\"" + esc(file) + "\">"
                + "<input type=\"hidden\" name=\"version\" value=\"" + esc(diskVersion == null ? "" : diskVersion) + "\">"
                + "<h2><label for=\"min-udgave\">Din udgave</label></h2>"
                + "<textarea id=\"min-udgave\" name=\"tekst\" rows=\"24\">\n" + esc(mine) + "</textarea>"
                + "<p><button type=\"submit\">Gem min udgave</button></p></form>"
                + "<div id=\"konflikt-disk\"><h2><label for=\"disk-udgave\">Udgaven på disken</label></h2>"
                + "<textarea id=\"disk-udgave\" rows=\"24\" readonly>\n" + esc(disk == null ? "(filen er slettet)" : disk) + "</textarea>"
                + "<p><a class=\"knap\" href=\"" + action + "side?fil=" + Html.url(file) + "\">Brug udgaven på disken</a></p></div>"
                + "</div><p>Du kan også rette i din udgave ovenfor, f.eks. tage noget med fra udgaven på disken, før du gemmer.</p>";
        return Html.page(ctx, "Siden er ændret", null, main);
    }
}
