package dk.tilbudsoversigt.bake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dk.tilbudsoversigt.content.SiteSettings;

/**
 * The static files of the site: the default theme's assets, replaced file by file by the
 * site's own assets/. CSS and JavaScript get a content hash in their name, so that they can
 * be cached forever; references between modules are rewritten to the hashed names.
 */
final class Assets {
    /** Modules that other sites may import: also written under their plain name (interfaces.md). */
    private static final List<String> PUBLIC_MODULES = List.of("js/soeg.js");
    /** Relative path → bytes, for every asset. */
    private final Map<String, byte[]> files = new TreeMap<>();
    /** Relative path → the hashed relative path, for CSS and JS. */
    private final Map<String, String> hashed = new TreeMap<>();

    /** The icon browsers that read SVG prefer: the site's own favicon.svg, a square SVG logo or the default icon; null beside a PNG logo. */
    private final String svgIcon;

    Assets(Path siteFolder, SiteSettings settings) throws IOException {
        collect(Theme.folder("assets"));
        Path own = siteFolder.resolve("assets");
        if (Files.isDirectory(own)) collect(own);
        files.computeIfPresent("css/site.css", (path, css) -> concat(css, Brand.css(settings).getBytes(StandardCharsets.UTF_8)));
        String logo = settings.logo();
        boolean pngLogo = logo != null && logo.toLowerCase(Locale.ROOT).endsWith(".png");
        if (!files.containsKey(Brand.ICON_ICO)) files.put(Brand.ICON_ICO, Brand.ico(settings, pngLogo ? files.get(logo) : null));
        boolean svgLogoAsIcon = logo != null && !pngLogo && files.containsKey(logo) && Brand.squareSvg(files.get(logo));
        if (svgLogoAsIcon) {
            svgIcon = logo;
        } else if (pngLogo) {
            svgIcon = files.containsKey(Brand.ICON_SVG) ? Brand.ICON_SVG : null;
        } else {
            files.putIfAbsent(Brand.ICON_SVG, Brand.defaultSvg(settings));
            svgIcon = Brand.ICON_SVG;
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (e.getKey().endsWith(".js")) e.setValue(compact(new String(e.getValue(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        }
        for (String path : List.copyOf(files.keySet())) {
            if (path.endsWith(".css") || path.endsWith(".js")) {
                hashed.put(path, withHash(path, files.get(path)));
            }
        }
        // a module that imports another must name the other's hashed file, and so its own hash changes too
        for (String path : List.copyOf(hashed.keySet())) {
            if (!path.endsWith(".js")) continue;
            String text = new String(files.get(path), StandardCharsets.UTF_8);
            String rewritten = text;
            for (Map.Entry<String, String> e : hashed.entrySet()) {
                String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
                String newName = e.getValue().substring(e.getValue().lastIndexOf('/') + 1);
                rewritten = rewritten.replace("'./" + name + "'", "'./" + newName + "'");
            }
            if (!rewritten.equals(text)) {
                files.put(path, rewritten.getBytes(StandardCharsets.UTF_8));
                hashed.put(path, withHash(path, files.get(path)));
            }
        }
    }

    private void collect(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.")) continue;
                files.put(rel, Files.readAllBytes(p));
            }
        }
    }

    /**
     * A module without its comment lines, blank lines and indentation: a quarter fewer bytes for
     * a visitor's first search. Line by line, so it relies on the theme's style, which
     * {@code CompactModulesTest} checks: comments on lines of their own and no template literal
     * over several lines (a file with one, such as a site's own script may have, stays as
     * written). Line breaks stay, so statements end where they ended.
     */
    static String compact(String js) {
        if (js.lines().anyMatch(line -> line.chars().filter(c -> c == '`').count() % 2 != 0)) return js;
        StringBuilder out = new StringBuilder(js.length());
        boolean inComment = false;
        for (String line : js.split("\n", -1)) {
            String t = line.strip();
            if (inComment || t.startsWith("/*")) {
                int end = t.indexOf("*/", inComment ? 0 : 2);
                inComment = end < 0;
                if (inComment) continue;
                t = t.substring(end + 2).strip();
            }
            if (t.isEmpty() || t.startsWith("//")) continue;
            out.append(t).append('\n');
        }
        return out.toString();
    }

    private static String withHash(String path, byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            String hash = HexFormat.of().formatHex(digest).substring(0, 10);
            int dot = path.lastIndexOf('.');
            return path.substring(0, dot) + "." + hash + path.substring(dot);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String svgIcon() {
        return svgIcon;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The URL path of an asset below the base path ("css/site.css" → "css/site.1a2b3c4d5e.css"). */
    String url(String path) {
        return hashed.getOrDefault(path, path);
    }

    void writeTo(Path output) throws IOException {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path target = output.resolve(url(e.getKey()));
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
            if (PUBLIC_MODULES.contains(e.getKey())) Files.write(output.resolve(e.getKey()), e.getValue());
        }
    }
}
