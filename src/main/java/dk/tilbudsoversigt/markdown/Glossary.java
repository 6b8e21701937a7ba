package dk.tilbudsoversigt.markdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Links the first occurrence of each glossary term (or one of its synonyms) in a body to the
 * term's page; never inside headings, links, code or a {@code <summary>} (a link there would sit inside a control). A name matches whole words only, without
 * regard to case; where several names start at the same place, the longest wins.
 */
public final class Glossary {
    private static final Set<String> SKIP = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "summary");

    /** A term as the glossary knows it. */
    public record Term(String key, String url, List<String> names) {}

    /** A name, case-folded code point by code point, in the order in which names are tried. */
    private record Name(int[] folded) {}

    private final Map<String, Term> byName = new HashMap<>();
    /** The names by their first folded code point, longest first. */
    private final Map<Integer, List<Name>> byFirst = new HashMap<>();
    /** Whether some name starts with this folded character of the Basic Multilingual Plane: most characters are passed over at once. */
    private final boolean[] startsAName = new boolean[Character.MAX_VALUE + 1];

    public Glossary(List<Term> terms) {
        List<String> names = new ArrayList<>();
        for (Term term : terms) {
            for (String name : term.names()) {
                String lower = name.toLowerCase(Locale.ROOT).strip();
                if (lower.length() < 2 || byName.containsKey(lower)) continue;
                byName.put(lower, term);
                names.add(lower);
            }
        }
        names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        for (String n : names) {
            int[] folded = n.codePoints().map(Glossary::fold).toArray();
            byFirst.computeIfAbsent(folded[0], k -> new ArrayList<>()).add(new Name(folded));
        }
        for (int first : byFirst.keySet()) {
            if (first <= Character.MAX_VALUE) startsAName[first] = true;
        }
    }

    /** Adds the links inside {@code body}; {@code selfKey} is the page's own key, never linked to itself. */
    void link(Element body, String selfKey) {
        if (byFirst.isEmpty()) return;
        List<TextNode> texts = new ArrayList<>();
        collect(body, texts);
        Set<String> done = new HashSet<>();
        done.add(selfKey);
        for (TextNode text : texts) {
            TextNode current = text;
            while (current != null) {
                String s = current.getWholeText();
                TextNode next = null;
                int from = 0;
                int[] match;
                while ((match = find(s, from)) != null) {
                    from = match[1];
                    Term term = byName.get(s.substring(match[0], match[1]).toLowerCase(Locale.ROOT));
                    if (term == null || done.contains(term.key())) continue;
                    done.add(term.key());
                    TextNode hit = current.splitText(match[0]);
                    TextNode rest = hit.getWholeText().length() > match[1] - match[0]
                            ? hit.splitText(match[1] - match[0]) : null;
                    Element a = new Element("a").attr("href", term.url()).addClass("begreb");
                    hit.before(a);
                    a.appendChild(hit);
                    next = rest;
                    break;
                }
                current = next;
            }
        }
    }

    /**
     * The first name in {@code s} at or after {@code from}, as {start, end}: a name starts where no
     * letter or digit comes before it and ends where none follows.
     */
    private int[] find(String s, int from) {
        boolean afterWordChar = from > 0 && isWordChar(s.codePointBefore(from));
        for (int i = from; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!afterWordChar) {
                int first = fold(cp);
                if (first > Character.MAX_VALUE || startsAName[first]) {
                    List<Name> candidates = byFirst.get(first);
                    if (candidates != null) {
                        for (Name name : candidates) {
                            int end = matchAt(s, i, name.folded());
                            if (end >= 0 && (end == s.length() || !isWordChar(s.codePointAt(end)))) return new int[] {i, end};
                        }
                    }
                }
            }
            afterWordChar = isWordChar(cp);
            i += Character.charCount(cp);
        }
        return null;
    }

    /** Where {@code name} ends when it matches {@code s} at {@code start}, or -1. */
    private static int matchAt(String s, int start, int[] name) {
        int i = start;
        for (int c : name) {
            if (i >= s.length()) return -1;
            int cp = s.codePointAt(i);
            if (fold(cp) != c) return -1;
            i += Character.charCount(cp);
        }
        return i;
    }

    /** Case folding as java.util.regex does it for CASE_INSENSITIVE with UNICODE_CASE. */
    private static int fold(int cp) {
        return cp < LATIN_1 ? FOLDED_LATIN_1[cp] : foldAny(cp);
    }

    private static int foldAny(int cp) {
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    private static boolean isWordChar(int cp) {
        return cp < LATIN_1 ? WORD_CHAR_LATIN_1[cp] : isWordCharAny(cp);
    }

    private static boolean isWordCharAny(int cp) {
        if (Character.isLetter(cp)) return true;
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    // every character of every body is folded and classified: for Danish text, a table lookup
    private static final int LATIN_1 = 256;
    private static final int[] FOLDED_LATIN_1 = new int[LATIN_1];
    private static final boolean[] WORD_CHAR_LATIN_1 = new boolean[LATIN_1];

    static {
        for (int c = 0; c < LATIN_1; c++) {
            FOLDED_LATIN_1[c] = foldAny(c);
            WORD_CHAR_LATIN_1[c] = isWordCharAny(c);
        }
    }

    private static void collect(Node node, List<TextNode> out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                out.add(t);
            } else if (child instanceof Element e && !SKIP.contains(e.normalName())) {
                collect(e, out);
            }
        }
    }
}
