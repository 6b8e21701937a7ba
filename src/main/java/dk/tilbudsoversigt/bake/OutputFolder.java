package dk.tilbudsoversigt.bake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.SettingsReader;

/**
 * Where a build may go. A build replaces its --output folder as a whole, so that folder must
 * never hold the site's own files, and an existing folder is replaced only when it is a site
 * this tool built (or empty): a slip such as {@code --output ~} must not delete anything.
 */
final class OutputFolder {
    /** Files every build writes; a folder that has them is an earlier build. */
    private static final List<String> BUILT = List.of("index.html", "404.html", "sitemap.xml");

    private OutputFolder() {}

    /** Why {@code output} cannot be built into, or null when it can. */
    static String refusal(Path siteFolder, Path output) {
        Path out = real(output);
        Path site = real(siteFolder);
        if (site.startsWith(out)) {
            return "--output må ikke være site-mappen selv eller en mappe, som site-mappen ligger i";
        }
        for (String own : List.of(ContentLoader.CONTENT, "templates", "assets", SettingsReader.FILE)) {
            if (out.startsWith(site.resolve(own))) {
                return "--output må ikke være eller ligge i site-mappens " + own + "; vælg en mappe uden for den, f.eks. target/site";
            }
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            return "--output er en fil; angiv en mappe";
        }
        if (Files.isDirectory(output) && !isEmpty(output) && !BUILT.stream().allMatch(f -> Files.isRegularFile(output.resolve(f)))) {
            return "--output " + output + " findes og er ikke et site, som Tilbudsoversigt har bygget (der mangler "
                    + String.join(", ", BUILT) + "); en build erstatter hele mappen, så vælg en ny eller tom mappe";
        }
        return null;
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The absolute path with every symbolic link in its existing part resolved. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
