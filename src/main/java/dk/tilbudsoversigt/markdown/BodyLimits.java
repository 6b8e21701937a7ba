package dk.tilbudsoversigt.markdown;

import java.util.Locale;
import java.util.Set;

import com.vladsch.flexmark.util.ast.Node;

/**
 * What one page body may hold. flexmark's parser, its renderer and our own tree walks recurse
 * once per level of nesting (and flexmark's block regexes once per marker character), so
 * thousands of lists in lists would overflow the stack; and flexmark copies a whole paragraph
 * for every link, HTML tag or entity in it, so one huge paragraph full of them takes minutes.
 * No real page comes near these limits; a page past them is refused with its line before
 * flexmark sees it.
 */
final class BodyLimits {
    /** Levels of the Markdown tree (a list level is two: the list and its item). */
    static final int MAX_TREE_DEPTH = 100;
    /** Raw HTML elements open inside each other. */
    static final int MAX_HTML_DEPTH = 100;
    /** List, quote and rule markers at the start of one line. */
    static final int MAX_LINE_MARKERS = 200;
    /** Characters flexmark copies while parsing a page's inlines: about a second's work. */
    static final long MAX_INLINE_WORK = 250_000_000L;

    static final String TOO_DEEP = "siden har lister, citater eller fremhævninger inde i hinanden i så mange niveauer,"
            + " at den ikke kan vises; skriv den mere fladt";
    static final String TOO_MANY_MARKERS = "linjen begynder med over " + MAX_LINE_MARKERS
            + " tegn af - * _ + > eller listenumre; så mange lister og citater inde i hinanden kan ikke vises. Skriv linjen om";
    static final String PARAGRAPH_TOO_HEAVY = "afsnittet er så langt og har så mange links, HTML-koder eller tegnkoder (&...;),"
            + " at det ikke kan bygges på rimelig tid; del det op i flere afsnit med en tom linje imellem";
    static final String HTML_TOO_DEEP = "HTML-elementerne er lagt inde i hinanden i over " + MAX_HTML_DEPTH
            + " niveauer; skriv dem mere fladt";

    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");

    private BodyLimits() {}

    /**
     * The 0-based number of the first line of the paragraph that takes the page past
     * {@link #MAX_INLINE_WORK}, or -1. A paragraph costs its length times the number of times
     * flexmark matches a regex against all of it: once for each {@code < & `}, about four
     * times for each {@code ]} that may close a link.
     */
    static int firstTooHeavyParagraph(String markdown) {
        long work = 0;
        long length = 0;
        long matches = 0;
        int start = -1;
        int line = 0;
        for (int from = 0; from <= markdown.length(); line++) {
            int end = markdown.indexOf('\n', from);
            if (end < 0) end = markdown.length();
            if (markdown.substring(from, end).isBlank()) {
                work += length * matches;
                if (work > MAX_INLINE_WORK) return start;
                length = 0;
                matches = 0;
            } else {
                if (length == 0) start = line;
                length += end - from + 1;
                for (int i = from; i < end; i++) {
                    char c = markdown.charAt(i);
                    if (c == '<' || c == '&' || c == '`') matches++;
                    else if (c == ']') matches += 4;
                }
            }
            from = end + 1;
        }
        return work + length * matches > MAX_INLINE_WORK ? start : -1;
    }

    /** The 0-based number of the first line of {@code markdown} that begins with too many markers, or -1. */
    static int firstLineWithTooManyMarkers(String markdown) {
        int line = 0;
        int markers = 0;
        boolean leading = true;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\n') {
                line++;
                markers = 0;
                leading = true;
            } else if (leading) {
                if ("-*_+>.)".indexOf(c) >= 0 || (c >= '0' && c <= '9')) {
                    if (++markers > MAX_LINE_MARKERS) return line;
                } else if (c != ' ' && c != '\t') {
                    leading = false;
                }
            }
        }
        return -1;
    }

    /** The first node below {@code root} that lies deeper than the limit, or null. Iterative, so it cannot overflow itself. */
    static Node firstTooDeep(Node root) {
        Node node = root.getFirstChild();
        int depth = 1;
        while (node != null) {
            if (depth > MAX_TREE_DEPTH) return node;
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == root ? null : node.getNext();
        }
        return null;
    }

    /**
     * How many elements are open after {@code raw}, given {@code open} before it, or -1 when more
     * than the limit are open at any point inside it. A rough count (start tags up, end tags
     * down, void and self-closed tags level), enough to bound the depth.
     */
    static int htmlDepthAfter(String raw, int open) {
        int depth = open;
        int i = raw.indexOf('<');
        while (i >= 0 && i + 1 < raw.length()) {
            int end = raw.indexOf('>', i);
            if (end < 0) break;
            if (raw.charAt(i + 1) == '/') {
                depth = Math.max(0, depth - 1);
            } else if (Character.isLetter(raw.charAt(i + 1))) {
                int n = i + 1;
                while (n < end && Character.isLetterOrDigit(raw.charAt(n))) n++;
                String name = raw.substring(i + 1, n).toLowerCase(Locale.ROOT);
                if (!VOID_ELEMENTS.contains(name) && raw.charAt(end - 1) != '/' && ++depth > MAX_HTML_DEPTH) return -1;
            }
            i = raw.indexOf('<', end);
        }
        return depth;
    }
}
