package dk.tilbudsoversigt.editor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.Trees;

/** However a path is spelt, what it resolves to lies under content/ or assets/ of the site folder. */
class SiteFilesPropertiesTest {
    private static Path root;
    private static SiteFiles files;

    @BeforeContainer
    static void site() throws IOException {
        root = Files.createTempDirectory("site-files-egenskaber");
        Path site = TestSites.minimal(root.resolve("site"));
        Files.createDirectories(site.resolve("assets"));
        Files.createDirectories(root.resolve("udenfor"));
        Files.createSymbolicLink(site.resolve("content/ud"), root.resolve("udenfor"));
        files = new SiteFiles(site);
    }

    @AfterContainer
    static void remove() {
        Trees.deleteTree(root);
    }

    @Provide
    Arbitrary<String> spelt() {
        Arbitrary<String> segment = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("tilbud", "ud", "x.md", "kort.png", "æøå.md", "filer", "a b.md")),
                net.jqwik.api.Tuple.of(4, Arbitraries.of("..", ".", "", "%2e%2e", "..%2f", "%00", "\\..", "..\\x", "~", "C:", "x:y",
                        " ..", ".. ", "...", ".papirkurv", "\u0000", "\u202e", "．．", "..;", "con", "x.md.")));
        Arbitrary<String> prefix = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of("content/", "assets/")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("", "/", "./", "../", "site/", "content", "C:/", "\\")));
        return net.jqwik.api.Combinators.combine(prefix, segment.list().ofMinSize(1).ofMaxSize(4))
                .as((p, parts) -> p + String.join("/", parts));
    }

    @Property(tries = 2000)
    @StatisticsReport(onFailureOnly = true)
    void aPathResolvesUnderContentOrAssetsOrIsRefused(@ForAll("spelt") String rel) throws IOException {
        Statistics.coverage(c -> c.check(true).percentage(p -> p > 5));
        Path resolved;
        try {
            resolved = files.resolve(rel);
        } catch (RefusedPath refused) {
            Statistics.collect(false);
            return;
        }
        Statistics.collect(true);
        Path site = files.folder();
        assertTrue(resolved.startsWith(site.resolve("content")) || resolved.startsWith(site.resolve("assets")), rel + " → " + resolved);
        assertTrue(resolved.normalize().equals(resolved), rel);
        Path existing = resolved;
        while (!Files.exists(existing)) existing = existing.getParent();
        Path real = existing.toRealPath();
        assertTrue(real.startsWith(site.toRealPath().resolve("content")) || real.startsWith(site.toRealPath().resolve("assets"))
                || real.equals(site.toRealPath()), rel + " → " + real);
    }
}
