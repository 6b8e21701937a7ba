package dk.tilbudsoversigt.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.SiteLinks;
import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.search.JsSearch;

/** Builds the fixture site (every content type, no templates of its own) and checks what a visitor gets. */
class SiteBuildTest {
    private static final String BASE = "/sti/handicap";
    @TempDir
    static Path temp;
    static Path site;
    static Path out;

    @BeforeAll
    static void build() throws IOException {
        site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        out = temp.resolve("out");
        SiteBuilder.Result result = SiteBuilder.build(site, out, false);
        assertTrue(result.ok(), () -> "fixture must build: " + result.problems().all());
    }

    private static Document page(String url) throws IOException {
        Path file = out.resolve(url.substring(1) + (url.endsWith("/") ? "index.html" : ""));
        assertTrue(Files.isRegularFile(file), "missing page " + url);
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    @Test
    void everyPageExistsAtItsUrl() throws IOException {
        for (String url : List.of("/", "/tilbud/", "/tilbud/aflastning/", "/tilbud/fritidsklub/", "/tilbud/alder/0-5/",
                "/tilbud/alder/65-/", "/tilbud/omraade/social/", "/tilbud/uden-visitation/", "/tilbud/med-visitation/",
                "/maalgrupper/", "/maalgrupper/autisme/", "/planer/plan/", "/handleplaner/status/", "/faq/hjaelp/",
                "/begreber/", "/begreber/visitation/", "/nyheder/", "/nyheder/ny-plan/", "/om/", "/soeg/", "/was/")) {
            Document doc = page(url);
            assertEquals(1, doc.select("h1").size(), "one h1 on " + url);
            assertEquals("da", doc.selectFirst("html").attr("lang"));
            assertFalse(doc.select("footer a:contains(Tilgængelighedserklæring)").isEmpty(), "statement link on " + url);
        }
        for (String file : List.of("404.html", "sitemap.xml", "robots.txt", "nyheder/feed.xml", "tilbud/boern/kort.png")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
    }

    @Test
    void everyPageHasTheHeaderSearchFormAndTheSearchPageOnlyThatField() throws IOException {
        int pages = 0;
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path html : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                pages++;
                Document doc = Jsoup.parse(html.toFile(), "UTF-8");
                assertEquals(1, doc.select("header form[action$=/soeg/] input[name=q]").size(), "interfaces.md: " + html);
            }
        }
        assertTrue(pages > 10);
        assertEquals(1, page("/soeg/").select("input[type=search]").size(), "one search field on the search page");
        assertEquals(List.of("type", "maalgruppe", "alder", "visitation"),
                page("/soeg/").select("[form=soegeform][name]").eachAttr("name"), "the filters belong to the header's form");
    }

    @Test
    void draftsAreNeverWritten() throws IOException {
        assertFalse(Files.exists(out.resolve("tilbud/hemmelig")));
        assertFalse(Files.exists(out.resolve("maalgrupper/kladdegruppe")));
        String sitemap = Files.readString(out.resolve("sitemap.xml"));
        assertFalse(sitemap.contains("hemmelig"));
        assertFalse(page("/tilbud/").text().contains("Hemmeligt tilbud"));
    }

    @Test
    void everyInternalLinkAndAnchorResolves() throws IOException {
        assertEquals(List.of(), SiteLinks.broken(out, BASE));
    }

    @Test
    void offerPageHasFactsBodyLinksAndGlossary() throws IOException {
        Document doc = page("/tilbud/aflastning/");
        assertEquals("Aflastning – Tilbud – Testkommune", doc.title());
        String facts = doc.selectFirst(".faktaboks").text();
        assertTrue(facts.contains("0–17 år"), facts);
        assertTrue(facts.contains("Gratis"));
        assertTrue(facts.contains("Serviceloven § 84, stk. 1"));
        assertEquals("tel:12345678", doc.selectFirst(".faktaboks a[href^=tel:]").attr("href"));
        assertEquals("mailto:aflastning@example.dk", doc.selectFirst(".faktaboks a[href^=mailto:]").attr("href"));
        assertTrue(doc.selectFirst(".opdateret").text().contains("1. maj 2025"));
        assertEquals(BASE + "/tilbud/fritidsklub/", doc.selectFirst(".broedtekst a:contains(fritidsklubben)").attr("href"));
        assertEquals(BASE + "/faq/hjaelp/#hvordan-faar-jeg-hjaelp", doc.selectFirst(".broedtekst a:contains(spørgsmålet)").attr("href"));
        assertEquals(BASE + "/begreber/visitation/", doc.selectFirst(".broedtekst a.begreb").attr("href"));
        assertEquals(BASE + "/tilbud/boern/kort.png", doc.selectFirst(".broedtekst img").attr("src"));
        assertEquals("sadan-soeger-du".replace("sadan", "saadan"), doc.selectFirst(".broedtekst h2").id());
        assertTrue(doc.select(".se-ogsaa a").eachText().containsAll(List.of("Fritidsklub", "Borgerguide")));
        assertTrue(doc.selectFirst("script[type=application/ld+json]").data().contains("GovernmentService"));
    }

    @Test
    void facetPagesHoldTheRightOffers() throws IOException {
        assertEquals(List.of("Aflastning"), page("/tilbud/alder/0-5/").select(".kort h2, .kort h3").eachText());
        assertEquals(List.of("Fritidsklub"), page("/tilbud/alder/65-/").select(".kort h2, .kort h3").eachText());
        assertEquals(List.of("Aflastning", "Fritidsklub"), page("/tilbud/alder/13-17/").select(".kort h2, .kort h3").eachText());
        assertEquals(List.of("Fritidsklub"), page("/tilbud/uden-visitation/").select(".kort h2, .kort h3").eachText());
        assertEquals(List.of("Aflastning"), page("/tilbud/omraade/social/").select(".kort h2, .kort h3").eachText());
        assertEquals(List.of("Aflastning", "Fritidsklub"), page("/maalgrupper/autisme/").select(".kort h2, .kort h3").eachText());
        Document all = page("/tilbud/");
        assertEquals("2 tilbud vises", all.getElementById("antal").text());
        assertEquals("status", all.getElementById("antal").attr("role"));
        assertFalse(all.select("form#filtre fieldset legend:contains(Alder)").isEmpty());
        assertFalse(all.select("form#filtre label[for=alder-6-12]").isEmpty());
        assertTrue(all.getElementById("filtre").hasAttr("hidden"), "without JavaScript the form stays hidden; the facet links work");
        assertFalse(all.select(".genveje a[href=" + BASE + "/tilbud/alder/65-/]").isEmpty());
    }

    @Test
    void actionPlanShowsStatusCountsAndTable() throws IOException {
        Document doc = page("/handleplaner/status/");
        List<String> counts = doc.select(".statusliste li").eachText();
        assertEquals(List.of("Afsluttet: 1", "I gang: 1", "Ikke påbegyndt: 1", "Udskudt: 1", "Opgivet: 1"), counts);
        assertEquals(5, doc.select("table.handleplan tbody tr").size());
        assertEquals("I gang", doc.select("table.handleplan tbody tr").get(1).selectFirst("span.status").text());
    }

    @Test
    void planAndFaqHaveAnchoredSections() throws IOException {
        Document plan = page("/planer/plan/");
        assertEquals(List.of("Bedre samarbejde", "Flere tilbud"), plan.select(".indholdsfortegnelse li").eachText());
        assertTrue(plan.getElementById("bedre-samarbejde") != null);
        Document faq = page("/faq/hjaelp/");
        assertTrue(faq.getElementById("hvordan-faar-jeg-hjaelp") != null);
        String jsonLd = faq.selectFirst("script[type=application/ld+json]").data();
        assertTrue(jsonLd.contains("\"FAQPage\"") && jsonLd.contains("Hvad koster det?"), jsonLd);
    }

    @Test
    void searchPageExplainsItselfWithoutJavaScriptAndIndexHoldsFaqQuestions() throws IOException {
        Document search = page("/soeg/");
        assertFalse(search.select("#soeg-uden-js a[href=" + BASE + "/begreber/]").isEmpty());
        assertFalse(search.select("#soeg-uden-js a[href=" + BASE + "/tilbud/]").isEmpty());
        assertNull(search.getElementById("search-results"), "no empty results list before a search");
        try (JsSearch js = new JsSearch(out.resolve("soeg"))) {
            assertTrue(js.search("koster", "{}").urls().contains(BASE + "/faq/hjaelp/#hvad-koster-det"));
            assertEquals(0, js.search("hemmeligt", "{}").total(), "no drafts in the search index");
        }
    }

    @Test
    void glossaryNewsFeedAndFrontPage() throws IOException {
        assertEquals(List.of("V"), page("/begreber/").select("main h2").eachText());
        assertEquals(List.of("Ny plan vedtaget", "Ældre nyhed"), page("/nyheder/").select(".kort h2").eachText());
        String feed = Files.readString(out.resolve("nyheder/feed.xml"));
        assertTrue(feed.indexOf("Ny plan vedtaget") < feed.indexOf("Ældre nyhed"));
        assertTrue(feed.contains("<id>https://www.example.dk/sti/handicap/nyheder/ny-plan/</id>"));
        Document front = page("/");
        assertTrue(front.text().contains("Her finder du hjælp"));
        assertFalse(front.select("form[role=search][action=" + BASE + "/soeg/] input[name=q]").isEmpty());
        assertTrue(Files.readString(out.resolve("robots.txt")).contains("Sitemap: https://www.example.dk/sti/handicap/sitemap.xml"));
    }

    @Test
    void assetsHaveHashedNamesAndPagesHaveACsp() throws IOException {
        Document doc = page("/");
        String css = doc.selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(css.matches(BASE + "/css/site\\.[0-9a-f]{10}\\.css"), css);
        assertTrue(doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content").contains("default-src 'self'"));
        assertTrue(doc.select("script:not([src]):not([type=application/ld+json])").isEmpty(), "no inline script");
        assertTrue(doc.select("[style]").isEmpty(), "no inline style");
    }

    @Test
    void sameInputGivesByteIdenticalOutput() throws Exception {
        Path second = temp.resolve("second");
        assertTrue(SiteBuilder.build(site, second, false).ok());
        assertEquals(Trees.fingerprint(out), Trees.fingerprint(second));
    }

    @Test
    void outputDoesNotDependOnTimeZoneOrLocale() throws Exception {
        java.util.Locale locale = java.util.Locale.getDefault();
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            Path other = temp.resolve("other-locale");
            assertTrue(SiteBuilder.build(site, other, false).ok());
            assertEquals(Trees.fingerprint(out), Trees.fingerprint(other));
        } finally {
            java.util.Locale.setDefault(locale);
            java.util.TimeZone.setDefault(zone);
        }
    }

    @Test
    void failedBuildLeavesThePreviousSiteUntouched() throws Exception {
        Path copy = Trees.copy(site, temp.resolve("broken-site"));
        Path target = temp.resolve("kept");
        assertTrue(SiteBuilder.build(copy, target, false).ok());
        Map<String, String> before = Trees.fingerprint(target);
        Files.writeString(copy.resolve("content/tilbud/fritidsklub.md"), "---\ntitle: Uden resten\n---\n", StandardCharsets.UTF_8);
        SiteBuilder.Result failed = SiteBuilder.build(copy, target, false);
        assertFalse(failed.ok());
        assertEquals(before, Trees.fingerprint(target));
        try (Stream<Path> siblings = Files.list(temp)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().startsWith(".kept")), "no temporary folder left");
        }
    }

    @Test
    void draftsAreBuiltOnlyWhenAskedFor() throws IOException {
        Path withDrafts = temp.resolve("drafts");
        assertTrue(SiteBuilder.build(site, withDrafts, true).ok());
        assertTrue(Files.isRegularFile(withDrafts.resolve("tilbud/hemmelig/index.html")));
        assertNotEquals(Files.readString(withDrafts.resolve("tilbud/index.html")), Files.readString(out.resolve("tilbud/index.html")));
    }

    @Test
    void siteTemplatesAndAssetsReplaceTheDefaultThemeFileByFile() throws Exception {
        Path own = Trees.copy(site, temp.resolve("own-theme"));
        Files.createDirectories(own.resolve("templates"));
        Files.writeString(own.resolve("templates/404.ftlh"), "<#import \"layout.ftlh\" as l><@l.html><h1>Væk</h1><p>${site.owner}s egen 404 ${\"<b>&</b>\"}</p></@l.html>");
        Files.createDirectories(own.resolve("assets/filer"));
        Files.writeString(own.resolve("assets/filer/folder.txt"), "hej");
        Path target = temp.resolve("own-out");
        assertTrue(SiteBuilder.build(own, target, false).ok());
        Document notFound = Jsoup.parse(target.resolve("404.html").toFile(), "UTF-8");
        assertEquals("Testkommunes egen 404 <b>&</b>", notFound.selectFirst("main p").text());
        assertTrue(Files.readString(target.resolve("404.html")).contains("404 &lt;b&gt;&amp;&lt;/b&gt;"), "auto-escaped");
        assertEquals("hej", Files.readString(target.resolve("filer/folder.txt")));
        assertTrue(Files.isRegularFile(target.resolve("tilbud/aflastning/index.html")), "other templates from the theme");
    }

    @Test
    void aTemplateErrorFailsTheBuildWithFileAndLine() throws Exception {
        Path own = Trees.copy(site, temp.resolve("bad-theme"));
        Files.createDirectories(own.resolve("templates"));
        Files.writeString(own.resolve("templates/404.ftlh"), "<p>ok</p>\n<p>${ingenSaadanVariabel}</p>\n");
        Path target = temp.resolve("bad-out");
        SiteBuilder.Result result = SiteBuilder.build(own, target, false);
        assertFalse(result.ok());
        assertEquals("templates/404.ftlh:2", result.problems().errors().get(0).toString().substring(0, "templates/404.ftlh:2".length()),
                result.problems().errors().toString());
        assertFalse(Files.exists(target));
    }
}
