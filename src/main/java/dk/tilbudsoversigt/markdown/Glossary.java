package dk.tilbudsoversigt.markdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Links the first occurrence of each glossary term (or one of its synonyms) in a body to the
 * term's page; never inside headings, links or code.
 */
public final class Glossary {
    private static final Set<String> SKIP = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd");

    /** A term as the glossary knows it. */
    public record Term(String key, String url, List<String> names) {}

    private final Map<String, Term> byName = new HashMap<>();
    private final Pattern pattern;

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
        if (names.isEmpty()) {
            pattern = null;
        } else {
            StringBuilder alternation = new StringBuilder();
            for (String n : names) {
                if (alternation.length() > 0) alternation.append('|');
                alternation.append(Pattern.quote(n));
            }
            pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }

    /** Adds the links inside {@code body}; {@code selfKey} is the page's own key, never linked to itself. */
    void link(Element body, String selfKey) {
        if (pattern == null) return;
        List<TextNode> texts = new ArrayList<>();
        collect(body, texts);
        Set<String> done = new HashSet<>();
        done.add(selfKey);
        for (TextNode text : texts) {
            TextNode current = text;
            while (current != null) {
                Matcher m = pattern.matcher(current.getWholeText());
                TextNode next = null;
                while (m.find()) {
                    Term term = byName.get(m.group().toLowerCase(Locale.ROOT));
                    if (term == null || done.contains(term.key())) continue;
                    done.add(term.key());
                    TextNode match = current.splitText(m.start());
                    TextNode rest = match.getWholeText().length() > m.end() - m.start()
                            ? match.splitText(m.end() - m.start()) : null;
                    Element a = new Element("a").attr("href", term.url()).addClass("begreb");
                    match.before(a);
                    a.appendChild(match);
                    next = rest;
                    break;
                }
                current = next;
            }
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
