package dk.tilbudsoversigt.word;

import java.util.List;

import dk.tilbudsoversigt.content.Content;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Paste from Word, Google Docs, LibreOffice or a web page: the clipboard's HTML as the content
 * format's Markdown, with a report in Danish of what was changed or left out.
 */
public final class WordPaste {
    /** Larger pastes are refused: no page needs more, and parsing them would only cost memory. */
    static final int MAX_CHARS = 20 * 1024 * 1024;

    /**
     * @param markdown      the body text
     * @param report        Danish lines, e.g. "3 tomme afsnit fjernet"
     * @param leftOutImages the alternative text (or file name) of every image that was not pasted
     */
    public record Result(String markdown, List<String> report, List<String> leftOutImages) {}

    private WordPaste() {}

    /** @param topLevel the Markdown level that the paste's top heading gets (2 under a page title) */
    public static Result convert(String clipboardHtml, int topLevel) {
        return convert(clipboardHtml, topLevel, null, null);
    }

    /**
     * As {@link #convert(String, int)}, and links to the site's own public pages become links to
     * their Markdown files, relative to {@code pageFile} (content/sider/om.md), as an import does.
     */
    public static Result convert(String clipboardHtml, int topLevel, Content content, String pageFile) {
        Report report = new Report();
        if (clipboardHtml.length() > MAX_CHARS) {
            return new Result("", List.of("Det indsatte er for stort (over " + MAX_CHARS / (1024 * 1024)
                    + " mio. tegn) og er ikke sat ind; indsæt det i mindre dele"), List.of());
        }
        Cleaner cleaner = new Cleaner(report, false, content == null || pageFile == null ? null : new OwnLinks(content, pageFile, report));
        String markdown = convert(parse(clipboardHtml), cleaner, Math.max(1, Math.min(6, topLevel)), report);
        return new Result(markdown, report.lines(), List.copyOf(cleaner.leftOutImages()));
    }

    /** Windows puts a header ("Version:0.9 StartHTML:...") before the HTML on its clipboard. */
    static Document parse(String html) {
        String s = html;
        if (s.startsWith("Version:")) {
            int start = s.indexOf('<');
            s = start < 0 ? "" : s.substring(start);
        }
        return Jsoup.parse(s);
    }

    static String convert(Document doc, Cleaner cleaner, int topLevel, Report report) {
        cleaner.clean(doc);
        HeadingLevels.apply(doc.body(), topLevel, report);
        return MarkdownWriter.write(doc.body());
    }
}
