package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Replaces each word by its term and then its compound parts' terms at the same position, as
 * looked up in a table worked out once per word: the same tokens as compound splitting,
 * stemming, folding and removing duplicates one token at a time ({@link Analysis#index}),
 * without doing that work again for every occurrence of a word.
 */
final class WordTermsFilter extends TokenFilter {
    private final Function<String, String[]> termsOf;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private String[] pending;
    private int next;

    WordTermsFilter(TokenStream input, Function<String, String[]> termsOf) {
        super(input);
        this.termsOf = termsOf;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null && next < pending.length) {
            term.setEmpty().append(pending[next++]);
            position.setPositionIncrement(0);
            type.setType(Analysis.PART);
            return true;
        }
        while (input.incrementToken()) {
            pending = termsOf.apply(term.toString());
            next = 1;
            if (pending == null || pending.length == 0) continue; // only a word the vocabulary never saw
            term.setEmpty().append(pending[0]);
            return true;
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }
}
