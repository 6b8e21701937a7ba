package dk.tilbudsoversigt.word;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * What a file must pass before POI opens it: at most 50 MB, a zip that expands to a bounded
 * size in a bounded number of entries (counted here while inflating, besides POI's own
 * ZipSecureFile limits), and a document whose tables and elements do not nest without end
 * (XMLBeans and XWPF build their objects recursively). Password-protected documents and old
 * .doc files are OLE2 files, not zips, and are told apart for the message.
 */
final class DocxGate {
    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    static final long MAX_EXPANDED_BYTES = 300L * 1024 * 1024;
    static final int MAX_ENTRIES = 5_000;
    static final int MAX_TABLE_NESTING = 20;
    static final int MAX_XML_DEPTH = 400;

    static {
        // POI's default (1 %) refuses real documents whose XML repeats a lot (a 1.6 MB document.xml packed
        // to 0.7 %); the absolute limits here bound the expansion, the ratio only stops the extreme cases early
        ZipSecureFile.setMinInflateRatio(0.002);
        ZipSecureFile.setMaxEntrySize(MAX_EXPANDED_BYTES / 2);
        ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
        ZipSecureFile.setMaxTextSize(50_000_000);
    }

    private DocxGate() {}

    /** Makes sure the class's static limits are set before POI reads anything. */
    static void check(byte[] bytes, String name) throws ImportException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ImportException(name + ": dokumentet er for stort (" + bytes.length / (1024 * 1024) + " MB); der kan højst importeres "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MB. Tag store billeder ud, eller del dokumentet op");
        }
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(bytes);
        } catch (RuntimeException e) {
            magic = FileMagic.UNKNOWN;
        }
        if (magic == FileMagic.OLE2) throw new ImportException(name + ": " + ole2(bytes));
        if (magic != FileMagic.OOXML) {
            throw new ImportException(name + ": filen er ikke et Word-dokument (.docx)" + hint(magic)
                    + ". Åbn den i Word, og gem den som Word-dokument (.docx)");
        }
        scan(bytes, name);
    }

    private static String hint(FileMagic magic) {
        return switch (magic) {
            case PDF -> " men en PDF-fil";
            case HTML -> " men en HTML-side";
            case RTF -> " men en RTF-fil";
            case XML -> " men en XML-fil";
            default -> "";
        };
    }

    private static String ole2(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                return "dokumentet er beskyttet med en adgangskode og kan ikke læses. Fjern adgangskoden i Word"
                        + " (Filer > Oplysninger > Beskyt dokument > Krypter med adgangskode, slet koden), gem, og importer igen";
            }
        } catch (IOException | RuntimeException e) {
            // not a readable OLE2 file either: the general message below
        }
        return "filen er et gammelt Word-dokument (.doc) eller en anden Office-fil; åbn den i Word, og gem den som Word-dokument (.docx)";
    }

    /** Inflates every entry once, counting bytes, and reads the main document's structure with StAX. */
    private static void scan(byte[] bytes, String name) throws ImportException {
        long total = 0;
        int entries = 0;
        boolean document = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) throw bomb(name);
                if (entry.getName().equals("word/document.xml")) {
                    document = true;
                    total += structure(new Bounded(zip, MAX_EXPANDED_BYTES - total, name), name);
                } else {
                    for (int n; (n = zip.read(buffer)) > 0; ) {
                        total += n;
                        if (total > MAX_EXPANDED_BYTES) throw bomb(name);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportException(name + ": filen er ikke et helt Word-dokument (den kan ikke pakkes ud); gem den igen i Word");
        } catch (Bounded.TooLarge e) {
            throw bomb(name);
        }
        if (!document) throw new ImportException(name + ": filen er ikke et Word-dokument (.docx); den har ingen tekst fra Word i sig");
    }

    private static ImportException bomb(String name) {
        return new ImportException(name + ": dokumentet pakker sig ud til mere end " + MAX_EXPANDED_BYTES / (1024 * 1024)
                + " MB eller over " + MAX_ENTRIES + " dele; det ligner en zip-bombe og importeres ikke");
    }

    /** Reads word/document.xml through without building it, and returns its size. */
    private static long structure(Bounded in, String name) throws ImportException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        int depth = 0;
        int tables = 0;
        int deepestTables = 0;
        java.util.ArrayDeque<Boolean> isTable = new java.util.ArrayDeque<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    boolean table = xml.getLocalName().equals("tbl");
                    isTable.push(table);
                    if (++depth > MAX_XML_DEPTH) {
                        throw new ImportException(name + ": dokumentets indhold er lagt inde i hinanden i over " + MAX_XML_DEPTH
                                + " niveauer; det kan ikke importeres. Gør det enklere i Word");
                    }
                    if (table && ++tables > deepestTables) {
                        deepestTables = tables;
                        if (deepestTables > MAX_TABLE_NESTING) {
                            throw new ImportException(name + ": dokumentet har tabeller inde i tabeller i over " + MAX_TABLE_NESTING
                                    + " niveauer; det kan ikke importeres. Gør tabellerne enklere i Word");
                        }
                    }
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    depth--;
                    if (Boolean.TRUE.equals(isTable.poll())) tables--;
                }
            }
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof Bounded.TooLarge t) throw t;
            throw new ImportException(name + ": dokumentets tekst kan ikke læses (beskadiget XML); gem det igen i Word");
        }
        return in.count;
    }

    /** Counts what is read and stops past a limit. */
    private static final class Bounded extends FilterInputStream {
        static final class TooLarge extends RuntimeException {
            TooLarge() {
                super(null, null, false, false);
            }
        }

        private final long limit;
        long count;

        Bounded(InputStream in, long limit, String name) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > limit) throw new TooLarge();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > limit) throw new TooLarge();
            return n;
        }

        @Override
        public void close() {
            // the zip stream goes on to the next entry
        }
    }
}
