package dk.tilbudsoversigt.word;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;

import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlink;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDrawing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdnRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHyperlink;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;

/**
 * Reads a Word document (XWPF) into the same plain HTML that a paste is cleaned to, so that
 * both end in one Markdown writer: headings from the heading styles (or, in a document with
 * only direct formatting, from large bold paragraphs), lists from Word's numbering, tables,
 * links, footnotes as "[1]" with their text at the end, and images with their alternative text.
 */
final class DocxReader {
    private static final Pattern HEADING_STYLE = Pattern.compile("(?:heading|overskrift)\\s*([1-9])");
    private static final Pattern TOC_STYLE = Pattern.compile("(?:toc|indholdsfortegnelse)\\s*\\d");
    private static final Pattern BULLET_STYLE = Pattern.compile("(?:list bullet|opstilling med punkttegn)\\s*([1-9])?");
    private static final Pattern NUMBER_STYLE = Pattern.compile("(?:list number|opstilling med tal)\\s*([1-9])?");
    private static final String BLIP = "blip";
    private static final String R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** An embedded image, in the order met; {@code alt} is "" when the document has none. */
    record Picture(int number, String alt, byte[] data, String extension, String nameInDocument, String near) {}

    private final XWPFDocument doc;
    private final XWPFStyles styles;
    private final Report report;
    private final Document html = Document.createShell("");
    private final List<Picture> pictures = new ArrayList<>();
    private final Map<String, Integer> footnoteNumbers = new LinkedHashMap<>();
    private final List<String> footnoteTexts = new ArrayList<>();
    private final List<List<List<String>>> tables = new ArrayList<>();
    private final boolean styledHeadings;
    private String titleFromStyle;
    private String lastHeading = "";
    private int imageNumber;

    DocxReader(XWPFDocument doc, Report report) {
        this.doc = doc;
        this.styles = doc.getStyles();
        this.report = report;
        this.styledHeadings = doc.getParagraphs().stream().anyMatch(p -> headingLevel(p) > 0);
    }

    /** The document as HTML; pictures are {@code img} elements whose src is "billede:N". */
    Document read() {
        Element body = html.body();
        List<XWPFParagraph> listRun = new ArrayList<>();
        ListNesting lists = null;
        int fakeHeadings = 0;
        for (IBodyElement element : doc.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                int[] list = listLevel(p);
                if (list != null) {
                    if (lists == null) lists = new ListNesting(body);
                    Element li = lists.add(list[0], list[1] == 1);
                    inline(p, li);
                    continue;
                }
                lists = null;
                String style = styleName(p);
                if (TOC_STYLE.matcher(style).matches()) {
                    report.note("Indholdsfortegnelsen fjernet: siden laver sin egen ud fra overskrifterne");
                    continue;
                }
                int level = headingLevel(p);
                if (level == 0 && titleFromStyle == null && !p.getText().isBlank()) {
                    titleFromStyle = p.getText().strip();
                    continue;
                }
                if (level < 0 && !styledHeadings) {
                    level = directHeading(p);
                    if (level > 0) fakeHeadings++;
                }
                Element block = body.appendElement(level > 0 ? "h" + level : "p");
                if (level > 0) lastHeading = p.getText().strip();
                inline(p, block);
            } else if (element instanceof XWPFTable t) {
                lists = null;
                table(t, body);
            } else if (element instanceof XWPFSDT sdt) {
                lists = null;
                String text = sdt.getContent().getText();
                if (text.toLowerCase(Locale.ROOT).contains("indholdsfortegnelse") || text.toLowerCase(Locale.ROOT).startsWith("table of contents")) {
                    report.note("Indholdsfortegnelsen fjernet: siden laver sin egen ud fra overskrifterne");
                } else {
                    for (String line : text.split("\n")) body.appendElement("p").text(line);
                }
            }
        }
        if (fakeHeadings > 0) {
            report.count("afsnit med stor, fed skrift gjort til en overskrift (dokumentet bruger ikke Words overskrifter); tjek det",
                    "afsnit med stor, fed skrift gjort til overskrifter (dokumentet bruger ikke Words overskrifter); tjek dem");
            for (int i = 1; i < fakeHeadings; i++) {
                report.count("afsnit med stor, fed skrift gjort til en overskrift (dokumentet bruger ikke Words overskrifter); tjek det",
                        "afsnit med stor, fed skrift gjort til overskrifter (dokumentet bruger ikke Words overskrifter); tjek dem");
            }
        }
        for (int i = 0; i < footnoteTexts.size(); i++) {
            body.appendElement("p").text("[" + (i + 1) + "] " + footnoteTexts.get(i));
            report.count("fodnote sat ind som tekst sidst på siden", "fodnoter sat ind som tekst sidst på siden");
        }
        return html;
    }

    List<Picture> pictures() {
        return pictures;
    }

    /** The text of the Title-styled paragraph, or null. */
    String titleFromStyle() {
        return titleFromStyle;
    }

    /** Every table's cells as text, row by row, in document order (for an action plan). */
    List<List<List<String>>> tables() {
        return tables;
    }

    private String styleName(XWPFParagraph p) {
        String id = p.getStyleID();
        if (id == null) return "";
        XWPFStyle style = styles == null ? null : styles.getStyle(id);
        String name = style == null || style.getName() == null ? id : style.getName();
        return name.toLowerCase(Locale.ROOT).strip();
    }

    /** 1-9 for a heading, 0 for the document's title, -1 for anything else. */
    private int headingLevel(XWPFParagraph p) {
        String name = styleName(p);
        if (name.equals("title") || name.equals("titel")) return 0;
        Matcher m = HEADING_STYLE.matcher(name);
        if (m.matches()) return Integer.parseInt(m.group(1));
        Matcher byId = HEADING_STYLE.matcher(p.getStyleID() == null ? "" : p.getStyleID().toLowerCase(Locale.ROOT));
        if (byId.matches()) return Integer.parseInt(byId.group(1));
        CTPPr ppr = p.getCTP().getPPr();
        if (ppr != null && ppr.isSetOutlineLvl()) {
            int level = ppr.getOutlineLvl().getVal().intValue() + 1;
            if (level <= 6) return level;
        }
        return -1;
    }

    /** A short, wholly bold paragraph in a large font is a heading in a document that uses no heading styles. */
    private static int directHeading(XWPFParagraph p) {
        String text = p.getText().strip();
        if (text.isEmpty() || text.length() > 120 || text.endsWith(".") || p.getNumID() != null) return -1;
        double size = 0;
        for (XWPFRun r : p.getRuns()) {
            if (r.text().isBlank()) continue;
            if (!r.isBold()) return -1;
            Double s = r.getFontSizeAsDouble();
            size = Math.max(size, s == null ? 0 : s);
        }
        return size >= 18 ? 1 : size >= 14 ? 2 : -1;
    }

    /** {level, 1 if numbered} for a list paragraph, or null. */
    private int[] listLevel(XWPFParagraph p) {
        if (headingLevel(p) >= 0) return null;
        if (p.getNumID() != null && !BigInteger.ZERO.equals(p.getNumID())) {
            int level = p.getNumIlvl() == null ? 1 : p.getNumIlvl().intValue() + 1;
            String format = p.getNumFmt();
            return new int[] {level, format == null || format.equals("bullet") || format.equals("none") ? 0 : 1};
        }
        String style = styleName(p);
        Matcher b = BULLET_STYLE.matcher(style);
        if (b.matches()) return new int[] {b.group(1) == null ? 1 : Integer.parseInt(b.group(1)), 0};
        Matcher n = NUMBER_STYLE.matcher(style);
        if (n.matches()) return new int[] {n.group(1) == null ? 1 : Integer.parseInt(n.group(1)), 1};
        return null;
    }

    /** The runs of a paragraph as inline HTML appended to {@code into}. */
    private void inline(XWPFParagraph p, Element into) {
        if (p.getCTP().sizeOfInsArray() > 0 || p.getCTP().sizeOfDelArray() > 0) {
            tracked(p, into);
            return;
        }
        Element link = null;
        Object linkOwner = null;
        for (IRunElement element : p.getIRuns()) {
            if (element instanceof XWPFSDT sdt) {
                into.appendText(sdt.getContent().getText());
                continue;
            }
            if (!(element instanceof XWPFRun run)) continue;
            Element target = into;
            if (run instanceof XWPFHyperlinkRun hr) {
                if (hr.getCTHyperlink() != linkOwner) {
                    linkOwner = hr.getCTHyperlink();
                    XWPFHyperlink h = hr.getHyperlinkId() == null ? null : doc.getHyperlinkByID(hr.getHyperlinkId());
                    link = into.appendElement("a");
                    if (h != null && h.getURL() != null) link.attr("href", h.getURL());
                    else if (hr.getAnchor() != null) link.attr("href", "#" + hr.getAnchor());
                }
                target = link;
            } else {
                linkOwner = null;
                link = null;
            }
            run(run, target);
        }
    }

    /**
     * A paragraph with tracked changes: POI's runs leave out what is inside w:ins and w:del, so the
     * paragraph's children are walked in order; insertions are text, deletions are not (reported).
     */
    private void tracked(XWPFParagraph p, Element into) {
        try (XmlCursor c = p.getCTP().newCursor()) {
            if (!c.toFirstChild()) return;
            do {
                XmlObject o = c.getObject();
                String name = c.getName().getLocalPart();
                if (o instanceof CTR r) {
                    run(new XWPFRun(r, p), into);
                } else if (o instanceof CTRunTrackChange change && name.equals("ins")) {
                    for (CTR r : change.getRList()) run(new XWPFRun(r, p), into);
                } else if (o instanceof CTRunTrackChange change && name.equals("del")) {
                    StringBuilder gone = new StringBuilder();
                    for (CTR r : change.getRList()) for (var t : r.getDelTextList()) gone.append(t.getStringValue());
                    if (!gone.toString().isBlank()) {
                        report.count("slettet ændring (spor ændringer) fjernet", "slettede ændringer (spor ændringer) fjernet", gone.toString());
                    }
                } else if (o instanceof CTHyperlink h) {
                    XWPFHyperlink target = h.getId() == null ? null : doc.getHyperlinkByID(h.getId());
                    Element a = into.appendElement("a");
                    if (target != null && target.getURL() != null) a.attr("href", target.getURL());
                    for (CTR r : h.getRList()) run(new XWPFRun(r, p), a);
                }
            } while (c.toNextSibling());
        }
    }

    private void run(XWPFRun run, Element into) {
        Element target = into;
        String style = run.getStyle() == null ? "" : run.getStyle().toLowerCase(Locale.ROOT);
        boolean bold = run.isBold() || style.contains("strong") || style.equals("strk");
        boolean italic = run.isItalic() || style.contains("emphasis") || style.startsWith("fremhv");
        // POI writes a note's reference mark as "[footnoteRef:1]"; the number is added below
        String text = run.text().replaceAll("\\[(footnote|endnote)Ref:\\d+\\]", "");
        if (!text.isBlank()) {
            if (bold) target = target.appendElement("strong");
            if (italic) target = target.appendElement("em");
        }
        String[] lines = text.replace('\t', ' ').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) target.appendElement("br");
            if (!lines[i].isEmpty()) target.appendText(lines[i]);
        }
        CTR ctr = run.getCTR();
        for (CTFtnEdnRef ref : ctr.getFootnoteReferenceList()) note("f" + ref.getId(), doc.getFootnoteByID(ref.getId().intValue()), into);
        for (CTFtnEdnRef ref : ctr.getEndnoteReferenceList()) note("e" + ref.getId(), doc.getEndnoteByID(ref.getId().intValue()), into);
        for (CTDrawing drawing : ctr.getDrawingList()) drawing(drawing, into);
        if (ctr.sizeOfPictArray() > 0) report.count("billede i Words gamle format (VML) udeladt", "billeder i Words gamle format (VML) udeladt", near());
    }

    private void note(String key, XWPFAbstractFootnoteEndnote note, Element into) {
        if (note == null) return;
        Integer number = footnoteNumbers.get(key);
        if (number == null) {
            number = footnoteNumbers.size() + 1;
            footnoteNumbers.put(key, number);
            StringBuilder text = new StringBuilder();
            for (XWPFParagraph p : note.getParagraphs()) text.append(p.getText().strip()).append(' ');
            footnoteTexts.add(text.toString().strip());
        }
        into.appendText("[" + number + "]");
    }

    private String near() {
        return lastHeading.isEmpty() ? "før første overskrift" : "under „" + Report.shorten(lastHeading) + "“";
    }

    /** A drawing: each picture in it, with the alternative text Word keeps on the drawing (docPr). */
    private void drawing(CTDrawing drawing, Element into) {
        List<CTNonVisualDrawingProps> props = new ArrayList<>();
        List<XmlObject> graphics = new ArrayList<>();
        drawing.getInlineList().forEach(i -> {
            props.add(i.getDocPr());
            graphics.add(i.getGraphic());
        });
        drawing.getAnchorList().forEach(a -> {
            props.add(a.getDocPr());
            graphics.add(a.getGraphic());
        });
        for (int i = 0; i < graphics.size(); i++) {
            CTNonVisualDrawingProps pr = props.get(i);
            String alt = pr == null ? "" : pr.getDescr() != null && !pr.getDescr().isBlank() ? pr.getDescr() : pr.getTitle() == null ? "" : pr.getTitle();
            String[] blip = blip(graphics.get(i));
            if (blip == null) {
                report.count("tegning eller figur uden billede udeladt", "tegninger eller figurer uden billede udeladt", near());
                continue;
            }
            if (blip[0] == null) {
                String url = blip[1] == null ? "" : linkTarget(blip[1]);
                report.count("eksternt billede udeladt (det ligger ikke i dokumentet)", "eksterne billeder udeladt (de ligger ikke i dokumentet)",
                        url.isEmpty() ? near() : url);
                continue;
            }
            XWPFPictureData data = doc.getPictureDataByID(blip[0]);
            if (data == null) continue;
            imageNumber++;
            String extension = data.suggestFileExtension().toLowerCase(Locale.ROOT);
            if (extension.equals("jpeg")) extension = "jpg";
            String fileName = data.getFileName() == null ? "" : data.getFileName().substring(data.getFileName().lastIndexOf('/') + 1);
            if (alt.strip().equalsIgnoreCase(fileName) || alt.strip().matches("(?i)\\S+\\.(png|jpe?g|gif|emf|wmf|bmp|tiff?)")) alt = "";
            if (!List.of("png", "jpg", "gif", "webp").contains(extension)) {
                report.count("billede i et format, som browsere ikke kan vise, udeladt (gem det som PNG eller JPG)",
                        "billeder i formater, som browsere ikke kan vise, udeladt (gem dem som PNG eller JPG)",
                        "billede " + imageNumber + " (" + extension.toUpperCase(Locale.ROOT) + ") " + near());
                continue;
            }
            Picture picture = new Picture(imageNumber, alt.strip().replaceAll("\\s+", " "), data.getData(), extension, fileName, near());
            pictures.add(picture);
            into.appendElement("img").attr("src", "billede:" + picture.number()).attr("alt", picture.alt());
        }
    }

    /** {embed id, link id} of the first a:blip in a graphic, or null when it has none. */
    private static String[] blip(XmlObject graphic) {
        if (graphic == null) return null;
        try (XmlCursor c = graphic.newCursor()) {
            while (c.hasNextToken()) {
                if (c.toNextToken() == XmlCursor.TokenType.START && c.getName().getLocalPart().equals(BLIP)) {
                    String embed = c.getAttributeText(new QName(R_NS, "embed"));
                    String link = c.getAttributeText(new QName(R_NS, "link"));
                    return new String[] {embed == null || embed.isBlank() ? null : embed, link};
                }
            }
        }
        return null;
    }

    private String linkTarget(String id) {
        try {
            PackageRelationship rel = doc.getPackagePart().getRelationship(id);
            return rel == null ? "" : rel.getTargetURI().toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private void table(XWPFTable t, Element body) {
        Element table = body.appendElement("table");
        Element tbody = table.appendElement("tbody");
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow row : t.getRows()) {
            Element tr = tbody.appendElement("tr");
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                Element td = tr.appendElement("td");
                for (IBodyElement e : cell.getBodyElements()) {
                    if (e instanceof XWPFParagraph p) {
                        Element span = td.appendElement("p");
                        inline(p, span);
                    } else if (e instanceof XWPFTable inner) {
                        td.appendElement("table").appendElement("tr").appendElement("td").text(text(inner));
                    }
                }
                cells.add(td.text().strip());
            }
            rows.add(cells);
        }
        tables.add(rows);
        table.attr("data-table", String.valueOf(tables.size() - 1));
    }

    /** A nested table's text, without building its tables in turn (they are bounded, but need not be). */
    private static String text(XWPFTable t) {
        return t.getText().replaceAll("\\s+", " ").strip();
    }
}
