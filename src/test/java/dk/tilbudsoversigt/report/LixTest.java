package dk.tilbudsoversigt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.site.Checked;

class LixTest {
    @Test
    void plainDanishScoresLow() {
        // 7 words in 2 sentences, no long words: 3.5 + 0
        assertEquals(4, Lix.ofHtml("<p>Du kan få hjælp. Ring til os.</p>").value());
    }

    @Test
    void officialDanishScoresHigh() {
        // 11 words, 1 sentence, 8 words over six letters: 11 + 72.7
        Lix.Score score = Lix.ofHtml("<p>Kommunen træffer afgørelse om visitation efter helhedsorienteret udredning af borgerens funktionsnedsættelse.</p>");
        assertEquals(84, score.value());
    }

    @Test
    void everyBlockEndsASentence() {
        assertEquals(Lix.ofHtml("<p>Du kan få hjælp.</p><p>Ring til os.</p>").value(),
                Lix.ofHtml("<ul><li>Du kan få hjælp</li><li>Ring til os</li></ul>").value());
    }

    @Test
    void checkWarnsAboutHardPagesWithTheirLongestSentences(@TempDir Path temp) throws Exception {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        String hard = "Kommunen træffer afgørelse om visitation efter helhedsorienteret udredning af borgerens funktionsnedsættelse. ";
        Files.writeString(site.resolve("content/sider/om.md"), "---\ntitle: Om sitet\n---\n" + hard.repeat(4) + "\n\nKort sætning her.\n");
        Checked checked = Checked.run(site, false);
        Problems problems = checked.problems();
        EditorReport.addWarnings(checked, problems);
        List<Problem> lix = problems.warnings().stream().filter(p -> p.message().contains("LIX")).toList();
        assertEquals(1, lix.size(), problems.all().toString());
        assertEquals("content/sider/om.md", lix.get(0).file());
        assertEquals(4, lix.get(0).line());
        assertTrue(lix.get(0).message().contains("loftet er 45") && lix.get(0).message().contains("Kommunen træffer"), lix.get(0).message());
        assertTrue(!problems.hasErrors());
    }
}
