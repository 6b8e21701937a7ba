package dk.tilbudsoversigt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.editor.Editor;
import dk.tilbudsoversigt.serve.PreviewServer;

/** In headless Chromium: Word's clipboard HTML pasted into the body becomes Markdown, with the report beside it. */
class WordPasteBrowserTest {
    @TempDir
    Path temp;
    static ChromeDriver driver;
    PreviewServer server;
    String editor;

    @BeforeAll
    static void startBrowser() {
        Chromium.requireOrSkip("paste-from-Word browser test");
        driver = Chromium.start(Chromium.options());
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @BeforeEach
    void start() throws Exception {
        Path site = TestSites.minimal(temp.resolve("site"));
        server = new PreviewServer(site, 0);
        server.mount(Editor.PREFIX, new Editor(site));
        editor = "http://127.0.0.1:" + server.port() + "/handicap" + Editor.PREFIX;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pastingFromWordInsertsMarkdownAndTellsWhatWasLeftOut() {
        driver.get(editor + "side?fil=content/faq/hjaelp.md");
        WebElement body = driver.findElement(By.id("body"));
        driver.executeScript("arguments[0].value = ''; arguments[0].focus();", body);
        // a real paste event, as the browser fires it, with Word's HTML on the clipboard
        driver.executeScript("const data = new DataTransfer();"
                + "data.setData('text/html', arguments[1]); data.setData('text/plain', 'Bolig');"
                + "arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));", body,
                "<h1>Bolig<o:p></o:p></h1><p class=MsoNormal>Alle skal have et <b>godt</b> sted.<o:p></o:p></p>"
                        + "<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal><img src=\"file:///C:/clip_image001.png\" alt=\"Kort over byen\"></p>");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElement(By.id("word-rapport")).getText().isEmpty());
        assertEquals("## Bolig\n\nAlle skal have et **godt** sted.\n", body.getAttribute("value"));
        String report = driver.findElement(By.id("word-rapport")).getText();
        assertTrue(report.contains("1 billede udeladt (upload det med en alternativ tekst): Kort over byen"), report);
        assertTrue(report.contains("1 tomt afsnit fjernet"), report);
        driver.findElement(By.cssSelector("#word-rapport button")).click();
        assertTrue(driver.findElement(By.id("billede-panel")).isDisplayed(), "the button opens the image upload with alternative text");
    }
}
