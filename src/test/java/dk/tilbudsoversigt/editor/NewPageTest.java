package dk.tilbudsoversigt.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageTemplates;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.site.Checked;

class NewPageTest {
    @TempDir
    Path temp;

    @Test
    void aPageOfEveryTypeIsTheNewCommandsDraftAndChecksWithoutErrors() throws Exception {
        Path site = TestSites.minimal(temp.resolve("site"));
        SiteFiles files = new SiteFiles(site);
        LocalDate today = LocalDate.of(2026, 12, 4);
        for (PageType type : PageType.values()) {
            String rel = NewPage.create(files, type, "ny-" + type.typeName(), today);
            assertEquals("content/" + type.folder() + "/ny-" + type.typeName() + ".md", rel);
            assertEquals(PageTemplates.example(type, "ny-" + type.typeName(), List.of("autisme"), today), Files.readString(site.resolve(rel)));
        }
        Checked checked = Checked.run(site, true);
        assertEquals(List.of(), checked.problems().errors());
        assertEquals(PageType.values().length, checked.pages().stream().filter(Page::draft).count());
    }

    @Test
    void anAddressInUseOrNotASlugIsRefused() throws Exception {
        Path site = TestSites.minimal(temp.resolve("site"));
        TestSites.write(site, "content/tilbud/voksne/bpa.md", TestSites.OFFER);
        SiteFiles files = new SiteFiles(site);
        RefusedPath used = assertThrows(RefusedPath.class, () -> NewPage.create(files, PageType.TILBUD, "bpa"));
        assertTrue(used.getMessage().contains("content/tilbud/voksne/bpa.md"), used.getMessage());
        RefusedPath bad = assertThrows(RefusedPath.class, () -> NewPage.create(files, PageType.TILBUD, "Søskende Gruppe"));
        assertTrue(bad.getMessage().contains("soeskende-gruppe"), bad.getMessage());
        assertThrows(RefusedPath.class, () -> NewPage.create(files, PageType.TILBUD, "../x"));
        assertThrows(RefusedPath.class, () -> Duplicate.page(files, TestSites.OFFER_FILE, "bpa"));
    }

    @Test
    void aDuplicateIsADraftCopyBesideTheOriginal() throws Exception {
        Path site = TestSites.minimal(temp.resolve("site"));
        SiteFiles files = new SiteFiles(site);
        String rel = Duplicate.page(files, TestSites.OFFER_FILE, "aflastning-i-ferien");
        assertEquals("content/tilbud/aflastning-i-ferien.md", rel);
        assertEquals(TestSites.OFFER.replace("review_by: 2099-12-31\n", "review_by: 2099-12-31\nstatus: draft\n"), Files.readString(site.resolve(rel)));
        assertEquals(TestSites.OFFER, Files.readString(site.resolve(TestSites.OFFER_FILE)));
        Checked checked = Checked.run(site, true);
        assertEquals(List.of(), checked.problems().errors());
    }
}
