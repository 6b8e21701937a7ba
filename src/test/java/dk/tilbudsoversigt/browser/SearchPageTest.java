package dk.tilbudsoversigt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dk.tilbudsoversigt.ExampleSite;

/**
 * The real search page of the example site, served from its sub-folder (/handicap), in
 * headless Chromium: typing finds the right pages as you type, the count is announced, the
 * query stays in the URL, typos and "Mente du", filters, keyboard access, and axe on a page
 * full of results.
 */
class SearchPageTest {
    private static final String BASE = "/handicap";
    static StaticServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        Chromium.requireOrSkip("search page browser tests");
        server = new StaticServer(ExampleSite.built(), BASE);
        driver = Chromium.start(Chromium.options());
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    @BeforeEach
    void openSearchPage() {
        driver.get(server.origin + BASE + "/soeg/");
    }

    private WebElement field() {
        return driver.findElement(By.id("q"));
    }

    private static String status() {
        return driver.findElement(By.id("soeg-status")).getText();
    }

    /** The number of results the status announces. */
    private static int count() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+) resultat").matcher(status());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The result links as they are now, below the base path. */
    @SuppressWarnings("unchecked")
    private static List<String> results() {
        return (List<String>) driver.executeScript("return [...document.querySelectorAll('#search-results > li a[href]')]"
                + ".map(a => a.getAttribute('href').slice(arguments[0].length))", BASE);
    }

    /** Waits until the status names this query, then returns the result links. */
    private static List<String> resultsFor(String query) {
        return resultsFor(query, r -> true);
    }

    /** Waits until the status names this query and the results are as expected; returns them. */
    private static List<String> resultsFor(String query, java.util.function.Predicate<List<String>> expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> status().contains("»" + query + "«") && expected.test(results()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited for results of »" + query + "«; status: " + status() + "; results: " + results()
                    + "; URL: " + driver.getCurrentUrl());
        }
        return results();
    }

    @Test
    void typingFindsTheOfferAndAnnouncesTheCount() {
        field().sendKeys("aflastn");
        resultsFor("aflastn", r -> !r.isEmpty() && r.get(0).equals("/tilbud/aflastning/")); // the word being typed is a prefix
        field().sendKeys("ing weekend");
        assertEquals("/tilbud/aflastning/", resultsFor("aflastning weekend").get(0));
        assertTrue(status().matches("\\d+ resultat(er)? for »aflastning weekend«.*"), status());
        WebElement live = driver.findElement(By.id("soeg-status"));
        assertEquals("polite", live.getAttribute("aria-live"));
        assertTrue(driver.getCurrentUrl().endsWith("/soeg/?q=aflastning+weekend"), driver.getCurrentUrl());
    }

    @Test
    void aHostThatSendsWholeFilesForByteRangesStillGivesResults() {
        server.ranges = false;
        try {
            int before = server.wholeFilesForRanges.get();
            driver.get(server.origin + BASE + "/soeg/?q=aflastning");
            assertEquals("/tilbud/aflastning/", resultsFor("aflastning", r -> !r.isEmpty()).get(0),
                    "the documents are cut out of their blocks in the browser");
            assertTrue(server.wholeFilesForRanges.get() > before, "the search asked for ranges and got whole blocks");
        } finally {
            server.ranges = true;
        }
    }

    @Test
    void theQueryInTheUrlRunsOnLoad() {
        driver.get(server.origin + BASE + "/soeg/?q=ASF");
        assertEquals("/maalgrupper/autisme/", resultsFor("ASF").get(0));
        assertEquals("ASF", field().getAttribute("value"));
        assertFalse(driver.findElement(By.id("soeg-uden-js")).isDisplayed(), "the no-JavaScript message is hidden");
    }

    @Test
    void typosAreForgivenAndSaidAndNonsenseGetsASuggestion() {
        field().sendKeys("velfærdsteknolgi ");
        assertTrue(resultsFor("velfærdsteknolgi").get(0).contains("velfaerdsteknologi"));
        assertTrue(driver.findElement(By.id("soeg-noter")).getText().contains("»velfærdsteknologi«"));
        field().clear();
        field().sendKeys("hjælpemiddlerrr ");
        resultsFor("hjælpemiddlerrr");
        WebElement suggestion = driver.findElement(By.id("mente-du"));
        assertEquals("hjælpemidler", suggestion.getText());
        suggestion.click();
        assertEquals("/tilbud/hjaelpemidler/", resultsFor("hjælpemidler").get(0));
    }

    @Test
    void filtersNarrowTheResultsAndStayInTheUrl() {
        field().sendKeys("hjælp ");
        resultsFor("hjælp");
        driver.findElement(By.cssSelector("#soeg-filtre > summary")).click(); // the filters sit in a panel
        new Select(driver.findElement(By.id("type"))).selectByValue("faq");
        resultsFor("hjælp", r -> !r.isEmpty() && r.stream().allMatch(u -> u.startsWith("/faq/")));
        assertTrue(driver.getCurrentUrl().contains("type=faq"), driver.getCurrentUrl());
        new Select(driver.findElement(By.id("type"))).selectByValue("tilbud");
        resultsFor("hjælp", r -> !r.isEmpty() && r.stream().allMatch(u -> u.startsWith("/tilbud/")));
        int offers = count();
        driver.findElement(By.id("alder")).sendKeys("70");
        // offers for a 70-year-old: fewer, the senior offer among them, not special education for children
        resultsFor("hjælp", r -> count() < offers && r.contains("/tilbud/seniortilbud/") && !r.contains("/tilbud/specialundervisning/"));
        assertTrue(driver.getCurrentUrl().contains("type=tilbud&alder=70"), driver.getCurrentUrl());
    }

    @Test
    void resultsAreReachedByKeyboard() {
        field().sendKeys("visitation" + Keys.ENTER);
        List<String> results = resultsFor("visitation");
        WebElement first = driver.findElement(By.cssSelector("#search-results > li a[href]"));
        for (int i = 0; i < 12 && !first.equals(driver.switchTo().activeElement()); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals(first, driver.switchTo().activeElement(), "Tab from the field reaches the first result");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/soeg/"));
        assertTrue(driver.getCurrentUrl().endsWith(results.get(0)));
    }

    @Test
    void aPageOfResultsHasNoAxeViolations() {
        driver.get(server.origin + BASE + "/soeg/?q=aflastning");
        resultsFor("aflastning");
        Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        assertEquals(List.of(), axe.getViolations().stream().map(r -> r.getId() + " " + r.getNodes().get(0).getTarget()).toList());
        assertFalse(driver.findElements(By.cssSelector("#search-results mark")).isEmpty(), "matched words are marked");
    }
}
