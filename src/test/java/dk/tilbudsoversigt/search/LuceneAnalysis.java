package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ScandinavianFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ScandinavianNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.DanishStemmer;

/** The reference: each step of the Lucene chain on its own, for comparison with analyse.js. */
final class LuceneAnalysis {
    /** DanishAnalyzer's default stop words, each passed through the normalisation filter. */
    static final CharArraySet STOP_WORDS = normalisedStopWords();

    private LuceneAnalysis() {
    }

    static List<String> tokenize(String text) {
        return terms(new StandardTokenizer(), text, Function.identity());
    }

    static String lowercase(String token) {
        return single(token, LowerCaseFilter::new);
    }

    static String normalize(String token) {
        return single(token, ScandinavianNormalizationFilter::new);
    }

    static String fold(String token) {
        return single(token, ScandinavianFoldingFilter::new);
    }

    static boolean isStopWord(String token) {
        return terms(new KeywordTokenizer(), token, in -> new StopFilter(in, STOP_WORDS)).isEmpty();
    }

    static String stem(String token) {
        DanishStemmer stemmer = new DanishStemmer();
        stemmer.setCurrent(token);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static String single(String token, Function<TokenStream, TokenStream> filter) {
        List<String> terms = terms(new KeywordTokenizer(), token, filter);
        if (terms.size() != 1) {
            throw new IllegalStateException("one token in, " + terms.size() + " out: " + token);
        }
        return terms.get(0);
    }

    private static List<String> terms(Tokenizer tokenizer, String text, Function<TokenStream, TokenStream> filter) {
        tokenizer.setReader(new StringReader(text));
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = filter.apply(tokenizer)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static CharArraySet normalisedStopWords() {
        CharArraySet words = new CharArraySet(100, false);
        for (Object word : DanishAnalyzer.getDefaultStopSet()) {
            words.add(normalize(new String((char[]) word)));
        }
        return CharArraySet.unmodifiableSet(words);
    }
}
