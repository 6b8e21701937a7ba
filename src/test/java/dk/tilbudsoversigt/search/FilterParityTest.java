package dk.tilbudsoversigt.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** analyse.js's lowercase, normalize, fold and isStopWord each equal the Lucene filter they stand for. */
class FilterParityTest extends AnalyseJsTest {
    static final String LETTERS = "aeoåæøäöAEOÅÆØ";

    static List<String> inputs;

    @BeforeAll
    static void collectInputs() {
        // the sites' tokens as the tokenizer gives them, lower-cased and normalised, and random strings of the letters the filters treat
        List<String> tokens = Corpus.tokens();
        Set<String> all = new LinkedHashSet<>(tokens);
        tokens.stream().map(LuceneAnalysis::lowercase).forEach(all::add);
        tokens.stream().map(LuceneAnalysis::lowercase).map(LuceneAnalysis::normalize).forEach(all::add);
        all.addAll(Corpus.random(LETTERS, 4000, 8, 2024));
        all.addAll(LuceneAnalysis.STOP_WORDS.stream().map(w -> new String((char[]) w)).toList());
        inputs = new ArrayList<>(all);
    }

    private static void assertFilterAsLucene(String function, Function<String, Object> lucene) {
        Differences.assertSame(function + "() against Lucene", inputs, inputs.stream().map(lucene).toList(), js.apply(function, inputs));
    }

    @Test
    void lowercaseIsLowerCaseFilter() {
        assertFilterAsLucene("lowercase", LuceneAnalysis::lowercase);
    }

    @Test
    void lowercaseIsLowerCaseFilterOnEveryCasedLetterOfUnicode() {
        // İ and Σ are where String.toLowerCase and Character.toLowerCase part
        List<String> letters = IntStream.range(0, Character.MAX_CODE_POINT + 1)
                .filter(c -> Character.toLowerCase(c) != c || Character.toUpperCase(c) != c)
                .mapToObj(Character::toString).toList();
        Differences.assertSame("lowercase() against LowerCaseFilter", letters,
                letters.stream().map(LuceneAnalysis::lowercase).toList(), js.apply("lowercase", letters));
    }

    @Test
    void normalizeIsScandinavianNormalizationFilter() {
        assertFilterAsLucene("normalize", LuceneAnalysis::normalize);
    }

    @Test
    void foldIsScandinavianFoldingFilter() {
        assertFilterAsLucene("fold", LuceneAnalysis::fold);
    }

    @Test
    void isStopWordIsStopFilterWithTheNormalisedDanishSet() {
        assertFilterAsLucene("isStopWord", token -> String.valueOf(LuceneAnalysis.isStopWord(token)));
    }
}
