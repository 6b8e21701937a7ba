package dk.tilbudsoversigt.bake;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** The default theme packed into the tool: templates and assets under /theme on the class path. */
final class Theme {
    private Theme() {}

    /** The folder of the default theme's {@code part} ("templates" or "assets"), inside the jar or on disk. */
    static Path folder(String part) throws IOException {
        URL url = Theme.class.getResource("/theme/" + part);
        if (url == null) throw new IOException("the default theme has no " + part);
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/theme/" + part);
            }
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
