package dk.tilbudsoversigt.word;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.bake.SiteBuilder;
import dk.tilbudsoversigt.cli.Main;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.site.Checked;

class WordImportTest {
    static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    @TempDir
    Path dir;

    static Docx plan() {
        Docx d = new Docx().withStyles();
        d.heading(1, "Handicappolitik 2024-2027");
        d.paragraph("Randers Kommune vil give borgere med handicap de samme muligheder som alle andre. Politikken gælder børn, unge og voksne."
                + " Den er skrevet sammen med Handicaprådet, brugerne og de pårørende, og den bliver fulgt op hvert år med en status, så alle kan se,"
                + " hvor langt kommunen er nået, og hvad der mangler, før målene er nået.");
        d.heading(1, "Bolig");
        d.formatted("Alle skal have et ", "**godt**", " sted at ", "*bo*", ".");
        d.item("a", false, 1, "Bofællesskaber").item("a", false, 2, "Med døgnbemanding").item("a", false, 1, "Egen lejlighed");
        d.heading(3, "Sådan søger du");
        d.item("b", true, 1, "Udfyld ansøgningen").item("b", true, 1, "Send den til kommunen");
        d.heading(1, "Fritid");
        d.table(new String[] {"Aktivitet", "Dag"}, new String[] {"Svømning", "Tirsdag"});
        d.link("Læs om ", "https://www.example.dk/handicap/tilbud/aflastning/", "aflastning");
        d.link("Se også ", "https://www.randers.dk/", "kommunens side");
        d.image("kort.png", "Kort over fritidstilbuddene");
        d.footnote("Tilbuddet er gratis.", "Efter serviceloven § 84.");
        return d;
    }

    static final String PLAN_PAGE = """
            ---
            title: "Handicappolitik 2024-2027"
            # TJEK: resuméet er taget fra dokumentets første afsnit og forkortet. En eller to korte sætninger, højst 300 tegn.
            summary: "Randers Kommune vil give borgere med handicap de samme muligheder som alle andre. Politikken gælder børn, unge og voksne."
            # Importeret fra Word som kladde: skift til published, når siden er tjekket.
            status: draft
            updated: 2025-03-01
            period: "2024-2027"
            # Hvem planen er for: boern, voksne eller alle.
            audience: alle
            ---

            Randers Kommune vil give borgere med handicap de samme muligheder som alle andre. Politikken gælder børn, unge og voksne. \
            Den er skrevet sammen med Handicaprådet, brugerne og de pårørende, og den bliver fulgt op hvert år med en status, så alle kan se, \
            hvor langt kommunen er nået, og hvad der mangler, før målene er nået.

            ## Bolig

            Alle skal have et **godt** sted at *bo*.

            - Bofællesskaber
              - Med døgnbemanding
            - Egen lejlighed

            ### Sådan søger du

            1. Udfyld ansøgningen
            2. Send den til kommunen

            ## Fritid

            | Aktivitet |   Dag   |
            |-----------|---------|
            | Svømning  | Tirsdag |

            Læs om [aflastning](../tilbud/aflastning.md).

            Se også [kommunens side](https://www.randers.dk/).

            ![Kort over fritidstilbuddene](../../assets/billeder/handicappolitik-2024-2027-1.png)

            Tilbuddet er gratis.\\[1\\]

            \\[1\\] Efter serviceloven § 84.
            """;

    @Test
    void aPlanBecomesAPageThatChecksAndBuildsWithEveryWord() throws Exception {
        Path site = TestSites.minimal(dir.resolve("site"));
        Docx d = plan();
        Path file = dir.resolve("politik.docx");
        Files.write(file, d.bytes());

        WordImport.Imported imported = WordImport.read(file, site, PageType.PLAN, null, TODAY);

        assertEquals("content/planer/handicappolitik-2024-2027.md", imported.pageFile());
        assertEquals(PLAN_PAGE, imported.pageText());
        assertEquals(List.of(), imported.errors());
        assertTrue(imported.report().contains("Indsatsområder (overskrifter ##): Bolig; Fritid"), imported.report().toString());
        assertTrue(imported.report().contains("1 fodnote sat ind som tekst sidst på siden"), imported.report().toString());
        assertTrue(imported.report().contains("1 link til en af sitets egne sider gjort til et link til dens fil: content/tilbud/aflastning.md"));
        assertTrue(imported.report().contains("Resuméet er taget fra dokumentets første afsnit og forkortet: tjek det"));
        assertFalse(Files.exists(site.resolve(imported.pageFile())), "read writes nothing");

        WordImport.write(imported, site);
        assertEquals(PLAN_PAGE, Files.readString(site.resolve(imported.pageFile())));
        assertArrayEquals(Docx.png(), Files.readAllBytes(site.resolve("assets/billeder/handicappolitik-2024-2027-1.png")));
        assertEquals(List.of(), Checked.run(site, true).problems().errors());

        // published, it passes check and its built page has every word of the document
        Files.writeString(site.resolve(imported.pageFile()), PLAN_PAGE.replace("status: draft", "status: published"));
        assertEquals(0, check(site));
        Path out = dir.resolve("ud");
        SiteBuilder.Result built = SiteBuilder.build(site, out, false);
        assertTrue(built.ok(), built.problems().all().toString());
        String page = Jsoup.parse(Files.readString(out.resolve("planer/handicappolitik-2024-2027/index.html"))).select("main").text();
        Set<String> missing = new TreeSet<>(words(d.doc));
        missing.removeIf(w -> page.contains(w));
        assertEquals(Set.of(), missing);
    }

    static int check(Path site) {
        return Main.run(new String[] {"check", "--source", site.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    /** Every word of the document's paragraphs, tables and footnotes. */
    static List<String> words(XWPFDocument doc) {
        List<String> texts = new ArrayList<>();
        doc.getParagraphs().forEach(p -> texts.add(p.getText()));
        for (XWPFTable t : doc.getTables()) texts.add(t.getText());
        doc.getFootnotes().forEach(f -> f.getParagraphs().forEach(p -> texts.add(p.getText())));
        List<String> words = new ArrayList<>();
        for (String t : texts) {
            // POI's text of a paragraph shows a note's reference mark as "[footnoteRef:1]": not a word of the author's
            for (String w : t.replaceAll("\\[footnoteRef:\\d+\\]", "").split("[^\\p{L}\\p{N}§]+")) if (!w.isEmpty()) words.add(w);
        }
        return words;
    }

    @Test
    void anImageWithoutAlternativeTextIsAnErrorNamingItAndNothingIsWritten() throws Exception {
        Path site = TestSites.minimal(dir.resolve("site"));
        Docx d = new Docx().withStyles().title("Boliger");
        d.heading(1, "Bofællesskaber");
        d.paragraph("Her bor seks beboere.");
        d.image("hus.png", "");
        Path file = dir.resolve("boliger.docx");
        Files.write(file, d.bytes());
        List<Path> before = tree(site);

        WordImport.Imported imported = WordImport.read(file, site, PageType.PLAN, "boliger", TODAY);

        assertEquals(1, imported.errors().size());
        String error = imported.errors().get(0);
        assertTrue(error.startsWith("content/planer/boliger.md:1: billede 1 (image1.png) under „Bofællesskaber“ mangler en alternativ tekst"), error);
        ImportException e = assertThrows(ImportException.class, () -> WordImport.write(imported, site));
        assertTrue(e.getMessage().contains("mangler en alternativ tekst"));
        assertEquals(before, tree(site));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"import", file.toString(), "--source", site.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("mangler en alternativ tekst"));
        assertEquals(before, tree(site));
    }

    static List<Path> tree(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.sorted().toList();
        }
    }

    @Test
    void aDocumentWithOnlyDirectFormattingGetsHeadingsFromLargeBoldText() throws Exception {
        Path site = TestSites.minimal(dir.resolve("site"));
        Docx d = new Docx();
        big(d.paragraph(""), "Ledsagelse for voksne", 20);
        d.formatted("Du kan få ", "**ledsagelse**", " i op til ", "*15 timer*", " om måneden.");
        big(d.paragraph(""), "Hvem kan få ledsagelse", 14);
        d.paragraph("Voksne med en varig funktionsnedsættelse.");
        Files.write(dir.resolve("ledsagelse.docx"), d.bytes());

        WordImport.Imported imported = WordImport.read(dir.resolve("ledsagelse.docx"), site, PageType.SIDE, null, TODAY);

        assertEquals("content/sider/ledsagelse-for-voksne.md", imported.pageFile());
        assertTrue(imported.pageText().startsWith("---\ntitle: \"Ledsagelse for voksne\"\n"), imported.pageText());
        assertTrue(imported.pageText().endsWith("---\n\nDu kan få **ledsagelse** i op til *15 timer* om måneden.\n\n## Hvem kan få ledsagelse\n\n"
                + "Voksne med en varig funktionsnedsættelse.\n"), imported.pageText());
        assertTrue(imported.report().contains("2 afsnit med stor, fed skrift gjort til overskrifter (dokumentet bruger ikke Words overskrifter); tjek dem"),
                imported.report().toString());
        WordImport.write(imported, site);
        assertEquals(List.of(), Checked.run(site, true).problems().errors());
    }

    private static void big(XWPFParagraph p, String text, int size) {
        var run = p.createRun();
        run.setBold(true);
        run.setFontSize(size);
        run.setText(text);
    }

    @Test
    void anActionPlanTableBecomesTheItems() throws Exception {
        Path site = TestSites.minimal(dir.resolve("site"));
        Docx d = new Docx().withStyles().title("Handleplan 2025");
        d.paragraph("Status på kommunens indsatser for borgere med handicap.");
        d.table(new String[] {"Nr.", "Indsats", "Frist", "Status", "Bemærkning"},
                new String[] {"1", "Flere aflastningspladser", "2025", "I gang", ""},
                new String[] {"2", "Ny hjemmeside", "2024-12-31", "Afsluttet", "Åbnede i maj"},
                new String[] {"3", "Kurser for pårørende", "", "Måske", ""});
        Files.write(dir.resolve("handleplan.docx"), d.bytes());

        WordImport.Imported imported = WordImport.read(dir.resolve("handleplan.docx"), site, PageType.HANDLEPLAN, null, TODAY);

        assertEquals(List.of(), imported.errors());
        assertEquals("""
                ---
                title: "Handleplan 2025"
                # TJEK: resuméet er taget fra dokumentets første afsnit. En eller to korte sætninger, højst 300 tegn.
                summary: "Status på kommunens indsatser for borgere med handicap."
                # Importeret fra Word som kladde: skift til published, når siden er tjekket.
                status: draft
                updated: 2025-03-01
                items:
                  - nr: "1"
                    title: "Flere aflastningspladser"
                    deadline: "2025"
                    status: in_progress
                  - nr: "2"
                    title: "Ny hjemmeside"
                    deadline: "2024-12-31"
                    status: done
                    note: "Åbnede i maj"
                  - nr: "3"
                    title: "Kurser for pårørende"
                    note: "Status i Word: Måske"
                ---

                Status på kommunens indsatser for borgere med handicap.
                """, imported.pageText());
        assertTrue(imported.report().contains("1 punkt, hvis status ikke kunne genkendes, har fået status udeladt: nr. 3: „Måske“"), imported.report().toString());
        WordImport.write(imported, site);
        Files.writeString(site.resolve(imported.pageFile()), imported.pageText().replace("status: draft", "status: published"));
        assertEquals(0, check(site));
    }

    /** A long document whose XML repeats itself packs far better than 1 %, POI's default limit; it is no zip bomb. */
    @Test
    void aLongRepetitiveDocumentIsImported() throws Exception {
        Path site = TestSites.minimal(dir.resolve("site"));
        Docx d = new Docx().withStyles().title("Lang plan 2024-2027");
        for (int i = 0; i < 300; i++) {
            d.heading(1, "Indsatsområde " + i);
            for (int j = 0; j < 8; j++) d.formatted("Kommunen vil styrke indsatsen for borgere med handicap. ", "**Det er vigtigt.**");
            d.table(new String[] {"A", "B", "C"}, new String[] {"celle", "celle", "celle"}, new String[] {"celle", "celle", "celle"});
        }
        Files.write(dir.resolve("lang.docx"), d.bytes());
        WordImport.Imported imported = WordImport.read(dir.resolve("lang.docx"), site, PageType.PLAN, null, TODAY);
        assertEquals(List.of(), imported.errors());
        assertTrue(imported.pageText().contains("## Indsatsområde 299\n"));
    }

    /** POI's runs leave out tracked insertions; the import keeps them and drops (and reports) tracked deletions. */
    @Test
    void trackedChangesKeepInsertionsAndDropDeletions() throws Exception {
        Path site = TestSites.minimal(dir.resolve("site"));
        Docx d = new Docx().withStyles().title("Ændringer");
        XWPFParagraph p = d.paragraph("Kommunen ");
        var ins = p.getCTP().addNewIns();
        ins.setId(java.math.BigInteger.ONE);
        ins.setAuthor("LJ");
        ins.addNewR().addNewT().setStringValue("tilbyder nu ");
        var del = p.getCTP().addNewDel();
        del.setId(java.math.BigInteger.TWO);
        del.setAuthor("LJ");
        del.addNewR().addNewDelText().setStringValue("tilbød engang ");
        p.createRun().setText("aflastning.");
        Files.write(dir.resolve("aendringer.docx"), d.bytes());
        WordImport.Imported imported = WordImport.read(dir.resolve("aendringer.docx"), site, PageType.SIDE, null, TODAY);
        assertTrue(imported.pageText().endsWith("---\n\nKommunen tilbyder nu aflastning.\n"), imported.pageText());
        assertTrue(imported.report().contains("1 slettet ændring (spor ændringer) fjernet: tilbød engang"), imported.report().toString());
    }

    @Test
    void anActionPlanWithoutSuchATableIsRefused() throws Exception {
        Path site = TestSites.minimal(dir.resolve("site"));
        Docx d = new Docx().withStyles().title("Handleplan");
        d.paragraph("Ingen tabel her.");
        Files.write(dir.resolve("h.docx"), d.bytes());
        WordImport.Imported imported = WordImport.read(dir.resolve("h.docx"), site, PageType.HANDLEPLAN, null, TODAY);
        assertEquals(1, imported.errors().size());
        assertTrue(imported.errors().get(0).contains("ingen tabel med kolonnerne Nr, Titel (eller Indsats) og Status"));
    }

    @Test
    void theCommandLineImportsAndDryRunWritesNothing() throws Exception {
        Path site = TestSites.minimal(dir.resolve("site"));
        Path file = dir.resolve("politik.docx");
        Files.write(file, plan().bytes());
        List<Path> before = tree(site);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"import", file.toString(), "--source", site.toString(), "--dry-run"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, code);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("- 1 fodnote sat ind som tekst sidst på siden"), printed);
        assertTrue(printed.contains(PLAN_PAGE.replace("updated: 2025-03-01", "updated: " + LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")))), printed);
        assertEquals(before, tree(site));

        code = Main.run(new String[] {"import", file.toString(), "--source", site.toString(), "--slug", "politik", "--type", "plan"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, code);
        assertTrue(Files.readString(site.resolve("content/planer/politik.md")).contains("![Kort over fritidstilbuddene](../../assets/billeder/politik-1.png)"));
        assertTrue(Files.exists(site.resolve("assets/billeder/politik-1.png")));

        // a second import of the same name is refused, and the first stays as it was
        byte[] first = Files.readAllBytes(site.resolve("content/planer/politik.md"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        code = Main.run(new String[] {"import", file.toString(), "--source", site.toString(), "--slug", "politik"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("findes allerede"));
        assertArrayEquals(first, Files.readAllBytes(site.resolve("content/planer/politik.md")));
    }
}
