package dk.tilbudsoversigt.cache;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a build's output is a function of, as one SHA-256: the bytes and names of every file the
 * build reads from the site folder (site.properties, content/, templates/, assets/), the tool
 * itself (its jar, theme included), the Java version and the build's options. A site folder with
 * a symbolic link among those files has no key: what the link points to could change unseen.
 */
public final class InputKey {
    /** Raised when the format of the cache or of this key changes: older caches are then stale. */
    static final int VERSION = 1;
    private static final List<String> INPUTS = List.of("site.properties", "content", "templates", "assets");

    private InputKey() {}

    /** The key of building {@code siteFolder} with {@code options} ("drafts" ...), or null when it cannot have one. */
    public static String of(Path siteFolder, String options) throws IOException {
        MessageDigest sha = sha256();
        text(sha, "tilbudsoversigt-input " + VERSION + "\n" + options + "\njava " + Runtime.version().feature() + "\n");
        text(sha, "tool " + tool() + "\n");
        for (String input : INPUTS) {
            Path top = siteFolder.resolve(input);
            if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
                text(sha, "absent " + input + "\n");
                continue;
            }
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(top)) {
                paths = walk.sorted().toList(); // Path order: the same whatever order the file system lists them in
            }
            for (Path p : paths) {
                String name = siteFolder.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) return null;
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    text(sha, "dir " + name + "\n");
                } else {
                    text(sha, "file " + name + " " + Files.size(p) + "\n");
                    feed(sha, p); // streamed: a site's videos are never held in memory to be hashed
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The tool's own code and theme: a hash of its jar, or of the names, sizes and times of the
     * files of its classes folder when it runs unpacked (tests, development).
     */
    private static String tool() throws IOException {
        Path code;
        try {
            code = Path.of(InputKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown";
        }
        MessageDigest sha = sha256();
        if (Files.isRegularFile(code)) {
            feed(sha, code);
        } else {
            List<String> lines = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(code)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    lines.add(code.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
                }
            }
            text(sha, String.join("\n", lines));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void feed(MessageDigest sha, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
        }
    }

    private static void text(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
