package dk.tilbudsoversigt.benchmark;

import dk.tilbudsoversigt.content.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One timed run of a process: wall time, CPU time, the peak resident set, the files it wrote and what it printed. */
record Measured(long nanos, long cpuNanos, long peakBytes, long files, String output) {

    double seconds() {
        return nanos / 1e9;
    }

    /** The time the tool reports for its build ("… 1234 ms") over the process's wall time: the rest is the JVM starting and stopping. */
    double reportedShare() {
        return BuildBenchmark.reportedSeconds(output) / seconds();
    }

    /**
     * Runs a command as a new process writing into {@code out} (emptied first with {@code empty});
     * the memory figure is the peak resident set (VmHWM, read from /proc every 10 ms; 0 where
     * there is no /proc) of the process and every process it started, summed, and so is the CPU time.
     */
    static Measured process(List<String> command, Path out, boolean empty) throws Exception {
        if (empty) deleteTree(out);
        Path log = Files.createTempFile("benchmark-process", ".log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // the tool starts a JVM of its own (cli.OwnJvm), npx starts Pagefind: the figures are of the
        // whole tree, each process's peak resident set and CPU time, summed
        Map<Long, ProcessHandle> tree = new HashMap<>();
        Map<Long, Long> peaks = new HashMap<>();
        Map<Long, Long> cpu = new HashMap<>();
        tree.put(p.pid(), p.toHandle());
        for (int i = 0; p.isAlive(); i++) {
            if (i % 5 == 0) p.descendants().forEach(h -> tree.putIfAbsent(h.pid(), h));
            for (ProcessHandle h : tree.values()) {
                peaks.merge(h.pid(), peakResident(Path.of("/proc/" + h.pid() + "/status")), Math::max);
                cpu.merge(h.pid(), h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L), Math::max);
            }
            Thread.sleep(10);
        }
        long peak = peaks.values().stream().mapToLong(Long::longValue).sum();
        long cpuNanos = cpu.values().stream().mapToLong(Long::longValue).sum();
        long nanos = System.nanoTime() - start;
        String output = Files.readString(log);
        Files.delete(log);
        if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + output);
        return new Measured(nanos, cpuNanos, peak, countFiles(out), output);
    }

    private static long peakResident(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between the check and the read
        }
        return 0;
    }

    static double median(List<Measured> runs) {
        double[] s = runs.stream().mapToDouble(Measured::seconds).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static long countFiles(Path folder) throws IOException {
        if (!Files.exists(folder)) return 0;
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    static void deleteTree(Path folder) throws IOException {
        Folders.deleteTree(folder);
    }
}
