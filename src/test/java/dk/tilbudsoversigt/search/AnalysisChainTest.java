package dk.tilbudsoversigt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.tilbudsoversigt.site.Checked;

/**
 * The index is built with the chain's per-word work looked up in a table ({@link Analysis#cached});
 * on every field of every document of both example sites it gives exactly the tokens of the
 * chain run token by token ({@link Analysis#index}).
 */
class AnalysisChainTest {

    @ParameterizedTest
    @ValueSource(strings = {".", "examples/koebenhavn"})
    void theCachedChainEqualsTheChainOnEveryField(String site) throws Exception {
        Checked checked = Checked.run(Path.of(site), false);
        List<SearchDocument> docs = SearchDocuments.of(checked);
        try (SiteIndex index = SiteIndex.build(docs, SearchIndexWriter.synonyms(checked));
             Analyzer reference = Analysis.index(index.splitter, index.groups)) {
            int compared = 0;
            for (SearchDocument doc : docs) {
                for (var field : doc.fields().entrySet()) {
                    assertEquals(Analysis.tokens(reference, field.getValue()), Analysis.tokens(index.analyzer, field.getValue()),
                            doc.url() + " " + field.getKey());
                    compared++;
                }
            }
            System.out.println(site + ": " + compared + " fields analysed alike");
        }
    }
}
