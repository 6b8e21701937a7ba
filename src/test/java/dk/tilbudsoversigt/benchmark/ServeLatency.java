package dk.tilbudsoversigt.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.chrome.ChromeDriver;

import dk.tilbudsoversigt.browser.Chromium;
import dk.tilbudsoversigt.search.JsSearch;
import dk.tilbudsoversigt.search.SearchDocument;
import dk.tilbudsoversigt.search.SearchDocuments;
import dk.tilbudsoversigt.site.Checked;

/**
 * The editor's loop, timed in Chromium on a preview as a webmaster starts it
 * ({@code java -jar … serve}, a process of its own with the JVM the tool starts for itself): an
 * offer is open in the browser, its file is saved with a new title again and again at a fixed
 * spacing, and each save's clock stops when the browser, reloaded by the preview's own script,
 * shows the new title. With saves far apart, also timed: until the preview's search index holds
 * the save, read as the browser reads it (the directory, then the offer's document). The saves
 * begin once the preview's first search index is in place.
 */
final class ServeLatency {
    private static final Pattern MARK = Pattern.compile("Redigeret (\\d+):");
    private static final Pattern STARTED = Pattern.compile("Forhåndsvisning: (http://\\S+/)");
    /** The preview's line after each rebuild of saved files, with the time it took and the time to the saved page (cli.Main). */
    private static final Pattern REBUILT = Pattern.compile("Opdateret på (\\d+) ms: .*?(?:efter (\\d+) ms\\))?$");
    private static final long TIMEOUT_NANOS = 120_000_000_000L;
    private static final double QUIET_DISK_PERCENT = 2;
    private static final long QUIET_DISK_WAIT_NANOS = 300_000_000_000L;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Each save's time to the page on screen, and (where measured) to the current search index, in
     * ms, NaN when not measured; and the preview's own times, as it printed them, of its rebuild
     * after each measured save: until every file the save changed was written (the saved page is
     * written first and reloads meanwhile; a newer save ends the rest of a rebuild early); and the
     * share of the saves' time in which some task on the machine waited for the disk. A rebuild
     * reads "all/page": all files, and the saved page's own file (what the browser waits for).
     */
    record Saves(long spacingMs, double[] toScreenMs, double[] toSearchMs, List<String> rebuildMs, double diskStalledPercent) {
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

    /**
     * Writes out what earlier runs left in the page cache (the builds before wrote some 100,000
     * files), then waits until the disk has been quiet for a while: this disk is mounted with
     * online discard, and the builds' deleted outputs keep it busy (and every file write with it)
     * for minutes after, which the first saves would otherwise measure instead of the preview.
     * Waits while Linux's pressure stall figure for the disk (the share of the last 10 s in which
     * some task waited for it) is above {@link #QUIET_DISK_PERCENT}, at most {@link #QUIET_DISK_WAIT_NANOS};
     * says how long it waited.
     */
    private static void settleDisk() throws InterruptedException {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            // no sync command: the saves are measured as they come
        }
        long start = System.nanoTime();
        double stalled = DiskPressure.recentPercent();
        while (stalled > QUIET_DISK_PERCENT && System.nanoTime() - start < QUIET_DISK_WAIT_NANOS) {
            Thread.sleep(1000);
            stalled = DiskPressure.recentPercent();
        }
        if (!Double.isNaN(stalled)) {
            System.err.printf(Locale.ROOT, "benchmark: the disk quiet after %.0f s (stalled %.1f %% of the last 10 s)%n",
                    (System.nanoTime() - start) / 1e9, stalled);
        }
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
    }

    /**
     * Saves {@code offer}'s file {@code saves} times, {@code spacingMs} apart, after
     * {@code warmUp} unmeasured saves, on a preview started from {@code jar}; with
     * {@code search}, waits after each save for the search index too (which makes sense only for
     * saves far apart).
     */
    static Saves measure(Path jar, Path site, SyntheticSite.Offer offer, long spacingMs, int warmUp, int saves, boolean search) throws Exception {
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        Path file = site.resolve("content").resolve(offer.file());
        String original = Files.readString(file, StandardCharsets.UTF_8);
        int doc = documentOf(site, offer);
        int total = warmUp + saves;
        AtomicLongArray savedAt = new AtomicLongArray(total);
        AtomicLongArray shownAt = new AtomicLongArray(total);
        AtomicLongArray searchAt = new AtomicLongArray(total);
        List<String> rebuildMs = List.of();
        double diskStalled = Double.NaN;
        settleDisk();
        Process serve = new ProcessBuilder(BuildBenchmark.javaBinary(), "-jar", jar.toString(), "serve", "--source", site.toString(),
                "--port", "0", "--no-open").redirectErrorStream(true).start();
        try {
            List<String> rebuilt = new CopyOnWriteArrayList<>();
            String base = started(serve, rebuilt);
            ChromeDriver driver = Chromium.start(Chromium.options());
            try {
                driver.get(base + "tilbud/" + offer.slug() + "/");
                // saves start once the preview's first search index, of the whole site, is in place:
                // the figures are those of an editor at work, not of the first half minute
                awaitTitle(base, doc, "");
                int before = rebuilt.size();
                long stalledBefore = DiskPressure.stalledMicros();
                long savesStart = System.nanoTime();
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
                                awaitTitle(base, doc, "Redigeret " + i + ":");
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
                diskStalled = DiskPressure.percentBetween(stalledBefore, DiskPressure.stalledMicros(), System.nanoTime() - savesStart);
                List<String> all = List.copyOf(rebuilt);
                rebuildMs = all.subList(Math.min(all.size(), before + warmUp), all.size());
            } finally {
                driver.quit();
                Files.writeString(file, original, StandardCharsets.UTF_8);
            }
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) serve.destroyForcibly();
        }
        double[] toScreen = new double[saves];
        double[] toSearch = new double[saves];
        for (int i = 0; i < saves; i++) {
            int k = warmUp + i;
            toScreen[i] = (shownAt.get(k) - savedAt.get(k)) / 1e6;
            toSearch[i] = search ? (searchAt.get(k) - savedAt.get(k)) / 1e6 : Double.NaN;
        }
        return new Saves(spacingMs, toScreen, toSearch, rebuildMs, diskStalled);
    }

    /**
     * Waits for the preview's address on its output (it has built the site then); of the rest of
     * its output, the rebuilds' times go into {@code rebuilt}, the other lines are dropped.
     */
    private static String started(Process serve, List<String> rebuilt) throws Exception {
        CompletableFuture<String> base = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    Matcher m = STARTED.matcher(line);
                    if (m.find()) base.complete(m.group(1));
                    Matcher r = REBUILT.matcher(line);
                    if (r.find()) rebuilt.add(r.group(1) + "/" + (r.group(2) == null ? "-" : r.group(2)));
                }
                base.completeExceptionally(new IllegalStateException("the preview ended without starting"));
            } catch (IOException e) {
                base.completeExceptionally(e);
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        return base.get(10, TimeUnit.MINUTES);
    }

    /** The offer's number among the search documents, as the build orders them. */
    private static int documentOf(Path site, SyntheticSite.Offer offer) {
        List<SearchDocument> docs = SearchDocuments.of(Checked.run(site, true));
        for (int d = 0; d < docs.size(); d++) {
            if (docs.get(d).url().endsWith("/tilbud/" + offer.slug() + "/")) return d;
        }
        throw new IllegalStateException("no search document for " + offer.slug());
    }

    /** Waits until the preview's search index, read as the browser reads it, has a title holding {@code text} for document {@code doc}. */
    private static void awaitTitle(String base, int doc, String text) throws Exception {
        long start = System.nanoTime();
        for (String title = indexedTitle(base, doc); title.isEmpty() || !title.contains(text); title = indexedTitle(base, doc)) {
            if (System.nanoTime() - start > TIMEOUT_NANOS) throw new IllegalStateException("the search index never held '" + text + "'");
            Thread.sleep(10);
        }
    }

    private static String indexedTitle(String base, int doc) throws Exception {
        byte[] directory = get(base + "soeg/indeks.bin");
        if (directory == null) return "";
        JsonNode dir = JSON.readTree(JsSearch.inflate(directory, null));
        int blockSize = dir.get("blockSize").asInt();
        byte[] dictionary = get(base + "soeg/d/" + dir.get("dictionary").asText() + ".bin");
        // as the browser reads one document: the block's table of offsets, then the document's bytes
        String block = base + "soeg/d/" + dir.get("blocks").get(doc / blockSize).asText() + ".bin";
        int i = doc % blockSize;
        byte[] table = get(block, 0, 5 + 4 * (i + 2));
        if (dictionary == null || table == null) return ""; // an older directory's files, just replaced
        java.nio.ByteBuffer offsets = java.nio.ByteBuffer.wrap(table).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] document = get(block, offsets.getInt(5 + 4 * i), offsets.getInt(5 + 4 * i + 4));
        if (document == null) return "";
        return JSON.readTree(JsSearch.inflate(document, JsSearch.inflate(dictionary, null))).path("title").asText();
    }

    private static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 200 ? r.body() : null;
    }

    /** Bytes {@code from} up to {@code to} of a file, asked for as a range (the preview answers 206). */
    private static byte[] get(String url, int from, int to) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=" + from + "-" + (to - 1)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 206 ? r.body() : null;
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
