package dk.tilbudsoversigt.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.report.EditorReport;
import dk.tilbudsoversigt.site.Checked;

/** The check while typing says what {@code check} says once the text is saved, and puts each message by its field or body line. */
class DraftCheckTest {
    private static final String FILE = "content/tilbud/fritidsklub.md";

    @TempDir
    Path temp;

    @Test
    void anUnsavedPageGetsTheProblemsCheckGivesTheSavedFileInTheSameWords() throws Exception {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        String disk = Files.readString(site.resolve(FILE));
        String text = disk.replace("url: \"https://www.example.dk/klub\"", "email: forkert")
                .replace("areas: [fritid]", "areas: [fritidd]")
                .replace("Kom og vær med.", "## Om klubben\n\n#### For dybt\n\nKom og vær med.");
        DraftCheck draft = DraftCheck.of(site, FILE, text);
        assertEquals(disk, Files.readString(site.resolve(FILE)), "checking writes nothing");

        Files.writeString(site.resolve(FILE), text);
        Checked checked = Checked.run(site, true);
        Problems all = checked.problems();
        EditorReport.addWarnings(checked, all);
        List<Problem> saved = all.all().stream().filter(p -> p.file().equals(FILE)).sorted().toList();
        assertEquals(saved, draft.problems());
        assertTrue(draft.hasErrors());

        Set<String> fields = FieldSpec.of(PageType.TILBUD).stream().map(FieldSpec::key).collect(Collectors.toSet());
        List<String> placed = Placement.of(draft.problems(), draft.page(), text, fields).stream()
                .map(p -> p.field() + (p.field().equals("body") ? ":" + p.bodyLine() : "") + " " + p.problem().message().split(" ")[0])
                .toList();
        assertTrue(placed.contains("contact 'contact.email'"), placed.toString());
        assertTrue(placed.contains("areas området"), placed.toString());
        assertTrue(placed.stream().anyMatch(p -> p.startsWith("body:3 ")), "the skipped heading is the body's third line: " + placed);
        assertTrue(placed.stream().anyMatch(p -> p.startsWith("review_by ")), "the review date passed: " + placed);
    }

    @Test
    void aPageWhoseFrontMatterCannotBeReadHasItsProblemsAboveTheForm() throws Exception {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        DraftCheck draft = DraftCheck.of(site, FILE, "---\ntitle: [ikke lukket\n---\nTekst\n");
        assertEquals(null, draft.page());
        assertTrue(draft.hasErrors());
        assertTrue(Placement.of(draft.problems(), null, "---\ntitle: [ikke lukket\n---\nTekst\n", Set.of("title")).stream()
                .noneMatch(p -> p.field().equals("body")));
    }
}
