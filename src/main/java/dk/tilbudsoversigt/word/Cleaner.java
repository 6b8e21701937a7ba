package dk.tilbudsoversigt.word;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Turns the HTML that Word, Google Docs, LibreOffice or a web page put on the clipboard into
 * plain semantic HTML (headings, paragraphs, strong/em, lists, links, tables) that flexmark's
 * HTML-to-Markdown converter writes as the content format's Markdown. Everything else goes,
 * and what was more than noise is counted in the {@link Report}.
 */
final class Cleaner {
    /** The elements that survive; every other element is unwrapped, its text kept. */
    private static final Set<String> KEPT = Set.of("html", "body", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
            "table", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "strong", "em", "br", "blockquote", "pre", "code", "hr", "img");
    /** Dropped with their content: never text an author wrote. */
    private static final String DROPPED = "head, style, script, meta, link, title, xml, template, noscript, iframe, frame, object,"
            + " embed, applet, form, input, button, select, textarea, svg, math, canvas, audio, video, map";
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table",
            "blockquote", "pre", "hr", "div", "section", "article", "header", "footer", "main", "nav", "aside", "center", "dl", "dt", "dd",
            "figure", "figcaption", "address");
    private static final Pattern MSO_LIST = Pattern.compile("mso-list\\s*:\\s*l(\\d+)\\s+level(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDERED_MARKER = Pattern.compile("\\(?([0-9]{1,4}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)]");
    private static final Pattern BOLD = Pattern.compile("font-weight\\s*:\\s*(bold|bolder|[6-9]00)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_BOLD = Pattern.compile("font-weight\\s*:\\s*(normal|lighter|[1-4]00)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ITALIC = Pattern.compile("font-style\\s*:\\s*(italic|oblique)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FOOTNOTE_REF = Pattern.compile("#_?(ftn|edn)(ref)?\\d+|#ftnt(_ref)?\\d+|#sd(foot|end)note\\d+(sym|anc)|#fn(ref)?\\d+", Pattern.CASE_INSENSITIVE);
    /** Elements deeper than this are not HTML an editor made; only their text is kept (flexmark's converter recurses). */
    static final int MAX_DEPTH = 200;

    /** What an import does with a link; null means "as the paste does". */
    interface LinkRule extends Function<String, String> {}

    private final Report report;
    private final boolean keepImages;
    private final LinkRule ownLinks;
    private final List<String> leftOutImages = new ArrayList<>();

    /**
     * @param keepImages true for an import, whose images are already extracted and named by
     *                   their final path; a paste leaves every image out and lists it
     * @param ownLinks   turns a link to the site's own URL into a link to its Markdown file
     *                   (returns null to keep the link); null for none
     */
    Cleaner(Report report, boolean keepImages, LinkRule ownLinks) {
        this.report = report;
        this.keepImages = keepImages;
        this.ownLinks = ownLinks;
    }

    List<String> leftOutImages() {
        return leftOutImages;
    }

    /** Cleans {@code doc} in place; its body then holds only {@link #KEPT} elements. */
    void clean(Document doc) {
        Element body = doc.body();
        boolean fromWord = doc.html().contains("mso-") || !doc.select("[class^=Mso]").isEmpty();
        if (depth(body) > MAX_DEPTH) {
            flatten(body);
            report.note("Indholdet var lagt i over " + MAX_DEPTH + " niveauer inde i hinanden; kun teksten er beholdt, afsnit for afsnit");
        }
        removeComments(body);
        doc.head().remove();
        body.select(DROPPED).remove();
        removeWordComments(body);
        trackedDeletions(body);
        footnotes(body);
        tableOfContents(body);
        images(body);
        styledText(body);
        wordLists(body);
        if (fromWord) report.note("Word-formatering (typografier, skrifttyper, farver og mso-koder) fjernet");
        links(body);
        unwrapOthers(body);
        headings(body);
        nestedLists(body);
        tables(body);
        blocksInParagraphs(body);
        text(body);
        emptyParagraphs(body);
        blockStarts(body);
        for (Element e : body.getAllElements()) {
            String href = e.normalName().equals("a") ? e.attr("href") : null;
            String src = e.normalName().equals("img") ? e.attr("src") : null;
            String alt = e.normalName().equals("img") ? e.attr("alt") : null;
            e.clearAttributes();
            if (href != null) e.attr("href", href);
            if (src != null) e.attr("src", src).attr("alt", alt);
        }
    }

    /** The deepest nesting of elements under {@code root}, counted without recursion. */
    static int depth(Element root) {
        int max = 0;
        Node node = root;
        int depth = 0;
        while (node != null) {
            if (node.childNodeSize() > 0) {
                node = node.childNode(0);
                depth++;
                max = Math.max(max, depth);
                continue;
            }
            while (node != root && node.nextSibling() == null) {
                node = node.parent();
                depth--;
            }
            node = node == root ? null : node.nextSibling();
        }
        return max;
    }

    /** Replaces the body by one paragraph per block of text. */
    private static void flatten(Element body) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Node node = body;
        while (node != null) {
            if (node instanceof TextNode t) current.append(t.text());
            if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !current.toString().isBlank()) {
                paragraphs.add(current.toString());
                current.setLength(0);
            }
            if (node.childNodeSize() > 0 && !(node instanceof Element e && e.normalName().matches("script|style|head"))) {
                node = node.childNode(0);
                continue;
            }
            while (node != body && node.nextSibling() == null) node = node.parent();
            node = node == body ? null : node.nextSibling();
        }
        if (!current.toString().isBlank()) paragraphs.add(current.toString());
        body.empty();
        for (String p : paragraphs) body.appendElement("p").text(p.strip());
    }

    private static void removeComments(Element body) {
        List<Node> gone = new ArrayList<>();
        for (Node n : body.ownerDocument().getAllElements().stream().flatMap(e -> e.childNodes().stream()).toList()) {
            if (n instanceof Comment || n instanceof DataNode) gone.add(n);
        }
        gone.forEach(Node::remove);
    }

    /** Word's review comments: the anchors in the text and the list of comments at the end. */
    private void removeWordComments(Element body) {
        for (Element list : body.select("div[style*=mso-element:comment-list]")) {
            int n = (int) list.select("div[style]").stream().filter(d -> d.attr("style").matches("(?is).*mso-element\\s*:\\s*comment\\s*(;.*)?")).count();
            for (int i = 0; i < n; i++) report.count("kommentar fjernet", "kommentarer fjernet");
            list.remove();
        }
        body.select(".MsoCommentReference, .msocomanchor, .msocomoff, [style*=mso-comment-reference], span[style*=mso-special-character:comment]").remove();
    }

    /** Text that Word's tracked changes mark as deleted is not part of the text; other strike-through text is kept. */
    private void trackedDeletions(Element body) {
        for (Element del : body.select("del[datetime], del[cite], span.msoDel")) {
            if (!del.text().isBlank()) report.count("slettet ændring (spor ændringer) fjernet", "slettede ændringer (spor ændringer) fjernet", del.text());
            del.remove();
        }
    }

    /** Footnote references become "[1]" in the text; the notes themselves stay as paragraphs at the end. */
    private void footnotes(Element body) {
        for (Element a : body.select("a[href]")) {
            String href = a.attr("href");
            if (!FOOTNOTE_REF.matcher(href).matches()) continue;
            boolean isNote = hasAncestor(a, e -> e.attr("style").matches("(?is).*mso-element\\s*:\\s*(foot|end)note\\b.*") || e.id().matches("sd(foot|end)note\\d+"))
                    || a.id().startsWith("ftnt") && !a.id().startsWith("ftnt_ref") || a.hasClass("sdfootnotesym") || a.hasClass("sdendnotesym")
                    || href.toLowerCase(Locale.ROOT).contains("ref") || href.endsWith("anc");
            String number = a.text().strip().replaceAll("^\\[|\\]$", "");
            if (number.isEmpty()) continue;
            a.text("[" + number + "]" + (isNote ? " " : ""));
            a.removeAttr("href");
            if (!isNote) report.count("fodnote sat ind som tekst med sit nummer", "fodnoter sat ind som tekst med deres numre");
        }
        body.select("div[style*=mso-element:footnote-list] hr, div[style*=mso-element:endnote-list] hr").remove();
    }

    private void tableOfContents(Element body) {
        Elements toc = body.select("p[class~=(?i)^MsoToc\\d], p[class~=(?i)^toc\\d]");
        if (!toc.isEmpty()) {
            toc.remove();
            report.note("Indholdsfortegnelsen fjernet: siden laver sin egen ud fra overskrifterne");
        }
    }

    private void images(Element body) {
        for (Element img : body.select("img, v|imagedata, picture")) {
            if (keepImages && img.normalName().equals("img")) continue;
            String name = img.attr("alt").isBlank() ? img.attr("title") : img.attr("alt");
            if (name.isBlank()) name = fileName(img.attr("src"));
            if (name.isBlank()) name = "billede nr. " + (leftOutImages.size() + 1) + " (uden alternativ tekst)";
            leftOutImages.add(name.strip());
            report.count("billede udeladt (upload det med en alternativ tekst)", "billeder udeladt (upload dem med en alternativ tekst)", name);
            Element parent = img.parent();
            img.remove();
            // the paragraph that only held the image is not an empty paragraph of the author's
            while (parent != null && parent.normalName().matches("p|span|a|b|i|strong|em|font") && parent.text().isBlank() && parent.select("img").isEmpty()) {
                Element up = parent.parent();
                parent.remove();
                parent = up;
            }
        }
    }

    private static String fileName(String src) {
        if (src.startsWith("data:")) return "";
        String s = src.replaceAll("[?#].*$", "");
        String name = s.substring(s.lastIndexOf('/') + 1);
        return name.matches("(?i).+\\.(png|jpe?g|gif|webp|bmp|tiff?|emf|wmf|svg)") ? name : "";
    }

    /** Bold and italic given by inline styles (Google Docs, LibreOffice) become strong and em; "bold" tags that are not bold go. */
    private static void styledText(Element body) {
        for (Element e : body.select("b, strong")) {
            if (NOT_BOLD.matcher(e.attr("style")).find() || e.id().startsWith("docs-internal-guid")) e.unwrap();
        }
        for (Element e : body.select("b")) e.tagName("strong");
        for (Element e : body.select("i")) e.tagName("em");
        for (Element e : body.select("span[style], font[style]")) {
            String style = e.attr("style");
            boolean bold = BOLD.matcher(style).find() && !hasAncestor(e, a -> a.normalName().matches("strong|h[1-6]|th"));
            boolean italic = ITALIC.matcher(style).find() && !hasAncestor(e, a -> a.normalName().equals("em"));
            if (!bold && !italic || e.text().isBlank()) continue;
            Element inner = new Element(italic ? "em" : "strong");
            for (Node child : new ArrayList<>(e.childNodes())) inner.appendChild(child);
            if (bold && italic) {
                Element outer = new Element("strong");
                outer.appendChild(inner);
                inner = outer;
            }
            e.appendChild(inner);
        }
    }

    /** Word's list paragraphs (class MsoListParagraph..., style mso-list: l0 level1) become nested HTML lists. */
    private void wordLists(Element body) {
        List<Element> run = new ArrayList<>();
        for (Element p : body.select("p, h1, h2, h3, h4, h5, h6")) {
            if (!MSO_LIST.matcher(p.attr("style")).find() || p.normalName().startsWith("h")) continue;
            if (!run.isEmpty() && previousElement(p) != run.get(run.size() - 1)) {
                listFrom(run);
                run = new ArrayList<>();
            }
            run.add(p);
        }
        if (!run.isEmpty()) listFrom(run);
    }

    /** The element before {@code e}, skipping blank text. */
    private static Element previousElement(Element e) {
        Node n = e.previousSibling();
        while (n instanceof TextNode t && t.isBlank() || n instanceof Comment) n = n.previousSibling();
        return n instanceof Element el ? el : null;
    }

    private void listFrom(List<Element> paragraphs) {
        Element holder = new Element("div");
        paragraphs.get(0).before(holder);
        ListNesting lists = new ListNesting(holder);
        for (Element p : paragraphs) {
            Matcher m = MSO_LIST.matcher(p.attr("style"));
            int level = m.find() ? Integer.parseInt(m.group(2)) : 1;
            String marker = "";
            for (Element ignore : p.select("span[style~=(?i)mso-list\\s*:\\s*ignore]")) {
                marker += ignore.text();
                ignore.remove();
            }
            marker = marker.replace('\u00a0', ' ').strip();
            boolean ordered = ORDERED_MARKER.matcher(marker).matches() && !marker.equals("o");
            Element li = lists.add(level, ordered);
            for (Node child : new ArrayList<>(p.childNodes())) li.appendChild(child);
            p.remove();
        }
        holder.unwrap();
        report.count("punktopstilling fra Word gjort til en liste", "punktopstillinger fra Word gjort til lister");
    }

    private void links(Element body) {
        for (Element a : body.select("a")) {
            String href = a.attr("href").strip();
            String text = a.text().strip();
            if (href.isEmpty() || href.startsWith("#")) {
                a.unwrap();
                continue;
            }
            String lower = href.replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
            String mapped = ownLinks == null ? null : ownLinks.apply(href);
            if (mapped != null) {
                a.attr("href", mapped);
            } else if (lower.startsWith("javascript:") || lower.startsWith("vbscript:") || lower.startsWith("data:")) {
                report.count("link med script fjernet (teksten er beholdt)", "links med script fjernet (teksten er beholdt)", text);
                a.unwrap();
            } else if (lower.startsWith("file:")) {
                report.count("link til en fil på en computer (file:) fjernet (teksten er beholdt)",
                        "links til filer på en computer (file:) fjernet (teksten er beholdt)", text);
                a.unwrap();
            } else if (lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:") || lower.startsWith("tel:")) {
                if (text.isEmpty()) a.remove();
            } else {
                report.count("link uden fuld adresse fjernet (teksten er beholdt)", "links uden fuld adresse fjernet (teksten er beholdt)", text + " (" + href + ")");
                a.unwrap();
            }
        }
    }

    /** Unwraps every element that is not {@link #KEPT}; a div holding only text becomes a paragraph, Word's title a heading. */
    private static void unwrapOthers(Element body) {
        for (Element e : body.select("p[class~=(?i)^MsoTitle$]")) e.tagName("h1");
        for (Element e : body.select("div, section, article, main, header, footer, nav, aside, center, dd, dt, figcaption, address")) {
            boolean hasBlocks = e.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName()));
            if (!hasBlocks && !e.text().isBlank()) e.tagName("p");
        }
        for (Element e : body.getAllElements()) {
            if (e != body && !KEPT.contains(e.normalName())) e.unwrap();
        }
    }

    /** No emphasis inside headings (a heading is bold already); empty headings go. */
    private void headings(Element body) {
        for (Element h : body.select("h1, h2, h3, h4, h5, h6")) {
            h.select("strong, em, br").unwrap();
            if (h.text().replace('\u00a0', ' ').isBlank()) {
                h.remove();
                report.count("tom overskrift fjernet", "tomme overskrifter fjernet");
            }
        }
    }

    /** A list directly inside a list (Google Docs' nesting) moves into the item before it; a lone paragraph in an item is unwrapped. */
    private static void nestedLists(Element body) {
        for (Element list : body.select("ul > ul, ul > ol, ol > ul, ol > ol")) {
            Element before = list.previousElementSibling();
            if (before != null && before.normalName().equals("li")) before.appendChild(list);
            else list.wrap("<li></li>");
        }
        for (Element li : body.select("li")) {
            List<Element> ps = li.children().stream().filter(c -> c.normalName().equals("p")).toList();
            long lists = li.children().stream().filter(c -> c.normalName().matches("ul|ol")).count();
            if (ps.size() == 1 && li.childrenSize() == 1 + lists) ps.get(0).unwrap();
        }
    }

    /** Markdown tables hold one line per cell and need a header row. */
    private void tables(Element body) {
        for (Element table : body.select("table")) {
            if (table.parent() == null || hasAncestor(table, a -> a.normalName().equals("table"))) continue;
            for (Element inner : table.select("table")) {
                if (inner == table) continue;
                if (inner.parent() == null) continue;
                inner.before(new TextNode(" " + String.join(" · ", inner.select("td, th").eachText()) + " "));
                inner.remove();
                report.count("tabel i en tabel gjort til tekst", "tabeller i tabeller gjort til tekst");
            }
            Elements rows = table.select("tr");
            if (rows.isEmpty() || table.text().isBlank()) {
                table.remove();
                continue;
            }
            for (Element cell : table.select("td, th")) {
                cell.select("ul, ol, li, p, h1, h2, h3, h4, h5, h6, blockquote, pre").forEach(b -> {
                    b.after(new TextNode(" "));
                    b.unwrap();
                });
                cell.select("br, hr, img").forEach(b -> b.replaceWith(new TextNode(" ")));
                cell.removeAttr("colspan").removeAttr("rowspan");
            }
            Element first = rows.get(0);
            if (first.select("th").isEmpty()) {
                first.select("td").tagName("th");
                first.select("strong, em").unwrap();
                report.count("tabel: første række brugt som overskriftsrække", "tabeller: første række brugt som overskriftsrække");
            }
            Element head = new Element("thead");
            table.prependChild(head);
            head.appendChild(first);
        }
    }

    /** Blocks inside a paragraph (a list in a p, as LibreOffice and web pages may have) come out after it. */
    private static void blocksInParagraphs(Element body) {
        for (Element p : body.select("p")) {
            if (p.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName()))) p.unwrap();
        }
    }

    /** No-break spaces become spaces; soft hyphens and zero-width characters go. */
    private void text(Element body) {
        int runs = 0;
        for (Element e : body.getAllElements()) {
            for (TextNode t : e.textNodes()) {
                String s = t.getWholeText();
                if (s.matches("(?s).*\u00a0\\s*\u00a0.*")) runs++;
                boolean pre = hasAncestor(t.parent() instanceof Element p ? p : body, a -> a.normalName().equals("pre"));
                String clean = (pre ? s : s.replaceAll("[ \\t\\r\\n]+", " ")).replace('\u00a0', ' ').replace("\u00ad", "").replaceAll("[\u200b-\u200d\u2060\ufeff" + MARK + "]", "")
                        .replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]", "");
                if (!clean.equals(s)) t.text(clean);
            }
        }
        if (runs > 0) report.note("Hårde mellemrum (nbsp) gjort til almindelige mellemrum" + (runs > 1 ? " (" + runs + " steder)" : ""));
    }

    /** Stands for a backslash until flexmark has escaped the text; {@link MarkdownWriter} writes it as one. */
    static final char MARK = '\ue000';
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*\\d{1,9}(?=[.)](\\s|$))|\\s*(?=[-+](\\s|$)|#{1,6}(\\s|$)|[-=]{3,}\\s*$))");

    /**
     * Text at the start of a line that Markdown would read as a list, heading or rule ("1. januar",
     * "- ", "# ", "---") gets a backslash; flexmark's converter escapes only other characters.
     */
    private static void blockStarts(Element body) {
        for (Element block : body.select("p, li, blockquote")) {
            boolean lineStart = true;
            for (Node n : new ArrayList<>(block.childNodes())) {
                if (n instanceof Element e && e.normalName().equals("br")) {
                    lineStart = true;
                    continue;
                }
                if (!lineStart) continue;
                // text inside emphasis or a link at a line's start ("**1. fed**") is no list
                if (n instanceof TextNode first && !first.isBlank()) {
                    Matcher m = BLOCK_START.matcher(first.getWholeText());
                    if (m.find()) first.text(m.group(1) + MARK + first.getWholeText().substring(m.end()));
                }
                if (!(n instanceof TextNode t && t.isBlank())) lineStart = false;
            }
        }
    }

    private static boolean hasAncestor(Element e, java.util.function.Predicate<Element> test) {
        for (Element a = e.parent(); a != null; a = a.parent()) {
            if (test.test(a)) return true;
        }
        return false;
    }

    private void emptyParagraphs(Element body) {
        for (Element p : body.select("p, li, blockquote")) {
            if (p.text().isBlank() && p.select("img").isEmpty() && p.select("ul, ol, table").isEmpty()) {
                p.remove();
                if (!p.normalName().equals("li")) report.count("tomt afsnit fjernet", "tomme afsnit fjernet");
            }
        }
        for (Element br : body.select("body > br")) {
            br.remove();
            report.count("tomt afsnit fjernet", "tomme afsnit fjernet");
        }
        // line breaks at the start or end of a paragraph only make empty lines
        for (Element p : body.select("p, li, h1, h2, h3, h4, h5, h6")) {
            while (p.childNodeSize() > 0 && (p.childNode(0) instanceof Element b && b.normalName().equals("br")
                    || p.childNode(0) instanceof TextNode t && t.isBlank())) p.childNode(0).remove();
            while (p.childNodeSize() > 0 && (p.childNode(p.childNodeSize() - 1) instanceof Element b && b.normalName().equals("br")
                    || p.childNode(p.childNodeSize() - 1) instanceof TextNode t && t.isBlank())) p.childNode(p.childNodeSize() - 1).remove();
        }
        for (Element e : body.select("strong, em")) {
            if (e.text().isBlank() && e.select("img").isEmpty()) e.unwrap();
        }
    }
}
