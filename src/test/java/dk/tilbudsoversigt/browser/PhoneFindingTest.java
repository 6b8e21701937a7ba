package dk.tilbudsoversigt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dk.tilbudsoversigt.bake.SiteBuilder;

/**
 * Finding an offer on a phone (390 × 844 CSS px) in headless Chromium, on both example sites:
 * the count and the first offer on the first screen, the filter panel worked with the keyboard
 * alone, the search page with one search field and large controls. Writes the screenshots the
 * README shows to target/screenshots/.
 */
class PhoneFindingTest {
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    @TempDir
    static Path temp;
    static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        Chromium.requireOrSkip("phone finding tests");
        driver = Chromium.start(Chromium.options());
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @BeforeEach
    void phone() {
        Chromium.viewport(driver, 390, 844, true);
    }

    /** Both example sites: folder, base path, a short name for files. */
    static Stream<Arguments> sites() {
        return Stream.of(Arguments.of(".", "/handicap", "randers"), Arguments.of("examples/koebenhavn", "/koebenhavn/handicap", "koebenhavn"));
    }

    private static StaticServer serve(String folder, String name, String base) throws Exception {
        Path out = temp.resolve(name);
        if (!Files.isDirectory(out)) assertTrue(SiteBuilder.build(Path.of(folder), out, false).ok(), folder);
        return new StaticServer(out, base);
    }

    private static Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Whether the element lies wholly inside the window as it is, not scrolled. */
    private static boolean onFirstScreen(WebElement e) {
        return (Boolean) js("const r = arguments[0].getBoundingClientRect();"
                + "return window.scrollY === 0 && r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", e);
    }

    private static WebElement active() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until {@code which} holds for the focused element; fails after 150 presses. */
    private static WebElement tabTo(String what, java.util.function.Predicate<WebElement> which) {
        for (int i = 0; i < 150; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement e = active();
            if (which.test(e)) return e;
        }
        throw new AssertionError("Tab never reached " + what);
    }

    private static String announced() {
        return driver.findElement(By.id("antal")).getText();
    }

    @ParameterizedTest
    @MethodSource("sites")
    void theCountAndTheFirstOfferAreOnThePhonesFirstScreen(String folder, String base, String name) throws Exception {
        try (StaticServer server = serve(folder, name, base)) {
            driver.get(server.origin + base + "/tilbud/");
            WebElement first = driver.findElement(By.cssSelector("#tilbudsliste > li.kort a"));
            assertTrue(onFirstScreen(first), "the first offer's title is visible without scrolling: " + first.getText());
            assertTrue(onFirstScreen(driver.findElement(By.id("antal"))), "the count too");
            assertTrue(onFirstScreen(driver.findElement(By.cssSelector("#filterpanel > summary"))), "and the filter panel");
            assertFalse(driver.findElement(By.id("genveje")).isDisplayed(), "the static facet links do not stand beside the filters");
            // a facet page: the first offer on the first screen too
            String facet = (String) js("return document.querySelector('#genveje a').getAttribute('href')");
            driver.get(server.origin + facet);
            assertTrue(onFirstScreen(driver.findElement(By.cssSelector("main li.kort a"))), facet);
        }
    }

    @Test
    void twoFiltersChosenAndOneRemovedWithTheKeyboardAloneAreAnnounced() throws Exception {
        try (StaticServer server = serve(".", "randers", "/handicap")) {
            driver.get(server.origin + "/handicap/tilbud/");
            WebElement count = driver.findElement(By.id("antal"));
            assertTrue("polite".equals(count.getAttribute("aria-live")) || "status".equals(count.getAttribute("role")));
            String all = announced();

            WebElement summary = tabTo("the filter panel", e -> e.getTagName().equals("summary"));
            assertTrue(summary.getText().startsWith("Filtrer"), summary.getText());
            assertFalse(driver.findElement(By.id("filtre")).isDisplayed(), "the panel starts closed");
            summary.sendKeys(Keys.ENTER);
            assertNotNull(driver.findElement(By.id("filterpanel")).getAttribute("open"), "Enter opens the panel");

            WebElement age = tabTo("an age checkbox", e -> "alder".equals(e.getAttribute("name")));
            age.sendKeys(Keys.SPACE);
            String oneFilter = announced();
            assertNotEquals(all, oneFilter, "choosing a filter is announced");
            // a target group that narrows the list further (Space again takes back one that does not)
            WebElement group = null;
            while (group == null) {
                WebElement box = tabTo("a target group that narrows the list", e -> "maalgruppe".equals(e.getAttribute("name")));
                box.sendKeys(Keys.SPACE);
                if (!announced().equals(oneFilter)) group = box;
                else box.sendKeys(Keys.SPACE);
            }
            String twoFilters = announced();
            assertTrue(summary.getText().contains("2 valgt"), summary.getText());
            assertEquals(2, driver.findElements(By.cssSelector("#valgte-filtre button.fjern")).size());
            int shown = driver.findElements(By.cssSelector("#tilbudsliste > li:not([hidden])")).size();
            assertEquals(shown + " tilbud vises", twoFilters);

            // the age filter's tag, reached with Tab, removes it with Enter
            String ageLabel = driver.findElement(By.cssSelector("label[for='" + age.getAttribute("id") + "']")).getText().replaceAll("\\s*\\(\\d+\\)$", "");
            WebElement tag = tabTo("the age filter's tag", e -> e.getText().equals("Fjern filter: " + ageLabel));
            tag.sendKeys(Keys.ENTER);
            assertFalse(age.isSelected(), "the tag unticks its filter");
            assertTrue(group.isSelected());
            assertNotEquals(twoFilters, announced(), "removing a filter is announced");
            assertEquals(driver.findElements(By.cssSelector("#tilbudsliste > li:not([hidden])")).size() + " tilbud vises", announced());
            assertEquals(List.of("Fjern filter: " + driver.findElement(By.cssSelector("label[for='" + group.getAttribute("id") + "']"))
                    .getText().replaceAll("\\s*\\(\\d+\\)$", "")), driver.findElements(By.cssSelector("#valgte-filtre button.fjern"))
                    .stream().map(WebElement::getText).toList());
            assertTrue(active().getText().startsWith("Fjern filter: "), "focus stays among the tags: " + active().getText());
            assertTrue(summary.getText().contains("1 valgt"), summary.getText());
            assertTrue(driver.getCurrentUrl().endsWith("?maalgruppe=" + group.getAttribute("value")), driver.getCurrentUrl());
        }
    }

    @Test
    void theSearchPageHasOneSearchFieldLargeControlsAndCountsPerValue() throws Exception {
        try (StaticServer server = serve(".", "randers", "/handicap")) {
            driver.get(server.origin + "/handicap/soeg/?q=aflastning");
            assertEquals(1, driver.findElements(By.cssSelector("input[type=search]")).size(), "one search field on the search page");
            assertEquals(1, driver.findElements(By.cssSelector("header form[role=search] input[name=q]#q")).size(),
                    "it is the header's, as on every page (interfaces.md)");
            assertTrue(onFirstScreen(driver.findElement(By.id("q"))));
            WebElement panel = driver.findElement(By.cssSelector("#soeg-filtre > summary"));
            assertTrue(onFirstScreen(panel));
            new WebDriverWait(driver, PATIENCE).until(d -> !driver.findElements(By.cssSelector("#search-results > li a")).isEmpty());
            assertTrue(onFirstScreen(driver.findElement(By.cssSelector("#search-results > li a"))), "the first result on the first screen");
            panel.click();
            String body = (String) js("return getComputedStyle(document.body).fontSize");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> controls = (List<Map<String, Object>>) js("return [...document.querySelectorAll("
                    + "'#soegeform input, #soegeform button, #soeg-filtre select, #soeg-filtre input')].map(e => { const r = e.getBoundingClientRect();"
                    + " return {id: e.id || e.textContent, w: r.width, h: r.height, font: getComputedStyle(e).fontSize}; })");
            assertFalse(controls.isEmpty());
            for (Map<String, Object> c : controls) {
                assertTrue(((Number) c.get("w")).doubleValue() >= 44 && ((Number) c.get("h")).doubleValue() >= 44, "44 × 44 px: " + c);
                assertEquals(body, c.get("font"), "body text size: " + c);
            }
            new WebDriverWait(driver, PATIENCE).until(d -> driver.findElement(By.cssSelector("#type option[value=tilbud]")).getText().matches(".*\\(\\d+\\)"));
            Matcher m = Pattern.compile("\\((\\d+)\\)$").matcher(driver.findElement(By.cssSelector("#type option[value=tilbud]")).getText());
            assertTrue(m.find());
            int offers = Integer.parseInt(m.group(1));
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("type"))).selectByValue("tilbud");
            new WebDriverWait(driver, PATIENCE).until(d -> driver.getCurrentUrl().contains("type=tilbud")
                    && driver.findElement(By.id("soeg-status")).getText().startsWith(offers + " resultat"));
        }
    }

    /** The front page, an offer and the filtered list at 390 and 1280 px, for the README. */
    @ParameterizedTest
    @MethodSource("sites")
    void screenshotsOfThePagesAPhoneAndADesktopShow(String folder, String base, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        try (StaticServer server = serve(folder, name, base)) {
            driver.get(server.origin + base + "/tilbud/");
            String offer = (String) js("return document.querySelector('#tilbudsliste a').getAttribute('href')");
            String filter = (String) js("const b = document.querySelector('#filtre input[name=maalgruppe]'); return b.name + '=' + b.value");
            Map<String, String> pages = Map.of("forside", "/", "tilbud", offer.substring(base.length()), "filtreret", "/tilbud/?" + filter);
            for (int width : new int[] {390, 1280}) {
                Chromium.viewport(driver, width, width == 390 ? 844 : 900, width == 390);
                for (Map.Entry<String, String> p : pages.entrySet()) {
                    driver.get(server.origin + base + p.getValue());
                    if (p.getKey().equals("filtreret")) {
                        new WebDriverWait(driver, PATIENCE).until(d -> !driver.findElements(By.cssSelector("#valgte-filtre button.fjern")).isEmpty());
                    }
                    Path file = SCREENSHOTS.resolve(name + "-" + p.getKey() + "-" + width + ".png");
                    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
                    assertTrue(Files.size(file) > 5_000, file.toString());
                }
            }
        }
    }
}
