package dk.tilbudsoversigt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.editor.Editor;
import dk.tilbudsoversigt.serve.PreviewServer;

/**
 * The browser editor in headless Chromium, as an editor uses it: create an offer through the
 * form, see an error beside its field while typing, fix it, save, find the Markdown on disk and
 * the page in the preview; rename with links updated; a conflict with a text editor; trash and
 * restore; the form without JavaScript. Screenshots go to target/screenshots/editor-*.png.
 */
class EditorBrowserTest {
    private static final String BASE = "/sti/handicap";
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    Path temp;
    static ChromeDriver driver;
    static ChromeDriver noScript;
    Path site;
    PreviewServer server;
    String editor;

    @BeforeAll
    static void startBrowser() {
        Chromium.requireOrSkip("browser editor tests");
        driver = Chromium.start(Chromium.options());
        driver.manage().window().setSize(new Dimension(1400, 1000));
        noScript = Chromium.start(Chromium.options().addArguments("--blink-settings=scriptEnabled=false"));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
        if (noScript != null) noScript.quit();
    }

    @BeforeEach
    void start() throws Exception {
        site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        server = new PreviewServer(site, 0);
        server.mount(Editor.PREFIX, new Editor(site));
        editor = "http://127.0.0.1:" + server.port() + BASE + Editor.PREFIX;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static WebDriverWait waiting(ChromeDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(60));
    }

    private static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("editor-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static List<String> axe(ChromeDriver d, String page) {
        List<String> violations = new ArrayList<>();
        for (Rule rule : new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(d).getViolations()) {
            violations.add(page + ": " + rule.getId() + " (" + rule.getNodes().size() + "×) " + rule.getNodes().get(0).getTarget());
        }
        return violations;
    }

    private static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    private String onDisk(String file) throws Exception {
        return Files.readString(site.resolve(file));
    }

    @Test
    void anOfferIsCreatedCheckedWhileTypingFixedSavedAndShownInThePreview() throws Exception {
        List<String> violations = new ArrayList<>();
        driver.get(editor);
        assertEquals("Alle sider", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.cssSelector("header .hvor")).getText().contains(site.toAbsolutePath().normalize().toString()),
                "the first screen says where the site folder is");
        assertTrue(driver.findElement(By.id("sider-tilbud")).getText().contains("Fritidsklub"));
        violations.addAll(axe(driver, "liste"));
        screenshot("liste");

        new Select(driver.findElement(By.id("ny-type"))).selectByValue("tilbud");
        type(driver.findElement(By.id("ny-navn")), "svoemmehold");
        driver.findElement(By.cssSelector("#ny-side button[type=submit]")).click();
        waiting(driver).until(d -> d.getCurrentUrl().contains("svoemmehold.md"));
        assertTrue(Files.exists(site.resolve("content/tilbud/svoemmehold.md")), "created from the new-page template");

        type(driver.findElement(By.id("felt-title")), "Svømmehold");
        type(driver.findElement(By.id("felt-contact-email")), "ikke-en-mail");
        WebElement contactProblems = driver.findElement(By.id("felt-contact-fejl"));
        waiting(driver).until(d -> contactProblems.getText().contains("'contact.email' er ikke en e-mailadresse: ikke-en-mail"));
        WebElement contact = driver.findElement(By.cssSelector("#felt-contact-boks fieldset"));
        assertEquals("true", contact.getAttribute("aria-invalid"));
        assertTrue(contact.getAttribute("aria-describedby").contains("felt-contact-fejl"), "the error is the fieldset's description");
        assertEquals("polite", driver.findElement(By.id("problemer")).getAttribute("aria-live"));
        violations.addAll(axe(driver, "formular med fejl"));
        screenshot("fejl");

        type(driver.findElement(By.id("felt-contact-email")), "svoem@example.dk");
        new Select(driver.findElement(By.id("felt-status"))).selectByValue("published");
        WebElement body = driver.findElement(By.id("body"));
        type(body, "## Om holdet\n\nVi svømmer hver tirsdag i hallen.\n");
        driver.findElement(By.cssSelector("[data-indsaet=fed]")).click();
        waiting(driver).until(d -> contactProblems.getText().isEmpty());
        waiting(driver).until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                "return document.getElementById('visning').srcdoc")).contains("Vi svømmer hver tirsdag i hallen."));
        assertEquals(Boolean.TRUE, driver.executeScript(
                "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"),
                "an unsaved form warns before the tab is closed");
        WebElement counter = driver.findElement(By.id("felt-title-taeller"));
        assertEquals("10 af højst 120 tegn", counter.getText());
        screenshot("formular");

        driver.findElement(By.id("gem")).click();
        waiting(driver).until(d -> d.getCurrentUrl().contains("besked=gemt"));
        assertTrue(driver.findElement(By.id("besked")).getText().startsWith("Gemt."));
        String saved = onDisk("content/tilbud/svoemmehold.md");
        assertTrue(saved.contains("\ntitle: Svømmehold\n"), saved);
        assertTrue(saved.contains("\n  email: svoem@example.dk\n") || saved.contains("email: svoem@example.dk"), saved);
        assertTrue(saved.contains("\nstatus: published\n"), saved);
        assertTrue(saved.contains("---\n## Om holdet\n\nVi svømmer hver tirsdag i hallen.\n**fed tekst**"), saved);
        assertTrue(saved.contains("# Sidens titel: 1-120 tegn."), "the template's comments survive: " + saved);

        driver.get("http://127.0.0.1:" + server.port() + BASE + "/tilbud/svoemmehold/");
        waiting(driver).until(d -> {
            d.navigate().refresh();
            return d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().equals("Svømmehold"));
        });
        driver.findElement(By.linkText("Rediger siden")).click();
        waiting(driver).until(d -> d.getCurrentUrl().contains("side?fil=content%2Ftilbud%2Fsvoemmehold.md"));
        assertEquals(List.of(), violations);
    }

    @Test
    void renamingAPageUpdatesTheLinksToIt() throws Exception {
        Files.writeString(site.resolve("content/sider/om.md"), "---\ntitle: Om sitet\n---\nSe [klubben](../tilbud/fritidsklub.md).\n");
        driver.get(editor + "side?fil=content/tilbud/fritidsklub.md");
        type(driver.findElement(By.id("omdoeb-navn")), "ungdomsklub");
        driver.findElement(By.cssSelector("#omdoeb button[type=submit]")).click();
        waiting(driver).until(d -> d.getCurrentUrl().contains("ungdomsklub.md"));
        assertTrue(driver.findElement(By.id("besked")).getText().contains("Links i 1 andre sider er rettet"), driver.findElement(By.id("besked")).getText());
        assertFalse(Files.exists(site.resolve("content/tilbud/fritidsklub.md")));
        assertTrue(onDisk("content/tilbud/ungdomsklub.md").contains("title: Fritidsklub"));
        assertEquals("---\ntitle: Om sitet\n---\nSe [klubben](../tilbud/ungdomsklub.md).\n", onDisk("content/sider/om.md"));
    }

    @Test
    void aPageChangedOnDiskMeanwhileShowsBothVersionsAndTheEditorChooses() throws Exception {
        String file = "content/tilbud/fritidsklub.md";
        driver.get(editor + "side?fil=" + file);
        String before = onDisk(file);
        Files.writeString(site.resolve(file), before.replace("Kom og vær med.", "Ændret i en teksteditor."));
        type(driver.findElement(By.id("felt-title")), "Fritidsklubben");
        driver.findElement(By.id("gem")).click();
        waiting(driver).until(d -> d.findElement(By.tagName("h1")).getText().equals("Siden er ændret, siden du åbnede den"));
        assertTrue(driver.findElement(By.id("min-udgave")).getAttribute("value").contains("title: Fritidsklubben"));
        assertTrue(driver.findElement(By.id("disk-udgave")).getAttribute("value").contains("Ændret i en teksteditor."));
        assertTrue(onDisk(file).contains("Ændret i en teksteditor.") && onDisk(file).contains("title: Fritidsklub\n"), "nothing overwritten yet");
        List<String> violations = axe(driver, "konflikt");
        screenshot("konflikt");
        driver.findElement(By.cssSelector("#konflikt-min button[type=submit]")).click();
        waiting(driver).until(d -> d.getCurrentUrl().contains("besked=gemt"));
        assertTrue(onDisk(file).contains("title: Fritidsklubben\n"));
        assertFalse(onDisk(file).contains("Ændret i en teksteditor."), "the editor chose their own version");
        assertEquals(List.of(), violations);
    }

    @Test
    void aDeletedPageGoesToTheTrashAndComesBack() throws Exception {
        String file = "content/tilbud/fritidsklub.md";
        String before = onDisk(file);
        driver.get(editor + "side?fil=" + file);
        driver.findElement(By.cssSelector("#slet button[type=submit]")).click();
        waiting(driver).until(d -> d.getCurrentUrl().contains("besked=slettet"));
        assertFalse(Files.exists(site.resolve(file)));
        WebElement restore = driver.findElement(By.cssSelector("#papirkurv button"));
        assertEquals("Gendan", restore.getText());
        restore.click();
        waiting(driver).until(d -> d.getCurrentUrl().contains("besked=gendannet"));
        assertEquals(before, onDisk(file));
    }

    @Test
    void withoutJavaScriptTheListFiltersAndTheFormIsCheckedAndSavedByTheServer() throws Exception {
        noScript.get(editor + "?type=tilbud&sort=titel&retning=ned");
        List<String> titles = noScript.findElements(By.cssSelector("#sider-tilbud tbody td:first-child a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Hemmeligt tilbud", "Fritidsklub", "Aflastning"), titles.stream().filter(t -> !t.isEmpty()).toList().subList(0, Math.min(3, titles.size())));
        assertTrue(noScript.findElements(By.id("sider-faq")).isEmpty(), "filtered by type");

        String file = "content/tilbud/fritidsklub.md";
        String before = onDisk(file);
        noScript.get(editor + "side?fil=" + file);
        type(noScript.findElement(By.id("felt-contact-email")), "forkert");
        noScript.findElement(By.id("gem")).click();
        waiting(noScript).until(d -> d.findElement(By.id("felt-contact-fejl")).getText().contains("'contact.email' er ikke en e-mailadresse: forkert"));
        assertTrue(noScript.findElement(By.id("besked")).getText().startsWith("Ikke gemt: siden har 1 fejl."));
        assertEquals("forkert", noScript.findElement(By.id("felt-contact-email")).getAttribute("value"), "what was typed is kept");
        assertEquals(before, onDisk(file));
        noScript.findElement(By.id("gem-kladde")).click();
        waiting(noScript).until(d -> d.getCurrentUrl().contains("besked=kladde-fejl"));
        assertTrue(onDisk(file).contains("status: draft"));
        assertTrue(onDisk(file).contains("email: forkert"));
        assertTrue(noScript.findElement(By.id("besked")).getText().startsWith("Gemt som kladde med fejl."));
    }
}
