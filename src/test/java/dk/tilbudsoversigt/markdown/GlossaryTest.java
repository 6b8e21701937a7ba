package dk.tilbudsoversigt.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/** Glossary links: whole words, any case, longest name first, each term once, never the page itself. */
class GlossaryTest {
    private static final List<Glossary.Term> TERMS = List.of(
            new Glossary.Term("begreber/visitation", "/b/visitation/", List.of("Visitation", "visiteret")),
            new Glossary.Term("begreber/sagsbehandler", "/b/sagsbehandler/", List.of("Sagsbehandler")),
            new Glossary.Term("begreber/koordinerende", "/b/koordinerende/", List.of("Koordinerende sagsbehandler")),
            new Glossary.Term("begreber/bpa", "/b/bpa/", List.of("BPA", "§ 96")),
            new Glossary.Term("begreber/aeldre", "/b/aeldre/", List.of("Ældreråd")));

    private static String linked(String html, String self) {
        Element body = Jsoup.parseBodyFragment(html).body();
        body.ownerDocument().outputSettings().prettyPrint(false);
        new Glossary(TERMS).link(body, self);
        return body.html();
    }

    @Test
    void linksTheFirstOccurrenceOfEachTermInWholeWordsOnly() {
        assertEquals("<p><a href=\"/b/visitation/\" class=\"begreb\">VISITATION</a> og visitation, men ikke visitationer."
                        + " <a href=\"/b/aeldre/\" class=\"begreb\">ældreråd</a></p>",
                linked("<p>VISITATION og visitation, men ikke visitationer. ældreråd</p>", "sider/x"));
    }

    @Test
    void theLongestNameWinsAndHeadingsLinksAndThePageItselfAreLeftAlone() {
        assertEquals("<h2>Sagsbehandler</h2><p>Din <a href=\"/b/koordinerende/\" class=\"begreb\">koordinerende sagsbehandler</a>"
                        + " er en <a href=\"/b/sagsbehandler/\" class=\"begreb\">sagsbehandler</a>. <a href=\"/x\">BPA</a> Visitation</p>",
                linked("<h2>Sagsbehandler</h2><p>Din koordinerende sagsbehandler er en sagsbehandler. <a href=\"/x\">BPA</a> Visitation</p>",
                        "begreber/visitation"));
    }

    /** The matching as it was first written, with one regular expression: the reference for any faster way. */
    private static String byRegex(String html, String self) {
        Map<String, Glossary.Term> byName = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Glossary.Term term : TERMS) {
            for (String name : term.names()) {
                String lower = name.toLowerCase(Locale.ROOT).strip();
                if (lower.length() < 2 || byName.containsKey(lower)) continue;
                byName.put(lower, term);
                names.add(lower);
            }
        }
        names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", names.stream().map(Pattern::quote).toList())
                + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Element body = Jsoup.parseBodyFragment(html).body();
        body.ownerDocument().outputSettings().prettyPrint(false);
        Set<String> done = new HashSet<>(Set.of(self));
        for (TextNode text : new ArrayList<>(body.select("p").first().textNodes())) {
            TextNode current = text;
            while (current != null) {
                Matcher m = pattern.matcher(current.getWholeText());
                TextNode next = null;
                while (m.find()) {
                    Glossary.Term term = byName.get(m.group().toLowerCase(Locale.ROOT));
                    if (term == null || done.contains(term.key())) continue;
                    done.add(term.key());
                    TextNode match = current.splitText(m.start());
                    TextNode rest = match.getWholeText().length() > m.end() - m.start() ? match.splitText(m.end() - m.start()) : null;
                    Element a = new Element("a").attr("href", term.url()).addClass("begreb");
                    match.before(a);
                    a.appendChild(match);
                    next = rest;
                    break;
                }
                current = next;
            }
        }
        return body.html();
    }

    @Property(tries = 300)
    void matchesExactlyAsTheRegularExpressionDid(@ForAll("texts") String text) {
        String html = "<p>" + org.jsoup.nodes.Entities.escape(text) + "</p>";
        assertEquals(byRegex(html, "sider/x"), linked(html, "sider/x"));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.of("visitation", "Visitation", "VISITERET", "visitationer", "sagsbehandler",
                "koordinerende", "koordinerende sagsbehandler", "Koordinerende  sagsbehandler", "bpa", "BPA2", "§ 96", "§96",
                "ældreråd", "ÆLDRERÅD", "x", "3", " ", " ", ", ", ".", "-", "(", ")", "æ", "ø", "å", "\n", "é", "ß");
        return piece.list().ofMinSize(0).ofMaxSize(14).map(l -> String.join("", l));
    }
}
