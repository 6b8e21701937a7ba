package dk.tilbudsoversigt.bake;

import static dk.tilbudsoversigt.HostileSite.BASE;
import static dk.tilbudsoversigt.HostileSite.BODY_TEXT;
import static dk.tilbudsoversigt.HostileSite.FAQ_TITLE;
import static dk.tilbudsoversigt.HostileSite.GROUP_TITLE;
import static dk.tilbudsoversigt.HostileSite.ITEM_TITLE;
import static dk.tilbudsoversigt.HostileSite.KEYWORD;
import static dk.tilbudsoversigt.HostileSite.NEWS_TITLE;
import static dk.tilbudsoversigt.HostileSite.OFFER_SUMMARY;
import static dk.tilbudsoversigt.HostileSite.OFFER_TITLE;
import static dk.tilbudsoversigt.HostileSite.OWNER;
import static dk.tilbudsoversigt.HostileSite.QUESTION;
import static dk.tilbudsoversigt.HostileSite.UNIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.tilbudsoversigt.HostileSite;
import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.search.JsSearch;
import dk.tilbudsoversigt.site.Checked;

/**
 * Titles, summaries, keywords, headings and body text full of HTML, script, quotes, template
 * syntax and javascript: come out as the same text, escaped, in every file of the built site:
 * page text and attributes, JSON-LD, the Atom feed, the sitemap and the search index. Every
 * text file is scanned for the payloads as markup; the search index (raw-deflated files under
 * soeg/) is read back; javascript: where a URL is expected is refused.
 */
class InjectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path temp;
    static Path out;

    @BeforeAll
    static void buildTheHostileSite() {
        Path site = HostileSite.write(temp.resolve("site"));
        out = temp.resolve("ud");
        SiteBuilder.Result result = SiteBuilder.build(site, out, false);
        assertTrue(result.ok(), () -> "the hostile site is valid and must build: " + result.problems().all());
    }

    private static List<Path> files(String extension) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
    }

    private static Document page(String url) throws IOException {
        return Jsoup.parse(out.resolve(url.substring(1) + "index.html").toFile(), "UTF-8");
    }

    @Test
    void noBuiltFileHoldsThePayloadsAsMarkup() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(p -> p.toString().matches(".*\\.(html|xml|json|txt|js)")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (String markup : HostileSite.RAW_MARKUP) {
                    if (text.contains(markup)) found.add(out.relativize(file) + " holds " + markup);
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void everyPageRunsOnlyTheSitesOwnScriptsAndHasNoInjectedElements() throws IOException {
        List<Path> pages = files(".html");
        assertTrue(pages.size() > 20, "the whole site: " + pages.size() + " pages");
        for (Path file : pages) {
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            String where = out.relativize(file).toString();
            for (Element script : doc.select("script")) {
                boolean own = script.attr("type").equals("module") && script.attr("src").matches(BASE + "/js/[a-z]+\\.[0-9a-f]{10}\\.js");
                boolean data = script.attr("type").equals("application/ld+json");
                assertTrue(own || data, where + " runs " + script.outerHtml());
            }
            for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), where + ": " + e.normalName() + " has " + a.getKey());
                    if (List.of("href", "src", "action", "formaction").contains(a.getKey())) {
                        assertFalse(a.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:"), where + ": " + a);
                    }
                }
                assertFalse(List.of("iframe", "object", "embed", "frame").contains(e.normalName()), where + " has <" + e.normalName() + ">");
            }
            for (String id : HostileSite.INJECTED_IDS) assertNull(doc.getElementById(id), where + " has the injected element #" + id);
        }
    }

    @Test
    void thePayloadsAreShownAsTextInPagesAndAttributes() throws IOException {
        Document offer = page("/tilbud/aflastning/");
        assertEquals(OFFER_TITLE, offer.selectFirst("h1").text());
        assertEquals(OFFER_TITLE + " – Tilbud – " + OWNER, offer.title());
        assertEquals(OFFER_SUMMARY, offer.selectFirst("meta[name=description]").attr("content"));
        assertEquals(OFFER_SUMMARY, offer.selectFirst(".manchet").text());
        assertEquals(OFFER_TITLE, offer.selectFirst(".broedkrummer [aria-current=page]").text());
        assertEquals(GROUP_TITLE, offer.selectFirst(".faktaboks dd a").text());
        assertTrue(offer.selectFirst(".kontaktliste").text().contains(UNIT), offer.selectFirst(".kontaktliste").text());
        assertTrue(offer.selectFirst(".faktaboks").text().contains(KEYWORD));
        assertEquals(BODY_TEXT, offer.selectFirst(".broedtekst p").text());
        assertEquals(QUESTION, offer.selectFirst(".broedtekst h2").text());
        assertEquals("https://www.example.dk/handicap/tilbud/aflastning/", offer.selectFirst("link[rel=canonical]").attr("href"));
        assertTrue(offer.selectFirst("footer").text().contains("Kontakt " + OWNER));

        Document list = page("/tilbud/");
        assertEquals(List.of(OFFER_TITLE), list.select(".kort h2, .kort h3").eachText());
        assertEquals(OFFER_SUMMARY, list.selectFirst(".kort p").text());
        assertEquals("autisme", list.selectFirst(".kort").attr("data-maalgruppe"));
        assertTrue(page("/").select("a").eachText().contains(FAQ_TITLE));
        assertTrue(page("/").select("a").eachText().contains(NEWS_TITLE));
        assertEquals(GROUP_TITLE, page("/maalgrupper/autisme/").selectFirst("h1").text());
        assertEquals(QUESTION, page("/faq/hjaelp/").selectFirst(".indholdsfortegnelse li").text());
        assertTrue(page("/handleplaner/handleplan-2024/").selectFirst("table.handleplan tbody").text().contains(ITEM_TITLE));
        assertEquals(NEWS_TITLE, page("/nyheder/nye-pladser/").selectFirst("h1").text());
    }

    @Test
    void jsonLdHoldsThePayloadsAsDataAndCannotEndItsScriptElement() throws IOException {
        int seen = 0;
        for (Path file : files(".html")) {
            String html = Files.readString(file);
            Element script = Jsoup.parse(html).selectFirst("script[type=application/ld+json]");
            if (script == null) continue;
            seen++;
            String data = script.data();
            assertFalse(data.contains("</") || data.contains("<!--") || data.contains("<"), out.relativize(file) + ": " + data);
            JSON.readTree(data);
        }
        assertTrue(seen >= 2, "offer and FAQ pages carry JSON-LD");
        JsonNode offer = JSON.readTree(page("/tilbud/aflastning/").selectFirst("script[type=application/ld+json]").data());
        assertEquals(OFFER_TITLE, offer.get("name").asText());
        assertEquals(OFFER_SUMMARY, offer.get("description").asText());
        assertEquals(OWNER, offer.get("provider").get("name").asText());
        JsonNode faq = JSON.readTree(page("/faq/hjaelp/").selectFirst("script[type=application/ld+json]").data());
        assertEquals(QUESTION, faq.get("mainEntity").get(0).get("name").asText());
        assertEquals(BODY_TEXT, faq.get("mainEntity").get(0).get("acceptedAnswer").get("text").asText());
    }

    @Test
    void theFeedAndTheSitemapAreWellFormedXmlWithThePayloadsAsText() throws Exception {
        List<Path> xml = files(".xml");
        assertTrue(xml.size() >= 2, xml.toString());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        for (Path file : xml) factory.newDocumentBuilder().parse(file.toFile());

        org.w3c.dom.Document feed = factory.newDocumentBuilder().parse(out.resolve("nyheder/feed.xml").toFile());
        org.w3c.dom.Element entry = (org.w3c.dom.Element) feed.getElementsByTagName("entry").item(0);
        assertEquals(NEWS_TITLE, entry.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(OFFER_SUMMARY, entry.getElementsByTagName("summary").item(0).getTextContent());
        assertEquals(OWNER, feed.getElementsByTagName("name").item(0).getTextContent());
        assertEquals(1, feed.getDocumentElement().getElementsByTagName("entry").getLength(), "no element smuggled into the feed");
    }

    @Test
    void theSearchIndexHoldsThePayloadsAsData() throws IOException {
        List<Path> index = files(".bin");
        assertFalse(index.isEmpty(), "a search index is written");
        List<String> titles = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Path documents = out.resolve("soeg/d");
        for (Path file : index) {
            if (file.startsWith(documents)) continue; // the documents' blocks, read below
            byte[] raw = JsSearch.inflate(file);
            // the directory is JSON; shards, vocabularies and filters hold terms and numbers
            if (raw.length > 0 && raw[0] == '{') collect(JSON.readTree(raw), titles, texts);
        }
        for (byte[] raw : JsSearch.documents(out.resolve("soeg"))) collect(JSON.readTree(raw), titles, texts);
        assertTrue(titles.contains(OFFER_TITLE), titles.toString());
        assertTrue(titles.contains(QUESTION), "a FAQ question is a result of its own: " + titles);
        assertTrue(texts.contains(OFFER_SUMMARY), "summaries as they were written");
    }

    /** Every "title" value into {@code titles} and every other text value into {@code texts}, at any depth. */
    private static void collect(JsonNode node, List<String> titles, List<String> texts) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("title") && e.getValue().isTextual()) titles.add(e.getValue().asText());
                else collect(e.getValue(), titles, texts);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, titles, texts));
        } else if (node.isTextual()) {
            texts.add(node.asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Klik [her](javascript:alert(1)).",
        "Klik [her]( JaVaScRiPt:alert(1) ).",
        "Klik [her][x].\n\n[x]: javascript:alert(1)",
        "![Kort](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">her</a>",
        "<a href=\"java&#x09;script:alert(1)\">her</a>",
        "<img src=\"x\" alt=\"Kort\" onerror=\"alert(1)\">",
        "Klik [her](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).",
        "Klik [her](vbscript:msgbox(1))."})
    void aScriptWhereAUrlBelongsIsRefused(String body) {
        Path site = TestSites.minimal(temp.resolve("url-" + Integer.toHexString(body.hashCode())));
        String text = "---\ntitle: Om\n---\n\nFørst.\n\n" + body + "\n";
        TestSites.write(site, TestSites.SIDE_FILE, text);
        List<Problem> errors = Checked.run(site, false).problems().errors();
        assertEquals(1, errors.size(), errors.toString());
        String lastLine = body.substring(body.lastIndexOf('\n') + 1);
        assertEquals(TestSites.SIDE_FILE + ":" + TestSites.lineOf(text, lastLine), errors.get(0).file() + ":" + errors.get(0).line());
        assertTrue(errors.get(0).message().contains("er ikke tilladt"), "refused as a script, not as a missing file: " + errors.get(0));
    }

    @Test
    void aScriptUrlInTheFrontMatterIsRefused() {
        Path site = TestSites.minimal(temp.resolve("contact"));
        TestSites.write(site, TestSites.OFFER_FILE, TestSites.OFFER.replace("email: boern@example.dk", "url: \"javascript:alert(1)\""));
        List<Problem> errors = Checked.run(site, false).problems().errors();
        assertEquals(List.of(TestSites.OFFER_FILE + ":" + TestSites.lineOf(TestSites.OFFER, "email:")
                + ": 'contact.url' skal være en hel adresse, der begynder med https://"), errors.stream().map(Problem::toString).toList());
    }
}
