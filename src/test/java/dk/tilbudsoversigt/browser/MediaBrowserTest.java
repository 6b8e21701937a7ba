package dk.tilbudsoversigt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;

import dk.tilbudsoversigt.bake.SiteBuilder;

/**
 * Video and "Læs siden op" in headless Chromium: an external video's page asks nothing of the
 * video host until the user presses play (every request the page makes is read from the
 * DevTools network log), then frames the player within the Content-Security-Policy; a local
 * video's captions load; the read-aloud buttons appear only with a Danish voice and drive the
 * browser's speech synthesis; axe finds nothing on pages with video and tables.
 */
class MediaBrowserTest {
    static final String BASE = "/sti/handicap";
    static final ObjectMapper JSON = new ObjectMapper();
    /** The browser's speech synthesis, replaced by one that records what it is told and has the voices a test adds. */
    static final String FAKE_SPEECH = """
            (() => {
              const said = [];
              let voices = [];
              const events = new EventTarget();
              window.__said = said;
              window.SpeechSynthesisUtterance = class {
                constructor(text) { this.text = text; this.lang = ''; this.voice = null; this.ends = []; }
                addEventListener(name, f) { if (name === 'end') this.ends.push(f); }
              };
              const fake = {
                getVoices: () => voices,
                speak: (u) => said.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.lang}),
                cancel: () => said.push('cancel'), pause: () => said.push('pause'), resume: () => said.push('resume'),
                addEventListener: (n, f) => events.addEventListener(n, f),
                removeEventListener: (n, f) => events.removeEventListener(n, f),
              };
              Object.defineProperty(window, 'speechSynthesis', {get: () => fake, configurable: true});
              window.__addVoice = (lang) => { voices = voices.concat([{lang, name: lang}]); events.dispatchEvent(new Event('voiceschanged')); };
            })();
            """;

    @TempDir
    static Path temp;
    static ChromeDriver driver;
    static ChromeDriver noScript;
    static StaticServer server;

    @BeforeAll
    static void start() throws Exception {
        Chromium.requireOrSkip("video and read-aloud browser tests");
        Path out = temp.resolve("ud");
        assertTrue(SiteBuilder.build(Path.of("src/test/resources/fixture-site"), out, false).ok());
        server = new StaticServer(out, BASE);
        ChromeOptions options = Chromium.options();
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL", "browser", "ALL"));
        driver = Chromium.start(options);
        noScript = Chromium.start(Chromium.options().addArguments("--blink-settings=scriptEnabled=false"));
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (noScript != null) noScript.quit();
        if (server != null) server.close();
    }

    /** The URLs of the requests the page has started since the log was last read (failed ones too: nothing here has network). */
    private static List<String> requests() throws Exception {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get("performance").getAll()) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(message.path("params").path("request").path("url").asText());
            }
        }
        return urls;
    }

    private static List<String> consoleErrors() {
        return driver.manage().logs().get("browser").getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @Test
    void anExternalVideoAsksNothingOfItsHostUntilPlayIsPressed() throws Exception {
        requests();
        driver.get(server.origin + BASE + "/om/");
        WebElement play = waiting().until(d -> d.findElement(By.xpath("//button[.='Afspil video fra YouTube']")));
        waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        List<String> before = requests();
        assertFalse(before.isEmpty(), "the network log works");
        // data: URLs are the browser's own icons of the video controls
        List<String> elsewhere = before.stream().filter(u -> !u.startsWith(server.origin + "/") && !u.startsWith("data:")).toList();
        assertEquals(List.of(), elsewhere, "before the click only the site itself");
        consoleErrors();

        play.click();
        WebElement frame = waiting().until(d -> d.findElement(By.cssSelector("figure[data-video-host=YouTube] iframe")));
        assertEquals("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ", frame.getAttribute("src"));
        assertEquals("Film om huset", frame.getAttribute("title"));
        assertEquals(frame, driver.switchTo().activeElement(), "focus moves to the player");
        List<String> after = new ArrayList<>();
        waiting().until(d -> {
            try {
                after.addAll(requests());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return after.stream().anyMatch(u -> u.startsWith("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"));
        });
        assertTrue(after.stream().noneMatch(u -> u.contains("vimeo")), "the other video stays untouched: " + after);
        assertTrue(driver.findElements(By.cssSelector("figure[data-video-host=Vimeo] iframe")).isEmpty());
        assertEquals(List.of(), consoleErrors(), "the Content-Security-Policy lets the player's frame in");
    }

    @Test
    void withoutJavaScriptTheVideoIsALinkToTheHost() {
        noScript.get(server.origin + BASE + "/om/");
        WebElement link = noScript.findElement(By.cssSelector("figure[data-video-host=Vimeo] .video-link a"));
        assertEquals("Se videoen hos Vimeo", link.getText());
        assertEquals("https://vimeo.com/76979871", link.getAttribute("href"));
        assertTrue(noScript.findElements(By.cssSelector("iframe, button.video-afspil")).isEmpty());
        assertTrue(noScript.findElements(By.cssSelector(".laes-op")).isEmpty(), "no read-aloud button without JavaScript");
    }

    @Test
    void aLocalVideosCaptionsLoad() {
        driver.get(server.origin + BASE + "/om/");
        Object state = waiting().until(d -> {
            Object s = ((JavascriptExecutor) d).executeScript("const t = document.querySelector('video track'); return t.readyState === 2 ? 'loaded' : t.readyState === 3 ? 'error' : null;");
            return s;
        });
        assertEquals("loaded", state, "the WebVTT file is served and parsed");
        assertEquals("showing", ((JavascriptExecutor) driver).executeScript("return document.querySelector('video').textTracks[0].mode"));
    }

    @Test
    void readAloudAppearsWithADanishVoiceAndReadsTheMainContentInDanish() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FAKE_SPEECH));
        driver.get(server.origin + BASE + "/om/");
        JavascriptExecutor js = driver;
        waiting().until(d -> "complete".equals(js.executeScript("return document.readyState")));
        js.executeScript("window.__addVoice('en-US')");
        assertTrue(driver.findElements(By.cssSelector(".laes-op")).isEmpty(), "no button without a Danish voice");
        js.executeScript("window.__addVoice('da-DK')");
        WebElement read = waiting().until(d -> d.findElement(By.xpath("//main//button[.='Læs siden op']")));
        assertEquals("h1", (String) js.executeScript("return document.querySelector('.laes-op').previousElementSibling.localName"));

        read.sendKeys(Keys.ENTER);
        @SuppressWarnings("unchecked")
        List<Object> said = (List<Object>) js.executeScript("return window.__said");
        assertEquals("cancel", said.get(0));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) said.get(1);
        assertEquals("Om sitet", first.get("text"), "reading starts with the page's heading");
        String all = said.stream().filter(Map.class::isInstance).map(m -> (String) ((Map<?, ?>) m).get("text")).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(all.contains("Fortæller: Ring til os. Vi hjælper dig.") || all.contains("Åbent hus"), all);
        assertFalse(all.contains("Læs siden op"), "the buttons are not read");
        assertFalse(all.contains("Kontakt Testkommune"), "only the main content is read");
        assertTrue(said.stream().filter(Map.class::isInstance).allMatch(m -> "da-DK".equals(((Map<?, ?>) m).get("lang"))
                && "da-DK".equals(((Map<?, ?>) m).get("voice"))), said.toString());

        WebElement pause = driver.switchTo().activeElement();
        assertEquals("Pause", pause.getText());
        pause.sendKeys(Keys.ENTER);
        assertEquals("Fortsæt", pause.getText());
        pause.sendKeys(Keys.ENTER);
        assertEquals("Pause", pause.getText());
        driver.findElement(By.xpath("//button[.='Stop']")).sendKeys(Keys.ENTER);
        @SuppressWarnings("unchecked")
        List<Object> end = (List<Object>) js.executeScript("return window.__said.filter(x => typeof x === 'string')");
        assertEquals(List.of("cancel", "pause", "resume", "cancel"), end);
        assertEquals("Læs siden op", driver.switchTo().activeElement().getText(), "after Stop the start button has focus again");
        assertFalse(pause.isDisplayed());
    }

    private static List<String> axe(String url) {
        driver.get(url);
        waiting().until(d -> d.findElement(By.cssSelector(".laes-op")));
        List<String> violations = new ArrayList<>();
        for (Rule rule : new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver).getViolations()) {
            violations.add(url + ": " + rule.getId() + " " + rule.getNodes().get(0).getTarget());
        }
        for (String csp : consoleErrors()) violations.add(url + ": CSP " + csp);
        return violations;
    }

    /** The fixture's page with a local and two external videos and a table, and the example sites' pages with theirs. */
    @Test
    void pagesWithVideoAndTablesHaveNoAxeViolations() throws Exception {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FAKE_SPEECH + "window.__addVoice('da-DK');"));
        consoleErrors();
        List<String> violations = new ArrayList<>(axe(server.origin + BASE + "/om/"));
        assertEquals(2, driver.findElements(By.cssSelector("button.video-afspil")).size());
        assertEquals("Åbent hus", driver.findElement(By.cssSelector(".tabel-ramme")).getAttribute("aria-label"));
        Path kbh = temp.resolve("koebenhavn");
        assertTrue(SiteBuilder.build(Path.of("examples/koebenhavn"), kbh, false).ok());
        try (StaticServer randers = new StaticServer(dk.tilbudsoversigt.ExampleSite.built(), "/handicap");
                StaticServer koebenhavn = new StaticServer(kbh, "/koebenhavn/handicap")) {
            violations.addAll(axe(randers.origin + "/handicap/tilbud/aflastning/"));
            assertEquals(1, driver.findElements(By.cssSelector("main video track[kind=captions]")).size());
            assertEquals(1, driver.findElements(By.cssSelector("main table caption")).size());
            violations.addAll(axe(koebenhavn.origin + "/koebenhavn/handicap/tilbud/it-kurser/"));
            assertEquals(1, driver.findElements(By.cssSelector("main video track[kind=captions]")).size());
            assertEquals(1, driver.findElements(By.cssSelector("main table caption")).size());
        }
        assertEquals(List.of(), violations);
    }
}
