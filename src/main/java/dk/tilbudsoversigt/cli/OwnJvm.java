package dk.tilbudsoversigt.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the tool in a JVM of its own, started with the options it is measured with, when
 * {@code java -jar} started it without any (a jar's manifest cannot pass JVM options):
 * <ul>
 *   <li>a heap ceiling, so that a build of a national site stays under 2 GB of memory instead of
 *       growing towards a quarter of the machine's RAM;</li>
 *   <li>only the quick JIT compiler: in a build of 10,000 offers the optimising compiler spent
 *       about as much CPU compiling as the build itself used, on a 2-core machine; in the
 *       preview it compiled for minutes beside the first saves (save → page on screen 430–830 ms
 *       for the first four saves, 0.8 s apart, against 180–280 ms with the quick compiler alone,
 *       which also kept later saves quicker: README, "Ydelse");</li>
 *   <li>for the one-off commands (build, check, import) the parallel collector, which for a batch
 *       job costs less CPU than G1; the preview keeps G1, whose pauses are short.</li>
 * </ul>
 * Whoever starts {@code java} with options of their own (any {@code -X…}), or sets
 * {@code -Dtilbudsoversigt.jvm=own}, keeps the JVM they started. Figures: README, "Ydelse".
 */
final class OwnJvm {
    static final String PROPERTY = "tilbudsoversigt.jvm";
    /** The child's exit code when its heap ran out (with -XX:+ExitOnOutOfMemoryError). */
    static final int OUT_OF_MEMORY = 3;
    static final long HEAP_CEILING_MB = 1536;
    /** How long a stopped child may take to close before it is ended outright. */
    static final long CLOSING_SECONDS = 20;

    private static final List<String> BATCH = List.of("build", "check", "import");

    private OwnJvm() {}

    /** Commands that read a whole site; help, wrong usage and {@code new} are done before a second JVM would start. */
    static boolean worthIt(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) return false;
        return args.length == 0 || BATCH.contains(args[0]) || args[0].equals("serve") || args[0].equals("--source");
    }

    /**
     * Runs the command in a child JVM and returns its exit code, or null when this JVM is to run
     * it itself (already the child, started with options, not from a jar, or no java binary).
     */
    static Integer run(String[] args) {
        if (System.getProperty(PROPERTY) != null) return null;
        Path jar = Main.jarFile();
        Path java = javaBinary();
        if (!worthIt(args) || jar == null || java == null || startedWithOptions()) return null;
        boolean batch = args.length > 0 && BATCH.contains(args[0]);
        try {
            int code = start(java, jar, args, batch, heapMb());
            // a site too large for the ceiling: once more with the JVM's own, larger default
            if (code == OUT_OF_MEMORY) code = start(java, jar, args, batch, 0);
            return code;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    static List<String> command(Path java, Path jar, String[] args, boolean batch, long heapMb) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-D" + PROPERTY + "=child");
        if (heapMb > 0) {
            command.add("-Xmx" + heapMb + "m");
            command.add("-XX:+ExitOnOutOfMemoryError");
        }
        command.add("-XX:TieredStopAtLevel=1");
        if (batch) command.add("-XX:+UseParallelGC");
        command.addAll(systemProperties());
        command.add("-cp");
        command.add(jar.toString());
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    private static int start(Path java, Path jar, String[] args, boolean batch, long heapMb) throws IOException, InterruptedException {
        return supervise(new ProcessBuilder(command(java, jar, args, batch, heapMb)).inheritIO().start());
    }

    /** Waits until the child ends and returns its exit code; stopping this JVM meanwhile stops the child first ({@link #stopping}). */
    static int supervise(Process child) throws InterruptedException {
        // Ctrl+C reaches the child too (same process group); this covers a plain kill of the parent
        Thread stop = stopping(child);
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException stopped) {
            // this JVM is being stopped and the hook ended the child: nothing to take back, and no trace to print
        }
        return code;
    }

    /**
     * What stops the child when this JVM is stopped: ends it and waits until it has closed (a
     * preview deletes its copy of the site), so that whoever stopped this process, a service
     * manager or a script, finds the tool gone when this process is, and can start the next one.
     */
    static Thread stopping(Process child) {
        return new Thread(() -> {
            child.destroy();
            try {
                if (!child.waitFor(CLOSING_SECONDS, TimeUnit.SECONDS)) child.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-child");
    }

    /** The ceiling, or half of what this JVM would take by default when that is less (small machines). */
    static long heapMb() {
        long defaultMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return Math.min(HEAP_CEILING_MB, Math.max(256, 2 * defaultMb / 3));
    }

    private static Path javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        return Files.isExecutable(java) ? java : null;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    /** The -D options this JVM was started with, for the child too. */
    private static List<String> systemProperties() {
        List<String> out = new ArrayList<>();
        for (String a : ProcessHandle.current().info().arguments().orElse(new String[0])) {
            if (a.equals("-jar") || a.equals("-cp") || a.equals("-classpath")) break;
            if (a.startsWith("-D")) out.add(a);
        }
        return out;
    }

    /** True when the JVM was started with options of its own (or the process's arguments cannot be read). */
    private static boolean startedWithOptions() {
        String[] arguments = ProcessHandle.current().info().arguments().orElse(null);
        if (arguments == null) return true;
        for (String a : arguments) {
            if (a.equals("-jar") || a.equals("-cp") || a.equals("-classpath")) return false;
            if (a.startsWith("-X") || a.startsWith("-D" + PROPERTY)) return true;
        }
        return false;
    }
}
