package dk.tilbudsoversigt.editor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The editor's own CSS and modules, named in pages with a hash of their content
 * ({@code filer/rediger.css?1a2b3c4d5e}), so that the browser keeps them: a preview page that
 * reloads after a save then waits for no style sheet.
 */
final class EditorAssets {
    private static final Map<String, byte[]> FILES = new TreeMap<>();
    private static final Map<String, String> HASHES = new TreeMap<>();

    static {
        for (String name : new String[] {"rediger.css", "rediger.js", "liste.js", "bjaelke.css"}) {
            try (InputStream in = EditorAssets.class.getResourceAsStream("/editor/" + name)) {
                byte[] bytes = in.readAllBytes();
                FILES.put(name, bytes);
                HASHES.put(name, SiteFiles.version(bytes).substring(0, 10));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private EditorAssets() {}

    /** The file's address below {@code base}, with its hash. */
    static String url(String base, String name) {
        return base + Editor.PREFIX + "filer/" + name + "?" + HASHES.get(name);
    }

    /** The file's bytes, or null when the editor has no such file. */
    static byte[] bytes(String name) {
        return FILES.get(name);
    }

    /** Whether a request for the file names its current content (then the browser may keep it). */
    static boolean current(String name, String query) {
        return query != null && query.equals(HASHES.get(name));
    }

    static String type(String name) {
        return name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    }
}
