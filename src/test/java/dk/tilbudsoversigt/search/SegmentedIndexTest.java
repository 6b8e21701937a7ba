package dk.tilbudsoversigt.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.tilbudsoversigt.site.Checked;

/**
 * A large site's index is written in several segments at once (one per core); the files for
 * the browser must not show it: the same site in one segment and in several gives the same
 * files, byte for byte, whatever the number of cores of the machine that built it.
 */
class SegmentedIndexTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {".", "examples/koebenhavn"})
    void theSearchFilesAreTheSameInOneSegmentAndInSeveral(String site) throws Exception {
        Checked checked = Checked.run(Path.of(site), false);
        List<SearchDocument> docs = SearchDocuments.of(checked);
        assertTrue(docs.size() > 10, "a site with documents to split: " + docs.size());
        Path one = temp.resolve("one");
        try (SiteIndex index = SiteIndex.build(docs, SearchIndexWriter.synonyms(checked), 1)) {
            assertEquals(1, index.reader().leaves().size());
            IndexExport.write(index, one);
        }
        for (int segments : new int[] {2, 7}) {
            Path several = temp.resolve("segments-" + segments);
            try (SiteIndex index = SiteIndex.build(docs, SearchIndexWriter.synonyms(checked), segments)) {
                assertEquals(segments, index.reader().leaves().size());
                IndexExport.write(index, several);
            }
            List<String> files = listing(one);
            assertEquals(files, listing(several), segments + " segments");
            for (String f : files) assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(several.resolve(f)), f);
        }
    }

    private static List<String> listing(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
