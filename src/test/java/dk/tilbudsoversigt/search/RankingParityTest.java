package dk.tilbudsoversigt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.tilbudsoversigt.site.Checked;

/**
 * The browser's ranking equals Lucene's: for queries of whole words, the search module (run in
 * the JVM) returns the same top 10 in the same order as Lucene's IndexSearcher for the
 * equivalent query on the same index, with scores within 1e-4 relative.
 */
class RankingParityTest {
    @TempDir
    static Path temp;
    static SiteIndex index;
    static JsSearch js;
    /** The same index with every term's norms in the norm files and postings in files of their own, as a large site's common words have them. */
    static JsSearch jsSharedNorms;

    @BeforeAll
    static void build() throws Exception {
        Checked checked = Checked.run(Path.of("."), false);
        index = SiteIndex.build(SearchDocuments.of(checked), SearchIndexWriter.synonyms(checked));
        IndexExport.write(index, temp.resolve("soeg"));
        js = new JsSearch(temp.resolve("soeg"));
        IndexExport.write(index, temp.resolve("soeg-norms"), 1, 1);
        jsSharedNorms = new JsSearch(temp.resolve("soeg-norms"));
    }

    @AfterAll
    static void close() throws Exception {
        if (js != null) js.close();
        if (jsSharedNorms != null) jsSharedNorms.close();
        if (index != null) index.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "aflastning", "aflastning weekend", "hjælp til søskende", "handicap", "autisme", "ASF", "pårørende",
        "paarorende", "velfærdsteknologi", "BPA", "koordinerende sagsbehandler", "tabt arbejdsfortjeneste",
        "klage over afgørelse", "specialundervisning", "merudgifter til børn", "botilbud", "ledsageordning",
        "sagsbehandler", "udredning", "handleplan", "barnets plan", "STU", "støttekontaktperson", "hjælpemidler",
        "visitation", "børn", "voksne med handicap", "fritid", "job og uddannelse", "søskendegrupper",
        "erhvervet hjerneskade", "senhjerneskade", "ADHD", "familie", "hvordan klager jeg", "tilbud", "kommunen"})
    void wholeWordQueriesRankAsLucene(String query) throws Exception {
        List<List<String>> clauses = LuceneReference.clauses(index, query);
        for (List<String> c : clauses) {
            assertTrue(index.searcher().getIndexReader().docFreq(new Term("body", c.get(0))) > 0
                    || c.stream().anyMatch(t -> hasTerm(t)), "test query words must be in the index: " + c);
        }
        compare(query, LuceneReference.query(clauses, true), js.search(query, "{prefix: false, limit: 10}"), false);
        compare(query, LuceneReference.query(clauses, true), jsSharedNorms.search(query, "{prefix: false, limit: 10}"), false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aflastning pingvin", "weekend zebra autisme"})
    void anyWordFallbackRanksAsLuceneDisjunction(String query) throws Exception {
        JsSearch.Answer answer = js.search(query, "{prefix: false, limit: 10}");
        assertTrue(answer.anyWord());
        List<List<String>> clauses = new ArrayList<>(LuceneReference.clauses(index, query));
        clauses.removeIf(c -> c.stream().noneMatch(RankingParityTest::hasTerm));
        compare(query, LuceneReference.query(clauses, false), answer, true);
    }

    private static boolean hasTerm(String term) {
        try {
            for (Fields f : Fields.ALL) if (index.searcher().getIndexReader().docFreq(new Term(f.field(), term)) > 0) return true;
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void compare(String query, org.apache.lucene.search.Query lucene, JsSearch.Answer answer, boolean any) throws Exception {
        TopDocs top = index.searcher().search(lucene, 10);
        assertEquals(top.totalHits.value, answer.total(), query + ": total");
        assertTrue(top.scoreDocs.length > 0, query + ": Lucene finds something");
        List<String> expected = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) expected.add(sd.doc + " " + index.docs().get(sd.doc).url());
        List<String> actual = answer.hits().stream().map(h -> h.doc() + " " + h.url()).toList();
        assertEquals(expected, actual, query + ": the same top 10 in the same order (" + lucene + ")");
        for (int i = 0; i < top.scoreDocs.length; i++) {
            float l = top.scoreDocs[i].score;
            float j = answer.hits().get(i).score();
            assertEquals(l, j, Math.abs(l) * 1e-4, query + ": score of hit " + (i + 1));
        }
    }
}
