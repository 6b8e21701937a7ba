package dk.tilbudsoversigt.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.cli.Main;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.site.Checked;

/** Files no one should be able to import, and what an import leaves out of the ones it takes. */
class HostileDocxTest {
    @TempDir
    Path dir;
    Path site;
    List<Path> before;

    @BeforeEach
    void site() throws Exception {
        site = TestSites.minimal(dir.resolve("site"));
        before = WordImportTest.tree(site);
    }

    /** Imports through the command line: exit 1, the Danish message on stderr, no stack trace, nothing written. */
    private String refused(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return refused(file);
    }

    private String refused(Path file) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"import", file.toString(), "--source", site.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, message);
        assertTrue(message.startsWith("fejl: " + file.getFileName() + ": "), message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        assertEquals(before, WordImportTest.tree(site));
        return message;
    }

    @Test
    void notAWordDocument() throws Exception {
        assertTrue(refused("noter.docx", "bare tekst".getBytes(StandardCharsets.UTF_8)).contains("filen er ikke et Word-dokument (.docx)"));
        assertTrue(refused("plan.docx", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)).contains("men en PDF-fil"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("billede.png"));
            z.write(Docx.png());
        }
        assertTrue(refused("arkiv.docx", zip.toByteArray()).contains("ikke et Word-dokument"));
    }

    @Test
    void aPasswordProtectedDocument() throws Exception {
        byte[] plain = new Docx().withStyles().title("Hemmelig").bytes();
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor enc = info.getEncryptor();
        enc.confirmPassword("hemmelig");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(plain);
            }
            fs.writeFilesystem(out);
        }
        assertTrue(refused("hemmelig.docx", out.toByteArray()).contains("beskyttet med en adgangskode"));
    }

    @Test
    void zipBombs() throws Exception {
        byte[] docx = new Docx().withStyles().title("Bombe").bytes();
        // 40 MB of zeros packed to a few kB: POI's ZipSecureFile ratio stops it
        String ratio = refused("bombe.docx", Docx.replaceEntry(docx, "word/media/image1.png", new byte[40 * 1024 * 1024]));
        assertTrue(ratio.contains("zip-bombe"), ratio);
        // thousands of small entries: our own count stops it before POI opens the file
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i <= DocxGate.MAX_ENTRIES; i++) {
                z.putNextEntry(new ZipEntry("word/del" + i + ".xml"));
                z.write('x');
            }
        }
        assertTrue(refused("mange.docx", out.toByteArray()).contains("zip-bombe"));
    }

    @Test
    void tenThousandNestedTables() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        for (int i = 0; i < 10_000; i++) xml.append("<w:tbl><w:tr><w:tc>");
        xml.append("<w:p><w:r><w:t>inderst</w:t></w:r></w:p>");
        for (int i = 0; i < 10_000; i++) xml.append("</w:tc></w:tr></w:tbl>");
        xml.append("</w:body></w:document>");
        byte[] docx = Docx.replaceEntry(new Docx().bytes(), "word/document.xml", xml.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(refused("tabeller.docx", docx).contains("tabeller inde i tabeller i over " + DocxGate.MAX_TABLE_NESTING + " niveauer"));
    }

    @Test
    void aDocumentOfFiftyMegabytes() throws Exception {
        Path file = dir.resolve("stor.docx");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(new Docx().bytes());
            f.setLength(DocxGate.MAX_FILE_BYTES + 1);
        }
        assertTrue(refused(file).contains("dokumentet er for stort (50 MB); der kan højst importeres 50 MB"));
    }

    @Test
    void macrosAreIgnoredAndUnsafeLinksAndExternalImagesDropped() throws Exception {
        Docx d = new Docx().withStyles().title("Fritid");
        d.paragraph("Klubben er åben hver dag.");
        d.link("Se ", "file:///C:/Users/lj/Documents/plan.docx", "planen");
        d.link("Klik ", "javascript:alert(document.cookie)", "her");
        d.image("ekstern.png", "Kort");
        XWPFRun run = d.doc.getParagraphs().get(d.doc.getParagraphs().size() - 1).getRuns().get(0);
        var blip = run.getEmbeddedPictures().get(0).getCTPicture().getBlipFill().getBlip();
        String rel = d.doc.getPackagePart().addExternalRelationship("https://evil.example/spor.png", PackageRelationshipTypes.IMAGE_PART).getId();
        blip.unsetEmbed();
        blip.setLink(rel);
        byte[] docx = d.bytes();
        String types = new String(entry(docx, "[Content_Types].xml"), StandardCharsets.UTF_8).replace("</Types>",
                "<Override PartName=\"/word/vbaProject.bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>");
        docx = Docx.replaceEntry(Docx.replaceEntry(docx, "[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8)),
                "word/vbaProject.bin", "Sub AutoOpen()\nShell \"calc\"\nEnd Sub".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("fritid.docx");
        Files.write(file, docx);

        WordImport.Imported imported = WordImport.read(file, site, PageType.SIDE, null, WordImportTest.TODAY);

        assertEquals(List.of(), imported.errors());
        assertEquals(List.of(), imported.images());
        List<String> report = imported.report();
        assertTrue(report.contains("Dokumentets makroer (VBA) er ignoreret; de kommer aldrig med på sitet"), report.toString());
        assertTrue(report.contains("1 link til en fil på en computer (file:) fjernet (teksten er beholdt): planen"), report.toString());
        assertTrue(report.contains("1 link med script fjernet (teksten er beholdt): her"), report.toString());
        assertTrue(report.contains("1 eksternt billede udeladt (det ligger ikke i dokumentet): https://evil.example/spor.png"), report.toString());
        assertTrue(imported.pageText().endsWith("---\n\nKlubben er åben hver dag.\n\nSe planen.\n\nKlik her.\n"), imported.pageText());
        WordImport.write(imported, site);
        assertEquals(List.of(), Checked.run(site, true).problems().errors());
    }

    private static byte[] entry(byte[] zip, String name) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) if (e.getName().equals(name)) return in.readAllBytes();
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void aFailedWriteLeavesNothing() throws Exception {
        Path file = dir.resolve("politik.docx");
        Files.write(file, WordImportTest.plan().bytes());
        WordImport.Imported imported = WordImport.read(file, site, PageType.PLAN, "politik", WordImportTest.TODAY);
        // the image's place is taken by a folder after the read: the write must fail and leave no page behind
        Files.createDirectories(site.resolve("assets/billeder/politik-1.png"));
        List<Path> taken = WordImportTest.tree(site);
        assertThrows(ImportException.class, () -> WordImport.write(imported, site));
        assertEquals(taken, WordImportTest.tree(site));
    }
}
