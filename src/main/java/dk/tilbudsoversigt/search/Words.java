package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ScandinavianFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.DanishStemmer;

/**
 * The per-word steps of the analysis chain ({@link Analysis}) for one word at a time, with
 * Lucene's own stemmer and folding filter, cheap enough to call for every word of a site.
 * Thread-safe: each thread has its own stemmer and filter.
 */
final class Words {
    private static final ThreadLocal<DanishStemmer> STEMMER = ThreadLocal.withInitial(DanishStemmer::new);
    private static final ThreadLocal<Folder> FOLDER = ThreadLocal.withInitial(Folder::new);

    private Words() {}

    /** The Snowball Danish stem of a lower-case, normalised word. */
    static String stem(String word) {
        DanishStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** A word folded as ScandinavianFoldingFilter folds it (å, æ, ä, aa, ae, ao → a; ø, ö, oe, oo → o). */
    static String fold(String word) {
        return FOLDER.get().fold(word);
    }

    /** A word's term: stemmed, then folded. */
    static String term(String word) {
        return fold(stem(word));
    }

    /** Lucene's folding filter over a single reusable one-word stream. */
    private static final class Folder {
        private final KeywordTokenizer source = new KeywordTokenizer();
        private final TokenStream stream = new ScandinavianFoldingFilter(source);
        private final CharTermAttribute term = stream.getAttribute(CharTermAttribute.class);

        String fold(String word) {
            try {
                source.setReader(new StringReader(word));
                stream.reset();
                String out = stream.incrementToken() ? term.toString() : "";
                stream.end();
                stream.close();
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
