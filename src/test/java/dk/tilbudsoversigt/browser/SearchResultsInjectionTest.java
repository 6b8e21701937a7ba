package dk.tilbudsoversigt.browser;

import static dk.tilbudsoversigt.HostileSite.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.HostileSite;
import dk.tilbudsoversigt.bake.SiteBuilder;

/**
 * The search page in Chromium, on a site whose titles and summaries are full of markup and
 * script (see {@link HostileSite}): the results show them as text, and neither they nor the
 * query in the address become elements of the page.
 */
class SearchResultsInjectionTest {
    @TempDir
    static Path temp;
    static StaticServer server;

    @BeforeAll
    static void serveTheHostileSite() throws Exception {
        Chromium.requireOrSkip("browser tests");
        Path out = temp.resolve("ud");
        assertTrue(SiteBuilder.build(HostileSite.write(temp.resolve("site")), out, false).ok());
        server = new StaticServer(out, BASE);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static Document search(String query) throws Exception {
        return Chromium.dom(server.origin + BASE + "/soeg/?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), temp);
    }

    private static void assertNoInjectedElement(Document doc) {
        for (String id : HostileSite.INJECTED_IDS) assertNull(doc.getElementById(id), "the page grew the element #" + id);
        assertEquals(List.of(), doc.select("#search-results :is(img, script, svg, iframe, b)").eachAttr("id"));
    }

    @Test
    void resultsShowTitlesAndSummariesAsText() throws Exception {
        Document doc = search("aflastning");
        List<String> titles = doc.select("#search-results > li a").eachText();
        assertTrue(titles.contains(HostileSite.OFFER_TITLE), "results: " + titles);
        assertTrue(doc.select("#search-results > li").eachText().stream().anyMatch(t -> t.contains(HostileSite.OFFER_SUMMARY)),
                doc.select("#search-results").text());
        assertNoInjectedElement(doc);
    }

    @Test
    void theQueryInTheAddressIsShownAsText() throws Exception {
        String query = "<img src=x id=\"soegning\"> aflastning";
        Document doc = search(query);
        assertNull(doc.getElementById("soegning"), "the query became an element");
        assertTrue(doc.getElementById("soeg-status").text().contains("»" + query + "«"), doc.getElementById("soeg-status").text());
        assertNoInjectedElement(doc);
    }
}
