package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The tokens of one field, worked out ahead (on any thread) and replayed to the index writer.
 * {@link #ofWords} makes the index chain's tokens ({@link Analysis#index}) straight from the
 * vocabulary's table per word: the same terms, positions and types as compound splitting,
 * stemming, folding, removing duplicates and adding synonym groups one token at a time, without
 * a token stream per step (at 10,000 offers those steps copying every term from attribute to
 * attribute were a fifth of the search stage).
 */
final class Replay extends TokenStream {
    private static final String[] TYPES = {TypeAttribute.DEFAULT_TYPE, Analysis.PART, Analysis.GROUP};
    private static final byte WORD = 0;
    private static final byte PART = 1;
    private static final byte GROUP = 2;

    private final String[] terms;
    private final int[] increments;
    private final byte[] types;
    private final int count;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private int next;

    private Replay(String[] terms, int[] increments, byte[] types, int count) {
        this.terms = terms;
        this.increments = increments;
        this.types = types;
        this.count = count;
    }

    /** How often each term occurs in the stream: its frequency in the field. */
    Map<String, Integer> frequencies() {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < count; i++) out.merge(terms[i], 1, Integer::sum);
        return out;
    }

    /** Runs {@code stream} now and keeps what it gave. */
    static Replay of(TokenStream stream) {
        Tokens out = new Tokens(64);
        try (TokenStream ts = stream) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute p = ts.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute y = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String kind = y.type();
                out.add(t.toString(), p.getPositionIncrement(), kind.equals(Analysis.PART) ? PART : kind.equals(Analysis.GROUP) ? GROUP : WORD);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.replay();
    }

    /**
     * The index tokens of a field's words, given as the terms the index holds for each word in
     * turn ({@link Vocabulary#indexTerms}): each word's term, then the synonym groups whose member
     * ends at it, then each compound part's term with the groups it names, all parts and groups
     * at the word's position. A word without terms (null: the table does not know it) is left out.
     */
    static Replay ofWords(String[][] termsOfWords, SynonymGroups groups) {
        Tokens out = new Tokens(termsOfWords.length + termsOfWords.length / 2 + 8);
        SynonymGroups.Window window = groups.window();
        java.util.function.Consumer<String> group = g -> out.add(g, 0, GROUP);
        for (String[] terms : termsOfWords) {
            if (terms == null || terms.length == 0) continue;
            out.add(terms[0], 1, WORD);
            window.newPosition();
            window.word(terms[0], group);
            for (int i = 1; i < terms.length; i++) {
                out.add(terms[i], 0, PART);
                window.part(terms[i], group);
            }
        }
        return out.replay();
    }

    /** As {@link #ofWords(String[][], SynonymGroups)}, each word's terms given by {@code termsOf}. */
    static Replay ofWords(String[] words, Function<String, String[]> termsOf, SynonymGroups groups) {
        String[][] terms = new String[words.length][];
        for (int i = 0; i < words.length; i++) terms[i] = termsOf.apply(words[i]);
        return ofWords(terms, groups);
    }

    /** Growing arrays of tokens. */
    private static final class Tokens {
        String[] terms;
        int[] increments;
        byte[] types;
        int n;

        Tokens(int capacity) {
            terms = new String[capacity];
            increments = new int[capacity];
            types = new byte[capacity];
        }

        void add(String term, int increment, byte type) {
            if (n == terms.length) {
                terms = Arrays.copyOf(terms, 2 * n);
                increments = Arrays.copyOf(increments, 2 * n);
                types = Arrays.copyOf(types, 2 * n);
            }
            terms[n] = term;
            increments[n] = increment;
            types[n++] = type;
        }

        Replay replay() {
            return new Replay(terms, increments, types, n);
        }
    }

    @Override
    public boolean incrementToken() {
        if (next >= count) return false;
        clearAttributes();
        term.setEmpty().append(terms[next]);
        position.setPositionIncrement(increments[next]);
        type.setType(TYPES[types[next]]);
        next++;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = 0;
    }
}
