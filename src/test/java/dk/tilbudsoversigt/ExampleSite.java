package dk.tilbudsoversigt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.tilbudsoversigt.bake.SiteBuilder;

/**
 * This repository's example site (Randers), built once per test run for the tests that only
 * read the built files: search, relevance, the search page. A test that changes files builds
 * its own copy.
 */
public final class ExampleSite {
    private static Path built;

    private ExampleSite() {}

    /** The built site; do not write into it. */
    public static synchronized Path built() throws IOException {
        if (built == null) {
            Path root = Files.createTempDirectory("tilbudsoversigt-eksempel");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Trees.deleteTree(root)));
            SiteBuilder.Result result = SiteBuilder.build(Path.of("."), root.resolve("site"), false);
            if (!result.ok()) throw new IllegalStateException("the example site must build: " + result.problems().all());
            built = root.resolve("site");
        }
        return built;
    }
}
