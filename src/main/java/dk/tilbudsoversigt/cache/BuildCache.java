package dk.tilbudsoversigt.cache;

import dk.tilbudsoversigt.content.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.tilbudsoversigt.content.Problem;

/**
 * The files of the last successful build, beside the output ({@code .<output>.cache/}), kept
 * under the {@link InputKey} of what it was built from: a later build of the same input takes
 * them instead of building again. The cache holds hard links to the built files where the file
 * system allows (copies elsewhere) and a manifest with every file's size and CRC-32C and the
 * manifest's own SHA-256; an entry whose version, key, manifest or any file does not check out
 * is not used (and is removed), so a damaged or stale cache costs a full build, never a wrong site.
 */
public final class BuildCache {
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_HASH = "manifest.sha256";
    static final String FILES = "files";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a cached build reports: its warnings and page counts by type name, and how many files it wrote. */
    public record Summary(List<Problem> warnings, Map<String, Integer> pages, int files) {}

    private final Path folder;

    private BuildCache(Path folder) {
        this.folder = folder;
    }

    /** The cache of builds into {@code output}: a folder beside it. */
    public static BuildCache beside(Path output) {
        Path out = output.toAbsolutePath().normalize();
        return new BuildCache(out.resolveSibling("." + out.getFileName() + ".cache"));
    }

    /**
     * Puts the cached files of {@code key} into the empty folder {@code into} and returns their
     * summary; null, with {@code into} as it was, when there is no sound entry for {@code key}.
     */
    public Summary restore(String key, Path into) {
        if (key == null || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return null;
        List<Path> placed = new ArrayList<>();
        try {
            byte[] manifest = Files.readAllBytes(folder.resolve(MANIFEST));
            if (!Files.readString(folder.resolve(MANIFEST_HASH)).strip().equals(sha256(manifest))) return forget();
            JsonNode m = JSON.readTree(manifest);
            if (m.path("version").asInt() != InputKey.VERSION) return forget();
            if (!key.equals(m.path("key").asText())) return null; // another input: the next successful build replaces it
            Path files = folder.resolve(FILES);
            JsonNode entries = m.path("entries");
            for (JsonNode e : entries) {
                Path cached = inside(files, e.path("path").asText());
                if (cached == null || !Files.isRegularFile(cached, LinkOption.NOFOLLOW_LINKS)
                        || Files.size(cached) != e.path("size").asLong() || crc(cached) != e.path("crc").asLong()) {
                    undo(placed);
                    return forget();
                }
            }
            for (JsonNode e : entries) {
                String rel = e.path("path").asText();
                Path target = into.resolve(rel);
                Files.createDirectories(target.getParent());
                link(files.resolve(rel), target);
                placed.add(target);
            }
            List<Problem> warnings = new ArrayList<>();
            for (JsonNode w : m.path("warnings")) {
                warnings.add(Problem.warning(w.path("file").asText(), w.path("line").asInt(), w.path("message").asText()));
            }
            Map<String, Integer> pages = new LinkedHashMap<>();
            m.path("pages").fields().forEachRemaining(p -> pages.put(p.getKey(), p.getValue().asInt()));
            return new Summary(warnings, pages, entries.size());
        } catch (IOException | RuntimeException e) {
            undo(placed);
            return forget();
        }
    }

    /**
     * Keeps the build in {@code built} ({@code files}: its files, relative) as the entry of
     * {@code key}, replacing the earlier one. A cache that cannot be written is no error: the
     * next build builds.
     */
    public void store(String key, Path built, List<String> files, Summary summary) {
        if (key == null) return;
        Path fresh = null;
        try {
            Files.createDirectories(folder.getParent());
            fresh = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".ny-");
            ObjectNode m = JSON.createObjectNode();
            m.put("version", InputKey.VERSION);
            m.put("key", key);
            ObjectNode pages = m.putObject("pages");
            summary.pages().forEach(pages::put);
            ArrayNode warnings = m.putArray("warnings");
            for (Problem w : summary.warnings()) warnings.addObject().put("file", w.file()).put("line", w.line()).put("message", w.message());
            ArrayNode entries = m.putArray("entries");
            for (String rel : files) {
                Path source = built.resolve(rel);
                Path target = fresh.resolve(FILES).resolve(rel);
                Files.createDirectories(target.getParent());
                link(source, target);
                entries.addObject().put("path", rel).put("size", Files.size(target)).put("crc", crc(target));
            }
            byte[] manifest = JSON.writeValueAsBytes(m);
            Files.write(fresh.resolve(MANIFEST), manifest);
            Files.writeString(fresh.resolve(MANIFEST_HASH), sha256(manifest) + "\n");
            Folders.deleteTree(folder);
            Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
            fresh = null;
        } catch (IOException | RuntimeException e) {
            // another build stored at the same moment, or the disk is full: no cache this time
        } finally {
            if (fresh != null) quietlyDelete(fresh);
        }
    }

    /** Removes the cache (a damaged or outdated one); returns null, for {@link #restore}. */
    private Summary forget() {
        quietlyDelete(folder);
        return null;
    }

    /** {@code rel} under {@code root}, or null when it would lead out of it. */
    private static Path inside(Path root, String rel) {
        Path p = root.resolve(rel).normalize();
        return p.startsWith(root) && !p.equals(root) ? p : null;
    }

    /** A hard link to {@code existing}, or a copy where the file system has none. */
    private static void link(Path existing, Path link) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(existing, link);
        }
    }

    private static void undo(List<Path> placed) {
        for (Path p : placed) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // the temporary folder it is in is deleted by the build that asked
            }
        }
    }

    static long crc(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) crc.update(buffer, 0, n);
        }
        return crc.getValue();
    }

    private static String sha256(byte[] bytes) {
        MessageDigest sha = InputKey.sha256();
        return HexFormat.of().formatHex(sha.digest(bytes));
    }

    private static void quietlyDelete(Path tree) {
        try {
            Folders.deleteTree(tree);
        } catch (IOException ignored) {
            // a later store replaces it
        }
    }

}
