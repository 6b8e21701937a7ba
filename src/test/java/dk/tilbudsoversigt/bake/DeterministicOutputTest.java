package dk.tilbudsoversigt.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.Trees;

/**
 * The same input gives byte-identical output whatever order the file system lists files in,
 * whatever the time zone, locale and default charset of the machine, and a build writes
 * nothing but its --output folder.
 */
class DeterministicOutputTest {
    /** tmpfs lists a folder newest first, so two copies made in opposite orders list differently. */
    private static final Path TMPFS = Path.of("/dev/shm");

    @TempDir
    static Path temp;
    static Map<String, String> reference;

    @BeforeAll
    static void buildOnce() throws Exception {
        Path out = temp.resolve("reference");
        assertTrue(SiteBuilder.build(Trees.fixture("fixture-site"), out, false).ok());
        reference = Trees.fingerprint(out);
        assertTrue(reference.containsKey("tilbud/aflastning/index.html") && reference.containsKey("soeg/indeks.bin"));
    }

    @Test
    void theOrderInWhichTheFileSystemListsFilesDoesNotMatter() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(TMPFS) && Files.isWritable(TMPFS), "needs a tmpfs at /dev/shm");
        Path root = Files.createTempDirectory(TMPFS, "tilbudsoversigt-orden");
        try {
            Path forwards = copyInOrder(Trees.fixture("fixture-site"), root.resolve("forlaens"), Comparator.naturalOrder());
            Path backwards = copyInOrder(Trees.fixture("fixture-site"), root.resolve("baglaens"), Comparator.reverseOrder());
            Assumptions.assumeFalse(listing(forwards.resolve("content")).equals(listing(backwards.resolve("content"))),
                    "this file system lists both copies in the same order");
            Path first = root.resolve("ud1");
            Path second = root.resolve("ud2");
            assertTrue(SiteBuilder.build(forwards, first, false).ok());
            assertTrue(SiteBuilder.build(backwards, second, false).ok());
            assertEquals(reference, Trees.fingerprint(first));
            assertEquals(reference, Trees.fingerprint(second));
        } finally {
            Trees.deleteTree(root);
        }
    }

    @Test
    void anotherTimeZoneLocaleAndCharsetGiveTheSameBytesAndNothingIsWrittenOutsideTheOutput() throws Exception {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        Map<String, String> siteBefore = Trees.fingerprint(site);
        Path parent = Files.createDirectories(temp.resolve("udgivelse"));
        Path tmp = Files.createDirectories(temp.resolve("java-tmp"));
        Path out = parent.resolve("site");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Djava.io.tmpdir=" + tmp, "-Duser.language=tr", "-Duser.country=TR",
                "-cp", System.getProperty("java.class.path"), "dk.tilbudsoversigt.cli.Main",
                "build", "--source", site.toString(), "--output", out.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TZ", "Pacific/Kiritimati");
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("LANG", "C");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the build finished");
        assertEquals(0, process.exitValue(), output);

        assertEquals(reference, Trees.fingerprint(out), "byte-identical in UTC+14, Turkish and an ASCII default charset");
        assertEquals(siteBefore, Trees.fingerprint(site), "nothing written into the site folder");
        assertEquals(List.of(".site.cache", "site"), listing(parent), "nothing beside the output but its build cache");
        assertEquals(List.of(), listing(tmp), "nothing left in the temporary folder");
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Copies {@code from} creating every folder's entries in {@code order}. */
    private static Path copyInOrder(Path from, Path to, Comparator<String> order) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> entries = Files.list(from)) {
            for (Path p : entries.sorted(Comparator.comparing(p -> p.getFileName().toString(), order)).toList()) {
                Path target = to.resolve(p.getFileName().toString());
                if (Files.isDirectory(p)) copyInOrder(p, target, order);
                else Files.copy(p, target);
            }
        }
        return to;
    }

}
