package dk.tilbudsoversigt.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageReader;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.content.SiteSettings;

/** Whatever an editor types into a field is written so that the content module reads back exactly that. */
class PageTextPropertiesTest {
    private static final String PAGE = """
            ---
            # kommentar
            title: Aflastning
            summary: Kort.
            keywords: [a, b]
            related:
              - tilbud/bpa
            ---
            Tekst.
            """;

    @Provide
    Arbitrary<String> typed() {
        Arbitrary<Character> special = Arbitraries.of(':', '#', '\'', '"', '-', '[', ']', '{', '}', ',', '&', '*', '!', '|',
                '>', '%', '@', '`', '?', ' ', ' ', '\n', '\t', '\r', '\\', 'æ', 'ø', 'å', 'Æ', '\u00a0', '\u2028', '\u0085', '\uFEFF', '\u0007');
        Arbitrary<Character> letters = Arbitraries.chars().range('a', 'z');
        Arbitrary<Character> digits = Arbitraries.chars().range('0', '9');
        Arbitrary<Character> any = Arbitraries.chars().range('\u0020', '\u2fff');
        Arbitrary<String> random = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, special), net.jqwik.api.Tuple.of(4, letters),
                        net.jqwik.api.Tuple.of(1, digits), net.jqwik.api.Tuple.of(1, any))
                .list().ofMaxSize(30).map(cs -> {
                    StringBuilder b = new StringBuilder();
                    cs.forEach(b::append);
                    return b.toString();
                });
        Arbitrary<String> known = Arbitraries.of("", "true", "null", "~", "yes", "0x1F", "1e3", "2024-05-31", "- a", "a: b",
                "# c", "---", "...", " a", "a ", "[a]", "{a: 1}", "'a'", "\"a\"", "a #b", "a:b", "!tag", "&anker", "*alias");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, random), net.jqwik.api.Tuple.of(1, known));
    }

    @Property(tries = 400)
    void aTextReadsBackAsItWasTyped(@ForAll("typed") String value) {
        PageText page = PageText.parse(PAGE).withField("summary", value);
        assertEquals(value, PageText.parse(page.text()).fields().get("summary"));
        assertEquals("Aflastning", page.fields().get("title"));
        assertEquals(PAGE.substring(0, PAGE.indexOf("summary:")), page.text().substring(0, PAGE.indexOf("summary:")));
        assertEquals("Tekst.\n", page.body());
    }

    @Property(tries = 300)
    void listsKeepEveryItem(@ForAll("typed") String a, @ForAll("typed") String b) {
        PageText page = PageText.parse(PAGE).withField("keywords", List.of(a, b)).withField("related", List.of(b, a));
        assertEquals(List.of(a, b), page.fields().get("keywords"));
        assertEquals(List.of(b, a), PageText.parse(page.text()).fields().get("related"));
    }

    @Property(tries = 300)
    void actionItemsAndContactKeepEveryValue(@ForAll("typed") String title, @ForAll("typed") String note) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("nr", "1");
        item.put("title", title);
        item.put("note", note);
        Map<String, Object> contact = Map.of("unit", note);
        PageText page = PageText.parse(PAGE).withField("items", List.of(item, Map.of("nr", 2, "title", note)))
                .withField("contact", contact);
        PageText back = PageText.parse(page.text());
        assertEquals(List.of(item, Map.of("nr", 2, "title", note)), back.fields().get("items"));
        assertEquals(contact, back.fields().get("contact"));
    }

    /** Any action items changed, removed or added read back as given; an unchanged item keeps its lines. */
    @Property(tries = 100)
    @SuppressWarnings("unchecked")
    void actionItemsChangedAtRandomReadBackAndKeepTheOthers(@ForAll("typed") String note, @ForAll("indexes") List<Integer> touched,
                                                           @ForAll boolean removeLast) throws java.io.IOException {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of(
                "examples/koebenhavn/content/handleplaner/boernehandicapomraadet-status-oktober-2013.md"));
        PageText page = PageText.parse(text);
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (Object item : (List<Object>) page.fields().get("items")) items.add(new LinkedHashMap<>((Map<String, Object>) item));
        java.util.Set<Integer> changed = new java.util.TreeSet<>();
        for (int i : touched) {
            int at = i % items.size();
            items.get(at).put("note", note);
            changed.add(at);
        }
        if (removeLast) items.remove(items.size() - 1);
        PageText after = page.withField("items", items);
        assertEquals(items, PageText.parse(after.text()).fields().get("items"));
        for (int i = 0; i < items.size(); i++) {
            if (changed.contains(i)) continue;
            String title = (String) items.get(i).get("title");
            String line = text.lines().filter(l -> l.contains("title: " + title)).findFirst().orElseThrow();
            org.junit.jupiter.api.Assertions.assertTrue(after.text().contains(line + "\n"), "item " + i + " keeps its lines");
        }
    }

    @Provide
    Arbitrary<List<Integer>> indexes() {
        return Arbitraries.integers().between(0, 100).list().ofMaxSize(4);
    }

    /** The page reader (what build and check use) sees the typed title, stripped as it strips every text. */
    @Property(tries = 200)
    void thePageReaderReadsTheTypedTitle(@ForAll("typed") String title) {
        String text = PageText.parse(PAGE).withField("title", title).text();
        Problems problems = new Problems();
        SiteSettings settings = new SiteSettings("T", "O", "https://example.dk", "", "da", List.of(), List.of(), null, null, null, null, null, 0);
        Page page = new PageReader(settings).parse(text, "content/sider/x.md", PageType.SIDE, "x", problems);
        boolean looksEmpty = title.codePoints().allMatch(c -> Character.isSpaceChar(c) || Character.isWhitespace(c));
        if (!looksEmpty && title.strip().length() <= 120) assertEquals(title.strip(), page.title());
    }
}
