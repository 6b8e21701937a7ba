package dk.tilbudsoversigt.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfigurationFactory;

import dk.tilbudsoversigt.bake.SiteBuilder;

/**
 * Build benchmark: this tool's build against a stock JBake 2.7 bake of the same offers, in one
 * JVM, alternating, one warm-up and three measured runs each. Prints a Markdown table.
 * Run with {@code mvn -q -Pbenchmark verify -DskipTests -Dbenchmark.pages=2000}.
 */
public final class BuildBenchmark {
    private static final int MEASURED_RUNS = 3;
    private static final long SLOW_RUN_NANOS = 180_000_000_000L;

    /** One timed build: wall time, highest sampled heap use, and the number of files it wrote. */
    private record Run(long nanos, long peakHeapBytes, long files) {}

    private BuildBenchmark() {}

    /** A build that cannot be measured, e.g. because the synthetic site has errors. */
    private static final class BenchmarkFailure extends RuntimeException {
        BenchmarkFailure(String message) {
            super(message);
        }
    }

    /** A build into an output folder. */
    private interface Build {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        // OrientDB (inside JBake) logs through java.util.logging; Freemarker would pick log4j 1.x,
        // which a test dependency brings along; everything else already goes to slf4j-nop
        java.util.logging.LogManager.getLogManager().reset();
        System.setProperty("org.freemarker.loggerLibrary", "SLF4J");

        boolean failed = false;
        Path root = Files.createTempDirectory("tilbudsoversigt-benchmark");
        try {
            List<SyntheticSite.Offer> offers = SyntheticSite.offers(n);
            Path ourSite = root.resolve("ours");
            Path stockSite = root.resolve("jbake");
            SyntheticSite.writeOurs(ourSite, offers);
            SyntheticSite.writeJBake(stockSite, offers);
            Path ourOut = root.resolve("out-ours");
            Path stockOut = root.resolve("out-jbake");

            Build ours = () -> buildOurs(ourSite, ourOut);
            Build stock = () -> bakeStock(stockSite, stockOut);

            measure(ours, ourOut);
            Run stockWarmUp = measure(stock, stockOut);
            // a stock bake over ~3 minutes is measured once: its cold first run is the figure
            boolean stockOnce = stockWarmUp.nanos() > SLOW_RUN_NANOS;
            List<Run> ourRuns = new ArrayList<>();
            List<Run> stockRuns = new ArrayList<>();
            if (stockOnce) stockRuns.add(stockWarmUp);
            for (int i = 0; i < MEASURED_RUNS; i++) {
                ourRuns.add(measure(ours, ourOut));
                if (!stockOnce) stockRuns.add(measure(stock, stockOut));
            }
            print(n, offers, ourRuns, stockRuns, stockOnce);
        } catch (BenchmarkFailure e) {
            System.err.println("benchmark: " + e.getMessage());
            failed = true;
        } finally {
            deleteTree(root);
        }
        if (failed) System.exit(1);
    }

    private static void buildOurs(Path site, Path out) {
        SiteBuilder.Result result = SiteBuilder.build(site, out, false);
        if (!result.ok()) {
            throw new BenchmarkFailure("the synthetic site does not build:\n" + String.join("\n",
                    result.problems().errors().stream().limit(20).map(Object::toString).toList()));
        }
    }

    private static void bakeStock(Path site, Path out) {
        Oven oven = new Oven(new JBakeConfigurationFactory().createDefaultJbakeConfiguration(site.toFile(), out.toFile(), true));
        oven.bake();
        if (!oven.getErrors().isEmpty()) {
            throw new BenchmarkFailure("stock JBake failed: " + oven.getErrors().get(0));
        }
    }

    /** Runs one build into an emptied output folder, sampling heap use every 10 ms meanwhile. */
    private static Run measure(Build build, Path out) throws Exception {
        deleteTree(out);
        // start from a collected heap so that the previous build's garbage is not counted
        System.gc();
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        build.run();
        long nanos = System.nanoTime() - start;
        sampler.interrupt();
        sampler.join();
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        return new Run(nanos, peak.get(), countFiles(out));
    }

    private static void print(int n, List<SyntheticSite.Offer> offers, List<Run> ours, List<Run> stock, boolean stockOnce) {
        double ourMedian = median(ours);
        double stockMedian = median(stock);
        System.out.println("| build | pages | median time (s) | min time (s) | peak heap (MB) |");
        System.out.println("|---|---:|---:|---:|---:|");
        row("Tilbudsoversigt (SiteBuilder.build)", n, ours);
        row("stock JBake 2.7.0 (Oven.bake)", n, stock);
        System.out.println();
        System.out.printf(Locale.ROOT, "Ratio stock/ours of median times: %.1f%n", stockMedian / ourMedian);
        System.out.println();
        double words = offers.stream().mapToInt(o -> o.body().split("\\s+").length).average().orElse(0);
        System.out.printf(Locale.ROOT, "- pages = offers; each has a ~%.0f-word Markdown body. Our site also holds "
                + "10 target groups and 20 glossary terms (needed by the offers); stock JBake gets the offers only.%n", words);
        System.out.printf("- files written per build: ours %d, stock JBake %d%n",
                ours.get(0).files(), stock.get(0).files());
        System.out.println("- " + (stockOnce
                ? "stock JBake took over 3 minutes, so it was measured once, without a warm-up; ours: 1 warm-up + "
                        + MEASURED_RUNS + " runs"
                : "1 warm-up + " + MEASURED_RUNS + " measured runs each, alternating, in one JVM"));
        System.out.println("- peak heap = highest heap in use (garbage included) over the measured runs, sampled every 10 ms;"
                + " System.gc() before each build");
        Runtime rt = Runtime.getRuntime();
        System.out.printf("- Java %s (%s), %d cores, max heap %d MB%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), rt.availableProcessors(), rt.maxMemory() >> 20);
    }

    private static void row(String name, int pages, List<Run> runs) {
        long minNanos = runs.stream().mapToLong(Run::nanos).min().orElseThrow();
        long peak = runs.stream().mapToLong(Run::peakHeapBytes).max().orElseThrow();
        System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %d |%n", name, pages, median(runs), minNanos / 1e9, peak >> 20);
    }

    private static double median(List<Run> runs) {
        double[] s = runs.stream().mapToDouble(r -> r.nanos() / 1e9).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long countFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
