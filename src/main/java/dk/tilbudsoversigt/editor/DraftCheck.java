package dk.tilbudsoversigt.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dk.tilbudsoversigt.content.Content;
import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageReader;
import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.content.SiteValidator;
import dk.tilbudsoversigt.markdown.BodyRenderer;
import dk.tilbudsoversigt.report.EditorReport;
import dk.tilbudsoversigt.site.Checked;

/**
 * What {@code check} would say if one page had the text in the form: the site read from disk,
 * that page replaced by the unsaved text, then the same loading, validation, body rendering
 * and editor report as {@code check}, drafts included (the editor shows them too).
 *
 * @param page     the unsaved page, or null when its front matter cannot be read at all
 * @param problems the problems {@code check} reports for this file, by line
 * @param checked  the whole site with the unsaved page, for the live preview
 */
record DraftCheck(Page page, List<Problem> problems, Checked checked) {

    static DraftCheck of(Path site, String file, String text) {
        Problems loading = new Problems();
        Content disk = ContentLoader.load(site, loading);
        Problems problems = new Problems();
        for (Problem p : loading.all()) {
            if (p.file().equals(file)) continue;
            add(problems, p);
        }
        if (disk == null) return new DraftCheck(null, sorted(problems.all(), file), null);
        Page page = new PageReader(disk.settings()).parse(text, file, PagePaths.type(file), PagePaths.slug(file), problems);
        List<Page> pages = new ArrayList<>();
        for (Page p : disk.pages()) if (!p.file().equals(file)) pages.add(p);
        if (page != null) pages.add(page);
        pages.sort(Comparator.comparing(Page::file));
        Content content = new Content(disk.settings(), List.copyOf(pages), disk.attachments());
        SiteValidator.validate(content, true, problems);
        Checked checked = new Checked(content, content.pages(), new BodyRenderer(content, site, true).renderAll(content.pages(), problems), problems);
        EditorReport.addWarnings(checked, problems);
        return new DraftCheck(page, sorted(problems.all(), file), checked);
    }

    /** The page as the file on disk has it, read as {@code check} reads it; null when it cannot be read. */
    static Page parse(Path site, String file, String text) {
        Problems ignored = new Problems();
        dk.tilbudsoversigt.content.SiteSettings settings = dk.tilbudsoversigt.content.SettingsReader.read(site, ignored);
        if (settings == null) return null;
        return new PageReader(settings).parse(text, file, PagePaths.type(file), PagePaths.slug(file), ignored);
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(p -> !p.warning());
    }

    private static List<Problem> sorted(List<Problem> all, String file) {
        return all.stream().filter(p -> p.file().equals(file)).sorted().toList();
    }

    private static void add(Problems problems, Problem p) {
        if (p.warning()) problems.warning(p.file(), p.line(), p.message());
        else problems.error(p.file(), p.line(), p.message());
    }
}
