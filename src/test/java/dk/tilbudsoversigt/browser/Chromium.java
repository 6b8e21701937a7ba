package dk.tilbudsoversigt.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;

/** Debian's headless Chromium, for tests that need the DOM after the page's scripts have run. */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");

    private Chromium() {}

    /** Skips the calling test class, loudly, when Chromium is not installed. */
    static void requireOrSkip() {
        if (!Files.isExecutable(BINARY)) {
            System.err.println("SKIPPED: browser tests need /usr/bin/chromium (apt-get install chromium chromium-driver)");
            Assumptions.abort("chromium is not installed: browser tests skipped");
        }
    }

    /** The DOM of {@code url} after scripts have run, as Chromium sees it; profiles go below {@code temp}. */
    static Document dom(String url, Path temp) throws Exception {
        List<String> cmd = List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(temp, "chromium"),
                "--virtual-time-budget=5000", "--dump-dom", url);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String html = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        return Jsoup.parse(html);
    }
}
