package dk.tilbudsoversigt.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dk.tilbudsoversigt.SiteLinks;
import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.content.Slugs;
import dk.tilbudsoversigt.search.JsSearch;

/**
 * Random input, many times over. Random front matter and Markdown never crash a build and
 * every problem names a file and a line; a random valid site, with titles and headings in any
 * script and links between its pages, always builds, and every link and anchor in it leads
 * somewhere, to one place only.
 */
class RandomSitePropertiesTest {
    private static final String BASE = "/handicap";
    private static final List<String> FOLDERS = List.of("tilbud", "maalgrupper", "planer", "handleplaner", "faq", "begreber", "nyheder", "sider");

    // ------------------------------------------------------------ random input never crashes

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void randomFrontMatterAndMarkdownNeverCrashTheBuild(@ForAll("folders") String folder, @ForAll("pages") byte[] page) throws IOException {
        Path root = Files.createTempDirectory("tilbudsoversigt-tilfaeldig");
        try {
            Path site = TestSites.minimal(root.resolve("site"));
            TestSites.writeBytes(site, "content/" + folder + "/tilfaeldig.md", page);
            Path out = root.resolve("ud");
            SiteBuilder.Result result = SiteBuilder.build(site, out, false);
            for (Problem p : result.problems().all()) {
                assertFalse(p.file().isBlank() || p.file().startsWith("/") || p.file().contains("\\"), "a site-relative path: " + p);
                assertTrue(p.line() >= 1, "a line: " + p);
                assertFalse(p.message().isBlank(), "a message: " + p);
                assertFalse(p.message().contains("Exception") || p.message().contains("java."), "no Java in the message: " + p);
            }
            assertEquals(result.ok(), Files.isDirectory(out), "a site exactly when the build succeeded");
        } finally {
            Trees.deleteTree(root);
        }
    }

    @Provide
    Arbitrary<String> folders() {
        return Arbitraries.of(FOLDERS);
    }

    @Provide
    Arbitrary<byte[]> pages() {
        Arbitrary<String> frontMatter = Arbitraries.oneOf(yamlLine(), yamlLine(), yamlLine()).list().ofMaxSize(12)
                .map(lines -> String.join("\n", lines));
        Arbitrary<String> body = markdownPiece().list().ofMaxSize(25).map(pieces -> String.join("", pieces));
        Arbitrary<String> text = Combinators.combine(Arbitraries.of("---\n", "---\n", "---\n", "", "--- \n", "\uFEFF---\n"),
                frontMatter, Arbitraries.of("\n---\n", "\n---\n", "\n...\n", "\n", "\n--\n"), body).as((a, b, c, d) -> a + b + c + d);
        Arbitrary<String> lineEndings = Combinators.combine(text, Arbitraries.of("\n", "\n", "\r\n", "\r"))
                .as((t, nl) -> t.replace("\n", nl));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, lineEndings.map(t -> t.getBytes(StandardCharsets.UTF_8))),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)));
    }

    private static Arbitrary<String> yamlLine() {
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of("title", "summary", "status", "updated", "keywords", "related", "type", "glossary_links",
                        "target_groups", "age", "referral_required", "areas", "legal_basis", "price", "contact", "review_by",
                        "synonyms", "period", "audience", "items", "date", "  min", "  max", "  unit", "  - nr", "    title"),
                anyText(1, 12));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("", "~", "null", "true", "yes", "no", "1e9", "0x1F", "-1", "999999999999999999999", "2024-05-01",
                        "2024-13-45", "[a, b]", "[]", "{}", "{min: 1, max: 2}", "{min: -1}", "{min: 5, max: 2}", "&a x", "*a",
                        "!!binary aGVq", "!tag x", "\"unterminated", "'quote''s'", "|\n  block\n  text", ">\n  folded",
                        "\n  - item\n  - *a", "? complex", ": x", "@x", "`x`", "%x", "# comment", "---", "...", "\t",
                        "[" .repeat(50), "{a: [b, {c: d}]}", "draft", "published", "tilbud/aflastning", "../../../etc/passwd",
                        "[autisme]", "{unit: x, phone: 12345678}", "\"\\u0000\"", "\"\\uD800\"", "boern", "alle",
                        "\n  - {nr: 1, title: x, status: done}\n  - {nr: 2, status: nope}"),
                anyText(0, 40),
                anyText(0, 40).map(t -> "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        return Combinators.combine(key, Arbitraries.of(": ", ":", " : ", ":\t"), value).as((k, sep, v) -> k + sep + v);
    }

    private static Arbitrary<String> markdownPiece() {
        return Arbitraries.oneOf(
                Arbitraries.of("\n", "\n\n", "# Titel\n", "## Afsnit\n", "#### Spring\n", "###### \n", "- punkt\n", "  - under\n",
                        "1. et\n", "> citat\n", "> > dybere\n", "```\nkode\n", "```\n", "    indrykket\n", "---\n", "***\n",
                        "| a | b |\n|---|---|\n| c |\n", "*fremhævet*", "**fed**", "_x_", "`kode`", "\\", "&amp;", "&#0;", "&#xD800;",
                        "[link](../tilbud/aflastning.md)", "[link](../tilbud/aflastning.md#hvem-kan-faa-aflastning)", "[a](#nope)",
                        "[a](../../../../etc/passwd)", "[a](%zz)", "[a](<>)", "[a](javascript:alert(1))", "[a](file:///etc/passwd)",
                        "[a](https://example.dk)", "[a][ref]\n\n[ref]: ../faq/hjaelp.md\n", "![](x.png)", "![alt](kort.png)",
                        "<b>fed</b>", "<script>alert(1)</script>", "<div>\n", "</div>\n", "<span onclick=x>", "<a href=\"x\">",
                        "<img src=\"x.png\" alt=\"\">", "<!-- kommentar -->", "<![CDATA[x]]>", "<?php ?>", "<", ">", "]]>",
                        "${7*7}", "{{7*7}}", "\u0000", "\u202E", "\uFEFF", "😀", "a\u0301", "ﷺ", "\t- tab\n", "Visitation "),
                anyText(1, 30),
                Arbitraries.integers().between(2, 3000).map(n -> "- ".repeat(n) + "x\n"),
                Arbitraries.integers().between(2, 3000).map(n -> "*".repeat(n) + "x" + "*".repeat(n) + "\n"));
    }

    /** Text of any code points a file can hold: letters of every script, marks, symbols, emoji, controls. */
    private static Arbitrary<String> anyText(int min, int max) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of((int) 'æ', (int) 'ø', (int) 'å', (int) 'Æ', (int) 'Ø', (int) 'Å', (int) ' ')),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0xA0, 0x2FFF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x1F300, 0x1FAFF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0x10FFFF)
                        .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)));
        return codePoint.list().ofMinSize(min).ofMaxSize(max)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }

    // ------------------------------------------------------------ a valid random site builds, every link resolves

    /** One page of the random site: where it lives, its title, its headings and the links it makes. */
    record RandomPage(String folder, String slug, String title, List<String> headings, List<Integer> links, List<Integer> anchors) {
        String key() {
            return folder + "/" + slug;
        }
    }

    @Property(tries = 40, edgeCases = EdgeCasesMode.NONE)
    void aValidRandomSiteAlwaysBuildsAndEveryLinkLeadsToOnePlace(@ForAll("sites") List<RandomPage> pages) throws Exception {
        assertBuildsWithEveryLinkLeadingToOnePlace(pages);
    }

    /** A case the property found: terms whose first letters have no slug or the same slug, and a title that starts with an emoji. */
    @Example
    void glossaryLettersOfAnyScriptEachHaveTheirOwnAnchor() throws Exception {
        List<RandomPage> pages = new ArrayList<>();
        pages.add(new RandomPage("maalgrupper", "gruppe", "Målgruppe", List.of(), List.of(), List.of()));
        List<String> titles = List.of("Ωmega", "Жук", "Æble", "Äble", "😀 smil", "aabenhed", "Ørn");
        for (int i = 0; i < titles.size(); i++) {
            pages.add(new RandomPage("begreber", "begreb-" + i, titles.get(i), List.of("Ω", "Ж", "Ω"), List.of(), List.of()));
        }
        assertBuildsWithEveryLinkLeadingToOnePlace(pages);
    }

    private static void assertBuildsWithEveryLinkLeadingToOnePlace(List<RandomPage> pages) throws Exception {
        Path root = Files.createTempDirectory("tilbudsoversigt-gyldig");
        try {
            Path site = root.resolve("site");
            TestSites.write(site, TestSites.PROPERTIES_FILE, TestSites.PROPERTIES);
            for (RandomPage page : pages) TestSites.write(site, "content/" + page.key() + ".md", markdown(page, pages));
            Path out = root.resolve("ud");
            SiteBuilder.Result result = SiteBuilder.build(site, out, false);
            assertTrue(result.ok(), () -> "a valid site must build: " + result.problems().errors());

            assertEquals(List.of(), SiteLinks.broken(out, BASE));
            List<String> duplicates = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path html : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                    Document doc = Jsoup.parse(html.toFile(), "UTF-8");
                    Set<String> ids = new HashSet<>();
                    for (Element e : doc.select("[id]")) {
                        if (!ids.add(e.id())) duplicates.add(out.relativize(html) + " #" + e.id());
                    }
                }
            }
            assertEquals(List.of(), duplicates, "an anchor leads to one place only");
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            xml.newDocumentBuilder().parse(out.resolve("sitemap.xml").toFile());
            xml.newDocumentBuilder().parse(out.resolve("nyheder/feed.xml").toFile());
            new ObjectMapper().readTree(JsSearch.inflate(out.resolve("soeg/indeks.bin")));
            List<String> letters = Jsoup.parse(out.resolve("begreber/index.html").toFile(), "UTF-8").select("main h2").eachText();
            Locale danish = Locale.forLanguageTag("da-DK");
            for (RandomPage term : pages.stream().filter(p -> p.folder().equals("begreber")).toList()) {
                String title = term.title().strip().toUpperCase(danish);
                assertTrue(letters.stream().anyMatch(l -> title.startsWith(l) || l.equals("Å") && title.startsWith("AA")),
                        "'" + term.title() + "' is filed under its first letter, not under " + letters);
            }
            for (RandomPage page : pages) {
                String url = page.folder().equals("sider") ? page.slug() : page.key();
                Document doc = Jsoup.parse(out.resolve(url + "/index.html").toFile(), "UTF-8");
                assertEquals(spaced(page.title()), spaced(doc.selectFirst("h1").text()), "the title, whatever its script");
            }
        } finally {
            Trees.deleteTree(root);
        }
    }

    @Provide
    Arbitrary<List<RandomPage>> sites() {
        Arbitrary<RandomPage> page = Combinators.combine(
                Arbitraries.of("tilbud", "maalgrupper", "planer", "faq", "begreber", "nyheder", "sider"),
                title(), heading().list().ofMaxSize(4),
                Arbitraries.integers().between(0, 50).list().ofMaxSize(3),
                Arbitraries.integers().between(0, 50).list().ofMaxSize(3))
                .as((folder, title, headings, links, anchors) -> new RandomPage(folder, "", title, headings, links, anchors));
        return page.list().ofMinSize(1).ofMaxSize(8).map(list -> {
            List<RandomPage> out = new ArrayList<>();
            // one target group always, so that every offer has one
            out.add(new RandomPage("maalgrupper", "gruppe", "Målgruppe", List.of(), List.of(), List.of()));
            for (int i = 0; i < list.size(); i++) {
                RandomPage p = list.get(i);
                out.add(new RandomPage(p.folder(), "side-" + i, p.title(), p.headings(), p.links(), p.anchors()));
            }
            return out;
        });
    }

    /** A title in any script: 1 to 30 printable code points, not all blank. */
    private static Arbitrary<String> title() {
        return anyText(1, 30).map(RandomSitePropertiesTest::printable).filter(t -> !spaced(t).isEmpty() && t.length() <= 120);
    }

    /** Heading text: any script, but none of Markdown's own characters, so that the text is the heading's text. */
    private static Arbitrary<String> heading() {
        return title().map(t -> t.replaceAll("[\\\\`*_{}\\[\\]<>()#+!|&~=-]", " ").strip()).filter(t -> !t.isEmpty() && !t.matches("\\d+[.)].*"));
    }

    private static String printable(String text) {
        return text.codePoints().filter(c -> switch (Character.getType(c)) {
            case Character.CONTROL, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE, Character.FORMAT,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        }).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** Text with every run of spaces of any kind as one space, trimmed: as a reader sees it. */
    private static String spaced(String text) {
        return text.codePoints().mapToObj(c -> Character.isSpaceChar(c) || Character.isWhitespace(c) ? " " : Character.toString(c))
                .collect(Collectors.joining()).replaceAll(" +", " ").strip();
    }

    private static String q(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The page's file: front matter its type needs, its headings, and links to other pages (and their headings). */
    private static String markdown(RandomPage page, List<RandomPage> all) {
        StringBuilder fm = new StringBuilder("---\ntitle: " + q(page.title()) + "\nsummary: " + q("Om " + page.title()) + "\n");
        switch (page.folder()) {
            case "tilbud" -> fm.append("updated: 2024-05-01\ntarget_groups: [gruppe]\nage: {min: 0}\nreferral_required: false\n"
                    + "contact: {unit: Enhed, phone: 12345678}\n");
            case "planer" -> fm.append("period: 2020-2023\naudience: alle\n");
            case "nyheder" -> fm.append("date: 2024-01-01\n");
            default -> { }
        }
        List<String> related = page.links().stream().map(i -> all.get(i % all.size()).key()).filter(k -> !k.equals(page.key()))
                .distinct().toList();
        if (!related.isEmpty()) fm.append("related: [").append(String.join(", ", related)).append("]\n");
        StringBuilder body = new StringBuilder(fm).append("---\n\nIndledning om ").append(page.title().replace("*", " ")).append(".\n");
        for (int i = 0; i < page.links().size(); i++) {
            RandomPage target = all.get(page.links().get(i) % all.size());
            String anchor = "";
            List<String> ids = anchorIds(target.headings());
            if (i < page.anchors().size() && !ids.isEmpty()) anchor = "#" + ids.get(page.anchors().get(i) % ids.size());
            body.append("\nSe [siden](../").append(target.key()).append(".md").append(anchor).append(").\n");
        }
        for (String h : page.headings()) body.append("\n## ").append(h).append("\n\nTekst under ").append(h).append(".\n");
        return body.toString();
    }

    /** The anchors the site gives these headings, as the contract says: the slug, "afsnit" when empty, "-2" on repeats. */
    private static List<String> anchorIds(List<String> headings) {
        Map<String, Integer> seen = new HashMap<>();
        return headings.stream().map(h -> {
            String id = Slugs.slugify(h);
            if (id.isEmpty()) id = "afsnit";
            int n = seen.merge(id, 1, Integer::sum);
            return n > 1 ? id + "-" + n : id;
        }).collect(Collectors.toList());
    }

}
