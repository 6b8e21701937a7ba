package dk.tilbudsoversigt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar} cannot pass JVM options from the jar, so the tool starts itself once more
 * with them: a heap ceiling and the quick compiler for every command (a national site stays
 * under 2 GB), the parallel collector for one-off commands, and the user's arguments unchanged.
 */
class OwnJvmTest {
    private static final Path JAVA = Path.of("/opt/jdk/bin/java");
    private static final Path JAR = Path.of("/sites/tilbudsoversigt.jar");

    @Test
    void aBuildRunsWithAHeapCeilingAndTheQuickCompiler() {
        List<String> command = OwnJvm.command(JAVA, JAR, new String[] {"build", "--source", "mappe med mellemrum"}, true, 1536);
        assertEquals(JAVA.toString(), command.get(0));
        assertTrue(command.contains("-Xmx1536m"), command.toString());
        assertTrue(command.contains("-XX:+ExitOnOutOfMemoryError"), "a heap too small ends the child, so that it can start again without the ceiling");
        assertTrue(command.contains("-XX:TieredStopAtLevel=1"), command.toString());
        assertTrue(command.contains("-D" + OwnJvm.PROPERTY + "=child"), "the child must not start a child of its own");
        assertEquals(List.of("-cp", JAR.toString(), Main.class.getName(), "build", "--source", "mappe med mellemrum"),
                command.subList(command.size() - 6, command.size()));
    }

    @Test
    void thePreviewRunsWithTheQuickCompilerAndTheCollectorWithShortPauses() {
        List<String> command = OwnJvm.command(JAVA, JAR, new String[] {"serve"}, false, 1536);
        assertTrue(command.contains("-XX:TieredStopAtLevel=1"), "the optimising compiler would compile beside the first saves");
        assertFalse(command.contains("-XX:+UseParallelGC"), "a save must not wait for a long collection");
        assertTrue(command.contains("-Xmx1536m"), command.toString());
    }

    @Test
    void theSecondTryAfterRunningOutOfMemoryHasNoCeiling() {
        List<String> command = OwnJvm.command(JAVA, JAR, new String[] {"build"}, true, 0);
        assertTrue(command.stream().noneMatch(a -> a.startsWith("-Xmx")), command.toString());
        assertFalse(command.contains("-XX:+ExitOnOutOfMemoryError"));
    }

    @Test
    void theCeilingIsAtMostOneAndAHalfGigabytesAndNeverAboveTheJvmsOwnDefault() {
        long mb = OwnJvm.heapMb();
        assertTrue(mb <= OwnJvm.HEAP_CEILING_MB, mb + " MB");
        assertTrue(mb >= 256, mb + " MB");
        assertTrue(mb <= Math.max(256, Runtime.getRuntime().maxMemory() / (1024 * 1024)), mb + " MB");
    }

    @Test
    void onlyCommandsThatReadAWholeSiteStartASecondJvm() {
        assertTrue(OwnJvm.worthIt(new String[] {}), "no command: the preview of the site folder");
        assertTrue(OwnJvm.worthIt(new String[] {"build", "--no-cache"}));
        assertTrue(OwnJvm.worthIt(new String[] {"--source", "site"}));
        assertTrue(OwnJvm.worthIt(new String[] {"check"}));
        assertFalse(OwnJvm.worthIt(new String[] {"build", "--help"}));
        assertFalse(OwnJvm.worthIt(new String[] {"--help"}));
        assertFalse(OwnJvm.worthIt(new String[] {"new", "tilbud", "x"}));
        assertFalse(OwnJvm.worthIt(new String[] {"bulid"}), "a typo is answered at once");
    }

    @Test
    void runningFromAClassesFolderRunsInThisJvm() {
        // tests run from target/classes: no jar to start again
        assertEquals(null, OwnJvm.run(new String[] {"build", "--source", "."}));
    }

    @Test
    void stoppingTheToolWaitsUntilItsChildHasClosed(@TempDir Path dir) throws Exception {
        Path closed = dir.resolve("lukket");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowToClose.class.getName(), closed.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("klar", out.readLine());
            OwnJvm.stopping(child).run();
            assertFalse(child.isAlive(), "the parent must not end before its child");
            assertTrue(Files.exists(closed), "the child was ended before it had closed");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void stoppingTheToolPrintsNoStackTrace(@TempDir Path dir) throws Exception {
        Path closed = dir.resolve("lukket");
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SupervisesSlowChild.class.getName(), closed.toString())
                .redirectError(dir.resolve("fejl.txt").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("klar", out.readLine(), "the child has started");
            parent.toHandle().destroy(); // SIGTERM, as a service manager, a script or a closed terminal stops the tool
            assertTrue(parent.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the tool ended");
            String errors = Files.readString(dir.resolve("fejl.txt"));
            assertEquals("", errors, "nothing but the tool's own messages reaches the terminal");
            assertTrue(Files.exists(closed), "the child closed before the tool ended");
        } finally {
            parent.destroyForcibly();
        }
    }
}
