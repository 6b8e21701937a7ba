package dk.tilbudsoversigt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.tilbudsoversigt.site.Checked;

/**
 * The index is built from each field's words with the chain's per-word work looked up in a
 * table ({@link Analysis#fromWords}); on every field of every document of both example sites it
 * gives exactly the terms of the chain run over the text token by token ({@link Analysis#index}).
 */
class AnalysisChainTest {

    /** Each term, marked when it is a compound part or a synonym group (whole words' tokenizer types aside). */
    private static List<String> kinds(List<Analysis.Token> tokens) {
        return tokens.stream().map(t -> t.whole() ? t.term() : t.term() + " (" + t.type() + ")").toList();
    }

    /**
     * Whether each token starts a position: the field's length for BM25 counts only those (the
     * gaps stop words leave do not count, so they need not be kept).
     */
    private static List<Boolean> startsAPosition(org.apache.lucene.analysis.TokenStream stream) throws java.io.IOException {
        List<Boolean> out = new java.util.ArrayList<>();
        try (org.apache.lucene.analysis.TokenStream ts = stream) {
            var position = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(position.getPositionIncrement() > 0);
            ts.end();
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "examples/koebenhavn"})
    void theCachedChainEqualsTheChainOnEveryField(String site) throws Exception {
        Checked checked = Checked.run(Path.of(site), false);
        List<SearchDocument> docs = SearchDocuments.of(checked);
        try (SiteIndex index = SiteIndex.build(docs, SearchIndexWriter.synonyms(checked));
             Analyzer reference = Analysis.index(index.splitter, index.groups)) {
            int compared = 0;
            for (int d = 0; d < docs.size(); d++) {
                for (int f = 0; f < Fields.ALL.size(); f++) {
                    String text = docs.get(d).fields().get(Fields.ALL.get(f).field());
                    assertEquals(kinds(Analysis.tokens(reference, text == null ? "" : text)), kinds(Analysis.tokens(index.analysed(d, f))),
                            docs.get(d).url() + " " + Fields.ALL.get(f).field());
                    assertEquals(startsAPosition(reference.tokenStream("f", text == null ? "" : text)), startsAPosition(index.analysed(d, f)),
                            "positions of " + docs.get(d).url() + " " + Fields.ALL.get(f).field());
                    compared++;
                }
            }
            System.out.println(site + ": " + compared + " fields analysed alike");
        }
    }
}
