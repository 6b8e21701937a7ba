package dk.tilbudsoversigt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.bake.SiteBuilder;

/**
 * Real pages in headless Chromium (Debian's package): the offer filters and the search page
 * with JavaScript on. (What a browser without JavaScript shows is the built HTML itself, which
 * SiteBuildTest checks.) Skipped, loudly, when Chromium is absent;
 * .ci/run installs it, so CI always runs these.
 */
class BrowserPagesTest {
    private static final String BASE = "/sti/handicap";
    @TempDir
    static Path temp;
    static StaticServer server;
    static String origin;

    @BeforeAll
    static void serveFixture() throws IOException {
        Chromium.requireOrSkip("browser tests");
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        Path out = temp.resolve("out");
        assertTrue(SiteBuilder.build(site, out, false).ok());
        server = new StaticServer(out, BASE);
        origin = server.origin;
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** The DOM after scripts have run (or with scripts off), as Chromium sees it. */
    static Document dom(String path) throws Exception {
        return Chromium.dom(origin + BASE + path, temp);
    }

    @Test
    void filtersNarrowTheOverviewAndKeepTheChoiceInTheUrl() throws Exception {
        Document doc = dom("/tilbud/?alder=65-");
        assertFalse(doc.getElementById("filtre").hasAttr("hidden"), "the form shows with JavaScript");
        assertEquals("1 tilbud vises", doc.getElementById("antal").text());
        assertEquals(List.of("Fritidsklub"), doc.select("#tilbudsliste li:not([hidden]) h3").eachText());
        assertTrue(doc.selectFirst("#alder-65-").hasAttr("checked") || doc.getElementById("valgte-filtre").text().contains("65"));
        assertTrue(doc.getElementById("valgte-filtre").text().contains("Ryd filtre"));
    }

    @Test
    void searchPageRunsTheQueryFromTheUrl() throws Exception {
        Document doc = dom("/soeg/?q=visitation");
        List<String> urls = doc.select("#search-results > li a[href]").eachAttr("href");
        assertFalse(urls.isEmpty(), doc.getElementById("soeg-status").text());
        assertEquals(BASE + "/begreber/visitation/", urls.get(0));
        assertTrue(doc.getElementById("soeg-uden-js").hasAttr("hidden"));
        assertTrue(doc.getElementById("soeg-status").text().contains("for »visitation«"));
        Document faq = dom("/soeg/?q=koster");
        assertTrue(faq.select("#search-results a").eachAttr("href").contains(BASE + "/faq/hjaelp/#hvad-koster-det"));
    }
}
