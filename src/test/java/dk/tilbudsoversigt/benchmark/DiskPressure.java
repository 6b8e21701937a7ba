package dk.tilbudsoversigt.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much tasks waited for the disk, from Linux's pressure stall information
 * ({@code /proc/pressure/io}, the "some" line): NaN where the kernel does not give it.
 */
final class DiskPressure {
    private static final Path FILE = Path.of("/proc/pressure/io");
    private static final Pattern SOME = Pattern.compile("^some avg10=([0-9.]+) .*total=(\\d+)", Pattern.MULTILINE);

    private DiskPressure() {}

    /** The share of the last 10 s in which some task waited for the disk, in per cent. */
    static double recentPercent() {
        Matcher m = some();
        return m == null ? Double.NaN : Double.parseDouble(m.group(1));
    }

    /** Microseconds in which some task waited for the disk since the machine started; -1 when unknown. */
    static long stalledMicros() {
        Matcher m = some();
        return m == null ? -1 : Long.parseLong(m.group(2));
    }

    /** The share of the time between two readings of {@link #stalledMicros} (taken {@code nanos} apart) that some task waited, in per cent. */
    static double percentBetween(long before, long after, long nanos) {
        return before < 0 || after < 0 || nanos <= 0 ? Double.NaN : 100.0 * (after - before) * 1000 / nanos;
    }

    private static Matcher some() {
        try {
            Matcher m = SOME.matcher(Files.readString(FILE));
            return m.find() ? m : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
