package dk.tilbudsoversigt.markdown;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import dk.tilbudsoversigt.content.Content;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.content.Slugs;
import dk.tilbudsoversigt.content.Suggestions;
import dk.tilbudsoversigt.media.VideoBlock;
import dk.tilbudsoversigt.media.VideoHtml;
import dk.tilbudsoversigt.site.Urls;

/**
 * Checks and renders every page body: heading anchors, links to other content files
 * rewritten to page URLs, images and raw HTML checked, glossary terms linked.
 */
public final class BodyRenderer {
    // parsed once: jsoup parses a query string again on every select
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator LINKS = QueryParser.parse("a[href], img[src]");
    private static final Evaluator VIDEO_MARKERS = QueryParser.parse("div[" + VideoFence.MARKER + "]");
    private final Path siteFolder;
    private final boolean includeDrafts;
    private final String base;
    private final Map<String, Page> pagesByFile;
    private final Set<String> attachments;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, Outline> outlines;
    /** Pages whose body cannot be rendered, with the line and the reason; reported when the page is built. */
    private final Map<String, Refusal> refused = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> targets = new ConcurrentHashMap<>();
    private final List<Glossary.Term> terms;
    private final Glossary glossary;
    /** While renderAll runs: links to other pages' anchors, checked when all headings are known. */
    private volatile Queue<AnchorLink> deferred;

    private record AnchorLink(Page page, Page target, String fragment, int line, Problems problems) {}

    private record Refusal(int line, String message) {}

    /** What checking a body found besides problems: its videos in order (null for one with errors), frame origins, warnings. */
    private record Findings(List<Element> videos, Set<String> frameOrigins, List<Problem> warnings) {
        Findings() {
            this(new ArrayList<>(), new TreeSet<>(), new ArrayList<>());
        }
    }

    /** A file of the site that a page uses: its path in the site folder and its URL in the built site. */
    private record Attachment(String path, String url) {}

    /** The last resort when a body defeats the nesting limits: still a message with file and line, never a crash. */
    private static final String TOO_COMPLEX = "siden kan ikke vises, fordi den er bygget for dybt eller for indviklet op;"
            + " del den op eller skriv den mere enkelt";

    public BodyRenderer(Content content, Path siteFolder, boolean includeDrafts) {
        this(content, siteFolder, includeDrafts, new ConcurrentHashMap<>());
    }

    /**
     * @param outlines the outlines of pages by file, known from an earlier build and filled in as pages are
     *                 parsed; it must not hold pages that have changed since. Shared, so it must be thread-safe.
     */
    public BodyRenderer(Content content, Path siteFolder, boolean includeDrafts, Map<String, Outline> outlines) {
        this.siteFolder = siteFolder;
        this.includeDrafts = includeDrafts;
        this.base = content.settings().basePath();
        this.pagesByFile = content.byFile();
        this.attachments = new HashSet<>(content.attachments());
        this.outlines = outlines;
        this.terms = content.ofType(PageType.BEGREB).stream()
                .filter(t -> includeDrafts || !t.draft())
                .map(t -> new Glossary.Term(t.key(), base + Urls.of(t), names(t)))
                .toList();
        this.glossary = new Glossary(terms);
    }

    /**
     * Renders the bodies of {@code pages}; problems go to {@code problems}. Keyed by page file.
     * Each body is parsed once and its tree dropped when rendered; links to other pages' anchors
     * are checked at the end, when every page's headings are known.
     */
    public Map<String, RenderedBody> renderAll(List<Page> pages, Problems problems) {
        Map<String, RenderedBody> out = new ConcurrentHashMap<>();
        deferred = new ConcurrentLinkedQueue<>();
        try {
            pages.parallelStream().forEach(p -> out.put(p.file(), render(p, problems)));
            for (AnchorLink link : deferred) checkAnchorNow(link.page(), link.target(), link.fragment(), link.line(), link.problems());
        } finally {
            deferred = null;
        }
        return new LinkedHashMap<>(out);
    }

    /** The headings of a page's body, with the ids they get; parsed once and kept. */
    public Outline outline(Page page) {
        return outlines.computeIfAbsent(page.file(), file -> parse(page));
    }

    /**
     * Parses a body, within BodyLimits; the tree is kept for rendering. A body beyond the limits
     * is refused before its headings can be read.
     */
    private Outline parse(Page p) {
        int markers = BodyLimits.firstLineWithTooManyMarkers(p.markdown());
        int heavy = markers >= 0 ? -1 : BodyLimits.firstTooHeavyParagraph(p.markdown());
        if (markers >= 0) {
            refused.put(p.file(), new Refusal(p.bodyLine() + markers, BodyLimits.TOO_MANY_MARKERS));
        } else if (heavy >= 0) {
            refused.put(p.file(), new Refusal(p.bodyLine() + heavy, BodyLimits.PARAGRAPH_TOO_HEAVY));
        } else {
            try {
                Document parsed = Markdown.parse(p.markdown());
                Node deep = BodyLimits.firstTooDeep(parsed);
                if (deep == null) {
                    documents.put(p.file(), parsed);
                    return new Outline(collectHeadings(parsed, p), true);
                }
                refused.put(p.file(), new Refusal(p.bodyLine() + deep.getLineNumber(), BodyLimits.TOO_DEEP));
            } catch (StackOverflowError e) {
                refused.put(p.file(), new Refusal(p.bodyLine(), TOO_COMPLEX));
            }
        }
        return Outline.UNREADABLE;
    }

    /** The glossary terms whose names are linked in bodies. */
    public List<Glossary.Term> glossaryTerms() {
        return terms;
    }

    /** The files (relative to the site folder) that the links and images of a rendered body point at. */
    public Set<String> targets(String pageFile) {
        return Set.copyOf(targets.getOrDefault(pageFile, Set.of()));
    }

    private static List<String> names(Page term) {
        List<String> names = new ArrayList<>();
        names.add(term.title());
        names.addAll(term.synonyms());
        return names;
    }

    private static List<Heading> collectHeadings(Document doc, Page page) {
        List<Heading> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Node node : doc.getDescendants()) {
            if (node instanceof com.vladsch.flexmark.ast.Heading h) {
                String text = new TextCollectingVisitor().collectAndGetText(h).strip();
                String id = Slugs.slugify(text);
                if (id.isEmpty()) id = "afsnit";
                int n = seen.merge(id, 1, Integer::sum);
                if (n > 1) id = id + "-" + n;
                out.add(new Heading(h.getLevel(), text, id, page.bodyLine() + h.getLineNumber()));
            }
        }
        return List.copyOf(out);
    }

    /** Checks and renders one body; its problems go to {@code problems}. A refused body is empty. */
    public RenderedBody render(Page page, Problems problems) {
        targets.remove(page.file());
        Outline outline = outline(page);
        Document doc = documents.remove(page.file());
        if (doc == null && outline.readable()) {
            parse(page); // the outline is known from an earlier build; the tree is not kept that long
            doc = documents.remove(page.file());
        }
        if (doc != null && !refused.containsKey(page.file())) {
            try {
                RenderedBody body = render(page, doc, outline.headings(), problems);
                if (body != null) return body;
            } catch (StackOverflowError e) {
                refused.put(page.file(), new Refusal(page.bodyLine(), TOO_COMPLEX));
            }
        }
        Refusal r = refused.get(page.file());
        problems.error(page.file(), r.line(), r.message());
        return RenderedBody.EMPTY;
    }

    /** The rendered body, or null when {@link #check} refused it. */
    private RenderedBody render(Page page, Document doc, List<Heading> hs, Problems problems) {
        Map<String, String> rawRewrites = new HashMap<>();
        Findings found = new Findings();
        if (!check(page, doc, rawRewrites, found, problems)) return null;
        String html = Markdown.render(doc);
        Element body = Jsoup.parseBodyFragment(html).body();
        body.ownerDocument().outputSettings().prettyPrint(false);
        List<Element> headingElements = body.select(HEADINGS);
        for (int i = 0; i < headingElements.size() && i < hs.size(); i++) {
            headingElements.get(i).attr("id", hs.get(i).id());
        }
        for (Element e : body.select(LINKS)) {
            String attr = e.hasAttr("href") ? "href" : "src";
            String replaced = rawRewrites.get(e.attr(attr));
            if (replaced != null) e.attr(attr, replaced);
        }
        List<Element> markers = body.select(VIDEO_MARKERS);
        for (int i = 0; i < markers.size(); i++) {
            Element video = i < found.videos().size() ? found.videos().get(i) : null;
            if (video != null) markers.get(i).replaceWith(video);
            else markers.get(i).remove();
        }
        Tables.finish(body);
        if (page.glossaryLinks()) glossary.link(body, page.key());
        return split(body, hs, found);
    }

    /** The body, and the same body cut at its {@code ##} headings. Every top-level node is written out once. */
    private static RenderedBody split(Element body, List<Heading> hs, Findings found) {
        String text = body.text();
        StringBuilder html = new StringBuilder();
        StringBuilder intro = new StringBuilder();
        StringBuilder part = intro;
        List<Section> sections = new ArrayList<>();
        String heading = null;
        String id = null;
        for (org.jsoup.nodes.Node child : body.childNodes()) {
            String outer = child.outerHtml();
            html.append(outer);
            if (child instanceof Element e && e.normalName().equals("h2")) {
                if (heading != null) sections.add(new Section(heading, id, part.toString()));
                heading = e.text();
                id = e.id();
                part = new StringBuilder();
            } else {
                part.append(outer);
            }
        }
        if (heading != null) sections.add(new Section(heading, id, part.toString()));
        return new RenderedBody(html.toString(), hs, intro.toString(), List.copyOf(sections), text,
                List.copyOf(found.frameOrigins()), List.copyOf(found.warnings()));
    }

    /** Checks the body; false when it must not be rendered at all (the reason is then in {@link #refused}). */
    private boolean check(Page page, Document doc, Map<String, String> rawRewrites, Findings found, Problems problems) {
        int previousLevel = 1;
        int openHtml = 0;
        for (Node node : doc.getDescendants()) {
            int line = page.bodyLine() + node.getLineNumber();
            if (node instanceof com.vladsch.flexmark.ast.Heading h) {
                if (h.getLevel() == 1) {
                    problems.error(page.file(), line, "overskrift med # bruges ikke i brødteksten: sidens titel er dens eneste overskrift på niveau 1; brug ##");
                } else if (h.getLevel() > previousLevel + 1) {
                    problems.error(page.file(), line, "overskriften springer et niveau over: " + "#".repeat(h.getLevel())
                            + " efter " + "#".repeat(previousLevel) + "; brug " + "#".repeat(previousLevel + 1));
                }
                previousLevel = h.getLevel();
            } else if (node instanceof Image img) {
                if (img.getText().toString().isBlank()) {
                    problems.error(page.file(), line, "billedet " + img.getUrl() + " mangler en alternativ tekst: skriv hvad billedet viser mellem [ og ], f.eks. ![Kort over Gudenåcenteret](kort.png)");
                }
                String url = resolve(page, img.getUrl().toString(), line, true, problems);
                if (url != null) img.setUrl(BasedSequence.of(url));
            } else if (node instanceof ImageRef ref) {
                if (ref.getText().toString().isBlank()) {
                    problems.error(page.file(), line, "billedet mangler en alternativ tekst: skriv hvad billedet viser mellem [ og ]");
                }
            } else if (node instanceof FencedCodeBlock fence && VideoFence.isVideo(fence)) {
                found.videos().add(video(page, fence, line, found, problems));
            } else if (node instanceof TableBlock table && !Tables.hasCaption(table)) {
                found.warnings().add(Problem.warning(page.file(), line, Tables.NO_CAPTION));
            } else if (node instanceof Paragraph p && Tables.swallowsTable(p)) {
                found.warnings().add(Problem.warning(page.file(), line, Tables.SWALLOWED));
            } else if (node instanceof Link link) {
                String url = resolve(page, link.getUrl().toString(), line, false, problems);
                if (url != null) link.setUrl(BasedSequence.of(url));
            } else if (node instanceof Reference ref) {
                String url = resolve(page, ref.getUrl().toString(), line, false, problems);
                if (url != null) ref.setUrl(BasedSequence.of(url));
            } else if (node instanceof HtmlBlock || node instanceof HtmlInline) {
                String raw = node.getChars().toString();
                openHtml = BodyLimits.htmlDepthAfter(raw, openHtml);
                if (openHtml < 0) {
                    refused.put(page.file(), new Refusal(line, BodyLimits.HTML_TOO_DEEP));
                    return false;
                }
                String why = HtmlSafeList.check(raw);
                if (why != null) {
                    problems.error(page.file(), line, why);
                    continue;
                }
                for (Element e : Jsoup.parseBodyFragment(raw).select(LINKS)) {
                    String attr = e.hasAttr("href") ? "href" : "src";
                    if (e.normalName().equals("img") && e.attr("alt").isBlank()) {
                        problems.error(page.file(), line, "billedet " + e.attr("src") + " mangler en alternativ tekst (alt=\"...\")");
                    }
                    String url = resolve(page, e.attr(attr), line, e.normalName().equals("img"), problems);
                    if (url != null) rawRewrites.put(e.attr(attr), url);
                }
            }
        }
        return true;
    }

    /** The URL a link target becomes, or null to keep it as written (or when it is wrong: reported). */
    private String resolve(Page page, String url, int line, boolean image, Problems problems) {
        String target = url.strip();
        if (target.isEmpty()) {
            problems.error(page.file(), line, (image ? "billedet" : "linket") + " har ingen adresse");
            return null;
        }
        if (Links.isScript(target)) {
            problems.error(page.file(), line, "en javascript:-adresse er ikke tilladt i et link");
            return null;
        }
        if (Links.isExternal(target)) return null;
        if (Links.hasOtherScheme(target)) {
            problems.error(page.file(), line, "adressen " + target + " er ikke tilladt; brug https://, mailto: eller tel:");
            return null;
        }
        String fragment = "";
        int hash = target.indexOf('#');
        if (hash >= 0) {
            fragment = target.substring(hash + 1);
            target = target.substring(0, hash);
        }
        int query = target.indexOf('?');
        if (query >= 0) target = target.substring(0, query);
        if (target.isEmpty()) {
            checkAnchor(page, page, fragment, line, problems);
            return null;
        }
        if (target.startsWith("/")) return base + target + (fragment.isEmpty() ? "" : "#" + fragment);
        String path = sitePath(page, target);
        if (path == null) {
            problems.error(page.file(), line, "linket " + url + " peger uden for site-mappen");
            return null;
        }
        targets.computeIfAbsent(page.file(), f -> ConcurrentHashMap.newKeySet()).add(path);
        if (path.endsWith(".md")) {
            Page linked = pagesByFile.get(path);
            if (linked == null) {
                // a page file that is there but could not be read has its own error; do not call it missing
                if (path.startsWith("content/") && Files.isRegularFile(siteFolder.resolve(path))) return null;
                problems.error(page.file(), line, "linket " + url + " peger på " + path + ", som ikke findes."
                        + Suggestions.didYouMean(path, pagesByFile.keySet()));
                return null;
            }
            if (linked.draft() && !page.draft() && !includeDrafts) {
                problems.error(page.file(), line, "linket " + url + " peger på en kladde, som ikke bliver udgivet");
                return null;
            }
            checkAnchor(page, linked, fragment, line, problems);
            return base + Urls.of(linked) + (fragment.isEmpty() ? "" : "#" + fragment);
        }
        String file = fileUrl(path);
        if (file != null) return path.startsWith("content/") && !fragment.isEmpty() ? file + "#" + fragment : file;
        problems.error(page.file(), line, (image ? "billedfilen " : "filen ") + url + " findes ikke (ledt efter "
                + path + "); læg filen ved siden af siden eller i assets/");
        return null;
    }

    /** The URL of a file of the site (an attachment beside a page or a file in assets/), or null when there is none. */
    private String fileUrl(String path) {
        if (path.startsWith("content/") && attachments.contains(path.substring("content/".length()))) {
            return base + "/" + path.substring("content/".length());
        }
        if (path.startsWith("assets/") && Files.isRegularFile(siteFolder.resolve(path))) {
            return base + "/" + path.substring("assets/".length());
        }
        return null;
    }

    /** A relative link target as a path in the site folder, or null when it climbs out of it. */
    private static String sitePath(Page page, String target) {
        String decoded = URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        String dir = page.file().contains("/") ? page.file().substring(0, page.file().lastIndexOf('/')) : "";
        Path resolved = Path.of(dir.isEmpty() ? "." : dir).resolve(decoded).normalize();
        String path = resolved.toString().replace('\\', '/');
        return path.startsWith("..") || resolved.isAbsolute() ? null : path;
    }

    /** A video block as the page shows it, or null when it has errors (reported). */
    private Element video(Page page, FencedCodeBlock fence, int line, Findings found, Problems problems) {
        VideoBlock.Video video = VideoBlock.read(fence.getContentChars().toString(), line,
                (at, message) -> problems.error(page.file(), at, message));
        if (video == null) return null;
        if (video.external() != null) {
            found.frameOrigins().add(video.external().frameOrigin());
            return VideoHtml.external(video);
        }
        Attachment file = attachment(page, video.file(), "videofilen", problems);
        Attachment captions = attachment(page, video.captions(), "undertekstfilen", problems);
        if (file == null || captions == null) return null;
        if (!startsWithWebVtt(siteFolder.resolve(captions.path()))) {
            problems.error(page.file(), video.captions().line(), "undertekstfilen " + video.captions().text()
                    + " er ikke en WebVTT-fil: dens første linje skal være WEBVTT");
            return null;
        }
        return VideoHtml.local(video, file.url(), captions.url());
    }

    /** A file of the site named in a video block, beside the page or in assets/; null when it is not there (reported). */
    private Attachment attachment(Page page, VideoBlock.Value value, String noun, Problems problems) {
        String written = value.text();
        if (Links.isExternal(written) || Links.hasOtherScheme(written) || written.startsWith("/") || written.contains("?") || written.contains("#")) {
            problems.error(page.file(), value.line(), noun + " " + written + " skal være en fil på sitet: skriv stien fra siden,"
                    + " fx ../../assets/video/navn.webm");
            return null;
        }
        String path = sitePath(page, written);
        if (path == null) {
            problems.error(page.file(), value.line(), noun + " " + written + " peger uden for site-mappen");
            return null;
        }
        targets.computeIfAbsent(page.file(), f -> ConcurrentHashMap.newKeySet()).add(path);
        String url = fileUrl(path);
        if (url != null) return new Attachment(path, url);
        problems.error(page.file(), value.line(), noun + " " + written + " findes ikke (ledt efter " + path
                + "); læg filen i assets/video/ eller ved siden af siden");
        return null;
    }

    private static boolean startsWithWebVtt(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String start = new String(in.readNBytes(9), StandardCharsets.UTF_8).replace("\uFEFF", "");
            return start.startsWith("WEBVTT");
        } catch (IOException e) {
            return false;
        }
    }

    private void checkAnchor(Page page, Page target, String fragment, int line, Problems problems) {
        if (fragment.isEmpty()) return;
        Queue<AnchorLink> later = deferred;
        if (later != null && target != page) later.add(new AnchorLink(page, target, fragment, line, problems));
        else checkAnchorNow(page, target, fragment, line, problems);
    }

    private void checkAnchorNow(Page page, Page target, String fragment, int line, Problems problems) {
        Outline outline = outline(target);
        if (!outline.readable()) return; // that page has its own error
        List<Heading> hs = outline.headings();
        if (hs.stream().noneMatch(h -> h.id().equals(fragment))) {
            problems.error(page.file(), line, "ankeret #" + fragment + " findes ikke på " + (target == page ? "siden selv" : target.file())
                    + "." + Suggestions.didYouMean(fragment, hs.stream().map(Heading::id).toList())
                    + (hs.isEmpty() ? " Siden har ingen overskrifter." : ""));
        }
    }
}
