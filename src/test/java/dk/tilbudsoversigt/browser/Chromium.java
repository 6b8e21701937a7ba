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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver; nothing
 * downloads a browser. A test class that needs it calls {@link #requireOrSkip} first: without
 * Chromium it is reported as skipped, loudly (.ci/run installs Chromium, so CI runs it).
 */
public final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    public static void requireOrSkip(String tests) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            System.err.println("SKIPPED: " + tests + " need /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
            Assumptions.abort("chromium or chromedriver is not installed: " + tests + " skipped");
        }
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
    }

    /** Headless Chromium with no network of its own (this machine has none to offer). */
    public static ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");
        return options;
    }

    public static ChromeDriver start(ChromeOptions options) {
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
    }

    /**
     * Makes the page area {@code width} × {@code height} CSS px at one device pixel per CSS px,
     * as a phone shows pages when {@code mobile} (the viewport meta tag applies) or a desktop screen.
     */
    public static void viewport(ChromeDriver driver, int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** The DOM of {@code url} after scripts have run, as {@code chromium --dump-dom} prints it; profiles go below {@code temp}. */
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
