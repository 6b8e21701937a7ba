package dk.tilbudsoversigt.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.site.Checked;

/**
 * The search files are named by the start of the hash of their content. Two files of one index
 * sharing a name would be one file, and a search would read the other's postings: when that
 * would happen (forced here by names of one hex digit), the index is made again with longer
 * names, in a build and in the preview, and nothing of the first attempt is left.
 */
class FileNamesTest {
    private static final Checked RANDERS = Checked.run(Path.of("."), false);
    private static final List<SearchDocument> DOCS = SearchDocuments.of(RANDERS);
    private static final Pattern NAMED = Pattern.compile("^[a-z]/([0-9a-f]+)(/[0-9]+)?\\.bin$");

    @TempDir
    Path temp;

    @Test
    void filesAreNamedByEightHexDigitsWhenNoTwoShareAName() throws Exception {
        Path folder = write(temp.resolve("soeg"), IndexExport.NAME_DIGITS);
        List<String> names = hashedNames(folder);
        assertTrue(names.size() > 20, "the site has files named by their content: " + names.size());
        for (String name : names) assertEquals(8, name.length(), name);
    }

    @Test
    void aBuildWhoseFilesWouldShareANameIsWrittenWithLongerNames() throws Exception {
        Path clashing = write(temp.resolve("clashing/soeg"), 1);
        Path longNames = write(temp.resolve("long/soeg"), IndexExport.LONG_NAME_DIGITS);
        for (String name : hashedNames(clashing)) assertEquals(16, name.length(), "no file of the first attempt is left: " + name);
        assertSameFiles(longNames, clashing);
        try (JsSearch js = new JsSearch(clashing)) {
            JsSearch.Answer answer = js.search("aflastning", "{prefix: false, limit: 10}");
            assertTrue(answer.total() > 0, "the browser's search reads the longer names");
            assertTrue(answer.hits().get(0).title().toLowerCase().contains("aflastning"), answer.hits().get(0).title());
        }
    }

    @Test
    void thePreviewsIndexTakesLongerNamesFromTheFirstClashOn() throws Exception {
        LiveIndex live = new LiveIndex(1);
        Path folder = temp.resolve("live/soeg");
        live.update(DOCS, SearchIndexWriter.synonyms(RANDERS), folder, () -> false);
        assertSameFiles(write(temp.resolve("long/soeg"), IndexExport.LONG_NAME_DIGITS), folder);

        List<SearchDocument> edited = new ArrayList<>(DOCS);
        edited.set(3, LiveIndexTest.withField(edited.get(3), Fields.TITLE.field(), edited.get(3).title() + " weekendaflastning"));
        LiveIndex.Update update = live.update(edited, SearchIndexWriter.synonyms(RANDERS), folder, () -> false);
        assertFalse(update.full(), "an edit after it is still brought in alone");
        Path expected = temp.resolve("long-edited/soeg");
        try (SiteIndex index = SiteIndex.build(edited, SearchIndexWriter.synonyms(RANDERS))) {
            IndexExport.write(index, expected, IndexExport.sharedNormsFrom(edited.size()), IndexExport.OWN_FILE_POSTINGS_BYTES,
                    IndexExport.LONG_NAME_DIGITS);
        }
        assertSameFiles(expected, folder);
    }

    private static Path write(Path folder, int nameDigits) throws Exception {
        try (SiteIndex index = SiteIndex.build(DOCS, SearchIndexWriter.synonyms(RANDERS))) {
            IndexExport.write(index, folder, IndexExport.sharedNormsFrom(DOCS.size()), IndexExport.OWN_FILE_POSTINGS_BYTES, nameDigits);
        }
        return folder;
    }

    private static List<String> hashedNames(Path folder) throws Exception {
        List<String> out = new ArrayList<>();
        for (String f : listing(folder)) {
            var m = NAMED.matcher(f);
            if (m.find()) out.add(m.group(1));
        }
        return out;
    }

    private static void assertSameFiles(Path expected, Path actual) throws Exception {
        List<String> files = listing(expected);
        assertEquals(files, listing(actual));
        for (String f : files) assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
    }

    private static List<String> listing(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
