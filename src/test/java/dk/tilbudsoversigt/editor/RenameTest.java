package dk.tilbudsoversigt.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.SiteLinks;
import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.bake.SiteBuilder;

class RenameTest {
    @TempDir
    Path temp;

    /** The Randers example site (settings, pages and its logo; the theme is the default one). */
    private Path exampleCopy() throws IOException {
        Path site = temp.resolve("site");
        Files.createDirectories(site);
        Files.copy(Path.of("site.properties"), site.resolve("site.properties"));
        Trees.copy(Path.of("content"), site.resolve("content"));
        Trees.copy(Path.of("assets/randers"), site.resolve("assets/randers"));
        return site;
    }

    @Test
    void anOfferRenamedKeepsEveryLinkToItWorking() throws Exception {
        Path site = exampleCopy();
        // links an editor may write besides the example's own: by URL, by public address, reference-style, raw HTML, and one in code
        Path side = site.resolve("content/sider/om-siden.md");
        String handWritten = """
                ---
                title: Om siden
                related: [tilbud/aflastning, tilbud/ledsageordning]
                ---
                Se [aflastning](/tilbud/aflastning/), [på nettet](https://www.example.dk/handicap/tilbud/aflastning/#hvad-er-tilbuddet)
                og [som reference][afl] eller <a href="../tilbud/aflastning.md">som HTML</a>.

                Ikke et link: `[aflastning](../tilbud/aflastning.md)`

                    [heller ikke](../tilbud/aflastning.md)

                [afl]: ../tilbud/aflastning.md#hvem-kan-faa-det
                """;
        Files.writeString(side, handWritten);
        Map<String, String> before = texts(site);
        Pattern reference = Pattern.compile("tilbud/aflastning(?![a-z0-9-])|\\(aflastning\\.md");
        TreeSet<String> referring = new TreeSet<>();
        before.forEach((file, text) -> {
            if (!file.equals("content/tilbud/aflastning.md") && reference.matcher(text).find()) referring.add(file);
        });
        assertTrue(referring.size() >= 5, referring.toString());

        List<String> changed = Rename.slug(new SiteFiles(site), "content/tilbud/aflastning.md", "aflastning-og-pause");

        assertEquals(List.of("content/tilbud/aflastning.md", "content/tilbud/aflastning-og-pause.md"), changed.subList(0, 2));
        assertEquals(referring, new TreeSet<>(changed.subList(2, changed.size())));
        assertFalse(Files.exists(site.resolve("content/tilbud/aflastning.md")));
        assertEquals(before.get("content/tilbud/aflastning.md"), Files.readString(site.resolve("content/tilbud/aflastning-og-pause.md")));
        Map<String, String> after = texts(site);
        for (String file : referring) {
            for (String diff : PageTextTest.differingLines(before.get(file), after.get(file))) {
                assertTrue(diff.contains("aflastning-og-pause") && reference.matcher(diff).find(), file + ": only lines naming the page change: " + diff);
            }
        }
        assertEquals(handWritten
                .replace("](/tilbud/aflastning/)", "](/tilbud/aflastning-og-pause/)")
                .replace("/handicap/tilbud/aflastning/#", "/handicap/tilbud/aflastning-og-pause/#")
                .replace("related: [tilbud/aflastning,", "related: [tilbud/aflastning-og-pause,")
                .replace("<a href=\"../tilbud/aflastning.md\">", "<a href=\"../tilbud/aflastning-og-pause.md\">")
                .replace("[afl]: ../tilbud/aflastning.md#", "[afl]: ../tilbud/aflastning-og-pause.md#"), after.get("content/sider/om-siden.md"));

        Path out = temp.resolve("ud");
        SiteBuilder.Result result = SiteBuilder.build(site, out, false);
        assertTrue(result.ok(), result.problems().all().toString());
        assertTrue(Files.exists(out.resolve("tilbud/aflastning-og-pause/index.html")));
        assertFalse(Files.exists(out.resolve("tilbud/aflastning/index.html")));
        assertEquals(List.of(), SiteLinks.broken(out, "/handicap"));
    }

    @Test
    void aTargetGroupRenamedIsRenamedInEveryOffer() throws Exception {
        Path site = TestSites.minimal(temp.resolve("site"));
        TestSites.write(site, "content/tilbud/bpa.md", TestSites.OFFER.replace("  - autisme\n", "  - andre\n  - autisme\n")
                .replace("Aflastning i weekenden", "BPA"));
        TestSites.write(site, "content/maalgrupper/andre.md", "---\ntitle: Andre\nsummary: Andre.\nrelated: [maalgrupper/autisme]\n---\nTekst.\n");

        assertEquals(List.of("content/maalgrupper/andre.md", "content/tilbud/aflastning.md", "content/tilbud/bpa.md"),
                Rename.referencesTo(new SiteFiles(site), "content/maalgrupper/autisme.md"));
        assertEquals(List.of(TestSites.FAQ_FILE), Rename.referencesTo(new SiteFiles(site), TestSites.OFFER_FILE));
        assertEquals(List.of(), Rename.referencesTo(new SiteFiles(site), TestSites.TERM_FILE));

        List<String> changed = Rename.slug(new SiteFiles(site), "content/maalgrupper/autisme.md", "autismespektrum");

        assertEquals(List.of("content/maalgrupper/autisme.md", "content/maalgrupper/autismespektrum.md",
                "content/maalgrupper/andre.md", "content/tilbud/aflastning.md", "content/tilbud/bpa.md"), changed);
        assertEquals(TestSites.OFFER.replace("  - autisme\n", "  - autismespektrum\n"), Files.readString(site.resolve(TestSites.OFFER_FILE)));
        assertEquals("---\ntitle: Andre\nsummary: Andre.\nrelated: [maalgrupper/autismespektrum]\n---\nTekst.\n",
                Files.readString(site.resolve("content/maalgrupper/andre.md")));
        Path out = temp.resolve("ud");
        SiteBuilder.Result result = SiteBuilder.build(site, out, false);
        assertTrue(result.ok(), result.problems().all().toString());
        assertTrue(Files.exists(out.resolve("maalgrupper/autismespektrum/index.html")));
        assertEquals(List.of(), SiteLinks.broken(out, "/handicap"));
    }

    @Test
    void aPageMovedToASubFolderKeepsItsOwnLinksAndTheLinksToIt() throws Exception {
        Path site = TestSites.minimal(temp.resolve("site"));
        TestSites.writeBytes(site, "content/tilbud/kort.png", UploadTest.PNG);
        TestSites.write(site, TestSites.OFFER_FILE, TestSites.OFFER.replace("Aflastning giver familien et pusterum.",
                "Aflastning giver familien et pusterum. Se [spørgsmål](../faq/hjaelp.md#hvem-kan-jeg-kontakte), "
                        + "[mig selv](aflastning.md#hvem-kan-faa-aflastning) og ![Kort over stedet](kort.png)."));

        List<String> changed = Rename.page(new SiteFiles(site), TestSites.OFFER_FILE, "content/tilbud/boern/aflastning.md");

        assertEquals(List.of(TestSites.OFFER_FILE, "content/tilbud/boern/aflastning.md", TestSites.FAQ_FILE), changed);
        String moved = Files.readString(site.resolve("content/tilbud/boern/aflastning.md"));
        assertTrue(moved.contains("Se [spørgsmål](../../faq/hjaelp.md#hvem-kan-jeg-kontakte), [mig selv](aflastning.md#hvem-kan-faa-aflastning) og ![Kort over stedet](../kort.png)."), moved);
        assertTrue(Files.readString(site.resolve(TestSites.FAQ_FILE)).contains("[aflastning](../tilbud/boern/aflastning.md)"));
        Path out = temp.resolve("ud");
        SiteBuilder.Result result = SiteBuilder.build(site, out, false);
        assertTrue(result.ok(), result.problems().all().toString());
        assertTrue(Files.exists(out.resolve("tilbud/aflastning/index.html")), "the URL stays the same");
        assertEquals(List.of(), SiteLinks.broken(out, "/handicap"));
    }

    @Test
    void renamesThatWouldBreakTheSiteAreRefused() throws Exception {
        Path site = TestSites.minimal(temp.resolve("site"));
        TestSites.write(site, "content/tilbud/voksne/bpa.md", TestSites.OFFER);
        TestSites.write(site, "content/sider/forside.md", "---\ntitle: Forside\n---\n");
        TestSites.write(site, TestSites.SIDE_FILE, TestSites.SIDE);
        SiteFiles files = new SiteFiles(site);
        Map<String, String> before = texts(site);
        RefusedPath clash = assertThrows(RefusedPath.class, () -> Rename.slug(files, TestSites.OFFER_FILE, "bpa"));
        assertTrue(clash.getMessage().contains("/tilbud/bpa/") && clash.getMessage().contains("content/tilbud/voksne/bpa.md"), clash.getMessage());
        assertThrows(RefusedPath.class, () -> Rename.page(files, TestSites.OFFER_FILE, "content/sider/aflastning.md"));
        assertThrows(RefusedPath.class, () -> Rename.slug(files, TestSites.OFFER_FILE, "Aflastning i weekenden"));
        assertThrows(RefusedPath.class, () -> Rename.slug(files, TestSites.OFFER_FILE, "../../x"));
        assertThrows(RefusedPath.class, () -> Rename.slug(files, "content/sider/forside.md", "start"));
        assertThrows(RefusedPath.class, () -> Rename.slug(files, TestSites.SIDE_FILE, "forside"));
        assertThrows(RefusedPath.class, () -> Rename.slug(files, "content/tilbud/findes-ikke.md", "ny"));
        assertThrows(RefusedPath.class, () -> Rename.page(files, "site.properties", "content/sider/x.md"));
        assertEquals(before, texts(site), "nothing changed");
    }

    @Test
    void whenOneFileCannotBeReplacedNoneIsChanged() throws Exception {
        Path site = TestSites.minimal(temp.resolve("site"));
        SiteFiles files = new SiteFiles(site);
        // a folder where a page should be: moving the new text over it fails after the first file has been replaced
        TestSites.write(site, "content/sider/mappe.md/indhold.txt", "x");
        Map<String, String> before = texts(site);
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put(TestSites.OFFER_FILE, "ny tekst");
        writes.put("content/sider/mappe.md", "ny side");
        Map<String, String> expected = Map.of(TestSites.OFFER_FILE, SiteFiles.version(TestSites.OFFER));
        assertThrows(IOException.class, () -> files.writeAll(writes, expected, TestSites.FAQ_FILE));
        assertEquals(before, texts(site));
        assertEquals(TestSites.OFFER, Files.readString(site.resolve(TestSites.OFFER_FILE)), "the first file has its old text back");

        Map<String, String> changedMeanwhile = Map.of(TestSites.OFFER_FILE, SiteFiles.version("en anden udgave"));
        assertThrows(Conflict.class, () -> files.writeAll(Map.of(TestSites.OFFER_FILE, "ny tekst"), changedMeanwhile, null));
        assertEquals(TestSites.OFFER, Files.readString(site.resolve(TestSites.OFFER_FILE)));
    }

    private static Map<String, String> texts(Path site) throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(site)) {
            walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".md")).forEach(files::add);
        }
        for (Path p : files) out.put(site.relativize(p).toString().replace('\\', '/'), Files.readString(p));
        return out;
    }
}
