package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Adds the term of each synonym group whose member ends at the current word: a member of
 * several words must match the last whole words in a row; a one-word member also matches a
 * compound part. Group terms go at the same position, token type {@link Analysis#GROUP}.
 */
final class SynonymGroupFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final SynonymGroups.Window window;
    private final Deque<String> pending = new ArrayDeque<>();
    private final Consumer<String> queue = pending::addLast;
    private State current;

    SynonymGroupFilter(TokenStream input, SynonymGroups groups) {
        super(input);
        this.window = groups.window();
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(current);
            term.setEmpty().append(pending.removeFirst());
            position.setPositionIncrement(0);
            type.setType(Analysis.GROUP);
            return true;
        }
        if (!input.incrementToken()) return false;
        if (position.getPositionIncrement() > 0) window.newPosition();
        if (type.type().equals(Analysis.PART)) window.part(term.toString(), queue);
        else window.word(term.toString(), queue);
        if (!pending.isEmpty()) current = captureState();
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        window.reset();
        pending.clear();
        current = null;
    }
}
