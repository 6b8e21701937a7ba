package dk.tilbudsoversigt.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build benchmark, in one run, on two synthetic sites of N offers (10,000 by default) of
 * different shapes ({@link SyntheticSite}: phrases drawn Zipf-like, 10 target groups, one
 * folder; {@link RareWordSite}: words drawn evenly from a vocabulary of 23,832, 7 target groups,
 * 10 sub-folders): this tool as a webmaster runs it (a new {@code java -jar … build --no-cache}
 * process each run), the repeat build of the unchanged site with its cache (a new process),
 * Hugo (Debian's {@code hugo}) on the same Markdown with comparable templates, Hugo + Pagefind
 * ({@code npx pagefind@1} on Hugo's pages, the search a Hugo user would add), each process's
 * peak resident memory, what a new JVM costs before the build starts (plain and with a
 * class-data sharing archive of the tool's classes), and the preview's save → page on screen in
 * Chromium with saves 8 s and 0.8 s apart. Prints Markdown tables and ratios in the same run,
 * the figures to trust on a shared machine.
 *
 * <p>Run with {@code mvn -q -Pbenchmark verify -DskipTests}; {@code -Dbenchmark.offers=2000}
 * and {@code -Dbenchmark.runs=3} choose the size and the measured runs.
 */
public final class BuildBenchmark {
    private static final Path HUGO = Path.of("/usr/bin/hugo");
    private static final Pattern REPORTED_MS = Pattern.compile("(\\d+) ms");
    private static final int STARTUP_RUNS = 3;
    private static final int SERVE_WARM_UP = 0;

    private BuildBenchmark() {}

    /** One shape's figures. */
    private record Shape(String name, List<Measured> ours, List<Measured> caching, List<Measured> cached, List<Measured> hugo, List<Measured> pagefind,
                         ServeLatency.Saves apart, ServeLatency.Saves close, String description) {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/tilbudsoversigt.jar").toAbsolutePath();
        int offers = Integer.parseInt(args.length > 1 ? args[1].strip() : "10000");
        int runs = args.length > 2 ? Integer.parseInt(args[2].strip()) : 3;
        int serveSaves = Integer.getInteger("benchmark.saves", 10);
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: run mvn package first");
        String hugoVersion = hugoVersion();
        if (hugoVersion == null) System.err.println("benchmark: Hugo skipped, " + HUGO + " is not installed (apt-get install hugo)");
        String loadBefore = load();
        Path root = Files.createTempDirectory("tilbudsoversigt-benchmark");
        List<Shape> shapes = new ArrayList<>();
        String pagefindVersion = null;
        Startup startup;
        try {
            startup = Boolean.parseBoolean(System.getProperty("benchmark.startup", "true")) ? startup(jar, root) : null;
            String only = System.getProperty("benchmark.shapes", "phrases,rare words");
            List<String> names = new ArrayList<>();
            if (only.contains("phrases")) names.add("phrases");
            if (only.contains("rare") && RareWordSite.available()) names.add("rare words");
            else if (only.contains("rare")) System.err.println("benchmark: the rare-word shape skipped, " + RareWordSite.VOCABULARY + " is missing");
            for (String name : names) {
                System.err.printf("benchmark: %s, %,d offers%n", name, offers);
                SyntheticSite.Model model = name.equals("phrases") ? SyntheticSite.generate(offers) : RareWordSite.generate(offers);
                Path ours = root.resolve("ours");
                Path hugo = root.resolve("hugo");
                SyntheticSite.writeOurs(ours, model);
                HugoSite.write(hugo, model);
                Path out = root.resolve("out");
                Path hugoOut = root.resolve("hugo-out");
                List<String> build = List.of(javaBinary(), "-jar", jar.toString(), "build", "--source", ours.toString(),
                        "--output", out.toString());
                List<String> fullBuild = new ArrayList<>(build);
                fullBuild.add("--no-cache");

                List<Measured> byUs = new ArrayList<>();
                List<Measured> byHugo = new ArrayList<>();
                List<Measured> byPagefind = new ArrayList<>();
                if (runs > 1) {
                    Measured.process(fullBuild, out, true); // the JIT-free parts of the system warmed, as for any later build
                    if (hugoVersion != null) Measured.process(HugoSite.command(HUGO, hugo, hugoOut), hugoOut, true);
                } else if (hugoVersion != null) {
                    Measured.process(HugoSite.command(HUGO, hugo, hugoOut), hugoOut, true); // Pagefind needs Hugo's pages first
                }
                boolean pagefind = hugoVersion != null && Pagefind.run(hugoOut) != null;
                for (int i = 0; i < runs; i++) {
                    byUs.add(logged(name + ", ours --no-cache", Measured.process(fullBuild, out, true)));
                    if (hugoVersion != null) {
                        byHugo.add(logged(name + ", Hugo", Measured.process(HugoSite.command(HUGO, hugo, hugoOut), hugoOut, true)));
                        if (pagefind) {
                            Measured m = Pagefind.run(hugoOut);
                            if (m == null) pagefind = false;
                            else byPagefind.add(logged(name + ", Pagefind", m));
                        }
                    }
                }
                if (pagefind && pagefindVersion == null) pagefindVersion = Pagefind.version(root);
                if (!pagefind) byPagefind.clear();

                List<Measured> repeat = new ArrayList<>();
                Measured.deleteTree(out);
                Measured first = logged(name + ", ours writing the cache", Measured.process(build, out, false));
                for (int i = 0; i < runs; i++) repeat.add(logged(name + ", ours from the cache", Measured.process(build, out, false)));
                if (!repeat.get(0).output().contains("fra sidste byg")) {
                    throw new IllegalStateException("the repeat build did not use its cache: " + repeat.get(0).output());
                }

                ServeLatency.Saves apart = null;
                ServeLatency.Saves close = null;
                if (ServeLatency.available()) {
                    SyntheticSite.Offer offer = model.offers().get(model.offers().size() / 2);
                    System.err.printf("benchmark: %s, the preview in Chromium%n", name);
                    apart = ServeLatency.measure(jar, ours, offer, 8000, SERVE_WARM_UP, serveSaves, true);
                    System.err.printf(Locale.ROOT, "benchmark: %s, saves 8 s apart: to screen %s ms, to search %s ms; the preview's rebuilds, all files/saved page %s ms; disk stalled %.1f %% of the time%n", name,
                            Arrays.toString(apart.toScreenMs()), Arrays.toString(apart.toSearchMs()), apart.rebuildMs(), apart.diskStalledPercent());
                    close = ServeLatency.measure(jar, ours, offer, 800, SERVE_WARM_UP, 2 * serveSaves, false);
                    System.err.printf(Locale.ROOT, "benchmark: %s, saves 0.8 s apart: to screen %s ms; the preview's rebuilds, all files/saved page %s ms; disk stalled %.1f %% of the time%n", name,
                            Arrays.toString(close.toScreenMs()), close.rebuildMs(), close.diskStalledPercent());
                } else {
                    System.err.println("benchmark: the preview skipped, /usr/bin/chromium or /usr/bin/chromedriver is missing");
                }
                shapes.add(new Shape(name, byUs, List.of(first), repeat, byHugo, byPagefind, apart, close, model.corpus()));
                Measured.deleteTree(ours);
                Measured.deleteTree(hugo);
                Measured.deleteTree(hugoOut);
                Measured.deleteTree(out);
                Measured.deleteTree(root.resolve(".out.cache"));
            }
        } finally {
            Measured.deleteTree(root);
        }
        print(offers, runs, shapes, hugoVersion, pagefindVersion, startup, loadBefore);
    }

    private static void print(int offers, int runs, List<Shape> shapes, String hugoVersion, String pagefindVersion, Startup startup,
                              String loadBefore) {
        String hugoName = "Hugo " + hugoVersion;
        String pagefindName = hugoName + " + Pagefind " + pagefindVersion + " (`--root-selector main`)";
        System.out.println("| site (" + String.format(Locale.ROOT, "%,d", offers) + " offers) | build | median time (s) | fastest (s) | CPU time (s) | peak RSS (MB) | files |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (Shape s : shapes) {
            System.out.println(row(s.name(), "Tilbudsoversigt, `java -jar … build --no-cache` (a new JVM)", s.ours()));
            System.out.println(row(s.name(), "Tilbudsoversigt, `java -jar … build`, the first build, writing its cache (a new JVM)", s.caching()));
            System.out.println(row(s.name(), "Tilbudsoversigt, `java -jar … build`, repeat build of the unchanged site from its cache (a new JVM)", s.cached()));
            if (!s.hugo().isEmpty()) System.out.println(row(s.name(), hugoName, s.hugo()));
            if (!s.pagefind().isEmpty()) System.out.println(row(s.name(), pagefindName, sum(s.hugo(), s.pagefind())));
        }
        System.out.println();
        System.out.println("| measure (same run) | " + String.join(" | ", shapes.stream().map(Shape::name).toList()) + " | goal |");
        System.out.println("|---|" + "---:|".repeat(shapes.size()) + "---:|");
        measure(shapes, "ours / Hugo, new process", s -> s.hugo().isEmpty() ? Double.NaN : Measured.median(s.ours()) / Measured.median(s.hugo()), "%.2f×", "at most 2×");
        measure(shapes, "ours / (Hugo + Pagefind)", s -> s.pagefind().isEmpty() ? Double.NaN
                : Measured.median(s.ours()) / Measured.median(sum(s.hugo(), s.pagefind())), "%.2f×", "under 1×");
        measure(shapes, "repeat build (cache) / first build writing the cache", s -> Measured.median(s.cached()) / Measured.median(s.caching()), "%.2f", "at most 0.33");
        measure(shapes, "first build writing the cache / full build without cache", s -> Measured.median(s.caching()) / Measured.median(s.ours()), "%.2f", "");
        measure(shapes, "peak RSS of our build (MB)", s -> s.ours().stream().mapToLong(Measured::peakBytes).max().orElse(0) / 1048576.0, "%.0f", "under 2,048");
        measure(shapes, "build reported by the tool / process wall time", s -> s.ours().stream().mapToDouble(Measured::reportedShare).average().orElse(Double.NaN), "%.2f", "");
        measure(shapes, "preview, saves 8 s apart: save → new title on screen, median (ms)", s -> s.apart() == null ? Double.NaN : s.apart().median(), "%.0f", "at most 300");
        measure(shapes, "the same, slowest (ms)", s -> s.apart() == null ? Double.NaN : s.apart().max(), "%.0f", "at most 600");
        measure(shapes, "preview, saves 0.8 s apart: median (ms)", s -> s.close() == null ? Double.NaN : s.close().median(), "%.0f", "at most 300");
        measure(shapes, "the same, slowest (ms)", s -> s.close() == null ? Double.NaN : s.close().max(), "%.0f", "at most 600");
        measure(shapes, "preview, saves 8 s apart: save → search index current, median (ms)", s -> s.apart() == null ? Double.NaN : s.apart().searchMedian(), "%.0f", "");
        measure(shapes, "the same, slowest (ms)", s -> s.apart() == null ? Double.NaN : s.apart().searchMax(), "%.0f", "at most 3,000");
        measure(shapes, "the disk stalled some task, saves 8 s apart (% of their time, /proc/pressure/io)", s -> s.apart() == null ? Double.NaN : s.apart().diskStalledPercent(), "%.1f", "");
        measure(shapes, "the same, saves 0.8 s apart (%)", s -> s.close() == null ? Double.NaN : s.close().diskStalledPercent(), "%.1f", "");
        System.out.println();
        if (startup != null) System.out.printf(Locale.ROOT, "- a new JVM before the build starts: `java -jar … --help` median %.0f ms; with the class-data sharing archive"
                        + " of the tool's classes (`-XX:SharedArchiveFile`, made by `-XX:ArchiveClassesAtExit` on a build of the example site) %.0f ms;"
                        + " a build of the example site (100 pages): `java -jar` (which starts the JVM it builds in, with a heap ceiling and the quick"
                        + " compiler) %.0f ms, in the first JVM (`-Dtilbudsoversigt.jvm=own`) %.0f ms, in the first JVM with the archive %.0f ms (medians of %d)%n",
                startup.help(), startup.helpShared(), startup.small(), startup.smallHere(), startup.smallShared(), STARTUP_RUNS);
        for (Shape s : shapes) System.out.println("- " + s.name() + ": " + s.description());
        System.out.printf("- %d measured runs each (after one unmeasured run when more than one), our full build alternating with Hugo and Pagefind; times are wall clock;"
                + " CPU time is user + system time and peak RSS is VmHWM of /proc/<pid>/status, each summed over the process and those it starts"
                + " (our build's own JVM, npx's Pagefind); Hugo + Pagefind adds the two"
                + " processes' times of the same round; the preview's saves are title edits of one offer open in headless Chromium%n", runs);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("- Java %s, %d cores; load average before %s, after %s%n",
                System.getProperty("java.version"), rt.availableProcessors(), loadBefore, load());
    }

    /** Each figure as it comes, on standard error: a run stopped half-way still leaves them. */
    private static Measured logged(String what, Measured m) {
        System.err.printf(Locale.ROOT, "benchmark: %s: %.2f s, CPU %.1f s, peak RSS %d MB, %,d files%n", what, m.seconds(),
                m.cpuNanos() / 1e9, m.peakBytes() >> 20, m.files());
        return m;
    }

    private interface Figure {
        double of(Shape s);
    }

    private static void measure(List<Shape> shapes, String name, Figure figure, String format, String goal) {
        StringBuilder b = new StringBuilder("| " + name + " |");
        for (Shape s : shapes) {
            double v = figure.of(s);
            b.append(' ').append(Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v)).append(" |");
        }
        System.out.println(b.append(' ').append(goal).append(" |"));
    }

    /** Round by round, the two processes one after the other; the memory is the first's (Pagefind's binary is a grandchild of npx, not measured). */
    private static List<Measured> sum(List<Measured> a, List<Measured> b) {
        List<Measured> out = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Measured x = a.get(i);
            Measured y = b.get(i);
            out.add(new Measured(x.nanos() + y.nanos(), x.cpuNanos() + y.cpuNanos(), x.peakBytes(),
                    x.files() + y.files(), ""));
        }
        return out;
    }

    private static String row(String shape, String name, List<Measured> runs) {
        double fastest = runs.stream().mapToDouble(Measured::seconds).min().orElseThrow();
        double cpu = runs.stream().mapToDouble(m -> m.cpuNanos() / 1e9).sorted().toArray()[runs.size() / 2];
        long peak = runs.stream().mapToLong(Measured::peakBytes).max().orElseThrow();
        return String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.1f | %d | %,d |", shape, name, Measured.median(runs), fastest,
                cpu, peak >> 20, runs.get(0).files());
    }

    /** Medians in ms: a new JVM printing the help, and building the example site, each with and without the CDS archive. */
    private record Startup(double help, double helpShared, double small, double smallShared, double smallHere) {}

    private static Startup startup(Path jar, Path root) throws Exception {
        Path example = Path.of("").toAbsolutePath();
        Path out = root.resolve("startup-out");
        Path archive = root.resolve("tilbudsoversigt.jsa");
        List<String> archiveRun = List.of(javaBinary(), "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(), "build",
                "--source", example.toString(), "--output", out.toString(), "--no-cache");
        Measured.process(archiveRun, out, true);
        String shared = "-XX:SharedArchiveFile=" + archive;
        List<String> help = List.of(javaBinary(), "-jar", jar.toString(), "--help");
        List<String> helpShared = List.of(javaBinary(), shared, "-jar", jar.toString(), "--help");
        List<String> small = List.of(javaBinary(), "-jar", jar.toString(), "build", "--source", example.toString(),
                "--output", out.toString(), "--no-cache");
        List<String> smallShared = List.of(javaBinary(), shared, "-jar", jar.toString(), "build", "--source", example.toString(),
                "--output", out.toString(), "--no-cache");
        List<String> smallHere = List.of(javaBinary(), "-Dtilbudsoversigt.jvm=own", "-jar", jar.toString(), "build", "--source", example.toString(),
                "--output", out.toString(), "--no-cache");
        double[][] ms = new double[5][STARTUP_RUNS];
        for (int i = 0; i < STARTUP_RUNS; i++) {
            ms[0][i] = Measured.process(help, out, false).seconds() * 1000;
            ms[1][i] = Measured.process(helpShared, out, false).seconds() * 1000;
            ms[2][i] = Measured.process(small, out, true).seconds() * 1000;
            ms[3][i] = Measured.process(smallShared, out, true).seconds() * 1000;
            ms[4][i] = Measured.process(smallHere, out, true).seconds() * 1000;
        }
        Measured.deleteTree(out);
        return new Startup(ServeLatency.median(ms[0]), ServeLatency.median(ms[1]), ServeLatency.median(ms[2]), ServeLatency.median(ms[3]),
                ServeLatency.median(ms[4]));
    }

    /** Pagefind 1.x from npm, on a built site; null (after saying why) when it cannot run. */
    private static final class Pagefind {
        private static boolean told;

        static Measured run(Path site) {
            List<String> command = List.of("npx", "--yes", "pagefind@1", "--site", site.toString(), "--root-selector", "main");
            try {
                Measured.deleteTree(site.resolve("pagefind"));
                Measured m = Measured.process(command, site.resolve("pagefind"), false);
                if (!Files.isDirectory(site.resolve("pagefind"))) throw new IllegalStateException("no pagefind/ written");
                return m;
            } catch (Exception e) {
                if (!told) System.err.println("benchmark: Hugo + Pagefind skipped (npx pagefind@1: " + e.getMessage() + ")");
                told = true;
                return null;
            }
        }

        static String version(Path work) {
            try {
                Process p = new ProcessBuilder("npx", "--yes", "pagefind@1", "--version").directory(work.toFile()).redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes()).strip();
                p.waitFor(2, TimeUnit.MINUTES);
                Matcher m = Pattern.compile("(\\d+\\.\\d+\\.\\d+)").matcher(text);
                return m.find() ? m.group(1) : "1.x";
            } catch (IOException | InterruptedException e) {
                return "1.x";
            }
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** "0.111.3", or null when Hugo is not installed. */
    private static String hugoVersion() throws IOException, InterruptedException {
        if (!Files.isExecutable(HUGO)) return null;
        Process p = new ProcessBuilder(HUGO.toString(), "version").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher m = Pattern.compile("v(\\d+\\.\\d+\\.\\d+)").matcher(text);
        return m.find() ? m.group(1) : "(unknown version)";
    }

    static double reportedSeconds(String output) {
        Matcher m = REPORTED_MS.matcher(output);
        double last = Double.NaN;
        while (m.find()) last = Long.parseLong(m.group(1)) / 1000.0;
        return last;
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
