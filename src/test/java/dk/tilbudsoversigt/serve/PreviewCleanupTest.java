package dk.tilbudsoversigt.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.Trees;

/** The preview builds into a copy under the temporary folder; `serve` must not leave it there. */
class PreviewCleanupTest {
    @TempDir
    Path temp;

    /** {@code serve} in a JVM of its own, whose temporary folder is {@code tmp}. */
    private static Process serve(Path site, Path tmp, String port) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "dk.tilbudsoversigt.cli.Main", "serve", "--no-open", "--source", site.toString(), "--port", port));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the process's output until the line with the preview's address; returns that line. */
    private static String awaitAddress(Process p) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("Forhåndsvisning: ")) return line;
            seen.append(line).append('\n');
        }
        throw new AssertionError("serve stopped without an address:\n" + seen);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void stoppingServeRemovesThePreviewCopyAndATakenPortLeavesNone() throws Exception {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        Path tmp2 = Files.createDirectories(temp.resolve("tmp2"));
        Process first = serve(site, tmp, "0");
        try {
            String address = awaitAddress(first);
            assertEquals(1, listing(tmp).size(), "the preview's copy while it runs: " + listing(tmp));
            String port = address.replaceFirst("^Forhåndsvisning: http://127\\.0\\.0\\.1:(\\d+)/.*$", "$1");

            Process second = serve(site, tmp2, port);
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, second.exitValue(), output);
            assertTrue(output.contains("kan ikke starte forhåndsvisningen på port " + port), output);
            assertFalse(output.contains("Exception"), output);
            assertEquals(List.of(), listing(tmp2), "a preview that could not start leaves nothing behind");
        } finally {
            first.destroy(); // SIGTERM, as Ctrl+C or a service manager stops it
            assertTrue(first.waitFor(60, TimeUnit.SECONDS), "serve stops when told to");
        }
        assertEquals(List.of(), listing(tmp), "the preview's copy is removed when serve stops");
    }
}
