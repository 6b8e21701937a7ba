package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.ScandinavianFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ScandinavianNormalizationFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.tartarus.snowball.ext.DanishStemmer;

/**
 * The one analysis chain of the search, used to index the site and mirrored by the browser
 * (assets/js/analyse.js, docs/soegning.md):
 *
 * <pre>
 * StandardTokenizer → lower case → Scandinavian normalisation (aa→å, ae→æ, oe→ø, ä→æ, ö→ø)
 *   → Danish stop words → compound parts → Snowball Danish stemmer → Scandinavian folding (å, æ→a, ø→o)
 *   → one of each term per position → synonym groups
 * </pre>
 *
 * Folding comes after stemming, so the stemmer sees real Danish letters, and "paarorende",
 * typed on a keyboard without æøå, meets "pårørende".
 */
public final class Analysis {
    /** Token type of a compound part, indexed at the position of its whole word. */
    static final String PART = "part";
    /** Token type of a synonym group, indexed at the position of the word that named it. */
    static final String GROUP = "group";

    /** Danish stop words, as Lucene's DanishAnalyzer has them, normalised like every token. */
    static final CharArraySet STOP_WORDS = normalisedStopWords();

    private Analysis() {}

    /** Words as written, for the vocabulary: tokenised, lower case, normalised, no stop words. */
    static Analyzer surface() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, surfaceFilters(source));
            }
        };
    }

    /** The whole chain; {@code splitter} and {@code groups} may be null (no parts, no synonyms). */
    static Analyzer index(CompoundSplitter splitter, SynonymGroups groups) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = surfaceFilters(source);
                if (splitter != null) stream = new CompoundSplitFilter(stream, splitter);
                stream = new ScandinavianFoldingFilter(new SnowballFilter(stream, new DanishStemmer()));
                stream = new RemoveDuplicatesTokenFilter(stream);
                if (groups != null) stream = new SynonymGroupFilter(stream, groups);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /**
     * The chain as {@link #index}, for one field of one document, from the words the vocabulary
     * read with {@link #surface} and the terms it worked out once per word for the whole site
     * ({@link Vocabulary#indexTerms}): the same terms.
     */
    static TokenStream fromWords(Vocabulary vocabulary, int doc, int field, SynonymGroups groups) {
        return Replay.ofWords(vocabulary.indexTermsOfWords(doc, field), groups);
    }

    private static TokenStream surfaceFilters(Tokenizer source) {
        return new StopFilter(new ScandinavianNormalizationFilter(new LowerCaseFilter(source)), STOP_WORDS);
    }

    /** The terms of {@code text}, each with its token type. */
    static List<Token> tokens(Analyzer analyzer, String text) {
        return tokens(analyzer.tokenStream("f", new StringReader(text)));
    }

    /** The terms of {@code text}, without their types: what the vocabulary reads of every field of every page. */
    static String[] terms(Analyzer analyzer, String text) {
        String[] out = new String[16];
        int n = 0;
        try (TokenStream ts = analyzer.tokenStream("f", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (n == out.length) out = java.util.Arrays.copyOf(out, 2 * n);
                out[n++] = term.toString();
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The terms a stream gives, each with its token type. */
    static List<Token> tokens(TokenStream stream) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = stream) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(new Token(term.toString(), type.type()));
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The one term a single normalised word becomes, or "" when nothing is left. */
    private static String single(Analyzer analyzer, String word) {
        List<Token> t = tokens(analyzer, word);
        return t.isEmpty() ? "" : t.get(0).term();
    }

    record Token(String term, String type) {
        boolean whole() {
            return !type.equals(PART) && !type.equals(GROUP);
        }
    }

    private static CharArraySet normalisedStopWords() {
        Analyzer normalise = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new ScandinavianNormalizationFilter(new LowerCaseFilter(source)));
            }
        };
        CharArraySet out = new CharArraySet(128, false);
        for (Object word : DanishAnalyzer.getDefaultStopSet()) {
            out.add(single(normalise, new String((char[]) word)));
        }
        normalise.close();
        return CharArraySet.unmodifiableSet(out);
    }
}
