package dk.tilbudsoversigt.word;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dk.tilbudsoversigt.content.Content;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.site.Urls;

/**
 * Links to the site's own public pages (https://www.example.dk/handicap/tilbud/aflastning/)
 * become links to their Markdown files (../tilbud/aflastning.md), which the build checks and
 * keeps working when the site moves.
 */
final class OwnLinks implements Cleaner.LinkRule {
    private final String site;
    private final Map<String, String> fileByPath = new HashMap<>();
    private final Path from;
    private final Report report;

    OwnLinks(Content content, String pageFile, Report report) {
        this.site = withoutScheme(content.settings().url());
        for (Page p : content.pages()) fileByPath.put(Urls.of(p), p.file());
        this.from = Path.of(pageFile).getParent();
        this.report = report;
    }

    @Override
    public String apply(String href) {
        if (site.isEmpty()) return null;
        String url = withoutScheme(href);
        if (url.isEmpty() || !url.toLowerCase(Locale.ROOT).startsWith(site.toLowerCase(Locale.ROOT))) return null;
        String path = url.substring(site.length()).replaceAll("[?#].*$", "");
        if (!path.isEmpty() && !path.startsWith("/")) return null;
        path = path.replaceAll("index\\.html?$", "");
        if (!path.endsWith("/")) path += "/";
        String file = fileByPath.get(path);
        if (file == null) return null;
        report.count("link til en af sitets egne sider gjort til et link til dens fil", "links til sitets egne sider gjort til links til deres filer",
                href.contains("#") ? file + " (uden ankeret)" : file);
        return from.relativize(Path.of(file)).toString().replace('\\', '/');
    }

    private static String withoutScheme(String url) {
        String u = url == null ? "" : url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) return u.substring(8).replaceAll("/+$", "");
        if (lower.startsWith("http://")) return u.substring(7).replaceAll("/+$", "");
        return "";
    }
}
