package dk.tilbudsoversigt.markdown;

import java.util.List;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;

/** The flexmark setup: CommonMark with GitHub tables and ```video blocks. Parser and renderer are thread-safe. */
public final class Markdown {
    /** The parser and renderer options (package-private: MarkdownTest renders with flexmark's stock renderer and these). */
    static final MutableDataSet OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
            .set(TablesExtension.COLUMN_SPANS, false)
            .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
            .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
            .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
            .set(HtmlRenderer.SOFT_BREAK, "\n")
            // keeps the line starts, so that a node's line number is a lookup, not a count from the top
            .set(Parser.TRACK_DOCUMENT_LINES, true)
            .toImmutable().toMutable();
    private static final Parser PARSER = Parser.builder(OPTIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).nodeRendererFactory(options -> new VideoFence())
            .nodeRendererFactory(options -> new PlainText()).build();

    private Markdown() {}

    public static Document parse(String markdown) {
        return PARSER.parse(markdown);
    }

    public static String render(Node document) {
        return RENDERER.render(document);
    }

    /** Markdown text to HTML, for short texts that need no checks. */
    public static String toHtml(String markdown) {
        return render(parse(markdown));
    }
}
