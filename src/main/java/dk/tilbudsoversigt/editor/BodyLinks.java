package dk.tilbudsoversigt.editor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import dk.tilbudsoversigt.markdown.Markdown;

/**
 * Rewrites the link targets in a page body when a page moves: relative links to the moved file
 * (Markdown links, images, reference definitions, href/src in raw HTML), links by URL
 * (/tilbud/slug/ and the full public address), and, in the moved page itself, every relative
 * link so that it still reaches the same file. Text outside link targets is left as it is.
 */
final class BodyLinks {
    private static final Pattern HTML_URL = Pattern.compile("(?i)\\b(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))");

    private final String fromFile;
    private final String toFile;
    private final String oldUrl;
    private final String newUrl;
    /** site.url without a trailing '/', or null. */
    private final String siteUrl;

    BodyLinks(String fromFile, String toFile, String oldUrl, String newUrl, String siteUrl) {
        this.fromFile = fromFile;
        this.toFile = toFile;
        this.oldUrl = oldUrl;
        this.newUrl = newUrl;
        this.siteUrl = siteUrl == null ? null : siteUrl.replaceAll("/+$", "");
    }

    private record Edit(int start, int end, String text) {}

    /**
     * @param pageFile where the page is now
     * @param newFile  where it will be (the same unless it is the moved page)
     */
    String rewrite(String body, String pageFile, String newFile) {
        List<Edit> edits = new ArrayList<>();
        for (Node node : Markdown.parse(body).getDescendants()) {
            if (node instanceof Link link) add(edits, link.getUrl(), pageFile, newFile);
            else if (node instanceof Image image) add(edits, image.getUrl(), pageFile, newFile);
            else if (node instanceof Reference ref) add(edits, ref.getUrl(), pageFile, newFile);
            else if (node instanceof AutoLink auto) add(edits, auto.getUrl(), pageFile, newFile);
            else if (node instanceof HtmlInline || node instanceof HtmlBlock) {
                BasedSequence chars = node.getChars();
                Matcher m = HTML_URL.matcher(chars);
                while (m.find()) {
                    int g = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3;
                    String url = rewriteUrl(m.group(g), pageFile, newFile);
                    if (url != null) edits.add(new Edit(chars.getStartOffset() + m.start(g), chars.getStartOffset() + m.end(g), url));
                }
            }
        }
        if (edits.isEmpty()) return body;
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder b = new StringBuilder(body);
        for (Edit e : edits) b.replace(e.start, e.end, e.text);
        return b.toString();
    }

    private void add(List<Edit> edits, BasedSequence url, String pageFile, String newFile) {
        if (url.isEmpty()) return;
        String rewritten = rewriteUrl(url.toString(), pageFile, newFile);
        if (rewritten != null) edits.add(new Edit(url.getStartOffset(), url.getEndOffset(), rewritten));
    }

    /** The new target, or null to keep the link as written. */
    String rewriteUrl(String url, String pageFile, String newFile) {
        String target = url.strip();
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            if (siteUrl == null || !target.startsWith(siteUrl + "/")) return null;
            String path = sitePath(target.substring(siteUrl.length()));
            return path == null ? null : siteUrl + path;
        }
        if (target.startsWith("//") || target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) return null;
        int cut = indexOfAny(target, '?', '#');
        String path = cut < 0 ? target : target.substring(0, cut);
        String suffix = cut < 0 ? "" : target.substring(cut);
        if (path.isEmpty()) return null;
        if (path.startsWith("/")) {
            String p = sitePath(path);
            return p == null ? null : p + suffix;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // a broken %-escape: the build reports the link
        }
        Path resolved = dir(pageFile).resolve(decoded).normalize();
        String file = resolved.toString().replace('\\', '/');
        if (file.startsWith("..") || resolved.isAbsolute()) return null;
        String linked = file.equals(fromFile) ? toFile : file;
        if (linked.equals(file) && newFile.equals(pageFile)) return null;
        String relative = dir(newFile).relativize(Path.of(linked)).toString().replace('\\', '/');
        if (relative.equals(decoded)) return null;
        return relative + suffix;
    }

    /** A path below the site's base path, changed when it is the moved page's URL (or a file in it); else null. */
    private String sitePath(String path) {
        if (oldUrl.equals(newUrl)) return null;
        int cut = indexOfAny(path, '?', '#');
        String p = cut < 0 ? path : path.substring(0, cut);
        String suffix = cut < 0 ? "" : path.substring(cut);
        String bare = oldUrl.substring(0, oldUrl.length() - 1);
        if (p.equals(bare)) return newUrl.substring(0, newUrl.length() - 1) + suffix;
        if (p.startsWith(oldUrl)) return newUrl + p.substring(oldUrl.length()) + suffix;
        return null;
    }

    private static Path dir(String file) {
        int slash = file.lastIndexOf('/');
        return Path.of(slash < 0 ? "" : file.substring(0, slash));
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) return j;
        if (j < 0) return i;
        return Math.min(i, j);
    }
}
