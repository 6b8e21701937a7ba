package dk.tilbudsoversigt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.tilbudsoversigt.bake.SiteBuilder;

/**
 * The fixture site and the site built from it, copied into a test's folder as a webmaster's
 * folder would hold them before the next build. The fixture is built once per test run.
 *
 * @param site the copy of the fixture site
 * @param out  the copy of its build, in "ud" beside the site
 */
public record BuiltFixture(Path site, Path out) {
    private static Path built;

    public static BuiltFixture copyInto(Path folder) throws IOException {
        return new BuiltFixture(Trees.copy(Trees.fixture("fixture-site"), folder.resolve("site")), Trees.copy(built(), folder.resolve("ud")));
    }

    private static synchronized Path built() throws IOException {
        if (built == null) {
            Path root = Files.createTempDirectory("tilbudsoversigt-fixtur");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Trees.deleteTree(root)));
            built = root.resolve("ud");
            SiteBuilder.Result result = SiteBuilder.build(Trees.fixture("fixture-site"), built, false);
            if (!result.ok()) throw new IllegalStateException("the fixture must build: " + result.problems().all());
        }
        return built;
    }

}
