package dk.tilbudsoversigt.markdown;

import java.util.Locale;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.util.ast.Node;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Tables as screen readers and phones need them: a caption from the paragraph "Tabel: …"
 * written right before the table, header cells with their scope, and a frame that scrolls
 * sideways on its own and can be reached with the keyboard.
 */
final class Tables {
    static final String PREFIX = "tabel:";
    static final String NO_CAPTION = "tabellen har ingen titel: skriv et afsnit \"Tabel: ...\" lige før tabellen (med en tom linje imellem),"
            + " der siger, hvad tabellen viser; titlen bliver læst op, før tabellen bliver læst";
    static final String SWALLOWED = "tabellen bliver vist som almindelig tekst, fordi den står lige under \"Tabel: ...\"; sæt en tom linje"
            + " mellem \"Tabel: ...\" og tabellen";
    private static final Evaluator TABLES = QueryParser.parse("table");

    private Tables() {}

    /** True when the table written in Markdown has a caption: "Tabel: …" before it, or flexmark's [caption] line after it. */
    static boolean hasCaption(TableBlock table) {
        if (isCaption(table.getPrevious())) return true;
        for (Node child : table.getChildren()) {
            if (child instanceof TableCaption) return true;
        }
        return false;
    }

    /** A paragraph "Tabel: …" with table rows in it: the blank line between them is missing. */
    static boolean swallowsTable(Paragraph p) {
        return isCaption(p) && p.getChars().toString().contains("\n|");
    }

    private static boolean isCaption(Node node) {
        return node instanceof Paragraph p && p.getFirstChild() instanceof Text t && startsWithPrefix(t.getChars());
    }

    /** Whether the text starts with "Tabel:" in any case, looking at its first characters only (every paragraph is asked). */
    private static boolean startsWithPrefix(CharSequence text) {
        return text.length() >= PREFIX.length() && text.subSequence(0, PREFIX.length()).toString().toLowerCase(Locale.ROOT).equals(PREFIX);
    }

    /** Captions, header scopes and the scrolling frame, in the rendered body. */
    static void finish(Element body) {
        for (Element table : body.select(TABLES)) {
            Element caption = table.selectFirst("> caption");
            Element before = table.previousElementSibling();
            if (caption == null && before != null && before.normalName().equals("p") && isCaption(before)) {
                caption = new Element("caption");
                TextNode first = (TextNode) before.childNode(0);
                String rest = first.getWholeText().substring(PREFIX.length()).stripLeading();
                if (rest.isEmpty()) first.remove();
                else first.text(rest);
                caption.appendChildren(before.childNodes());
                before.remove();
            }
            if (caption != null) table.prependChild(caption); // flexmark writes its [caption] last, where HTML does not allow it
            for (Element th : table.select("> thead > tr > th")) {
                if (!th.hasAttr("scope")) th.attr("scope", "col");
            }
            for (Element row : table.select("> tbody > tr")) {
                Element first = row.firstElementChild();
                if (first != null && first.normalName().equals("td") && isRowHeader(first)) {
                    first.tagName("th").attr("scope", "row");
                    first.child(0).unwrap();
                }
            }
            Element frame = new Element("div").addClass("tabel-ramme").attr("tabindex", "0").attr("role", "region")
                    .attr("aria-label", caption != null && !caption.text().isBlank() ? caption.text() : "Tabel");
            table.before(frame);
            frame.appendChild(table);
        }
    }

    private static boolean isCaption(Element p) {
        return p.childNodeSize() > 0 && p.childNode(0) instanceof TextNode t
                && t.getWholeText().toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /** A first cell written all in bold, {@code | **Mandag** | ... |}, heads its row. */
    private static boolean isRowHeader(Element cell) {
        if (cell.childrenSize() != 1 || !cell.child(0).normalName().equals("strong")) return false;
        for (org.jsoup.nodes.Node n : cell.childNodes()) {
            if (n instanceof TextNode t && !t.isBlank()) return false;
        }
        return true;
    }
}
