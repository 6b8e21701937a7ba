package dk.tilbudsoversigt.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.bake.SiteBuilder;

class SiteFilesTest {
    @TempDir
    Path temp;
    Path site;
    SiteFiles files;

    @BeforeEach
    void site() {
        site = TestSites.minimal(temp.resolve("site"));
        TestSites.write(site, TestSites.NEWS_FILE, TestSites.NEWS);
        files = new SiteFiles(site);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "..", "../site.properties", "content/../site.properties", "content/../../etc/passwd", "content/tilbud/../../x.md",
            "assets/../content/../site.properties", "./content/tilbud/aflastning.md", "content/./tilbud/aflastning.md",
            "content//tilbud/aflastning.md", "content/tilbud/", "/etc/passwd", "/content/tilbud/aflastning.md",
            "C:/Windows/win.ini", "c:content/x.md", "content\\..\\site.properties", "content\\tilbud\\aflastning.md",
            "content/%2e%2e/site.properties", "content/%2E%2E%2Fsite.properties", "%2e%2e/site.properties", "content/..%2fsite.properties",
            "content/%252e%252e/x", "content/tilbud/aflastning.md\u0000.png", "content/tilbud/\nx.md",
            "content/tilbud/aflastning.md::$DATA", "content/.. /x.md", "content/... /x.md", "content/tilbud/x.md.", "content/tilbud/x.md ",
            "site.properties", "templates/layout.ftlh", "content", "assets", ".papirkurv/x/kilde.properties", "content/.git/config",
            "target/site/index.html", "~/x.md", "content/tilbud/..", "content/tilbud/..\u0000/x",
            "content/tilbud/con.md", "assets/NUL.png", "assets/filer/lpt1", "content/tilbud/aflastning.md\u202e"})
    void hostilePathsAreRefused(String path) {
        RefusedPath refused = assertThrows(RefusedPath.class, () -> files.resolve(path), path);
        assertFalse(refused.getMessage().isBlank());
        assertFalse(refused.getMessage().matches(".*(Exception|null).*"), refused.getMessage());
    }

    @Test
    void plainPathsUnderContentAndAssetsAreAllowed() {
        assertEquals(site.resolve("content/tilbud/aflastning.md"), files.resolve("content/tilbud/aflastning.md"));
        assertEquals(site.resolve("content/tilbud/ny/side.md"), files.resolve("content/tilbud/ny/side.md"));
        assertEquals(site.resolve("assets/filer/kort.png"), files.resolve("assets/filer/kort.png"));
    }

    @Test
    void aLinkFromAPageToAFileIsRelative() {
        assertEquals("../../assets/filer/kort.png", SiteFiles.relativeLink("content/tilbud/aflastning.md", "assets/filer/kort.png"));
        assertEquals("../../../assets/filer/kort.png", SiteFiles.relativeLink("content/tilbud/boern/aflastning.md", "assets/filer/kort.png"));
        assertEquals("../faq/hjaelp.md", SiteFiles.relativeLink("content/tilbud/aflastning.md", "content/faq/hjaelp.md"));
        assertEquals("bpa.md", SiteFiles.relativeLink("content/tilbud/aflastning.md", "content/tilbud/bpa.md"));
    }

    @Test
    void symbolicLinksLeavingTheFolderAreRefused() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("udenfor"));
        Files.writeString(outside.resolve("hemmelig.md"), "hemmelig");
        Files.createSymbolicLink(site.resolve("content/ud"), outside);
        Files.createSymbolicLink(site.resolve("content/tilbud/link.md"), outside.resolve("hemmelig.md"));
        Files.createSymbolicLink(site.resolve("content/tilbud/indstillinger.md"), site.resolve("site.properties"));
        Files.createSymbolicLink(site.resolve("content/tilbud/intet.md"), temp.resolve("findes-ikke"));
        for (String path : List.of("content/ud/hemmelig.md", "content/ud/ny.md", "content/tilbud/link.md", "content/tilbud/indstillinger.md", "content/tilbud/intet.md")) {
            assertThrows(RefusedPath.class, () -> files.resolve(path), path);
        }
        assertThrows(RefusedPath.class, () -> files.write("content/ud/ny.md", "x", null));
        assertFalse(Files.exists(outside.resolve("ny.md")));
        Files.createSymbolicLink(site.resolve("content/tilbud/samme.md"), site.resolve(TestSites.OFFER_FILE));
        assertEquals(site.resolve("content/tilbud/samme.md"), files.resolve("content/tilbud/samme.md"));
    }

    @Test
    void aFileIsReadAsItIsOnDisk() throws IOException {
        String raw = "\uFEFF---\r\ntitle: Om\r\n---\r\nTekst";
        TestSites.write(site, "content/sider/raa.md", raw);
        assertEquals(raw, files.read("content/sider/raa.md"));
        Files.write(site.resolve("content/sider/latin1.md"), "---\ntitle: Bl\u00e5\n---\n".getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> files.read("content/sider/latin1.md"));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void aSaveReplacesTheVersionThatWasOpened() throws Exception {
        String text = files.read(TestSites.OFFER_FILE);
        String changed = PageText.parse(text).withField("price", "100 kr.").text();
        files.write(TestSites.OFFER_FILE, changed, SiteFiles.version(text));
        assertEquals(changed, Files.readString(site.resolve(TestSites.OFFER_FILE)));
        try (Stream<Path> left = Files.list(site.resolve("content/tilbud"))) {
            assertEquals(List.of("aflastning.md"), left.map(p -> p.getFileName().toString()).toList(), "no temporary file is left");
        }
    }

    @Test
    void aSaveOverAChangedFileIsAConflictThatCarriesTheFileOnDisk() throws Exception {
        String opened = files.read(TestSites.OFFER_FILE);
        String otherEditor = opened.replace("Gratis", "50 kr.");
        Files.writeString(site.resolve(TestSites.OFFER_FILE), otherEditor);
        Conflict c = assertThrows(Conflict.class, () -> files.write(TestSites.OFFER_FILE, opened.replace("Gratis", "Gratis for alle"), SiteFiles.version(opened)));
        assertEquals(otherEditor, c.textOnDisk());
        assertEquals(SiteFiles.version(otherEditor), c.versionOnDisk());
        assertEquals(otherEditor, Files.readString(site.resolve(TestSites.OFFER_FILE)), "nothing is overwritten");
        assertTrue(c.getMessage().contains(TestSites.OFFER_FILE), c.getMessage());
        // the editor chose their own version: saving over the version on disk on purpose works
        files.write(TestSites.OFFER_FILE, "mit", c.versionOnDisk());
        assertEquals("mit", Files.readString(site.resolve(TestSites.OFFER_FILE)));
    }

    @Test
    void ofTwoSavesOfTheSameVersionOneWinsAndTheOtherIsAConflict() throws Exception {
        String opened = files.read(TestSites.OFFER_FILE);
        String version = SiteFiles.version(opened);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> saves = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String mine = opened.replace("Gratis", "Pris " + i);
            saves.add(pool.submit(() -> {
                start.await();
                try {
                    new SiteFiles(site).write(TestSites.OFFER_FILE, mine, version);
                    return true;
                } catch (Conflict c) {
                    return false;
                }
            }));
        }
        start.countDown();
        int won = 0;
        for (var save : saves) if (save.get()) won++;
        pool.shutdown();
        assertEquals(1, won, "exactly one save replaces the version all had opened");
        assertTrue(Files.readString(site.resolve(TestSites.OFFER_FILE)).matches("(?s).*price: Pris [0-7]\n.*"));
    }

    @Test
    void aPageOverTheSizeLimitIsNotSaved() {
        String huge = "---\ntitle: x\n---\n" + "a".repeat((int) dk.tilbudsoversigt.content.TextFiles.MAX_BYTES);
        assertThrows(RefusedPath.class, () -> files.write("content/sider/stor.md", huge, null));
        assertFalse(Files.exists(site.resolve("content/sider/stor.md")));
    }

    @Test
    void aNewFileMustNotExistAndADeletedOneIsAConflict() throws Exception {
        Conflict exists = assertThrows(Conflict.class, () -> files.write(TestSites.OFFER_FILE, "x", null));
        assertEquals(TestSites.OFFER, exists.textOnDisk());
        files.write("content/tilbud/ny/side.md", "---\ntitle: Ny\n---\n", null);
        assertEquals("---\ntitle: Ny\n---\n", Files.readString(site.resolve("content/tilbud/ny/side.md")));
        String opened = files.read(TestSites.NEWS_FILE);
        Files.delete(site.resolve(TestSites.NEWS_FILE));
        Conflict gone = assertThrows(Conflict.class, () -> files.write(TestSites.NEWS_FILE, opened, SiteFiles.version(opened)));
        assertNull(gone.textOnDisk());
        assertFalse(Files.exists(site.resolve(TestSites.NEWS_FILE)));
    }

    @Test
    void onlyPagesAreWrittenAsText() {
        for (String path : List.of("assets/x.html", "assets/js/x.js", "content/tilbud/x.html", "content/tilbud/x.svg", "assets/x.md")) {
            assertThrows(RefusedPath.class, () -> files.write(path, "<script>alert(1)</script>", null), path);
            assertFalse(Files.exists(site.resolve(path)));
        }
    }

    @Test
    void aTrashedPageIsNotBuiltAndComesBack() throws Exception {
        String before = files.read(TestSites.NEWS_FILE);
        String id = files.trash(TestSites.NEWS_FILE);
        assertFalse(Files.exists(site.resolve(TestSites.NEWS_FILE)));
        List<Trashed> trashed = files.trashed();
        assertEquals(1, trashed.size());
        assertEquals(id, trashed.get(0).id());
        assertEquals(TestSites.NEWS_FILE, trashed.get(0).path());

        SiteBuilder.Result result = SiteBuilder.build(site, temp.resolve("ud"), true);
        assertTrue(result.ok(), result.problems().all().toString());
        assertFalse(Files.exists(temp.resolve("ud/nyheder/nye-pladser/index.html")), "a trashed page is not built");
        assertTrue(Files.exists(temp.resolve("ud/tilbud/aflastning/index.html")));
        try (Stream<Path> walk = Files.walk(temp.resolve("ud"))) {
            assertTrue(walk.noneMatch(p -> p.toString().contains("papirkurv")));
        }

        files.restore(id);
        assertEquals(before, Files.readString(site.resolve(TestSites.NEWS_FILE)));
        assertEquals(List.of(), files.trashed());
    }

    @Test
    void aFileIsNotRestoredOverAnotherOne() throws Exception {
        String id = files.trash(TestSites.NEWS_FILE);
        Files.writeString(site.resolve(TestSites.NEWS_FILE), "ny side på samme sted");
        RefusedPath refused = assertThrows(RefusedPath.class, () -> files.restore(id));
        assertTrue(refused.getMessage().contains("der ligger allerede en fil på " + TestSites.NEWS_FILE), refused.getMessage());
        assertEquals("ny side på samme sted", Files.readString(site.resolve(TestSites.NEWS_FILE)));
        assertEquals(1, files.trashed().size(), "the trashed file stays in the trash");
    }

    @Test
    void twoFilesOfOneNameAreBothKeptInTheTrash() throws Exception {
        String first = files.trash(TestSites.NEWS_FILE);
        TestSites.write(site, TestSites.NEWS_FILE, "anden udgave");
        String second = files.trash(TestSites.NEWS_FILE);
        assertFalse(first.equals(second));
        files.restore(second);
        assertEquals("anden udgave", Files.readString(site.resolve(TestSites.NEWS_FILE)));
        files.trash(TestSites.NEWS_FILE);
        files.restore(first);
        assertEquals(TestSites.NEWS, Files.readString(site.resolve(TestSites.NEWS_FILE)));
    }

    @Test
    void aTamperedTrashRecordCannotRestoreOutsideTheFolder() throws Exception {
        String id = files.trash(TestSites.NEWS_FILE);
        Path record = site.resolve(SiteFiles.TRASH).resolve(id).resolve("kilde.properties");
        Files.writeString(record, "sti=../udenfor.md\nslettet=2024-01-01T00:00:00Z\n");
        assertThrows(RefusedPath.class, () -> files.restore(id));
        assertFalse(Files.exists(temp.resolve("udenfor.md")));
        assertThrows(RefusedPath.class, () -> files.restore("../" + id));
        assertThrows(RefusedPath.class, () -> files.trash("site.properties"));
    }

    @Test
    void pagesAreListedWithoutHiddenFiles() throws IOException {
        TestSites.write(site, "content/tilbud/.skjult.md", "x");
        TestSites.write(site, "content/tilbud/kort.png", "x");
        assertEquals(List.of("content/begreber/visitation.md", "content/faq/hjaelp.md", "content/maalgrupper/autisme.md",
                "content/nyheder/nye-pladser.md", "content/tilbud/aflastning.md"), files.pages());
    }
}
