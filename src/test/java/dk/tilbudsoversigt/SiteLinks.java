package dk.tilbudsoversigt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Checks a built site the way a visitor clicking through it would. */
public final class SiteLinks {
    private SiteLinks() {}

    /**
     * Every link, stylesheet, image and script in every page of {@code out} that does not lead to
     * a file of the site (and, with an anchor, to an element with that id), as "page → url".
     * Internal URLs must start with {@code base}, the path of site.url.
     */
    public static List<String> broken(Path out, String base) throws IOException {
        List<String> broken = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path html : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Document doc = Jsoup.parse(html.toFile(), "UTF-8");
                for (Element e : doc.select("a[href], link[href], img[src], script[src]")) {
                    String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                    if (url.startsWith("http") || url.startsWith("mailto:") || url.startsWith("tel:")) continue;
                    if (url.startsWith("#")) {
                        if (doc.getElementById(url.substring(1)) == null) broken.add(out.relativize(html) + " → " + url);
                        continue;
                    }
                    if (!url.startsWith(base + "/")) {
                        broken.add(out.relativize(html) + " → " + url + " (not below the base path)");
                        continue;
                    }
                    String path = url.substring(base.length());
                    String anchor = path.contains("#") ? path.substring(path.indexOf('#') + 1) : null;
                    if (anchor != null) path = path.substring(0, path.indexOf('#'));
                    Path target = out.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : ""));
                    if (!Files.isRegularFile(target)) {
                        broken.add(out.relativize(html) + " → " + url);
                    } else if (anchor != null && Jsoup.parse(target.toFile(), "UTF-8").getElementById(anchor) == null) {
                        broken.add(out.relativize(html) + " → " + url + " (no such anchor)");
                    }
                }
            }
        }
        return broken;
    }
}
