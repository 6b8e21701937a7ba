package dk.tilbudsoversigt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.site.Checked;

class EditorReportTest {
    @TempDir
    Path temp;

    private List<String> warnings(Path site) {
        Checked checked = Checked.run(site, false);
        Problems problems = checked.problems();
        EditorReport.addWarnings(checked, problems, LocalDate.of(2026, 1, 1));
        return problems.warnings().stream().map(Object::toString).toList();
    }

    @Test
    void reportsEachWarningKindWithFileAndLine() throws Exception {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        Files.writeString(site.resolve("content/maalgrupper/adhd.md"), "---\ntitle: ADHD\nsummary: Børn og voksne med ADHD.\n---\nTekst.\n");
        List<String> warnings = warnings(site);
        assertEquals(List.of(
                "content/maalgrupper/adhd.md:1: advarsel: målgruppen har ingen tilbud; tilføj den under target_groups i de tilbud, den passer til",
                "content/sider/om.md:1: advarsel: ingen anden side linker hertil, så besøgende kan ikke finde siden; link til den fra en anden side",
                "content/tilbud/fritidsklub.md:10: advarsel: teksten skulle have været gennemset senest 2020-01-01; læs den igennem, ret det der er forældet, og sæt en ny review_by-dato"),
                warnings);
    }

    @Test
    void aLinkedPageIsNoLongerAnOrphan() throws Exception {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        Files.writeString(site.resolve("content/sider/forside.md"), "---\ntitle: Velkommen\n---\nLæs [om sitet](om.md).\n");
        assertEquals(0, warnings(site).stream().filter(w -> w.contains("linker hertil")).count());
    }
}
