package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The tokens of one field, analysed ahead (on any thread) and replayed to the index writer, so
 * that both cores analyse while one writer keeps the documents in order.
 */
final class Replay extends TokenStream {
    private final String[] terms;
    private final int[] increments;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private int next;

    private Replay(String[] terms, int[] increments) {
        this.terms = terms;
        this.increments = increments;
    }

    /** Runs {@code stream} now and keeps what it gave. */
    static Replay of(TokenStream stream) {
        String[] terms = new String[64];
        int[] increments = new int[64];
        int n = 0;
        try (TokenStream ts = stream) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute p = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (n == terms.length) {
                    terms = java.util.Arrays.copyOf(terms, 2 * n);
                    increments = java.util.Arrays.copyOf(increments, 2 * n);
                }
                terms[n] = t.toString();
                increments[n++] = p.getPositionIncrement();
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Replay(java.util.Arrays.copyOf(terms, n), java.util.Arrays.copyOf(increments, n));
    }

    @Override
    public boolean incrementToken() {
        if (next >= terms.length) return false;
        clearAttributes();
        term.setEmpty().append(terms[next]);
        position.setPositionIncrement(increments[next]);
        next++;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = 0;
    }
}
