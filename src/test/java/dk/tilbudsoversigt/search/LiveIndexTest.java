package dk.tilbudsoversigt.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.site.Checked;

/**
 * The preview's search index, brought up to date save by save, against a full build of the same
 * documents: after every series of edits (words added and taken out, new words, new compounds
 * of the site's words that may be cut into parts, titles and summaries changed, other target
 * groups and ages), its folder holds exactly the files a full build writes, byte for byte, and
 * nothing else.
 */
class LiveIndexTest {
    private static final Checked RANDERS = Checked.run(Path.of("."), false);
    private static final List<SearchDocument> DOCS = SearchDocuments.of(RANDERS);
    private static final Map<String, List<String>> SYNONYMS = SearchIndexWriter.synonyms(RANDERS);
    /** Words of the site, as written. */
    private static final List<String> WORDS = words();

    @Property(tries = 6)
    void afterEverySeriesOfEditsTheFilesAreThoseOfAFullBuild(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        Path temp = Files.createTempDirectory("live-index");
        try {
            LiveIndex live = new LiveIndex();
            List<SearchDocument> docs = new ArrayList<>(DOCS);
            Path folder = temp.resolve("live/soeg");
            assertTrue(live.update(docs, SYNONYMS, folder, () -> false).full(), "the first update works everything out");
            int incremental = 0;
            for (int step = 0; step < 4; step++) {
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    int d = random.nextInt(docs.size());
                    docs.set(d, edited(docs.get(d), random));
                }
                LiveIndex.Update update = live.update(docs, SYNONYMS, folder, () -> false);
                if (!update.full()) incremental++;
                assertSameFiles(full(docs, temp.resolve("full-" + step)), folder, "step " + step + " of seed " + seed);
            }
            assertTrue(incremental > 0, "most updates need not work everything out");
        } finally {
            Trees.deleteTree(temp);
        }
    }

    @Test
    void aSaveEncodesOnlyTheTermsOfTheChangedDocumentAndWritesOnlyTheFilesThatDiffer() throws Exception {
        Path temp = Files.createTempDirectory("live-index");
        try {
            LiveIndex live = new LiveIndex();
            List<SearchDocument> docs = new ArrayList<>(DOCS);
            Path folder = temp.resolve("live/soeg");
            LiveIndex.Update first = live.update(docs, SYNONYMS, folder, () -> false);
            Map<String, Long> before = modified(folder);
            int d = docs.size() / 2;
            docs.set(d, withBody(docs.get(d), docs.get(d).fields().get(Fields.BODY.field()) + " Kørestolstaxa"));
            LiveIndex.Update second = live.update(docs, SYNONYMS, folder, () -> false);
            assertFalse(second.full());
            assertEquals(1, second.documents());
            assertTrue(second.terms() < first.terms() / 4, second.terms() + " of " + first.terms() + " terms encoded again");
            Map<String, Long> after = modified(folder);
            // a file named by its content that was there before is the same file: never written again
            List<String> rewritten = after.keySet().stream()
                    .filter(f -> before.containsKey(f) && !f.equals(IndexExport.DIRECTORY) && !after.get(f).equals(before.get(f))).toList();
            assertEquals(List.of(), rewritten, "files written again with the same content");
            long kept = after.keySet().stream().filter(before::containsKey).count();
            assertTrue(kept > after.size() / 2, kept + " of " + after.size() + " files are those of before");
            assertSameFiles(full(docs, temp.resolve("full")), folder, "one word added");

            LiveIndex.Update nothing = live.update(docs, SYNONYMS, folder, () -> false);
            assertEquals(0, nothing.documents());
            assertEquals(after, modified(folder), "nothing changed, nothing written");
        } finally {
            Trees.deleteTree(temp);
        }
    }

    @Test
    void aDocumentMoreOrLessWorksEverythingOutAgain() throws Exception {
        Path temp = Files.createTempDirectory("live-index");
        try {
            LiveIndex live = new LiveIndex();
            List<SearchDocument> docs = new ArrayList<>(DOCS);
            Path folder = temp.resolve("live/soeg");
            live.update(docs, SYNONYMS, folder, () -> false);
            docs.remove(3);
            assertTrue(live.update(docs, SYNONYMS, folder, () -> false).full());
            assertSameFiles(full(docs, temp.resolve("full")), folder, "a document gone");
        } finally {
            Trees.deleteTree(temp);
        }
    }

    /** One edit: a word added, a word taken out, or the title or summary changed. */
    private static SearchDocument edited(SearchDocument doc, Random random) {
        String body = doc.fields().getOrDefault(Fields.BODY.field(), "");
        return switch (random.nextInt(5)) {
            case 4 -> new SearchDocument(doc.url(), doc.title(), doc.summary(), doc.type(), doc.fields(), doc.text(),
                    random.nextBoolean() ? List.of() : List.of("autisme"), random.nextInt(20), random.nextBoolean() ? null : 30,
                    random.nextBoolean(), doc.prior()); // other filter lists
            case 0 -> withBody(doc, body + " " + word(random));
            case 1 -> {
                String[] words = body.split(" ");
                if (words.length < 2) yield withBody(doc, body + " " + word(random));
                int cut = random.nextInt(words.length);
                List<String> rest = new ArrayList<>(List.of(words));
                rest.remove(cut);
                yield withBody(doc, String.join(" ", rest));
            }
            case 2 -> withField(doc, Fields.TITLE.field(), word(random) + " " + doc.title());
            default -> withField(doc, Fields.SUMMARY.field(), word(random) + " " + word(random));
        };
    }

    /** A word of the site, a compound of two of them, or a word the site has never had. */
    private static String word(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> WORDS.get(random.nextInt(WORDS.size())) + WORDS.get(random.nextInt(WORDS.size())).toLowerCase();
            case 1 -> "ny" + Integer.toString(random.nextInt(100000), 36) + "ord";
            default -> WORDS.get(random.nextInt(WORDS.size()));
        };
    }

    private static SearchDocument withBody(SearchDocument doc, String body) {
        SearchDocument d = withField(doc, Fields.BODY.field(), body);
        return new SearchDocument(d.url(), d.title(), d.summary(), d.type(), d.fields(), body, d.targetGroups(), d.ageMin(), d.ageMax(),
                d.referral(), d.prior());
    }

    static SearchDocument withField(SearchDocument doc, String field, String text) {
        Map<String, String> fields = new LinkedHashMap<>(doc.fields());
        fields.put(field, text);
        String title = field.equals(Fields.TITLE.field()) ? text : doc.title();
        return new SearchDocument(doc.url(), title, doc.summary(), doc.type(), fields, doc.text(), doc.targetGroups(), doc.ageMin(),
                doc.ageMax(), doc.referral(), doc.prior());
    }

    private static Path full(List<SearchDocument> docs, Path folder) throws IOException {
        try (SiteIndex index = SiteIndex.build(List.copyOf(docs), SYNONYMS)) {
            IndexExport.write(index, folder);
        }
        return folder;
    }

    private static void assertSameFiles(Path expected, Path actual, String when) throws IOException {
        List<String> files = listing(expected);
        TreeSet<String> missing = new TreeSet<>(files);
        listing(actual).forEach(missing::remove);
        TreeSet<String> extra = new TreeSet<>(listing(actual));
        files.forEach(extra::remove);
        assertEquals("", (missing.isEmpty() ? "" : "missing " + missing.stream().limit(8).toList())
                + (extra.isEmpty() ? "" : " extra " + extra.stream().limit(8).toList()), "the files after " + when);
        for (String f : files) assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f + " after " + when);
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** Each file's identity on disk (its inode): a file written again (through a new file moved into place) gets a new one. */
    private static Map<String, Long> modified(Path root) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String f : listing(root)) out.put(f, (Long) Files.getAttribute(root.resolve(f), "unix:ino"));
        return out;
    }

    private static List<String> words() {
        TreeSet<String> out = new TreeSet<>();
        for (SearchDocument d : DOCS) {
            for (String w : d.fields().getOrDefault(Fields.BODY.field(), "").split("[^\\p{L}]+")) {
                if (w.length() >= 3) out.add(w);
            }
        }
        return List.copyOf(out);
    }
}
