package dk.tilbudsoversigt.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageReader;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.content.SettingsReader;
import dk.tilbudsoversigt.content.SiteSettings;

class PageTextTest {

    static Stream<Path> examplePages() throws IOException {
        List<Path> pages = new ArrayList<>();
        for (Path root : List.of(Path.of("content"), Path.of("examples/koebenhavn/content"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            }
        }
        return pages.stream();
    }

    @Test
    void bothExampleSitesHavePages() throws IOException {
        long randers = examplePages().filter(p -> p.startsWith("content")).count();
        long koebenhavn = examplePages().filter(p -> p.startsWith("examples")).count();
        assertTrue(randers > 30 && koebenhavn > 10, randers + " / " + koebenhavn);
    }

    /** Opened and saved unchanged, every field set again to the value it has: byte for byte the same file. */
    @ParameterizedTest
    @MethodSource("examplePages")
    void everyExamplePageSurvivesUnchanged(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        PageText page = PageText.parse(text);
        assertTrue(page.hasFrontMatter());
        PageText again = page;
        for (Map.Entry<String, Object> f : page.fields().entrySet()) again = again.withField(f.getKey(), f.getValue());
        again = again.withBody(page.body());
        assertEquals(List.of(), differingLines(text, again.text()));
        assertTrue(java.util.Arrays.equals(bytes, again.text().getBytes(StandardCharsets.UTF_8)), file.toString());
    }

    /** Each field of each example page written anew reads back as the same value and changes only its own lines. */
    @ParameterizedTest
    @MethodSource("examplePages")
    void everyFieldOfEveryExamplePageCanBeRewritten(Path file) throws IOException {
        String text = Files.readString(file);
        PageText page = PageText.parse(text);
        for (Map.Entry<String, Object> f : page.fields().entrySet()) {
            // removing and adding back moves the key to the end: the value must read back the same
            PageText removed = page.withField(f.getKey(), null);
            assertFalse(removed.fields().containsKey(f.getKey()));
            PageText readded = removed.withField(f.getKey(), f.getValue());
            assertEquals(page.fields().get(f.getKey()), readded.fields().get(f.getKey()), file + " " + f.getKey());
            assertEquals(page.body(), readded.body());
            Map<String, Object> others = new LinkedHashMap<>(page.fields());
            others.remove(f.getKey());
            Map<String, Object> othersAfter = new LinkedHashMap<>(readded.fields());
            othersAfter.remove(f.getKey());
            assertEquals(others, othersAfter);
        }
    }

    /** The content module reads the example pages the same from PageText's output after a change of one field. */
    @Test
    void aChangedTitleIsReadByTheContentModule() throws IOException {
        Path file = Path.of("content/tilbud/aflastning.md");
        PageText page = PageText.parse(Files.readString(file)).withField("title", "Aflastning: weekend & ferie # hele året");
        SiteSettings settings = SettingsReader.read(Path.of("."), new Problems());
        Problems problems = new Problems();
        Page read = new PageReader(settings).parse(page.text().replace("\r\n", "\n"), "content/tilbud/aflastning.md", PageType.TILBUD, "aflastning", problems);
        assertEquals(List.of(), problems.errors());
        assertEquals("Aflastning: weekend & ferie # hele året", read.title());
    }

    static final String TRICKY = """
            ---
            # Sidens titel: skrevet i hånden
            title: 'Aflastning: i ''weekenden'''   # en kommentar efter værdien
            summary: >-
              En lang tekst, der er foldet
              over to linjer.

            # status kommer her
            status: draft
            keywords: [pause, "weekend", 'ferie']
            related:
            - tilbud/bpa
            - "tilbud/ledsagelse"   # citeret
            contact:
              unit: Børn og Familie   # enhed
              phone: "89 15 15 15"
            note_block: |
              første linje
              # ikke en kommentar
              sidste linje
            age: {min: 0, max: 17}
            ---
            Brødtekst med [link](../tilbud/bpa.md).
            """;

    @Test
    void aChangedFieldChangesOnlyItsOwnLines() {
        PageText page = PageText.parse(TRICKY);
        assertEquals("Aflastning: i 'weekenden'", page.fields().get("title"));
        assertEquals("En lang tekst, der er foldet over to linjer.", page.fields().get("summary"));
        assertEquals("første linje\n# ikke en kommentar\nsidste linje\n", page.fields().get("note_block"));

        String title = page.withField("title", "Aflastning # i ferien").text();
        assertEquals(List.of("3: title: 'Aflastning: i ''weekenden'''   # en kommentar efter værdien → title: \"Aflastning # i ferien\"   # en kommentar efter værdien"),
                differingLines(TRICKY, title));
        assertEquals("Aflastning # i ferien", PageText.parse(title).fields().get("title"));

        String changed = page.withField("status", "published").text();
        assertEquals(List.of("9: status: draft → status: published"), differingLines(TRICKY, changed));

        String summary = page.withField("summary", "Kort.").text();
        assertEquals(TRICKY.replace("summary: >-\n  En lang tekst, der er foldet\n  over to linjer.\n", "summary: Kort.\n"), summary);

        String block = page.withField("note_block", "ny").text();
        assertEquals(TRICKY.replace("note_block: |\n  første linje\n  # ikke en kommentar\n  sidste linje\n", "note_block: ny\n"), block);

        String related = page.withField("related", List.of("tilbud/bpa", "tilbud/stu")).text();
        assertEquals(TRICKY.replace("- \"tilbud/ledsagelse\"   # citeret\n", "- tilbud/stu\n"), related);

        String keywords = page.withField("keywords", List.of("pause", "weekend")).text();
        assertEquals(TRICKY.replace("keywords: [pause, \"weekend\", 'ferie']", "keywords: [pause, weekend]"), keywords);

        String age = page.withField("age", Map.of("min", 6)).text();
        assertEquals(TRICKY.replace("age: {min: 0, max: 17}", "age: {min: 6}"), age);
    }

    @Test
    void aNewKeyGoesAtTheEndAndARemovedKeyTakesOnlyItsLines() {
        PageText page = PageText.parse(TRICKY);
        String added = page.withField("updated", LocalDate.of(2025, 1, 31)).text();
        assertEquals(TRICKY.replace("age: {min: 0, max: 17}\n---\n", "age: {min: 0, max: 17}\nupdated: 2025-01-31\n---\n"), added);
        assertEquals("2025-01-31", PageText.parse(added).fields().get("updated"));

        String removed = page.withField("status", null).text();
        assertEquals(TRICKY.replace("status: draft\n", ""), removed);
        assertEquals(List.of("title", "summary", "keywords", "related", "contact", "note_block", "age"),
                List.copyOf(PageText.parse(removed).fields().keySet()));
    }

    @Test
    void contactAndActionItemsAreWrittenInBlockStyle() {
        PageText page = PageText.parse("---\ntitle: Handleplan\n---\nTekst\n");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("nr", 1);
        item.put("title", "Første: punkt");
        item.put("status", "in_progress");
        item.put("note", null);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("unit", "Børn og Familie");
        contact.put("phone", "89 15 15 15");
        String text = page.withField("items", List.of(item)).withField("contact", contact).text();
        assertEquals("""
                ---
                title: Handleplan
                items:
                  - nr: 1
                    title: "Første: punkt"
                    status: in_progress
                contact:
                  unit: Børn og Familie
                  phone: 89 15 15 15
                ---
                Tekst
                """, text);
        PageText back = PageText.parse(text);
        assertEquals(List.of(Map.of("nr", 1, "title", "Første: punkt", "status", "in_progress")), back.fields().get("items"));
    }

    @Test
    void lineEndingsByteOrderMarkAndMissingLastNewlineSurvive() {
        String crlf = "\uFEFF---\r\ntitle: Side\r\n# kommentar\r\nsummary: Kort\r\n---\r\nFørste linje\r\nanden linje";
        PageText page = PageText.parse(crlf);
        assertEquals(crlf, page.text());
        assertEquals("Første linje\nanden linje", page.body());
        assertEquals(crlf, page.withBody("Første linje\nanden linje").text());
        assertEquals(crlf.replace("summary: Kort\r\n", "summary: Længere\r\nstatus: draft\r\n"),
                page.withField("summary", "Længere").withField("status", "draft").text());
        assertEquals(crlf.replace("Første linje\r\nanden linje", "Ny\r\ntekst\r\n"), page.withBody("Ny\r\ntekst\n").text());

        String noNewline = "---\ntitle: Side\n---";
        assertEquals(noNewline, PageText.parse(noNewline).text());
        assertEquals("---\ntitle: Ny\n---", PageText.parse(noNewline).withField("title", "Ny").text());
        assertEquals("", PageText.parse(noNewline).body());
    }

    /** An action plan's status changed in one item changes that one line, in every example action plan. */
    static Stream<Path> exampleActionPlans() throws IOException {
        List<Path> plans = examplePages().filter(p -> p.toString().contains("handleplaner")).toList();
        assertFalse(plans.isEmpty(), "the example sites have action plans");
        return plans.stream();
    }

    @ParameterizedTest
    @MethodSource("exampleActionPlans")
    @SuppressWarnings("unchecked")
    void oneItemsStatusChangesOneLine(Path file) throws IOException {
        String text = Files.readString(file);
        PageText page = PageText.parse(text);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : (List<Object>) page.fields().get("items")) items.add(new LinkedHashMap<>((Map<String, Object>) item));
        Map<String, Object> last = items.get(items.size() - 1);
        last.put("status", "done".equals(last.get("status")) ? "cancelled" : "done");
        List<String> diff = differingLines(text, page.withField("items", items).text());
        assertEquals(1, diff.size(), file + ": " + diff);
        assertTrue(diff.get(0).contains("status: "), diff.get(0));
    }

    /** Unchanged items and keys keep the file's own spelling: quotes, comments. */
    @Test
    @SuppressWarnings("unchecked")
    void unchangedItemsAndKeysKeepTheirLines() throws IOException {
        String text = Files.readString(Path.of("content/tilbud/aflastning.md"));
        PageText page = PageText.parse(text);
        List<String> legal = new ArrayList<>((List<String>) page.fields().get("legal_basis"));
        legal.add("Serviceloven § 85");
        assertEquals(text.replace("  - \"Serviceloven § 84, stk. 1\"\n", "  - \"Serviceloven § 84, stk. 1\"\n  - Serviceloven § 85\n"),
                page.withField("legal_basis", legal).text());
        Map<String, Object> contact = new LinkedHashMap<>((Map<String, Object>) page.fields().get("contact"));
        contact.put("phone", "89 15 15 15");
        assertEquals(text.replace("  url: \"https://www.randers.dk/\"\n", "  url: \"https://www.randers.dk/\"\n  phone: 89 15 15 15\n"),
                page.withField("contact", contact).text());

        String items = "---\nitems:\n  - nr: '1'   # første\n    title: a\n    # mellem\n    status: done\n  - {nr: 2, title: b}\n---\n";
        PageText plan = PageText.parse(items);
        List<Map<String, Object>> changed = new ArrayList<>();
        for (Object item : (List<Object>) plan.fields().get("items")) changed.add(new LinkedHashMap<>((Map<String, Object>) item));
        changed.get(0).put("title", "A");
        changed.get(1).put("status", "done");
        assertEquals("---\nitems:\n  - nr: '1'   # første\n    title: A\n    # mellem\n    status: done\n  - nr: 2\n    title: b\n    status: done\n---\n",
                plan.withField("items", changed).text());
    }

    @Test
    void aMapKeepsItsIndentation() {
        String text = "---\ncontact:\n    unit: Børn og Familie\n    phone: 89 15 15 15\nkeywords:\n    - a\n---\n";
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("unit", "Børn og Familie");
        contact.put("phone", "89 15 15 16");
        assertEquals(text.replace("15 15\n", "15 16\n"), PageText.parse(text).withField("contact", contact).text());
        assertEquals(text.replace("    - a\n", "    - a\n    - b\n"), PageText.parse(text).withField("keywords", List.of("a", "b")).text());
    }

    @Test
    void anEmptyFrontMatterGetsItsFirstKey() {
        assertEquals("---\ntitle: Ny\n---\nTekst\n", PageText.parse("---\n---\nTekst\n").withField("title", "Ny").text());
        assertEquals("---\n# kun en kommentar\ntitle: Ny\n---\n", PageText.parse("---\n# kun en kommentar\n---\n").withField("title", "Ny").text());
    }

    @Test
    void aTextWithoutFrontMatterGetsOne() {
        PageText page = PageText.parse("Bare tekst\n");
        assertEquals(Map.of(), page.fields());
        assertEquals("---\ntitle: Ny side\n---\nBare tekst\n", page.withField("title", "Ny side").text());
    }

    @Test
    void valuesThatLookLikeOtherTypesAreQuoted() {
        PageText page = PageText.parse("---\ntitle: x\n---\n");
        assertEquals("---\ntitle: \"true\"\n---\n", page.withField("title", "true").text());
        assertEquals("---\ntitle: \"17\"\n---\n", page.withField("title", "17").text());
        assertEquals("---\ntitle: \"\"\n---\n", page.withField("title", "").text());
        assertEquals("---\ntitle: \"- liste\"\n---\n", page.withField("title", "- liste").text());
        assertEquals("---\ntitle: \"a\\nb\"\n---\n", page.withField("title", "a\nb").text());
        assertEquals("---\ntitle: 17\n---\n", page.withField("title", 17).text());
        assertEquals("---\ntitle: false\n---\n", page.withField("title", false).text());
    }

    @Test
    void aSingleLineFlowFrontMatterIsWrittenOutInBlockStyle() {
        PageText page = PageText.parse("---\n{title: Side, summary: Kort}\n---\nTekst\n");
        assertEquals("---\ntitle: Side\nsummary: Længere\n---\nTekst\n", page.withField("summary", "Længere").text());
    }

    @Test
    void unreadableFrontMatterNamesTheLine() {
        PageText.Unreadable open = assertThrows(PageText.Unreadable.class, () -> PageText.parse("---\ntitle: x\n"));
        assertEquals(1, open.line);
        PageText.Unreadable yaml = assertThrows(PageText.Unreadable.class, () -> PageText.parse("---\ntitle: x\nsummary: [a\n---\n"));
        assertTrue(yaml.line >= 3, "line " + yaml.line);
        assertTrue(yaml.getMessage().startsWith("YAML kan ikke læses"), yaml.getMessage());
    }

    @Test
    void theSameValueIsNoChange() {
        PageText page = PageText.parse(TRICKY);
        assertSame(page, page.withField("related", List.of("tilbud/bpa", "tilbud/ledsagelse")));
        assertSame(page, page.withField("age", Map.of("min", 0, "max", 17)));
        assertSame(page, page.withField("missing", null));
        assertSame(page, page.withField("missing", List.of()));
        assertSame(page, page.withField("missing", ""));
        PageText single = PageText.parse("---\nrelated: tilbud/bpa\nkeywords:\nprice: ''\n---\n");
        assertSame(single, single.withField("related", List.of("tilbud/bpa")));
        assertSame(single, single.withField("keywords", List.of()));
        assertSame(single, single.withField("keywords", null));
        assertSame(single, single.withField("price", null));
    }

    @Test
    void aListItemIsReplacedInPlaceWhateverItsQuoting() {
        PageText page = PageText.parse(TRICKY);
        String text = page.withListItemReplaced("related", "tilbud/ledsagelse", "tilbud/ledsager").text();
        assertEquals(TRICKY.replace("- \"tilbud/ledsagelse\"", "- \"tilbud/ledsager\""), text);
        PageText flow = PageText.parse("---\nrelated: [tilbud/a, 'tilbud/ab', tilbud/a-b]\n---\n");
        assertEquals("---\nrelated: [tilbud/c, 'tilbud/ab', tilbud/a-b]\n---\n", flow.withListItemReplaced("related", "tilbud/a", "tilbud/c").text());
    }

    static Stream<String> handWritten() {
        return Stream.of(
                TRICKY,
                TRICKY.replace("\n", "\r\n"),
                "\uFEFF" + TRICKY,
                TRICKY.substring(0, TRICKY.length() - 1),
                "---\ntitle: \"Citeret \\\"med\\\" escapes\"\nsummary: |+\n  beholdt\n\n# efter\nkeywords:\n    - dybt\n    - indrykket\n...\nTekst\n",
                "---\n\"title\": Nøgle i citat\n'summary': en\n  tekst over\n  tre linjer\nkeywords: [a,\n  b, c]\n---\n",
                "---   \ntitle: x   \n\n\nsummary: y\n\n---\n\n## Overskrift\n",
                "---\ntitle: x\nitems:\n  - nr: 1\n    title: a   # første\n    # mellem\n  - {nr: 2, title: b}\n# til sidst\n---\n");
    }

    @ParameterizedTest
    @MethodSource("handWritten")
    void handWrittenFrontMatterSurvivesAndEachFieldChangesAlone(String text) {
        PageText page = PageText.parse(text);
        assertEquals(text, page.text());
        List<String> comments = comments(text);
        for (String key : page.fields().keySet()) {
            PageText changed = page.withField(key, "Ny værdi: æøå # \"citat\"");
            assertEquals("Ny værdi: æøå # \"citat\"", changed.fields().get(key), key);
            Map<String, Object> others = new LinkedHashMap<>(page.fields());
            others.remove(key);
            Map<String, Object> othersAfter = new LinkedHashMap<>(changed.fields());
            othersAfter.remove(key);
            assertEquals(others, othersAfter, key);
            assertEquals(List.copyOf(page.fields().keySet()), List.copyOf(changed.fields().keySet()), "key order");
            assertEquals(page.body(), changed.body());
            List<String> kept = comments(changed.text());
            for (String comment : comments) {
                assertTrue(kept.contains(comment) || isInside(text, key, comment), key + ": the comment '" + comment + "' is kept");
            }
            assertEquals(text.contains("\r\n"), changed.text().contains("\r\n"));
            if (text.contains("\r\n")) assertFalse(changed.text().replace("\r\n", "").contains("\n"), "no bare line feed in a CRLF file");
            assertEquals(text.startsWith("\uFEFF"), changed.text().startsWith("\uFEFF"));
        }
    }

    private static List<String> comments(String text) {
        return text.lines().filter(l -> l.strip().startsWith("#")).map(String::strip).toList();
    }

    /** Whether a "comment" lies within {@code key}'s own value (between its list items, or text of a block scalar). */
    private static boolean isInside(String text, String key, String comment) {
        return (comment.equals("# mellem") && key.equals("items")) || (comment.equals("# ikke en kommentar") && key.equals("note_block"));
    }

    /** "line: old → new" for every line that differs, when the line count is the same; else the whole texts. */
    static List<String> differingLines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        if (a.length != b.length) return List.of(before + "\n≠\n" + after);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) out.add((i + 1) + ": " + a[i] + " → " + b[i]);
        }
        return out;
    }
}
