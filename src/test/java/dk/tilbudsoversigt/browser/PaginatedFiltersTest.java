package dk.tilbudsoversigt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dk.tilbudsoversigt.PaginatedSite;

/**
 * The filters of /tilbud/ on a site whose overview has pages (1,000 offers, 50 a page), in
 * headless Chromium: they narrow all offers, not the 50 of the page, and find exactly what the
 * static facet pages list, 50 at a time, from one fetch of the offers file.
 */
class PaginatedFiltersTest {
    private static final String BASE = PaginatedSite.BASE;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    static Path out;
    static StaticServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        Chromium.requireOrSkip("paginated filter browser tests");
        out = PaginatedSite.built();
        server = new StaticServer(out, BASE);
        driver = Chromium.start(Chromium.options());
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    /** The offer links of a static list, every page of it (along rel=next). */
    private static Set<String> staticList(String first) throws IOException {
        Set<String> urls = new LinkedHashSet<>();
        String url = first;
        while (url != null) {
            Document doc = Jsoup.parse(out.resolve(url.substring(BASE.length() + 1) + "index.html").toFile(), "UTF-8");
            for (Element li : doc.select("main ul.kortliste > li.kort")) urls.add(li.selectFirst("a").attr("href"));
            Element next = doc.selectFirst("head link[rel=next]");
            url = next == null ? null : next.attr("href");
        }
        return urls;
    }

    @SuppressWarnings("unchecked")
    private static List<String> shown() {
        return (List<String>) driver.executeScript("return [...document.querySelectorAll('#tilbudsliste > li.kort')]"
                + ".filter(li => !li.hidden).map(li => li.querySelector('a').getAttribute('href'))");
    }

    private static String count() {
        return driver.findElement(By.id("antal")).getText();
    }

    private static long offerFileFetches() {
        return (Long) driver.executeScript("return performance.getEntriesByType('resource').filter(e => e.name.includes('/tilbud/tilbud.json')).length");
    }

    @Test
    void theListsPagesAndTheFilteredListHaveNoAxeViolations() {
        List<String> violations = new ArrayList<>();
        for (String page : List.of("/tilbud/", "/tilbud/side/2/", "/tilbud/side/20/", "/tilbud/omraade/social/side/3/",
                "/maalgrupper/gruppe-6/", "/maalgrupper/gruppe-6/side/2/", "/tilbud/?maalgruppe=gruppe-6&alder=0-5")) {
            driver.get(server.origin + BASE + page);
            if (page.contains("?")) new WebDriverWait(driver, PATIENCE).until(d -> count().contains("passer") || count().endsWith("vises"));
            Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
            for (Rule rule : results.getViolations()) violations.add(page + ": " + rule.getId() + " " + rule.getNodes().get(0).getTarget());
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void filtersNarrowEveryOfferFiftyAtATimeAsTheStaticPagesDo() throws IOException {
        Set<String> group = staticList(BASE + "/maalgrupper/gruppe-6/");
        Set<String> band = staticList(BASE + "/tilbud/alder/18-64/");
        assertTrue(group.size() > 100, "a group with more than two pages of 50: " + group.size());
        driver.get(server.origin + BASE + "/tilbud/?maalgruppe=gruppe-6");
        new WebDriverWait(driver, PATIENCE).until(d -> count().startsWith(group.size() + " tilbud"));
        assertEquals(group.size() + " tilbud passer. 50 vises", count());
        List<String> first = shown();
        assertEquals(50, first.size());
        assertEquals(new ArrayList<>(group).subList(0, 50), first, "the group's first 50, in the overview's order");
        List<String> pageOne = Jsoup.parse(out.resolve("tilbud/index.html").toFile(), "UTF-8")
                .select("#tilbudsliste > li.kort").stream().map(li -> li.selectFirst("a").attr("href")).toList();
        assertFalse(pageOne.containsAll(first), "offers from other pages than the first");
        assertFalse(driver.findElement(By.cssSelector("nav.sider")).isDisplayed(), "the static pages' navigation gives way to the results");

        WebElement more = driver.findElement(By.cssSelector("button.vis-flere"));
        more.click();
        assertEquals(100, shown().size());
        assertEquals(new ArrayList<>(group).subList(0, 100), shown());
        assertEquals(group.size() + " tilbud passer. 100 vises", count());
        assertEquals(server.origin + shown().get(50), driver.switchTo().activeElement().getAttribute("href"), "focus on the first new offer");

        // a second filter: exactly the offers both static lists hold
        Set<String> both = new LinkedHashSet<>(group);
        both.retainAll(band);
        assertTrue(!both.isEmpty() && both.size() < group.size(), "the second filter narrows: " + both.size() + " of " + group.size());
        driver.findElement(By.cssSelector("#filterpanel > summary")).click();
        driver.findElement(By.id("alder-18-64")).click();
        new WebDriverWait(driver, PATIENCE).until(d -> count().startsWith(both.size() + " tilbud"));
        List<String> expected = new ArrayList<>(both).subList(0, Math.min(50, both.size()));
        assertEquals(expected, shown());
        assertEquals(1, offerFileFetches(), "the offers file is fetched once");

        driver.findElement(By.xpath("//button[normalize-space()='Ryd filtre']")).click();
        new WebDriverWait(driver, PATIENCE).until(d -> count().startsWith(PaginatedSite.OFFERS + " tilbud. Side 1 af 20"));
        assertEquals(pageOne, shown(), "the page's own 50 offers again");
        assertTrue(driver.findElement(By.cssSelector("nav.sider")).isDisplayed());
        assertTrue(driver.findElement(By.cssSelector("button.vis-flere")).getAttribute("hidden") != null);
    }
}
