package dk.tilbudsoversigt.serve;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Content types of the files a built site holds. */
public final class ContentTypes {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"),
            Map.entry("pdf", "application/pdf"), Map.entry("ico", "image/x-icon"),
            Map.entry("vtt", "text/vtt; charset=utf-8"), Map.entry("webm", "video/webm"), Map.entry("mp4", "video/mp4"));

    private ContentTypes() {}

    public static String of(Path file) {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
    }
}
