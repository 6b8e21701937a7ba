package dk.tilbudsoversigt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.Trees;

class MainTest {
    @TempDir
    Path temp;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void buildSucceedsWithASummaryLine() throws IOException {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        assertEquals(0, run("build", "--source", site.toString(), "--output", temp.resolve("out").toString()));
        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.startsWith("Bygget ") && summary.contains("2 tilbud"), summary);
        assertEquals(1, summary.strip().lines().count(), "quiet: one line");
        assertTrue(Files.isRegularFile(temp.resolve("out/index.html")));
    }

    @Test
    void contentErrorsExitOneWithPathAndLine() throws IOException {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        Files.writeString(site.resolve("content/faq/hjaelp.md"), "---\ntitle: Hjælp\nsumary: x\n---\n");
        assertEquals(1, run("build", "--source", site.toString(), "--output", temp.resolve("out").toString()));
        assertTrue(err().contains("content/faq/hjaelp.md:3: ukendt nøgle 'sumary'. Mente du 'summary'?"), err());
        assertFalse(err().contains("Exception"), "no stack trace");
        assertFalse(Files.exists(temp.resolve("out")));
    }

    @Test
    void checkReportsWarningsButExitsZero() throws IOException {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        assertEquals(0, run("check", "--source", site.toString()));
        assertTrue(err().contains("content/tilbud/fritidsklub.md\n  linje 10: advarsel:"), err());
    }

    @Test
    void checkShowsEveryWarningKindGroupedPerFileAndExitsZero() {
        assertEquals(0, run("check", "--source", Trees.fixture("check-site").toString()), err());
        assertEquals("""
                content/maalgrupper/hoerehandicap.md
                  linje 1: advarsel: målgruppen har ingen tilbud; tilføj den under target_groups i de tilbud, den passer til

                content/sider/gammel-side.md
                  linje 1: advarsel: ingen anden side linker hertil, så besøgende kan ikke finde siden; link til den fra en anden side

                content/tilbud/klub.md
                  linje 10: advarsel: teksten skulle have været gennemset senest 2024-06-30; læs den igennem, ret det der er forældet, og sæt en ny review_by-dato

                content/tilbud/stoette.md
                  linje 12: advarsel: teksten er svær at læse: LIX 113 (loftet er 45). Brug kortere sætninger og kortere ord. \
                Længste sætninger: "Socialpædagogisk bistandsydelse tilrettelægges individuelt i overensstemmelse med borgerens \
                funktionsniveau, ressourc..."

                """, err());
        assertEquals("Ingen fejl i 6 sider; 4 advarsler i 4 filer.\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkListsAFilesErrorsWithItsWarningsAndExitsOne() throws IOException {
        Path site = Trees.copy(Trees.fixture("check-site"), temp.resolve("site"));
        Path klub = site.resolve("content/tilbud/klub.md");
        Files.writeString(klub, Files.readString(klub).replace("referral_required: false", "referral_required: maaske"));
        assertEquals(1, run("check", "--source", site.toString()));
        assertTrue(err().contains("""
                content/tilbud/klub.md
                  linje 7: fejl: """), err());
        assertTrue(err().contains("\n  linje 10: advarsel: teksten skulle have været gennemset"), err());
        assertTrue(err().strip().endsWith("1 fejl og 4 advarsler i 4 filer. Ret fejlene; advarslerne er gode råd, der ikke stopper en udgivelse."), err());
    }

    @Test
    void wrongUsageExitsTwo() {
        assertEquals(2, run("--nonsense"));
        assertEquals(2, run("bake"));
        assertEquals(2, run("build", "--nonsense"));
        assertEquals(2, run("build", "--source", temp.resolve("missing").toString()));
    }

    @Test
    void withoutACommandTheJarFindsTheSiteFolderItIsInOrBeside() throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("site.properties"), "site.title=T\nsite.owner=O\n");
        Path elsewhere = Files.createDirectories(temp.resolve("andet"));
        assertEquals(java.util.List.of("--source", site.toString()), Main.startedWithoutCommand(java.util.List.of(), site, null));
        assertEquals(java.util.List.of("--source", site.toString()), Main.startedWithoutCommand(java.util.List.of(), elsewhere, site),
                "double-clicked: the folder the jar lies in");
        assertEquals(java.util.List.of("--source", "x"), Main.startedWithoutCommand(java.util.List.of("--source", "x"), elsewhere, null));
        assertEquals(null, Main.startedWithoutCommand(java.util.List.of(), elsewhere, null), "no site folder: the usage, exit 2");
        assertEquals(null, Main.startedWithoutCommand(java.util.List.of("check"), site, null));
    }

    @Test
    void helpIsAvailableForEveryCommand() {
        assertEquals(0, run("--help"));
        assertEquals(0, run("build", "--help"));
        assertEquals(0, run("check", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("--output") && help.contains("--drafts") && help.contains("--source"), help);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tilbud", "maalgruppe", "plan", "handleplan", "faq", "begreb", "nyhed", "side"})
    void newWritesADraftThatBuildsAsItIs(String type) throws IOException {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        assertEquals(0, run("new", type, "mit-eksempel", "--source", site.toString()), err());
        String folder = dk.tilbudsoversigt.content.PageType.byTypeName(type).orElseThrow().folder();
        Path file = site.resolve("content/" + folder + "/mit-eksempel.md");
        assertTrue(Files.readString(file).contains("status: draft"));
        assertEquals(0, run("build", "--drafts", "--source", site.toString(), "--output", temp.resolve("out").toString()), err());
        String url = type.equals("side") ? "mit-eksempel" : folder + "/mit-eksempel";
        assertTrue(Files.isRegularFile(temp.resolve("out/" + url + "/index.html")));
        assertEquals(0, run("build", "--source", site.toString(), "--output", temp.resolve("published").toString()), err());
        assertFalse(Files.exists(temp.resolve("published/" + url)), "a draft is not published");
        assertEquals(2, run("new", type, "mit-eksempel", "--source", site.toString()), "never overwrites");
    }

    @Test
    void newRefusesBadTypesAndNames() {
        assertEquals(2, run("new", "tilbd", "x", "--source", temp.toString()));
        assertTrue(err().contains("Mente du 'tilbud'?"), err());
        assertEquals(2, run("new", "tilbud", "Min Side", "--source", temp.toString()));
        assertTrue(err().contains("'min-side'"), err());
    }

    @Test
    void thePreviewSaysHowSoonTheSavedPageWasThere() {
        assertEquals("Opdateret på 2300 ms: 731 filer (den gemte side efter 95 ms)",
                Main.updated(new dk.tilbudsoversigt.bake.IncrementalBuild.Step(false, java.util.List.of(), 731, 2_300_000_000L, 95_000_000L)));
        assertEquals("Opdateret på 40 ms: 1 fil",
                Main.updated(new dk.tilbudsoversigt.bake.IncrementalBuild.Step(false, java.util.List.of(), 1, 40_000_000L, -1)),
                "a rebuild that wrote no saved page first says nothing of one");
    }
}
