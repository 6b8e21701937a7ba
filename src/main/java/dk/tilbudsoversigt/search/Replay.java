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
        java.util.List<String> terms = new java.util.ArrayList<>();
        java.util.List<Integer> increments = new java.util.ArrayList<>();
        try (TokenStream ts = stream) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute p = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(t.toString());
                increments.add(p.getPositionIncrement());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Replay(terms.toArray(String[]::new), increments.stream().mapToInt(Integer::intValue).toArray());
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
