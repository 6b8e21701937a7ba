package dk.tilbudsoversigt.markdown;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import dk.tilbudsoversigt.content.Content;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.content.Slugs;
import dk.tilbudsoversigt.content.Suggestions;
import dk.tilbudsoversigt.site.Urls;

/**
 * Checks and renders every page body: heading anchors, links to other content files
 * rewritten to page URLs, images and raw HTML checked, glossary terms linked.
 */
public final class BodyRenderer {
    private final Content content;
    private final Path siteFolder;
    private final boolean includeDrafts;
    private final String base;
    private final Map<String, Page> pagesByFile;
    private final Set<String> attachments;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, List<Heading>> headings = new ConcurrentHashMap<>();
    /** Pages whose body cannot be rendered, with the line and the reason; reported when the page is built. */
    private final Map<String, Refusal> refused = new ConcurrentHashMap<>();
    /** Pages refused before their headings could be read: links to their anchors are not checked. */
    private Set<String> unparsed = Set.of();
    private Glossary glossary;

    private record Refusal(int line, String message) {}

    /** The last resort when a body defeats the nesting limits: still a message with file and line, never a crash. */
    private static final String TOO_COMPLEX = "siden kan ikke vises, fordi den er bygget for dybt eller for indviklet op;"
            + " del den op eller skriv den mere enkelt";

    public BodyRenderer(Content content, Path siteFolder, boolean includeDrafts) {
        this.content = content;
        this.siteFolder = siteFolder;
        this.includeDrafts = includeDrafts;
        this.base = content.settings().basePath();
        this.pagesByFile = content.byFile();
        this.attachments = new HashSet<>(content.attachments());
    }

    /** Renders the bodies of {@code pages}; problems go to {@code problems}. Keyed by page file. */
    public Map<String, RenderedBody> renderAll(List<Page> pages, Problems problems) {
        content.pages().parallelStream().forEach(this::parse);
        unparsed = Set.copyOf(refused.keySet());
        glossary = new Glossary(content.ofType(PageType.BEGREB).stream()
                .filter(t -> includeDrafts || !t.draft())
                .map(t -> new Glossary.Term(t.key(), base + Urls.of(t), names(t)))
                .toList());
        Map<String, RenderedBody> out = new ConcurrentHashMap<>();
        pages.parallelStream().forEach(p -> out.put(p.file(), renderOrRefuse(p, problems)));
        return new LinkedHashMap<>(out);
    }

    private void parse(Page p) {
        Document doc = Markdown.parse("");
        List<Heading> hs = List.of();
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
                if (deep != null) {
                    refused.put(p.file(), new Refusal(p.bodyLine() + deep.getLineNumber(), BodyLimits.TOO_DEEP));
                } else {
                    hs = collectHeadings(parsed, p);
                    doc = parsed;
                }
            } catch (StackOverflowError e) {
                refused.put(p.file(), new Refusal(p.bodyLine(), TOO_COMPLEX));
            }
        }
        documents.put(p.file(), doc);
        headings.put(p.file(), hs);
    }

    private RenderedBody renderOrRefuse(Page page, Problems problems) {
        if (!refused.containsKey(page.file())) {
            try {
                RenderedBody body = render(page, problems);
                if (body != null) return body;
            } catch (StackOverflowError e) {
                refused.put(page.file(), new Refusal(page.bodyLine(), TOO_COMPLEX));
            }
        }
        Refusal r = refused.get(page.file());
        problems.error(page.file(), r.line(), r.message());
        return RenderedBody.EMPTY;
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

    /** The rendered body, or null when {@link #check} refused it. */
    private RenderedBody render(Page page, Problems problems) {
        Document doc = documents.get(page.file());
        Map<String, String> rawRewrites = new HashMap<>();
        if (!check(page, doc, rawRewrites, problems)) return null;
        String html = Markdown.render(doc);
        Element body = Jsoup.parseBodyFragment(html).body();
        body.ownerDocument().outputSettings().prettyPrint(false);
        List<Heading> hs = headings.get(page.file());
        List<Element> headingElements = body.select("h1, h2, h3, h4, h5, h6");
        for (int i = 0; i < headingElements.size() && i < hs.size(); i++) {
            headingElements.get(i).attr("id", hs.get(i).id());
        }
        for (Element e : body.select("a[href], img[src]")) {
            String attr = e.hasAttr("href") ? "href" : "src";
            String replaced = rawRewrites.get(e.attr(attr));
            if (replaced != null) e.attr(attr, replaced);
        }
        for (Element table : body.select("table")) {
            Element frame = new Element("div").addClass("tabel-ramme").attr("tabindex", "0")
                    .attr("role", "region").attr("aria-label", "Tabel");
            table.before(frame);
            frame.appendChild(table);
        }
        if (page.glossaryLinks()) glossary.link(body, page.key());
        return split(body, hs);
    }

    private static RenderedBody split(Element body, List<Heading> hs) {
        StringBuilder intro = new StringBuilder();
        List<Section> sections = new ArrayList<>();
        String heading = null;
        String id = null;
        Element current = new Element("div");
        for (org.jsoup.nodes.Node child : new ArrayList<>(body.childNodes())) {
            if (child instanceof Element e && e.normalName().equals("h2")) {
                if (heading == null) intro.append(current.html());
                else sections.add(new Section(heading, id, current.html(), current.text()));
                heading = e.text();
                id = e.id();
                current = new Element("div");
            } else {
                current.appendChild(child.clone());
            }
        }
        if (heading == null) intro.append(current.html());
        else sections.add(new Section(heading, id, current.html(), current.text()));
        return new RenderedBody(body.html(), hs, intro.toString(), List.copyOf(sections), body.text());
    }

    /** Checks the body; false when it must not be rendered at all (the reason is then in {@link #refused}). */
    private boolean check(Page page, Document doc, Map<String, String> rawRewrites, Problems problems) {
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
                for (Element e : Jsoup.parseBodyFragment(raw).select("a[href], img[src]")) {
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
        String decoded = URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        String dir = page.file().contains("/") ? page.file().substring(0, page.file().lastIndexOf('/')) : "";
        Path resolved = Path.of(dir.isEmpty() ? "." : dir).resolve(decoded).normalize();
        String path = resolved.toString().replace('\\', '/');
        if (path.startsWith("..") || resolved.isAbsolute()) {
            problems.error(page.file(), line, "linket " + url + " peger uden for site-mappen");
            return null;
        }
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
        if (path.startsWith("content/") && attachments.contains(path.substring("content/".length()))) {
            return base + "/" + path.substring("content/".length()) + (fragment.isEmpty() ? "" : "#" + fragment);
        }
        if (path.startsWith("assets/") && Files.isRegularFile(siteFolder.resolve(path))) {
            return base + "/" + path.substring("assets/".length());
        }
        problems.error(page.file(), line, (image ? "billedfilen " : "filen ") + url + " findes ikke (ledt efter "
                + path + "); læg filen ved siden af siden eller i assets/");
        return null;
    }

    private void checkAnchor(Page page, Page target, String fragment, int line, Problems problems) {
        if (fragment.isEmpty() || unparsed.contains(target.file())) return; // that page has its own error
        List<Heading> hs = headings.getOrDefault(target.file(), List.of());
        if (hs.stream().noneMatch(h -> h.id().equals(fragment))) {
            problems.error(page.file(), line, "ankeret #" + fragment + " findes ikke på " + (target == page ? "siden selv" : target.file())
                    + "." + Suggestions.didYouMean(fragment, hs.stream().map(Heading::id).toList())
                    + (hs.isEmpty() ? " Siden har ingen overskrifter." : ""));
        }
    }
}
