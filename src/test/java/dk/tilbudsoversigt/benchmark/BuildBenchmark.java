package dk.tilbudsoversigt.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfigurationFactory;

import dk.tilbudsoversigt.bake.SiteBuilder;

/**
 * The build benchmark, in one run: synthetic sites of (by default) 1,000 and 10,000 offers built
 * by this tool as a webmaster runs it (a new {@code java -jar} process each time) and warm in
 * one JVM, by Hugo (Debian's {@code hugo}, when installed) on the same Markdown with comparable
 * templates, and by stock JBake's {@code Oven} on the smallest site; then the preview's time
 * from saving an offer to the reloaded page on the largest site. Prints a Markdown table and the
 * ratios, which are the figures to trust on a shared machine.
 *
 * <p>Run with {@code mvn -q -Pbenchmark verify -DskipTests}; {@code -Dbenchmark.sizes=1000,10000}
 * and {@code -Dbenchmark.runs=3} choose sizes and measured runs.
 */
public final class BuildBenchmark {
    private static final Path HUGO = Path.of("/usr/bin/hugo");
    private static final int SERVE_WARM_UP = 4;
    private static final int SERVE_EDITS = 20;

    private BuildBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/tilbudsoversigt.jar");
        List<Integer> sizes = new ArrayList<>();
        for (String s : (args.length > 1 ? args[1] : "1000,10000").split(",")) sizes.add(Integer.parseInt(s.strip()));
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        java.util.logging.LogManager.getLogManager().reset(); // OrientDB, inside stock JBake, logs through java.util.logging
        System.setProperty("org.freemarker.loggerLibrary", "SLF4J");
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: run mvn package first");
        String hugoVersion = hugoVersion();
        if (hugoVersion == null) System.err.println("benchmark: Hugo skipped, " + HUGO + " is not installed (apt-get install hugo)");
        String loadBefore = load();

        Path root = Files.createTempDirectory("tilbudsoversigt-benchmark");
        Map<String, Double> medians = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            for (int n : sizes) {
                SyntheticSite.Model model = SyntheticSite.generate(n);
                Path ours = root.resolve("ours-" + n);
                SyntheticSite.writeOurs(ours, model);
                Path hugo = root.resolve("hugo-" + n);
                HugoSite.write(hugo, model);
                Path out = root.resolve("out");
                if (n == sizes.get(0)) notes.add("- text: " + model.corpus());
                System.err.printf("benchmark: %,d offers%n", n);

                List<Measured> cold = new ArrayList<>();
                List<Measured> byHugo = new ArrayList<>();
                List<String> command = List.of(javaBinary(), "-jar", jar.toAbsolutePath().toString(), "build",
                        "--source", ours.toString(), "--output", out.toString());
                Measured.process(command, out); // the file cache warmed, as for any later build
                if (hugoVersion != null) Measured.process(HugoSite.command(HUGO, hugo, out), out);
                for (int i = 0; i < runs; i++) {
                    cold.add(Measured.process(command, out));
                    if (hugoVersion != null) byHugo.add(Measured.process(HugoSite.command(HUGO, hugo, out), out));
                }
                List<Measured> warm = new ArrayList<>();
                Measured.inJvm(() -> buildOurs(ours, out), out);
                for (int i = 0; i < runs; i++) warm.add(Measured.inJvm(() -> buildOurs(ours, out), out));

                rows.add(row(n, "Tilbudsoversigt, `java -jar … build` (a new JVM each run)", cold, "RSS"));
                rows.add(row(n, "Tilbudsoversigt, `SiteBuilder.build` in a warm JVM", warm, "heap"));
                medians.put("cold " + n, Measured.median(cold));
                medians.put("warm " + n, Measured.median(warm));
                if (hugoVersion != null) {
                    rows.add(row(n, "Hugo " + hugoVersion, byHugo, "RSS"));
                    medians.put("hugo " + n, Measured.median(byHugo));
                }
                if (n == sizes.get(0)) {
                    Path jbake = root.resolve("jbake-" + n);
                    SyntheticSite.writeJBake(jbake, model);
                    Measured.inJvm(() -> bakeStock(jbake, out), out);
                    List<Measured> stock = List.of(Measured.inJvm(() -> bakeStock(jbake, out), out));
                    rows.add(row(n, "stock JBake 2.7.0 `Oven` (offers only; OrientDB in memory)", stock, "heap"));
                    medians.put("jbake " + n, Measured.median(stock));
                }
                Measured.deleteTree(hugo);
                if (n != sizes.get(sizes.size() - 1)) Measured.deleteTree(ours);
            }

            int largest = sizes.get(sizes.size() - 1);
            System.err.printf("benchmark: the preview, %,d offers%n", largest);
            List<ServeLatency.Save> saves = ServeLatency.measure(root.resolve("ours-" + largest), largest, SERVE_WARM_UP, SERVE_EDITS);

            System.out.println("| offers | build | median time (s) | fastest (s) | CPU time / wall time | peak memory (MB) | files |");
            System.out.println("|---:|---|---:|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
            System.out.println();
            int smallest = sizes.get(0);
            if (medians.containsKey("hugo " + largest)) {
                System.out.printf(Locale.ROOT, "- %,d offers, ours / Hugo (median over median): %.2f× as a new process, %.2f× warm (goal: at most 2×)%n",
                        largest, medians.get("cold " + largest) / medians.get("hugo " + largest),
                        medians.get("warm " + largest) / medians.get("hugo " + largest));
            } else {
                System.out.println("- Hugo: skipped, " + HUGO + " is not installed (apt-get install hugo)");
            }
            if (sizes.size() > 1) {
                System.out.printf(Locale.ROOT, "- growth from %,d to %,d offers: ours %.1f× as a new process, %.1f× warm%s (goal: at most %.0f×)%n",
                        smallest, largest, medians.get("cold " + largest) / medians.get("cold " + smallest),
                        medians.get("warm " + largest) / medians.get("warm " + smallest),
                        medians.containsKey("hugo " + largest)
                                ? String.format(Locale.ROOT, "; Hugo %.1f×", medians.get("hugo " + largest) / medians.get("hugo " + smallest)) : "",
                        1.1 * largest / smallest);
            }
            if (medians.containsKey("jbake " + smallest)) {
                System.out.printf(Locale.ROOT, "- %,d offers, stock JBake / ours warm: %.1f×%n", smallest,
                        medians.get("jbake " + smallest) / medians.get("warm " + smallest));
            }
            for (String kind : List.of("body", "title")) {
                List<ServeLatency.Save> some = saves.stream().filter(s -> s.kind().equals(kind)).toList();
                System.out.printf(Locale.ROOT, "- preview, %,d offers, %d saves of an offer's %s: save → reloaded page median %.0f ms, slowest %.0f ms;"
                                + " save → every touched file written median %.0f ms (%.0f files) (goal: under 300 ms to the page)%n",
                        largest, some.size(), kind.equals("body") ? "text" : "title",
                        medianMs(some.stream().map(ServeLatency.Save::toPageNanos).toList()),
                        some.stream().mapToLong(ServeLatency.Save::toPageNanos).max().orElse(0) / 1e6,
                        medianMs(some.stream().map(ServeLatency.Save::toDoneNanos).toList()),
                        some.stream().mapToInt(ServeLatency.Save::files).average().orElse(0));
            }
            notes.forEach(System.out::println);
            System.out.printf("- %d measured runs each after one unmeasured run, new processes alternating with Hugo; times are wall"
                    + " clock; peak memory is the peak resident set of the process (RSS) or, in the warm JVM, the highest heap in use%n", runs);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("- Java %s, %d cores, warm JVM max heap %d MB; load average before %s, after %s%n",
                    System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20, loadBefore, load());
        } finally {
            Measured.deleteTree(root);
        }
    }

    private static void buildOurs(Path site, Path out) {
        SiteBuilder.Result result = SiteBuilder.build(site, out, false);
        if (!result.ok()) {
            throw new IllegalStateException("the synthetic site does not build:\n" + String.join("\n",
                    result.problems().errors().stream().limit(20).map(Object::toString).toList()));
        }
    }

    private static void bakeStock(Path site, Path out) {
        Oven oven = new Oven(new JBakeConfigurationFactory().createDefaultJbakeConfiguration(site.toFile(), out.toFile(), true));
        oven.bake();
        if (!oven.getErrors().isEmpty()) throw new IllegalStateException("stock JBake failed: " + oven.getErrors().get(0));
    }

    private static String row(int n, String name, List<Measured> runs, String memory) {
        double fastest = runs.stream().mapToDouble(Measured::seconds).min().orElseThrow();
        double cores = runs.stream().mapToDouble(Measured::cores).average().orElseThrow();
        long peak = runs.stream().mapToLong(Measured::peakBytes).max().orElseThrow();
        return String.format(Locale.ROOT, "| %,d | %s | %.2f | %.2f | %.2f | %d (%s) | %,d |", n, name, Measured.median(runs), fastest,
                cores, peak >> 20, memory, runs.get(0).files());
    }

    private static double medianMs(List<Long> nanos) {
        double[] s = nanos.stream().mapToDouble(x -> x / 1e6).sorted().toArray();
        return s.length == 0 ? 0 : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** "0.111.3", or null when Hugo is not installed. */
    private static String hugoVersion() throws IOException, InterruptedException {
        if (!Files.isExecutable(HUGO)) return null;
        Process p = new ProcessBuilder(HUGO.toString(), "version").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("v(\\d+\\.\\d+\\.\\d+)").matcher(text);
        return m.find() ? m.group(1) : "(unknown version)";
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
