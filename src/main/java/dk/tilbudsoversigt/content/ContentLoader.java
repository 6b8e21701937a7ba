package dk.tilbudsoversigt.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Loads a site folder: site.properties and every file under content/, in parallel. */
public final class ContentLoader {
    public static final String CONTENT = "content";
    /**
     * The files beside the pages that are published as they are: images, documents, sound and
     * video. Never anything a browser or a web server would run (HTML, SVG, JavaScript, PHP).
     */
    static final Set<String> ATTACHMENT_TYPES = new TreeSet<>(List.of("png", "jpg", "jpeg", "gif", "webp", "avif",
            "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "txt", "csv",
            "mp3", "mp4", "m4a", "webm", "ogg", "wav", "zip", "vtt"));

    private ContentLoader() {}

    /** Returns the content, or null when site.properties itself cannot be used. */
    public static Content load(Path siteFolder, Problems problems) {
        SiteSettings settings = SettingsReader.read(siteFolder, problems);
        if (settings == null) return null;
        Path contentDir = siteFolder.resolve(CONTENT);
        if (!Files.isDirectory(contentDir)) {
            problems.error(CONTENT, 1, "mappen content/ mangler; her skal siderne ligge");
            return new Content(settings, List.of(), List.of());
        }
        Path realRoot = realPath(siteFolder);
        List<Path> files = listFiles(contentDir, siteFolder, realRoot, problems);
        List<String> attachments = new ArrayList<>();
        List<Path> markdown = new ArrayList<>();
        for (Path f : files) {
            switch (kind(siteFolder, f, problems)) {
                case PAGE -> markdown.add(f);
                case ATTACHMENT -> attachments.add(relative(contentDir, f));
                case REFUSED -> { }
            }
        }
        PageReader reader = new PageReader(settings);
        List<Page> pages = markdown.parallelStream()
                .map(f -> readOne(reader, siteFolder, contentDir, f, problems))
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(Page::file))
                .toList();
        return new Content(settings, pages, List.copyOf(attachments));
    }

    /** What {@link #load} takes a regular file under content/ for. */
    public enum Kind { PAGE, ATTACHMENT, REFUSED }

    /** Whether a file under content/ is a page, a file published beside the pages, or refused (and reported). */
    public static Kind kind(Path siteFolder, Path f, Problems problems) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        if (extension.equals("md")) return Kind.PAGE;
        if (ATTACHMENT_TYPES.contains(extension)) return Kind.ATTACHMENT;
        problems.error(relative(siteFolder, f), 1, (extension.isEmpty() ? "filer uden filtype" : "filtypen ." + extension)
                + " kan ikke udgives fra content/; her må kun ligge sider (.md) og billeder, dokumenter, lyd og video ("
                + String.join(", ", ATTACHMENT_TYPES) + "). HTML, SVG, JavaScript og lignende kan køre kode på sitet");
        return Kind.REFUSED;
    }

    /**
     * Reads one Markdown file under content/ exactly as {@link #load} does, for a rebuild of that
     * file alone. Returns null when it cannot be read; the reason is in {@code problems}.
     */
    public static Page readPage(PageReader reader, Path siteFolder, Path file, Problems problems) {
        return readOne(reader, siteFolder, siteFolder.resolve(CONTENT), file, problems);
    }

    private static Page readOne(PageReader reader, Path siteFolder, Path contentDir, Path path, Problems problems) {
        String file = relative(siteFolder, path);
        String inContent = relative(contentDir, path);
        int slash = inContent.indexOf('/');
        if (slash < 0) {
            problems.error(file, 1, "siden ligger direkte i content/; læg den i en af mapperne "
                    + String.join(", ", PageType.folders()));
            return null;
        }
        String folder = inContent.substring(0, slash);
        PageType type = PageType.byFolder(folder).orElse(null);
        if (type == null) {
            problems.error(file, 1, "mappen content/" + folder + "/ er ikke en sidetype." + Suggestions.didYouMean(folder, PageType.folders())
                    + " Brug en af " + String.join(", ", PageType.folders()));
            return null;
        }
        String name = path.getFileName().toString();
        String slug = name.substring(0, name.length() - 3);
        if (!name.endsWith(".md") || !Slugs.isValid(slug)) {
            String fixed = Slugs.slugify(slug);
            problems.error(file, 1, "filnavnet '" + name + "' må kun have små bogstaver a-z, tal og bindestreg og skal ende på .md; omdøb filen til '"
                    + (fixed.isEmpty() ? "side" : fixed) + ".md'");
            slug = fixed.isEmpty() ? "side" : fixed;
        }
        return reader.read(path, file, type, slug, problems);
    }

    private static List<Path> listFiles(Path contentDir, Path siteFolder, Path realRoot, Problems problems) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(contentDir)) {
            walk.sorted().forEach(p -> {
                if (p.equals(contentDir)) return;
                String file = relative(siteFolder, p);
                if (Files.isSymbolicLink(p)) {
                    Path target = realPath(p);
                    if (target == null || !target.startsWith(realRoot)) {
                        problems.error(file, 1, "er en genvej (symbolsk link) til noget uden for site-mappen; læg filen selv i mappen");
                        return;
                    }
                }
                if (Files.isDirectory(p)) {
                    if (p.getFileName().toString().endsWith(".md")) {
                        problems.error(file, 1, "er en mappe med et sidenavn; en side skal være en fil");
                    }
                    return;
                }
                if (p.getFileName().toString().startsWith(".")) return;
                if (Files.isRegularFile(p)) out.add(p);
            });
        } catch (IOException | UncheckedIOException e) {
            problems.error(CONTENT, 1, "mappen content/ kan ikke læses helt (" + e.getClass().getSimpleName() + ")");
        }
        return out;
    }

    static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    public static String relative(Path base, Path p) {
        return base.relativize(p).toString().replace('\\', '/');
    }
}
