package dk.tilbudsoversigt.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.content.Problem;

/** Input that is merely unusual builds correctly; input that is dangerous is refused with file and line. */
class UnusualInputTest {
    @TempDir
    Path temp;
    Path site;

    @BeforeEach
    void copyFixture() throws Exception {
        site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
    }

    private List<Problem> errors(Path output) {
        return SiteBuilder.build(site, output, false).problems().errors();
    }

    @Test
    void byteOrderMarkAndWindowsOrOldMacLineEndingsBuildCorrectly() throws Exception {
        String page = "---\ntitle: Om sitet\n---\nFørste afsnit.\n\n## Overskrift\n\nAndet afsnit.\n";
        Files.write(site.resolve("content/sider/om.md"), ("\uFEFF" + page.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        Files.write(site.resolve("content/nyheder/aeldre.md"),
                "---\ntitle: Ældre nyhed\nsummary: En ældre nyhed.\ndate: 2024-01-01\n---\nTekst.\n".replace("\n", "\r").getBytes(StandardCharsets.UTF_8));
        Path out = temp.resolve("out");
        assertEquals(List.of(), errors(out));
        var doc = Jsoup.parse(out.resolve("om/index.html").toFile(), "UTF-8");
        assertEquals("Om sitet", doc.selectFirst("h1").text());
        assertEquals("overskrift", doc.selectFirst(".broedtekst h2").id());
        assertTrue(Files.isRegularFile(out.resolve("nyheder/aeldre/index.html")));
    }

    @Test
    void symlinkOutOfTheSiteFolderIsRefused() throws Exception {
        Path outside = Files.writeString(temp.resolve("hemmelig.md"), "---\ntitle: x\n---\n");
        Files.createSymbolicLink(site.resolve("content/sider/link.md"), outside);
        List<Problem> errors = errors(temp.resolve("out"));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("content/sider/link.md", errors.get(0).file());
        assertTrue(errors.get(0).message().contains("uden for site-mappen"));
    }

    @Test
    void outputInsideContentOrEqualToTheSiteIsRefused() {
        assertFalse(errors(site.resolve("content/ud")).isEmpty());
        assertFalse(errors(site).isEmpty());
        assertFalse(Files.exists(site.resolve("content/ud")));
        assertFalse(Files.exists(site.resolve("index.html")));
    }

    @Test
    void aDirectoryNamedLikeAPageIsReported() throws Exception {
        Files.createDirectories(site.resolve("content/tilbud/mappe.md"));
        List<Problem> errors = errors(temp.resolve("out"));
        assertEquals("content/tilbud/mappe.md", errors.get(0).file());
    }
}
