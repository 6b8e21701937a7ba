package dk.tilbudsoversigt.word;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;

import org.jsoup.nodes.Element;

/** flexmark's HTML-to-Markdown converter, set up to write the content format: ATX headings, "-" bullets, no HTML. */
final class MarkdownWriter {
    private static final FlexmarkHtmlConverter CONVERTER = FlexmarkHtmlConverter.builder(new MutableDataSet()
            .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
            .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
            .set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false)
            .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
            .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)
            .set(FlexmarkHtmlConverter.RENDER_COMMENTS, false)
            .set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-')
            .set(FlexmarkHtmlConverter.ORDERED_LIST_DELIMITER, '.')
            .set(FlexmarkHtmlConverter.DOT_ONLY_NUMERIC_LISTS, false)
            .set(FlexmarkHtmlConverter.THEMATIC_BREAK, "* * *")
            .set(FlexmarkHtmlConverter.MAX_BLANK_LINES, 1)
            .set(FlexmarkHtmlConverter.MAX_TRAILING_BLANK_LINES, 0)
            .toImmutable()).build();

    private MarkdownWriter() {}

    static String write(Element body) {
        String md = CONVERTER.convert(body).replace(String.valueOf(Cleaner.MARK), "\\");
        StringBuilder out = new StringBuilder();
        for (String line : md.split("\n", -1)) {
            out.append(line.endsWith("  ") && !line.isBlank() ? line.stripTrailing() + "  " : line.stripTrailing()).append('\n');
        }
        String text = out.toString().replaceAll("\n{3,}", "\n\n").strip();
        return text.isEmpty() ? "" : text + "\n";
    }
}
