package dk.tilbudsoversigt.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.tilbudsoversigt.ExampleSite;

/** The documents' preset dictionary, on the example site: smaller files that still read back exactly. */
class DocumentDictionaryTest {
    static Path soeg;
    static List<byte[]> packed = new ArrayList<>();
    static List<byte[]> documents = new ArrayList<>();

    @BeforeAll
    static void build() throws IOException {
        soeg = ExampleSite.built().resolve("soeg");
        packed.addAll(JsSearch.packedDocuments(soeg));
        documents.addAll(JsSearch.documents(soeg));
    }

    @Test
    void everyDocumentReadsBackWithTheDictionary() throws IOException {
        assertTrue(documents.size() > 50, "the example site has its pages and questions as documents");
        for (byte[] doc : documents) assertEquals('{', doc[0], "a document is JSON");
        byte[] dictionary = DocumentDictionary.of(documents);
        assertArrayEquals(JsSearch.dictionary(soeg), dictionary, "the build wrote the dictionary of its documents");
        for (int i = 0; i < packed.size(); i++) {
            assertArrayEquals(packed.get(i), Bytes.deflate(documents.get(i), dictionary),
                    "the build compressed document " + i + " with the dictionary it names");
        }
    }

    @Test
    void theDocumentsAreAFilePerBlock() throws IOException {
        long blocks;
        try (Stream<Path> files = Files.list(soeg.resolve("d"))) {
            blocks = files.count() - 1; // and the dictionary
        }
        assertEquals((documents.size() + IndexExport.BLOCK_DOCS - 1) / IndexExport.BLOCK_DOCS, blocks,
                "a file per " + IndexExport.BLOCK_DOCS + " documents, not one per document");
    }

    @Test
    void theDictionaryMakesDocumentsAFifthSmallerAtLeast() {
        byte[] dictionary = DocumentDictionary.of(documents);
        assertTrue(dictionary.length <= DocumentDictionary.MAX_BYTES && dictionary.length > DocumentDictionary.MAX_BYTES / 2,
                "dictionary of " + dictionary.length + " bytes");
        long with = 0;
        long without = 0;
        for (byte[] doc : documents) {
            with += Bytes.deflate(doc, dictionary).length;
            without += Bytes.deflate(doc).length;
        }
        assertTrue(with < 0.8 * without, with + " bytes with the dictionary, " + without + " without");
    }

    @Test
    void aDictionaryKeptAcrossChangesIsTheOneOfTheDocumentsAsTheyAreNow() {
        // more documents than are sampled: every third is read; change sampled and unsampled ones
        List<byte[]> now = new ArrayList<>();
        for (int i = 0; i < 1300; i++) now.add(documents.get(i % documents.size()));
        DocumentDictionary kept = DocumentDictionary.counted(now);
        byte[] first = kept.dictionary();
        boolean changed = false;
        java.util.Random random = new java.util.Random(7);
        for (int edit = 0; edit < 60; edit++) {
            int d = random.nextInt(now.size());
            byte[] after = edit % 2 == 0 ? documents.get(random.nextInt(documents.size()))
                    : new String(now.get(d), java.nio.charset.StandardCharsets.UTF_8)
                            .replace("\"text\":\"", "\"text\":\"Nyt afsnit om støtte til familier. ")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            kept.replace(d, now.get(d), after);
            now.set(d, after);
            assertArrayEquals(DocumentDictionary.of(now), kept.dictionary(), "after edit " + edit + " of document " + d);
            changed |= !java.util.Arrays.equals(first, kept.dictionary());
        }
        assertTrue(changed, "the edits changed the dictionary");
    }

    @Test
    void theDictionaryIsTheSameForTheSameDocuments() {
        assertArrayEquals(DocumentDictionary.of(documents), DocumentDictionary.of(new ArrayList<>(documents)));
    }
}
