package dk.tilbudsoversigt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

import dk.tilbudsoversigt.bake.SiteBuilder;

/**
 * axe-core (WCAG 2.0/2.1 A and AA rules) on every built page, keyboard access to the skip
 * link, and no horizontal scrolling at 320 CSS px, in Debian's headless Chromium driven by
 * Selenium. Skipped, loudly, when Chromium or its driver is missing; .ci/run installs them.
 */
class AccessibilityTest {
    @TempDir
    static Path temp;
    static ChromeDriver driver;
    static ChromeDriver noScript;

    @BeforeAll
    static void startBrowser() {
        Chromium.requireOrSkip("accessibility tests");
        ChromeOptions options = Chromium.options();
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        driver = Chromium.start(options);
        noScript = Chromium.start(Chromium.options().addArguments("--blink-settings=scriptEnabled=false"));
    }

    /** Console messages about something the Content-Security-Policy blocked. */
    private static List<String> cspErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
        if (noScript != null) noScript.quit();
    }

    /** Both example sites and the fixture, each with the base path its site.url names. */
    static Stream<Arguments> sites() {
        return Stream.of(Arguments.of(".", "/handicap"), Arguments.of("examples/koebenhavn", "/koebenhavn/handicap"),
                Arguments.of("src/test/resources/fixture-site", "/sti/handicap"));
    }

    private static Path build(String siteFolder, String name) {
        Path out = temp.resolve(name);
        assertTrue(SiteBuilder.build(Path.of(siteFolder), out, false).ok());
        return out;
    }

    private static List<String> pages(Path out) throws Exception {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.getFileName().toString().equals("index.html") || p.getFileName().toString().equals("404.html"))
                    .map(p -> "/" + out.relativize(p).toString().replace('\\', '/').replaceAll("index\\.html$", ""))
                    .sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("sites")
    void everyPageHasNoAxeViolations(String folder, String base) throws Exception {
        Path out = build(folder, "axe-" + folder.replaceAll("[^a-z]", ""));
        List<String> violations = new ArrayList<>();
        driver.manage().window().setSize(new Dimension(1280, 900));
        try (StaticServer server = new StaticServer(out, base)) {
            for (String page : pages(out)) {
                driver.get(server.origin + base + page);
                for (String csp : cspErrors()) violations.add(page + ": CSP " + csp);
                Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
                for (Rule rule : results.getViolations()) {
                    violations.add(page + ": " + rule.getId() + " (" + rule.getNodes().size() + "×) "
                            + rule.getNodes().get(0).getTarget());
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void axeDoesFindViolationsOnABadPage() throws Exception {
        Path bad = Files.createDirectories(temp.resolve("bad"));
        Files.writeString(bad.resolve("index.html"), "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"><title>x</title></head><body><script>document.title = 'y';</script>"
                + "<img src=\"a.png\"><p style=\"color:#ccc;background:#fff\">grå tekst</p></body></html>");
        Files.writeString(bad.resolve("404.html"), "");
        try (StaticServer server = new StaticServer(bad, "/b")) {
            driver.get(server.origin + "/b/");
            List<String> ids = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa")).analyze(driver)
                    .getViolations().stream().map(Rule::getId).toList();
            assertTrue(ids.containsAll(List.of("image-alt", "html-has-lang")), ids.toString());
            assertTrue(!cspErrors().isEmpty(), "the console check sees a blocked inline script");
        }
    }

    @Test
    void firstTabReachesTheSkipLinkWhichMovesFocusToTheMainContent() throws Exception {
        Path out = build("src/test/resources/fixture-site", "keyboard");
        try (StaticServer server = new StaticServer(out, "/sti/handicap")) {
            driver.get(server.origin + "/sti/handicap/tilbud/aflastning/");
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            assertEquals("Gå til indholdet", focused.getText());
            focused.sendKeys(Keys.ENTER);
            assertEquals("indhold", driver.switchTo().activeElement().getAttribute("id"));
        }
    }

    @Test
    void filtersSearchAndAnchorsWorkFromTheKeyboardWithVisibleFocus() throws Exception {
        Path out = build("src/test/resources/fixture-site", "keys");
        JavascriptExecutor js = driver;
        try (StaticServer server = new StaticServer(out, "/sti/handicap")) {
            driver.get(server.origin + "/sti/handicap/tilbud/");
            // Tab until the 65+ checkbox has focus, tick it with Space, submit with Enter
            WebElement box = null;
            for (int i = 0; i < 80 && box == null; i++) {
                new Actions(driver).sendKeys(Keys.TAB).perform();
                WebElement active = driver.switchTo().activeElement();
                if ("alder-65-".equals(active.getAttribute("id"))) box = active;
            }
            assertTrue(box != null, "the filter checkbox is reachable with Tab");
            box.sendKeys(Keys.SPACE);
            assertEquals("1 tilbud vises", driver.findElement(By.id("antal")).getText());
            assertTrue(driver.getCurrentUrl().contains("alder=65-"), driver.getCurrentUrl());
            WebElement clear = driver.findElement(By.xpath("//button[normalize-space()='Ryd filtre']"));
            clear.sendKeys(Keys.ENTER);
            assertEquals("2 tilbud vises", driver.findElement(By.id("antal")).getText());

            // every link, button and field shows a focus indicator
            List<String> invisible = new ArrayList<>();
            for (String page : List.of("/", "/tilbud/", "/faq/hjaelp/", "/soeg/")) {
                driver.get(server.origin + "/sti/handicap" + page);
                @SuppressWarnings("unchecked")
                List<String> missing = (List<String>) js.executeScript("""
                        const out = [];
                        for (const el of document.querySelectorAll('a[href], button, input, [tabindex]')) {
                          if (el.offsetParent === null && el.id !== 'indhold') continue;
                          el.focus({focusVisible: true});
                          if (document.activeElement !== el) continue;
                          const s = getComputedStyle(el);
                          const shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
                          if (!shown && el.id !== 'indhold') out.push(el.outerHTML.slice(0, 80));
                        }
                        return out;""");
                for (String m : missing) invisible.add(page + " " + m);
            }
            assertEquals(List.of(), invisible);

            // a question of a FAQ page can be reached by its anchor from the table of contents
            driver.get(server.origin + "/sti/handicap/faq/hjaelp/");
            driver.findElement(By.cssSelector(".indholdsfortegnelse a[href='#hvad-koster-det']")).sendKeys(Keys.ENTER);
            assertTrue(driver.getCurrentUrl().endsWith("#hvad-koster-det"));
        }
    }

    @Test
    void withoutJavaScriptTheOverviewNarrowsThroughStaticPagesAndSearchExplainsItself() throws Exception {
        Path out = build("src/test/resources/fixture-site", "noscript");
        try (StaticServer server = new StaticServer(out, "/sti/handicap")) {
            noScript.get(server.origin + "/sti/handicap/tilbud/");
            assertTrue(!noScript.findElement(By.id("filtre")).isDisplayed(), "the JavaScript filter form stays hidden");
            noScript.findElement(By.linkText("65 år og derover")).click();
            assertTrue(noScript.getCurrentUrl().endsWith("/sti/handicap/tilbud/alder/65-/"), noScript.getCurrentUrl());
            assertEquals(List.of("Fritidsklub"), noScript.findElements(By.cssSelector(".kort h2, .kort h3")).stream().map(WebElement::getText).toList());
            for (String page : pages(out)) {
                noScript.get(server.origin + "/sti/handicap" + page);
                WebElement h1 = noScript.findElement(By.tagName("h1"));
                assertTrue(h1.isDisplayed(), page);
                assertTrue(noScript.findElement(By.tagName("main")).getText().length() > h1.getText().length() + 3,
                        "text below the heading without JavaScript: " + page);
            }
            noScript.get(server.origin + "/sti/handicap/soeg/?q=visitation");
            assertTrue(noScript.findElement(By.id("soeg-uden-js")).isDisplayed());
            assertTrue(noScript.findElement(By.id("soeg-uden-js")).getText().contains("JavaScript"));
        }
    }

    @ParameterizedTest
    @MethodSource("sites")
    void noHorizontalScrollingAt320PxNorWithTextAt200Percent(String folder, String base) throws Exception {
        Path out = build(folder, "reflow-" + folder.replaceAll("[^a-z]", ""));
        List<String> overflowing = new ArrayList<>();
        String tooWide = "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1";
        try (StaticServer server = new StaticServer(out, base)) {
            for (String page : pages(out)) {
                driver.manage().window().setSize(new Dimension(320, 800));
                driver.get(server.origin + base + page);
                if (Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(tooWide))) overflowing.add(page + " at 320 px");
                driver.manage().window().setSize(new Dimension(640, 800));
                ((JavascriptExecutor) driver).executeScript("document.documentElement.style.fontSize = '200%'");
                if (Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(tooWide))) overflowing.add(page + " with 200 % text");
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
        assertEquals(List.of(), overflowing);
    }
}
