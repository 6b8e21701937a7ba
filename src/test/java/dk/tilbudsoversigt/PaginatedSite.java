package dk.tilbudsoversigt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.tilbudsoversigt.bake.SiteBuilder;
import dk.tilbudsoversigt.benchmark.SyntheticSite;

/**
 * A synthetic site long enough for its offer lists to come in pages (1,000 offers: the overview,
 * most facet pages and some target groups), built once per test run for the tests that only
 * read it. Its base path is {@link #BASE}.
 */
public final class PaginatedSite {
    public static final int OFFERS = 1000;
    public static final String BASE = "/handicap";
    private static Path built;

    private PaginatedSite() {}

    /** The built site; do not write into it. */
    public static synchronized Path built() throws IOException {
        if (built == null) {
            Path root = Files.createTempDirectory("tilbudsoversigt-sider");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Trees.deleteTree(root)));
            SyntheticSite.write(root.resolve("site"), OFFERS);
            SiteBuilder.Result result = SiteBuilder.build(root.resolve("site"), root.resolve("out"), false);
            if (!result.ok()) throw new IllegalStateException("the synthetic site must build: " + result.problems().all());
            built = root.resolve("out");
        }
        return built;
    }
}
