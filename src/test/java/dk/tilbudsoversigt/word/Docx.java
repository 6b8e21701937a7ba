package dk.tilbudsoversigt.word;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Builds Word documents for the tests with POI, as Word itself would lay them out (Danish style ids, numbering, drawings). */
final class Docx {
    final XWPFDocument doc = new XWPFDocument();
    private final Map<String, BigInteger> lists = new HashMap<>();

    /** Adds Word's built-in heading and title styles under their Danish ids. */
    Docx withStyles() {
        XWPFStyles styles = doc.createStyles();
        for (int i = 1; i <= 3; i++) styles.addStyle(style("Overskrift" + i, "heading " + i));
        styles.addStyle(style("Titel", "Title"));
        return this;
    }

    private static XWPFStyle style(String id, String name) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.addNewName().setVal(name);
        ct.setType(STStyleType.PARAGRAPH);
        return new XWPFStyle(ct);
    }

    Docx title(String text) {
        doc.getProperties().getCoreProperties().setTitle(text);
        return this;
    }

    Docx heading(int level, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Overskrift" + level);
        p.createRun().setText(text);
        return this;
    }

    XWPFParagraph paragraph(String text) {
        XWPFParagraph p = doc.createParagraph();
        if (!text.isEmpty()) p.createRun().setText(text);
        return p;
    }

    /** A paragraph of runs: "**bold**", "*italic*" or plain text. */
    Docx formatted(String... runs) {
        XWPFParagraph p = doc.createParagraph();
        for (String r : runs) {
            XWPFRun run = p.createRun();
            if (r.startsWith("**")) {
                run.setBold(true);
                run.setText(r.substring(2, r.length() - 2));
            } else if (r.startsWith("*")) {
                run.setItalic(true);
                run.setText(r.substring(1, r.length() - 1));
            } else {
                run.setText(r);
            }
        }
        return this;
    }

    /** An item of the list {@code name}; bullets or numbers at every level. */
    Docx item(String name, boolean numbered, int level, String text) {
        BigInteger id = lists.computeIfAbsent(name, n -> numbering(numbered));
        XWPFParagraph p = paragraph(text);
        p.setNumID(id);
        p.setNumILvl(BigInteger.valueOf(level - 1));
        return this;
    }

    private BigInteger numbering(boolean numbered) {
        CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
        abs.setAbstractNumId(BigInteger.valueOf(lists.size() + 1));
        for (int i = 0; i < 3; i++) {
            CTLvl lvl = abs.addNewLvl();
            lvl.setIlvl(BigInteger.valueOf(i));
            lvl.addNewNumFmt().setVal(numbered ? STNumberFormat.DECIMAL : STNumberFormat.BULLET);
            lvl.addNewLvlText().setVal(numbered ? "%" + (i + 1) + "." : "•");
        }
        XWPFNumbering numbering = doc.getNumbering() == null ? doc.createNumbering() : doc.getNumbering();
        BigInteger absId = numbering.addAbstractNum(new XWPFAbstractNum(abs, numbering));
        return numbering.addNum(absId);
    }

    Docx table(String[]... rows) {
        XWPFTable t = doc.createTable(rows.length, rows[0].length);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) t.getRow(r).getCell(c).setText(rows[r][c]);
        }
        return this;
    }

    /** A paragraph: text, then a link. */
    Docx link(String before, String url, String text) {
        XWPFParagraph p = paragraph(before);
        p.createHyperlinkRun(url).setText(text);
        p.createRun().setText(".");
        return this;
    }

    /** A paragraph holding a PNG image with {@code alt} as its alternative text ("" for none). */
    Docx image(String fileName, String alt) {
        XWPFRun run = doc.createParagraph().createRun();
        try {
            run.addPicture(new ByteArrayInputStream(png()), Document.PICTURE_TYPE_PNG, fileName, Units.toEMU(20), Units.toEMU(20));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        var docPr = run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr();
        docPr.setDescr(alt);
        return this;
    }

    /** A paragraph with a footnote reference after its text. */
    Docx footnote(String text, String note) {
        XWPFParagraph p = paragraph(text);
        XWPFFootnote fn = doc.createFootnote();
        fn.createParagraph().createRun().setText(note);
        p.addFootnoteReference(fn);
        return this;
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x336699);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The zip {@code docx} with one entry's content replaced (or added). */
    static byte[] replaceEntry(byte[] docx, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean replaced = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(name)) {
                    zip.write(content);
                    replaced = true;
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            if (!replaced) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
