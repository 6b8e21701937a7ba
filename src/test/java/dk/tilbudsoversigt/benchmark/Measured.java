package dk.tilbudsoversigt.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** One timed run: wall time, CPU time, the highest memory seen, and the files it wrote. */
record Measured(long nanos, long cpuNanos, long peakBytes, long files) {

    /** Work done in this JVM. */
    interface Work {
        void run() throws Exception;
    }

    double seconds() {
        return nanos / 1e9;
    }

    /** CPU time over wall time: 2.0 means both cores were busy all along. */
    double cores() {
        return nanos == 0 ? 0 : (double) cpuNanos / nanos;
    }

    /**
     * Runs {@code work} in this JVM into an emptied {@code out}; the memory figure is the highest
     * heap in use (garbage included), sampled every 10 ms, after a collection beforehand.
     */
    static Measured inJvm(Work work, Path out) throws Exception {
        deleteTree(out);
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
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        work.run();
        long nanos = System.nanoTime() - start;
        long cpuNanos = os.getProcessCpuTime() - cpu;
        sampler.interrupt();
        sampler.join();
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        return new Measured(nanos, cpuNanos, peak.get(), countFiles(out));
    }

    /**
     * Runs a command as a new process into an emptied {@code out}; the memory figure is the
     * process's peak resident set (VmHWM, read from /proc every 5 ms; 0 where there is no /proc).
     */
    static Measured process(List<String> command, Path out) throws Exception {
        deleteTree(out);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path status = Path.of("/proc/" + p.pid() + "/status");
        long peak = 0;
        long cpu = 0;
        while (p.isAlive()) {
            peak = Math.max(peak, peakResident(status));
            cpu = Math.max(cpu, p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L));
            Thread.sleep(5);
        }
        long nanos = System.nanoTime() - start;
        if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
        return new Measured(nanos, cpu, peak, countFiles(out));
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
        if (!Files.exists(folder)) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
