package dk.tilbudsoversigt.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpServer;
import org.openqa.selenium.chrome.ChromeDriver;

import dk.tilbudsoversigt.bake.SiteBuilder;
import dk.tilbudsoversigt.browser.Chromium;
import dk.tilbudsoversigt.serve.ByteRange;

/**
 * The search against Pagefind 1.x on the same built pages, in one run: bytes a browser
 * downloads for a first query (module included) and for each further word or query, index size
 * on disk per page, and the time from query to rendered results once the files are cached, in
 * headless Chromium. Run with {@code mvn -q -Psearch-benchmark verify -DskipTests} (10,000
 * offers; {@code -Dbenchmark.pages=N} for another size, or {@code -Dbenchmark.site=FOLDER}: a site
 * folder of your own). Pagefind comes from npm ({@code npx pagefind@1}) and is skipped, with a line saying
 * so, when npx or the registry is not there. {@code -Dbenchmark.log} prints every request.
 */
public final class SearchBenchmark {
    /** Queries as people type them, word by word: the first word, then each further word. */
    static final List<List<String>> SEQUENCES = List.of(
            List.of("aflastning", "weekend"),
            List.of("hjælp", "til", "søskende"),
            List.of("støttekontaktperson"),
            List.of("autisme", "skole"),
            List.of("handicap", "bolig"),
            List.of("pårørende", "netværk"),
            List.of("klage", "afgørelse"),
            List.of("velfærdsteknologi"),
            List.of("ledsageordning"),
            List.of("bostøtte", "voksne"));

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path work = Files.createTempDirectory("soegebenchmark");
        Path out = work.resolve("out");
        Path site;
        if (args.length > 1 && !args[1].isBlank()) {
            site = Path.of(args[1]);
            System.out.printf("Search benchmark: the site folder %s%n", site);
        } else {
            site = work.resolve("site");
            System.out.printf("Search benchmark: a synthetic site of %,d offers in %s%n", pages, work);
            SyntheticSite.write(site, pages);
        }
        long t0 = System.nanoTime();
        SiteBuilder.Result built = SiteBuilder.build(site, out, false);
        if (!built.ok()) throw new IllegalStateException("the synthetic site does not build: " + built.problems().errors());
        System.out.printf("built with Tilbudsoversigt in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        boolean pagefind = runPagefind(out, work);
        writeHarness(out);
        int pageCount = countPages(out);

        List<Row> rows = new ArrayList<>();
        try (CountingServer server = new CountingServer(out)) {
            Chromium.requireOrSkip("the search benchmark");
            rows.add(measure("Tilbudsoversigt", server, "/bench/ours.html", dirSize(out.resolve("soeg")), pageCount));
            if (pagefind) rows.add(measure("Pagefind", server, "/bench/pagefind.html", dirSize(out.resolve("pagefind")), pageCount));
        }
        print(rows, pageCount);
    }

    /** One engine's figures. */
    record Row(String engine, long firstRaw, long firstGzip, long moduleRaw, long moduleGzip, List<Long> furtherWord,
               List<Long> furtherQuery, double indexBytesPerPage, List<Double> warmMs, List<Integer> totals) {}

    private static Row measure(String engine, CountingServer server, String page, long indexBytes, int pageCount) {
        ChromeDriver driver = Chromium.start(Chromium.options());
        try {
            server.reset();
            driver.get(server.origin + page);
            waitReady(driver);
            long moduleRaw = server.raw.get() - server.pageBytes;
            long moduleGzip = server.gzip.get() - server.pageGzip;
            List<Long> furtherWord = new ArrayList<>();
            List<Long> furtherQuery = new ArrayList<>();
            List<Integer> totals = new ArrayList<>();
            long firstRaw = 0;
            long firstGzip = 0;
            boolean first = true;
            for (List<String> words : SEQUENCES) {
                for (int n = 1; n <= words.size(); n++) {
                    long before = server.raw.get();
                    long beforeGzip = server.gzip.get();
                    if (System.getProperty("benchmark.log") != null) System.out.println("query: " + String.join(" ", words.subList(0, n)));
                    int total = run(driver, String.join(" ", words.subList(0, n)));
                    long raw = server.raw.get() - before;
                    if (first) {
                        firstRaw = server.raw.get() - server.pageBytes;
                        firstGzip = server.gzip.get() - server.pageGzip;
                        first = false;
                    } else if (n == 1) {
                        furtherQuery.add(raw);
                    } else {
                        furtherWord.add(raw);
                    }
                    if (n == words.size()) totals.add(total);
                    if (raw < 0 || beforeGzip < 0) throw new IllegalStateException();
                }
            }
            List<Double> warm = new ArrayList<>();
            for (List<String> words : SEQUENCES) {
                for (int repeat = 0; repeat < 5; repeat++) warm.add(time(driver, String.join(" ", words)));
            }
            return new Row(engine, firstRaw, firstGzip, moduleRaw, moduleGzip, furtherWord, furtherQuery,
                    (double) indexBytes / pageCount, warm, totals);
        } finally {
            driver.quit();
        }
    }

    private static void waitReady(ChromeDriver driver) {
        for (int i = 0; i < 200; i++) {
            if (Boolean.TRUE.equals(driver.executeScript("return window.benchReady === true"))) return;
            sleep(50);
        }
        throw new IllegalStateException("the benchmark page did not load: " + driver.executeScript("return String(window.benchError)"));
    }

    private static int run(ChromeDriver driver, String query) {
        Object total = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.bench(arguments[0]).then(r => done(r.total), e => done(-1))", query);
        return ((Number) total).intValue();
    }

    /** Milliseconds from query to rendered results, measured in the page. */
    private static double time(ChromeDriver driver, String query) {
        Object ms = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.bench(arguments[0]).then(r => done(r.ms), e => done(-1))", query);
        return ((Number) ms).doubleValue();
    }

    private static boolean runPagefind(Path out, Path work) {
        try {
            Process p = new ProcessBuilder("npx", "--yes", "pagefind@1", "--site", out.toString(), "--root-selector", "main",
                    "--output-subdir", "pagefind").directory(work.toFile()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isDirectory(out.resolve("pagefind"))) {
                System.out.println("Pagefind: skipped (npx pagefind@1 failed):\n" + log);
                return false;
            }
            String version = log.lines().filter(l -> l.toLowerCase(Locale.ROOT).contains("pagefind")).findFirst().orElse("");
            System.out.println("Pagefind: " + version.strip());
            return true;
        } catch (IOException | InterruptedException e) {
            System.out.println("Pagefind: skipped (" + e.getMessage() + ")");
            return false;
        }
    }

    /** The same page for both engines: search, then draw the top 10 with title and excerpt. */
    private static void writeHarness(Path out) throws IOException {
        String render = """
                function render(results) {
                  const list = document.getElementById('results');
                  list.replaceChildren(...results.map((r) => {
                    const li = document.createElement('li');
                    const a = document.createElement('a');
                    a.href = r.url;
                    a.textContent = r.title;
                    const p = document.createElement('p');
                    p.innerHTML = r.excerpt;
                    li.append(a, p);
                    return li;
                  }));
                  return list.offsetHeight; // layout, so the time includes drawing
                }
                """;
        Path bench = Files.createDirectories(out.resolve("bench"));
        Files.writeString(bench.resolve("ours.html"), page(render + """
                const { search } = await import('../js/soeg.js');
                window.bench = async (q) => {
                  const t0 = performance.now();
                  const r = await search(q, { limit: 10 });
                  render(r.results);
                  return { ms: performance.now() - t0, total: r.total };
                };
                window.benchReady = true;
                """));
        Files.writeString(bench.resolve("pagefind.html"), page(render + """
                const pagefind = await import('../pagefind/pagefind.js');
                await pagefind.init();
                window.bench = async (q) => {
                  const t0 = performance.now();
                  const s = await pagefind.search(q);
                  const data = await Promise.all(s.results.slice(0, 10).map((r) => r.data()));
                  render(data.map((d) => ({ url: d.url, title: d.meta.title, excerpt: d.excerpt })));
                  return { ms: performance.now() - t0, total: s.results.length };
                };
                window.benchReady = true;
                """));
    }

    private static String page(String module) {
        return "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>bench</title></head><body><ol id=\"results\"></ol>"
                + "<script type=\"module\">\ntry {\n" + module + "\n} catch (e) { window.benchError = e; }\n</script></body></html>";
    }

    private static int countPages(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return (int) walk.filter(p -> p.getFileName().toString().equals("index.html")).count();
        }
    }

    private static long dirSize(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void print(List<Row> rows, int pages) {
        System.out.printf(Locale.ROOT, "%n%,d pages; %d queries, %d further words; bytes as served (no HTTP compression; "
                + "in brackets: if the server gzips text files)%n%n", pages, SEQUENCES.size(),
                SEQUENCES.stream().mapToInt(s -> s.size() - 1).sum());
        System.out.println("| | first query, module included (KB) | the module (KB) | each further word, median / max (KB) "
                + "| each further query, median / max (KB) | index on disk per page (KB) | query → rendered results, cached, median / p95 (ms) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %.1f (%.1f) | %.1f (%.1f) | %.1f / %.1f | %.1f / %.1f | %.2f | %.1f / %.1f |%n",
                    r.engine(), kb(r.firstRaw()), kb(r.firstGzip()), kb(r.moduleRaw()), kb(r.moduleGzip()),
                    kb(median(r.furtherWord())), kb(max(r.furtherWord())), kb(median(r.furtherQuery())), kb(max(r.furtherQuery())),
                    r.indexBytesPerPage() / 1024, percentile(r.warmMs(), 50), percentile(r.warmMs(), 95));
        }
        System.out.println();
        for (Row r : rows) System.out.println(r.engine() + ": results per query " + r.totals());
    }

    private static double kb(double bytes) {
        return bytes / 1024;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static double max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Serves the built site at the root and counts the bytes of every response, raw and as gzip would send them. */
    static final class CountingServer implements AutoCloseable {
        private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript",
                "css", "text/css", "json", "application/json", "wasm", "application/wasm");
        final AtomicLong raw = new AtomicLong();
        final AtomicLong gzip = new AtomicLong();
        volatile long pageBytes;
        volatile long pageGzip;
        final String origin;
        private final HttpServer server;

        CountingServer(Path root) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                Path file = root.resolve(path.substring(1)).normalize();
                if (Files.isDirectory(file)) file = file.resolve("index.html");
                byte[] body = file.startsWith(root) && Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
                String name = file.getFileName().toString();
                String ext = name.substring(name.lastIndexOf('.') + 1);
                exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                ByteRange range = ByteRange.of(exchange.getRequestHeaders().getFirst("Range"), body.length);
                int status = body.length == 0 ? 404 : 200;
                if (range != null) {
                    exchange.getResponseHeaders().set("Content-Range", range.header(body.length));
                    body = range.slice(body);
                    status = 206;
                }
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
                long zipped = TYPES.containsKey(ext) && !ext.equals("wasm") ? gzipped(body) : body.length;
                raw.addAndGet(body.length);
                gzip.addAndGet(zipped);
                if (System.getProperty("benchmark.log") != null) System.out.println("  GET " + path + " " + body.length);
                if (path.startsWith("/bench/")) {
                    pageBytes += body.length;
                    pageGzip += zipped;
                }
            });
            server.start();
            origin = "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void reset() {
            raw.set(0);
            gzip.set(0);
            pageBytes = 0;
            pageGzip = 0;
        }

        private static long gzipped(byte[] body) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(body);
            }
            return out.size();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
