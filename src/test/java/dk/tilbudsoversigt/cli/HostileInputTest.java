package dk.tilbudsoversigt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.BuiltFixture;
import dk.tilbudsoversigt.Trees;

/**
 * What an editor (or a script) can put in a site folder, through the command line: each case
 * is a fixture written here with the file, line and Danish message it must produce. A refused
 * build exits 1, names the file and line, shows no stack trace, and leaves the site built
 * before it byte for byte as it was. Input that is merely unusual builds a correct site.
 */
class HostileInputTest {
    private static final String PAGE = "content/sider/fjendtlig.md";

    @TempDir
    Path temp;
    Path site;
    Path out;
    Map<String, String> builtBefore;

    record Run(int exit, String stdout, String stderr) {}

    /** Each test starts from the fixture and the site built from it, as a webmaster's folder would hold them. */
    @BeforeEach
    void copyTheSiteAndItsBuild() throws Exception {
        BuiltFixture fixture = BuiltFixture.copyInto(temp);
        site = fixture.site();
        out = fixture.out();
        builtBefore = Trees.fingerprint(out);
    }

    private Run build(String... extra) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("build", "--source", site.toString()),
                extra.length > 0 ? Stream.of(extra) : Stream.of("--output", out.toString())).toArray(String[]::new);
        int exit = Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** Exit 1, the message at {@code fileAndLine}, no trace of Java, and the earlier site exactly as it was. */
    private void assertRefused(Run run, String fileAndLine, String message) throws Exception {
        assertEquals(1, run.exit(), run.stderr());
        assertTrue(run.stderr().lines().anyMatch(l -> l.startsWith(fileAndLine + ": ") && l.contains(message)),
                "expected '" + fileAndLine + ": ..." + message + "...' in:\n" + abbreviated(run.stderr()));
        assertNoTrace(run);
        assertTrue(run.stderr().lines().allMatch(l -> l.length() < 1000), "no message floods the terminal");
        assertEquals(builtBefore, Trees.fingerprint(out), "the earlier site is untouched");
        try (Stream<Path> beside = Files.list(temp)) {
            assertEquals(List.of(), beside.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".ud")).toList(),
                    "no temporary folder left beside the site");
        }
    }

    private static void assertNoTrace(Run run) {
        for (String trace : List.of("Exception", "Error:", "\tat ", "intern fejl")) {
            assertFalse(run.stderr().contains(trace), "no stack trace or internal error: " + abbreviated(run.stderr()));
        }
    }

    private static String abbreviated(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }

    private Path write(String file, String text) {
        return TestSites.write(site, file, text);
    }

    private Document page(String url) throws IOException {
        return Jsoup.parse(out.resolve(url + "index.html").toFile(), "UTF-8");
    }

    // ------------------------------------------------------------ encodings and line endings

    @Test
    void invalidUtf8IsRefusedAtTheLineOfTheBadByte() throws Exception {
        TestSites.writeBytes(site, PAGE, "---\ntitle: Om os\n---\nFørste linje.\nAnden linje med \u00e6.\n".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(build(), PAGE + ":4", "ikke gemt som UTF-8");
    }

    @Test
    void byteOrderMarkAndWindowsAndOldMacLineEndingsBuildTheSamePage() throws Exception {
        String text = "---\ntitle: Særlige linjeskift\n---\nFørste afsnit.\n\n## Et afsnit\n\nAndet afsnit.\n";
        TestSites.writeBytes(site, PAGE, ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        TestSites.writeBytes(site, "content/sider/gammel-mac.md", text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8));
        Run run = build();
        assertEquals(0, run.exit(), run.stderr());
        for (String url : List.of("fjendtlig/", "gammel-mac/")) {
            Document doc = page(url);
            assertEquals("Særlige linjeskift", doc.selectFirst("h1").text());
            assertEquals("et-afsnit", doc.selectFirst(".broedtekst h2").id());
            assertEquals(List.of("Første afsnit.", "Andet afsnit."), doc.select(".broedtekst p").eachText());
        }
        assertFalse(Files.readString(out.resolve("fjendtlig/index.html")).contains("\r"), "no carriage return reaches the page");
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        write(PAGE, "");
        assertRefused(build(), PAGE + ":1", "filen er tom");
    }

    // ------------------------------------------------------------ front matter

    @Test
    void tabsInTheFrontMatterAreRefusedAtTheirLine() throws Exception {
        write(PAGE, "---\ntitle: Tabulator\nkeywords:\n\t- aflastning\n---\nTekst.\n");
        assertRefused(build(), PAGE + ":4", "tabulatortegn");
    }

    @Test
    void anUnclosedFrontMatterIsRefused() throws Exception {
        write(PAGE, "---\ntitle: Uden slutning\n\nTekst uden --- foran.\n");
        assertRefused(build(), PAGE + ":1", "forsiden er ikke afsluttet");
    }

    @Test
    void aFrontMatterThatIsAListIsRefused() throws Exception {
        write(PAGE, "---\n- title: En liste\n---\nTekst.\n");
        assertRefused(build(), PAGE + ":2", "ikke af en liste");
    }

    @Test
    void aFrontMatterThatIsAScalarIsRefused() throws Exception {
        write(PAGE, "---\nbare en tekst\n---\nTekst.\n");
        assertRefused(build(), PAGE + ":2", "ikke af en enkelt tekst");
    }

    @Test
    void aDuplicateKeyIsRefusedAtItsSecondLine() throws Exception {
        write(PAGE, "---\ntitle: Første\nsummary: Et resumé.\ntitle: Anden\n---\nTekst.\n");
        assertRefused(build(), PAGE + ":4", "nøglen 'title' står to gange (også i linje 2)");
    }

    @Test
    void aYamlAliasBombIsRefusedAtTheFirstAnchor() throws Exception {
        StringBuilder bomb = new StringBuilder("---\ntitle: Billion laughs\nkeywords: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append("x").append(c).append(": &").append(c).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*" + (char) (c - 1)))).append("]\n");
        }
        write(PAGE, bomb + "---\nTekst.\n");
        assertRefused(build(), PAGE + ":3", "YAML-ankre og -aliaser (& og *) bruges ikke");
    }

    @Test
    void tenThousandLevelsOfYamlListsAreRefused() throws Exception {
        write(PAGE, "---\ntitle: Dybt\nkeywords: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\nTekst.\n");
        assertRefused(build(), PAGE + ":3", "inde i hinanden i over 20 niveauer");
    }

    @Test
    void aTitleOfNoBreakSpacesOnlyIsRefusedAsEmpty() throws Exception {
        write(PAGE, "---\ntitle: \"\u00a0\u202f\u2007\"\n---\nTekst.\n");
        assertRefused(build(), PAGE + ":2", "'title' må ikke være tom");
    }

    // ------------------------------------------------------------ size and shape

    @Test
    void aFiftyMegabytePageIsRefusedWithoutBeingRead() throws Exception {
        try (OutputStream file = Files.newOutputStream(site.resolve(PAGE))) {
            file.write("---\ntitle: Kæmpeside\n---\n".getBytes(StandardCharsets.UTF_8));
            byte[] paragraph = "Aflastning i weekenden for familier. ".repeat(1000).concat("\n\n").getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 50L * 1024 * 1024; written += paragraph.length) file.write(paragraph);
        }
        assertRefused(build(), PAGE + ":1", "filen er for stor (50 MB); en side må højst fylde 5 MB");
    }

    @Test
    void tenThousandNestedListLevelsAreRefusedAtTheirLine() throws Exception {
        write(PAGE, "---\ntitle: Lister\n---\nIndledning.\n\n" + "- ".repeat(10_000) + "bunden\n");
        assertRefused(build(), PAGE + ":6", "så mange lister og citater inde i hinanden kan ikke vises");
    }

    @Test
    void deeplyIndentedListsQuotesAndHtmlAreRefusedAtTheirLine() throws Exception {
        StringBuilder lists = new StringBuilder("---\ntitle: Lister\n---\n");
        for (int level = 0; level < 150; level++) lists.append("  ".repeat(level)).append("- niveau ").append(level).append('\n');
        write(PAGE, lists.toString());
        // list and item are two levels of the tree each: the text of the 50th level, at line 4 + 49, is past 100
        assertRefused(build(), PAGE + ":53", "inde i hinanden i så mange niveauer");

        write(PAGE, "---\ntitle: HTML\n---\nTekst.\n\n" + "<span>".repeat(150) + "bunden" + "</span>".repeat(150) + "\n");
        assertRefused(build(), PAGE + ":6", "HTML-elementerne er lagt inde i hinanden i over 100 niveauer");

        write(PAGE, "---\ntitle: Fremhævning\n---\nTekst " + "*".repeat(10_000) + "x" + "*".repeat(10_000) + "\n");
        assertRefused(build(), PAGE + ":4", "inde i hinanden i så mange niveauer");
    }

    @Test
    void aParagraphFullOfCodesThatWouldTakeMinutesIsRefused() throws Exception {
        write(PAGE, "---\ntitle: Tegnkoder\n---\nTekst.\n\n" + "&amp;".repeat(20_000) + "\n");
        assertRefused(build(), PAGE + ":6", "del det op i flere afsnit");
    }

    @Test
    void aHundredThousandCharacterLineOfTextBuilds() throws Exception {
        StringBuilder line = new StringBuilder();
        while (line.length() < 100_000) {
            line.append("Familien kan få [aflastning](../tilbud/fritidsklub.md) i weekenden. ");
            line.append("Aflastning giver familien et pusterum, og barnet får nye oplevelser sammen med andre børn. ".repeat(8));
        }
        write(PAGE, "---\ntitle: Lang linje\n---\n" + line + "\n");
        Run run = build();
        assertEquals(0, run.exit(), abbreviated(run.stderr()));
        Document doc = page("fjendtlig/");
        assertEquals(line.toString().strip().replace("[aflastning](../tilbud/fritidsklub.md)", "aflastning"), doc.selectFirst(".broedtekst p").text());
        assertEquals("/sti/handicap/tilbud/fritidsklub/", doc.selectFirst(".broedtekst a").attr("href"));
    }

    @Test
    void aHundredThousandCharacterTitleOrLinkIsRefusedWithAShortMessage() throws Exception {
        write(PAGE, "---\ntitle: " + "Aflastning".repeat(10_000) + "\n---\nTekst.\n");
        assertRefused(build(), PAGE + ":2", "'title' er 100000 tegn; højst 120 er tilladt");

        write(PAGE, "---\ntitle: Langt link\n---\nSe [her](" + "a".repeat(100_000) + ".md).\n");
        assertRefused(build(), PAGE + ":4", "som ikke findes");
    }

    // ------------------------------------------------------------ files and folders

    @Test
    void aDirectoryNamedLikeAPageIsRefused() throws Exception {
        Files.createDirectories(site.resolve("content/tilbud/mappe.md"));
        assertRefused(build(), "content/tilbud/mappe.md:1", "er en mappe med et sidenavn");
    }

    @Test
    void aSymlinkOutOfTheSiteFolderIsRefused() throws Exception {
        Path secret = Files.writeString(temp.resolve("hemmelig.md"), "---\ntitle: Hemmelig\n---\nUden for sitet.\n");
        Files.createSymbolicLink(site.resolve(PAGE), secret);
        assertRefused(build(), PAGE + ":1", "uden for site-mappen");
    }

    @Test
    void filesABrowserOrServerWouldRunAreNotPublishedFromContent() throws Exception {
        write("content/sider/kort.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        write("content/sider/side.html", "<script>alert(1)</script>");
        Run run = build();
        assertRefused(run, "content/sider/kort.svg:1", "filtypen .svg kan ikke udgives fra content/");
        assertRefused(run, "content/sider/side.html:1", "filtypen .html kan ikke udgives fra content/");
    }

    // ------------------------------------------------------------ climbing out

    @Test
    void aLinkThatClimbsOutOfTheSiteIsRefused() throws Exception {
        write(PAGE, "---\ntitle: Ud\n---\nSe [adgangskoderne](../../../../../etc/passwd).\n");
        assertRefused(build(), PAGE + ":4", "peger uden for site-mappen");
    }

    @Test
    void aRelatedEntryThatClimbsOutIsRefused() throws Exception {
        write(PAGE, "---\ntitle: Ud\nrelated:\n  - tilbud/fritidsklub\n  - ../../../etc/passwd\n---\nTekst.\n");
        assertRefused(build(), PAGE + ":5", "'related' skal angive sider som mappe/navn");
    }

    // ------------------------------------------------------------ where the site goes

    @Test
    void anOutputThatWouldReplaceTheSitesOwnFilesIsRefused() throws Exception {
        Files.createDirectories(site.resolve("templates"));
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("assets/egen.txt"), "redaktørens fil");
        Map<String, String> siteBefore = Trees.fingerprint(site);
        for (String target : List.of(".", "content", "content/ud", "templates", "assets", "site.properties", "..")) {
            Path output = site.resolve(target).normalize();
            Run run = build("--output", output.toString());
            assertEquals(1, run.exit(), target);
            assertTrue(run.stderr().startsWith(output + ":1: --output "), run.stderr());
            assertNoTrace(run);
            assertEquals(siteBefore, Trees.fingerprint(site), "nothing in the site folder changed for --output " + target);
        }
    }

    @Test
    void siteSettingsCannotSendTheBuildOrALinkElsewhere() throws Exception {
        String properties = Files.readString(site.resolve("site.properties"));
        Files.writeString(site.resolve("site.properties"), properties.replace("site.areas=social, skole, fritid",
                "site.areas=social, skole, fritid, ../../../ud-af-sitet"));
        assertRefused(build(), "site.properties:4", "området '../../../ud-af-sitet' i site.areas må kun have små bogstaver");
        assertFalse(Files.exists(temp.resolve("ud-af-sitet")), "a facet page of that area would land beside the site");
        Files.writeString(site.resolve("site.properties"), properties + "site.contact.url=javascript:alert(1)\n");
        assertRefused(build(), "site.properties:8", "'site.contact.url' skal være en hel adresse");
    }

    @Test
    void anExistingFolderThatIsNotABuiltSiteIsNotReplaced() throws Exception {
        Path documents = Files.createDirectories(temp.resolve("dokumenter"));
        Files.writeString(documents.resolve("vigtigt.txt"), "må ikke slettes");
        Run run = build("--output", documents.toString());
        assertEquals(1, run.exit());
        assertTrue(run.stderr().contains(documents + ":1: --output " + documents + " findes og er ikke et site"), run.stderr());
        assertEquals("må ikke slettes", Files.readString(documents.resolve("vigtigt.txt")));
        try (Stream<Path> files = Files.list(documents)) {
            assertEquals(1, files.count());
        }
        Path empty = Files.createDirectories(temp.resolve("tom"));
        assertEquals(0, build("--output", empty.toString()).exit(), "an empty folder is fine");
        assertEquals(0, build().exit(), "and so is an earlier build");
    }
}
