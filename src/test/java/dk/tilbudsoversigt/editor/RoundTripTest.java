package dk.tilbudsoversigt.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.tilbudsoversigt.content.Content;
import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.Problems;

/**
 * Every page of both example sites and the fixture, opened in the form and saved as the form
 * submits it without a change, is the same file byte for byte; a changed title changes the
 * title's line and nothing else.
 */
class RoundTripTest {

    private static List<Map.Entry<String, String>> submitted(Editor editor, Content content, Page page, String text) {
        Editor.Context ctx = new Editor.Context("/b", "noegle", "/site", "Site");
        String html = PageForm.html(ctx, new PageForm.Editing(page.file(), page.type(), SiteFiles.version(text), Values.of(page),
                page.markdown(), List.of(), null, editor.choices(content)));
        Element form = Jsoup.parse(html).getElementById("side-form");
        return FormFields.of(form);
    }

    private static String saved(Page page, String disk, List<Map.Entry<String, String>> fields) {
        Form form = FormFields.form(fields);
        return Editor.compose(disk, page, page.type(), Values.of(form, page.type()), form.get("body"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "examples/koebenhavn", "src/test/resources/fixture-site"})
    void everyPageSavedUnchangedIsByteIdentical(String folder) throws Exception {
        Path site = Path.of(folder);
        Content content = ContentLoader.load(site, new Problems());
        Editor editor = new Editor(site);
        List<String> changed = new ArrayList<>();
        for (Page page : content.pages()) {
            String disk = Files.readString(site.resolve(page.file()));
            if (!saved(page, disk, submitted(editor, content, page, disk)).equals(disk)) changed.add(page.file());
        }
        assertTrue(content.pages().size() > 10, "pages: " + content.pages().size());
        assertEquals(List.of(), changed);
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "examples/koebenhavn"})
    void aChangedTitleChangesOnlyTheTitleLine(String folder) throws Exception {
        Path site = Path.of(folder);
        Content content = ContentLoader.load(site, new Problems());
        Editor editor = new Editor(site);
        for (Page page : content.pages()) {
            String disk = Files.readString(site.resolve(page.file()));
            List<Map.Entry<String, String>> fields = new ArrayList<>(submitted(editor, content, page, disk));
            fields.replaceAll(e -> e.getKey().equals("f.title") ? Map.entry("f.title", "Ny titel på siden") : e);
            String[] before = disk.split("\n", -1);
            String[] after = saved(page, disk, fields).split("\n", -1);
            assertEquals(before.length, after.length, page.file());
            int differing = 0;
            for (int i = 0; i < before.length; i++) {
                if (!before[i].equals(after[i])) {
                    differing++;
                    assertTrue(before[i].startsWith("title:") && after[i].equals("title: Ny titel på siden"), page.file() + ": " + after[i]);
                }
            }
            assertEquals(1, differing, page.file());
        }
    }
}
