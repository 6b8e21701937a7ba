package dk.tilbudsoversigt.bake;

import dk.tilbudsoversigt.content.Folders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.PaginatedSite;
import dk.tilbudsoversigt.benchmark.SyntheticSite;

/**
 * Long offer lists come as static pages of 50 (from 200 offers on), short ones as one page:
 * the overview, the facet pages and the target groups of a 1,000-offer synthetic site, and
 * the fixture site, which stays as it was.
 */
class PaginationTest {
    private static final String BASE = PaginatedSite.BASE;
    private static final int OFFERS = PaginatedSite.OFFERS;
    private static final long MAX_HTML = 200 * 1024;
    @TempDir
    static Path temp;
    static Path out;

    @BeforeAll
    static void build() throws IOException {
        out = PaginatedSite.built();
    }

    private static Document page(Path root, String url) throws IOException {
        Path file = root.resolve(url.substring(BASE.length() + 1) + "index.html");
        assertTrue(Files.isRegularFile(file), "missing page " + url);
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    private static String rel(Document doc, String rel) {
        Element link = doc.selectFirst("head link[rel=" + rel + "]");
        return link == null ? null : link.attr("href");
    }

    /** The offer links of a list, page after page along rel=next, checking each page's links back and its navigation. */
    private static List<String> walk(String first, String listSelector) throws IOException {
        List<String> titles = new ArrayList<>();
        String url = first;
        String before = null;
        int number = 1;
        while (url != null) {
            Document doc = page(out, url);
            assertEquals(before, rel(doc, "prev"), "rel=prev of " + url);
            List<String> own = doc.select(listSelector + " > li.kort").stream().map(li -> li.selectFirst("a").attr("href")).toList();
            String next = rel(doc, "next");
            Element nav = doc.selectFirst("nav.sider[aria-label=Sider]");
            if (number == 1 && next == null) {
                assertNull(nav, "a list of one page has no page navigation: " + url);
            } else {
                assertNotNull(nav, "page navigation on " + url);
                assertEquals(Integer.toString(number), nav.selectFirst("[aria-current=page]").text().replace("Side ", ""), url);
                assertEquals(next != null, !nav.select("a[rel=next]:contains(Næste)").isEmpty(), url);
                assertEquals(before != null, !nav.select("a[rel=prev]:contains(Forrige)").isEmpty(), url);
                if (next != null) assertEquals(50, own.size(), "50 offers on every page but the last: " + url);
                if (number > 1) assertEquals(first + "side/" + number + "/", url);
            }
            titles.addAll(own);
            before = url;
            url = next;
            number++;
        }
        return titles;
    }

    @Test
    void theOverviewHasPagesOfFiftyThatTogetherHoldEveryOfferOnce() throws IOException {
        Document first = page(out, BASE + "/tilbud/");
        assertEquals(BASE + "/tilbud/side/2/", rel(first, "next"));
        List<String> titles = walk(BASE + "/tilbud/", "#tilbudsliste");
        assertEquals(OFFERS, titles.size());
        assertEquals(OFFERS, new HashSet<>(titles).size(), "no offer on two pages");
        assertTrue(Files.isRegularFile(out.resolve("tilbud/side/20/index.html")));
        assertFalse(Files.exists(out.resolve("tilbud/side/21")), "1,000 offers make 20 pages");
        assertTrue(first.getElementById("antal").text().startsWith(OFFERS + " tilbud"), first.getElementById("antal").text());
        Document tenth = page(out, BASE + "/tilbud/side/10/");
        assertEquals("Alle tilbud, side 10 af 20", tenth.selectFirst("h1").text());
        List<String> numbers = tenth.select("nav.sider li").eachText();
        assertEquals(List.of("Forrige side", "Side 1", "…", "Side 8", "Side 9", "Side 10", "Side 11", "Side 12", "…", "Side 20", "Næste side"), numbers);
    }

    @Test
    void facetPagesAndTargetGroupsArePaginatedFromTwoHundredOffers() throws IOException {
        Document overview = page(out, BASE + "/tilbud/");
        Map<String, Integer> counts = new TreeMap<>();
        for (Element a : overview.select("#genveje a")) {
            counts.put(a.attr("href"), Integer.parseInt(a.nextElementSibling().text().replaceAll("\\D", "")));
        }
        assertEquals(5 + 10 + 3 + 2, counts.size(), counts.toString());
        boolean paged = false;
        boolean single = false;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            List<String> titles = walk(e.getKey(), "main ul.kortliste");
            assertEquals(e.getValue(), titles.size(), e.getKey());
            assertEquals(titles.size(), new HashSet<>(titles).size(), e.getKey());
            boolean hasPages = Files.isDirectory(out.resolve(e.getKey().substring(BASE.length() + 1) + "side"));
            assertEquals(e.getValue() >= 200, hasPages, e.getKey() + " with " + e.getValue() + " offers");
            paged |= hasPages;
            single |= !hasPages;
        }
        assertTrue(paged && single, "the site has long and short lists: " + counts);
    }

    @Test
    void noPageIsHeavierThanTwoHundredKilobytes() throws IOException {
        long largest = 0;
        String which = null;
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                long size = Files.size(p);
                if (size > largest) {
                    largest = size;
                    which = out.relativize(p).toString();
                }
            }
        }
        System.out.println("largest page at " + OFFERS + " offers: " + which + " " + largest / 1024 + " KB");
        assertTrue(largest <= MAX_HTML, which + ": " + largest + " bytes");
    }

    @Test
    void theOffersFileHoldsEveryOfferInTheOverviewsOrder() throws IOException {
        Document first = page(out, BASE + "/tilbud/");
        String url = first.getElementById("filtre").attr("data-tilbud");
        assertEquals(BASE + "/tilbud/tilbud.json", url);
        JsonNode offers = new ObjectMapper().readTree(out.resolve("tilbud/tilbud.json").toFile()).get("offers");
        assertEquals(OFFERS, offers.size());
        List<String> urls = new ArrayList<>();
        offers.forEach(row -> urls.add(BASE + "/tilbud/" + row.get(0).asText() + "/"));
        assertEquals(walk(BASE + "/tilbud/", "#tilbudsliste"), urls);
        Element card = first.selectFirst("#tilbudsliste > li.kort");
        JsonNode row = offers.get(0);
        assertEquals(card.selectFirst("a").text(), row.get(1).asText());
        assertEquals(card.selectFirst("p").text(), row.get(2).asText());
        assertEquals(card.attr("data-alder"), row.get(5).asText());
        assertEquals(card.attr("data-maalgruppe"), row.get(6).asText());
        assertEquals(card.attr("data-omraade"), row.get(7).asText());
        assertEquals(card.attr("data-visitation"), row.get(4).asText());
    }

    @Test
    void listPagesAreValidHtml() throws Exception {
        nu.validator.client.EmbeddedValidator validator = new nu.validator.client.EmbeddedValidator();
        validator.setOutputFormat(nu.validator.client.EmbeddedValidator.OutputFormat.JSON);
        List<String> errors = new ArrayList<>();
        for (String page : List.of("tilbud/", "tilbud/side/2/", "tilbud/side/20/", "tilbud/omraade/social/side/3/",
                "maalgrupper/gruppe-6/", "maalgrupper/gruppe-6/side/2/")) {
            for (JsonNode m : new ObjectMapper().readTree(validator.validate(out.resolve(page + "index.html"))).path("messages")) {
                if ("error".equals(m.path("type").asText())) errors.add(page + ":" + m.path("lastLine").asText() + ": " + m.path("message").asText());
            }
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void thePreviewAddsAndRemovesPagesAsTheOverviewCrossesTwoHundredOffers() throws Exception {
        Path site = temp.resolve("preview-site");
        SyntheticSite.write(site, 190);
        Path preview = temp.resolve("preview");
        try (IncrementalBuild build = new IncrementalBuild(site, preview, false)) {
            assertTrue(build.full(paths -> { }).errors().isEmpty());
            assertFalse(Files.exists(preview.resolve("tilbud/side")));
            List<Path> extra = new ArrayList<>();
            for (int k = 1; k <= 15; k++) {
                Path file = site.resolve("content/tilbud/ekstra-" + k + ".md");
                Files.writeString(file, "---\ntitle: \"Ekstra tilbud " + k + "\"\nsummary: \"Et tilbud mere.\"\nupdated: 2024-01-01\n"
                        + "target_groups:\n  - gruppe-1\nage: {min: 0, max: 17}\nreferral_required: false\nareas:\n  - social\n"
                        + "contact:\n  unit: \"Benchmark Kommune\"\n  url: \"https://www.example.dk/kontakt\"\n---\nEt tilbud mere til børn.\n");
                extra.add(file);
            }
            assertTrue(build.update(extra, paths -> { }).errors().isEmpty());
            assertTrue(Files.isRegularFile(preview.resolve("tilbud/side/5/index.html")), "205 offers: 5 pages");
            assertTrue(Files.isRegularFile(preview.resolve("tilbud/tilbud.json")));
            assertSameAsAFullBuild(build, site, preview);
            for (Path file : extra) Files.delete(file);
            assertTrue(build.update(extra, paths -> { }).errors().isEmpty());
            assertFalse(Files.exists(preview.resolve("tilbud/side/2/index.html")), "190 offers again: one page");
            assertFalse(Files.exists(preview.resolve("tilbud/tilbud.json")));
            assertSameAsAFullBuild(build, site, preview);
        }
    }

    private static void assertSameAsAFullBuild(IncrementalBuild build, Path site, Path preview) throws Exception {
        Path fresh = temp.resolve("full");
        assertTrue(SiteBuilder.build(site, fresh, false).ok());
        build.awaitSearchIndex();
        assertEquals(Trees.fingerprint(fresh), Trees.fingerprint(preview));
        Folders.deleteTree(fresh);
    }

    @Test
    void aSiteUnderTwoHundredOffersKeepsOnePagePerList() throws IOException {
        Path small = temp.resolve("small");
        assertTrue(SiteBuilder.build(Trees.fixture("fixture-site"), small, false).ok());
        try (Stream<Path> walk = Files.walk(small)) {
            assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().equals("side")).toList());
        }
        assertFalse(Files.exists(small.resolve("tilbud/tilbud.json")));
        Document all = Jsoup.parse(small.resolve("tilbud/index.html").toFile(), "UTF-8");
        assertNull(all.selectFirst("nav.sider"));
        assertNull(all.selectFirst("link[rel=next]"));
        assertFalse(all.getElementById("filtre").hasAttr("data-tilbud"));
    }
}
