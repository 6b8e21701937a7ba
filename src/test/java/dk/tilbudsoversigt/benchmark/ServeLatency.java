package dk.tilbudsoversigt.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.chrome.ChromeDriver;

import dk.tilbudsoversigt.browser.Chromium;
import dk.tilbudsoversigt.serve.PreviewServer;

/**
 * The editor's loop, timed in Chromium on a running preview: an offer is open in the browser,
 * its file is saved with a new title again and again at a fixed spacing, and each save's clock
 * stops when the browser, reloaded by the preview's own script, shows the new title. With saves
 * far apart, also timed: until the preview's search index (rebuilt in the background) holds the
 * save.
 */
final class ServeLatency {
    private static final Pattern MARK = Pattern.compile("Redigeret (\\d+):");
    private static final long TIMEOUT_NANOS = 60_000_000_000L;

    /** Each save's time to the page on screen, and (where measured) to the current search index, in ms; NaN when not measured. */
    record Saves(long spacingMs, double[] toScreenMs, double[] toSearchMs) {
        double median() {
            return ServeLatency.median(toScreenMs);
        }

        double max() {
            return Arrays.stream(toScreenMs).max().orElse(Double.NaN);
        }

        double searchMedian() {
            return ServeLatency.median(Arrays.stream(toSearchMs).filter(x -> !Double.isNaN(x)).toArray());
        }

        double searchMax() {
            return Arrays.stream(toSearchMs).filter(x -> !Double.isNaN(x)).max().orElse(Double.NaN);
        }
    }

    private ServeLatency() {}

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
    }

    /**
     * Saves {@code offer}'s file {@code saves} times, {@code spacingMs} apart, after
     * {@code warmUp} unmeasured saves; with {@code search}, waits after each save for the
     * search index too (which makes sense only for saves far apart).
     */
    static Saves measure(Path site, SyntheticSite.Offer offer, long spacingMs, int warmUp, int saves, boolean search) throws Exception {
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        Path file = site.resolve("content").resolve(offer.file());
        String original = Files.readString(file, StandardCharsets.UTF_8);
        int total = warmUp + saves;
        AtomicLongArray savedAt = new AtomicLongArray(total);
        AtomicLongArray shownAt = new AtomicLongArray(total);
        AtomicLongArray searchAt = new AtomicLongArray(total);
        try (PreviewServer server = new PreviewServer(site, 0)) {
            ChromeDriver driver = Chromium.start(Chromium.options());
            try {
                driver.get("http://127.0.0.1:" + server.port() + SyntheticSite.BASE + "/tilbud/" + offer.slug() + "/");
                server.awaitSearchIndex();
                Thread saver = new Thread(() -> {
                    try {
                        long start = System.nanoTime();
                        for (int i = 0; i < total; i++) {
                            long due = start + i * spacingMs * 1_000_000L;
                            while (System.nanoTime() < due) Thread.sleep(1);
                            String text = original.replaceFirst("(?m)^title: \"", "title: \"Redigeret " + i + ": ");
                            savedAt.set(i, System.nanoTime());
                            Files.writeString(file, text, StandardCharsets.UTF_8);
                            if (search) {
                                while (shownAt.get(i) == 0 && System.nanoTime() - savedAt.get(i) < TIMEOUT_NANOS) Thread.sleep(1);
                                server.awaitSearchIndex();
                                searchAt.set(i, System.nanoTime());
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "saves");
                saver.start();
                watch(driver, total, savedAt, shownAt);
                saver.join();
            } finally {
                driver.quit();
                Files.writeString(file, original, StandardCharsets.UTF_8);
            }
        }
        double[] toScreen = new double[saves];
        double[] toSearch = new double[saves];
        for (int i = 0; i < saves; i++) {
            int k = warmUp + i;
            toScreen[i] = (shownAt.get(k) - savedAt.get(k)) / 1e6;
            toSearch[i] = search ? (searchAt.get(k) - savedAt.get(k)) / 1e6 : Double.NaN;
        }
        return new Saves(spacingMs, toScreen, toSearch);
    }

    /**
     * Polls the title on screen; a title of save k (or a later one) shows every save up to k
     * (a save overtaken by the next one before its page came counts until the next one's did).
     */
    private static void watch(ChromeDriver driver, int total, AtomicLongArray savedAt, AtomicLongArray shownAt) {
        int seen = 0;
        while (seen < total) {
            String title;
            try {
                title = driver.getTitle();
            } catch (RuntimeException e) {
                continue; // the page is between two loads
            }
            long now = System.nanoTime();
            Matcher m = MARK.matcher(title == null ? "" : title);
            int k = m.find() ? Integer.parseInt(m.group(1)) : -1;
            while (seen <= k && seen < total && savedAt.get(seen) != 0) shownAt.set(seen++, now);
            int waiting = seen;
            if (waiting < total && savedAt.get(waiting) != 0 && now - savedAt.get(waiting) > TIMEOUT_NANOS) {
                throw new IllegalStateException("save " + waiting + " never reached the page: " + title);
            }
        }
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
