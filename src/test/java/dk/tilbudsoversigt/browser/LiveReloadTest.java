package dk.tilbudsoversigt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.serve.PreviewServer;

/**
 * The editor's loop in a real browser: a page open under {@code serve} changes by itself when
 * its file is saved, shows the errors of a broken save with file and line, and shows the page
 * again once the file is fixed. The test never navigates after the first visit: a marker set on
 * {@code window} before each save is gone afterwards, so the page reloaded itself.
 */
class LiveReloadTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void anOpenPageFollowsSavesErrorsAndTheFix() throws Exception {
        Chromium.requireOrSkip("the live reload test");
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        Path file = site.resolve("content/tilbud/fritidsklub.md");
        String original = Files.readString(file, StandardCharsets.UTF_8);
        ChromeOptions options = Chromium.options();
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriver driver = Chromium.start(options);
        try (PreviewServer server = new PreviewServer(site, 0)) {
            String url = "http://127.0.0.1:" + server.port() + "/sti/handicap/tilbud/fritidsklub/";
            driver.get(url);
            assertEquals("Fritidsklub", driver.findElement(By.tagName("h1")).getText());

            save(driver, file, original.replace("Kom og vær med.", "Kom og vær med, også om lørdagen."));
            awaitText(driver, "Kom og vær med, også om lørdagen.");
            assertReloadedItself(driver, url);

            save(driver, file, original.replace("referral_required: false", "referral_required: maaske"));
            awaitText(driver, "Sitet kan ikke bygges");
            assertTrue(driver.findElement(By.tagName("main")).getText().contains("content/tilbud/fritidsklub.md:7"),
                    "the error names file and line: " + driver.findElement(By.tagName("main")).getText());
            assertReloadedItself(driver, url);

            save(driver, file, original);
            awaitText(driver, "Kom og vær med.");
            assertEquals("Fritidsklub", driver.findElement(By.tagName("h1")).getText());
            assertReloadedItself(driver, url);

            List<String> csp = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
            assertEquals(List.of(), csp, "the preview's reload script keeps to the pages' Content-Security-Policy");
        } finally {
            driver.quit();
        }
    }

    /** Marks the open page, then saves the file as an editor would. */
    private static void save(ChromeDriver driver, Path file, String text) throws Exception {
        driver.executeScript("window.foer = 'gemt'");
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void awaitText(ChromeDriver driver, String text) {
        // while the page reloads, the old page's elements go stale: look again
        new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    private static void assertReloadedItself(ChromeDriver driver, String url) {
        assertNull(driver.executeScript("return window.foer"), "the page was reloaded, not changed in place");
        assertEquals(url, driver.getCurrentUrl(), "still the same address");
    }
}
