package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

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
    private final SynonymGroups groups;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final Deque<String> recentWords = new ArrayDeque<>();
    private final Deque<String> pending = new ArrayDeque<>();
    /**
     * Groups already added at the current position: a word and its part may name the same group.
     * A list, as it holds one or two groups and is emptied at every position: clearing a hash set
     * costs its capacity, per token.
     */
    private final List<String> addedHere = new ArrayList<>();
    private State current;

    SynonymGroupFilter(TokenStream input, SynonymGroups groups) {
        super(input);
        this.groups = groups;
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
        if (position.getPositionIncrement() > 0 && !addedHere.isEmpty()) addedHere.clear();
        String t = term.toString();
        if (type.type().equals(Analysis.PART)) {
            if (groups.endsAMember(t)) queue(groups.groupsOf(List.of(t)));
        } else {
            recentWords.addLast(t);
            while (recentWords.size() > groups.longest()) recentWords.removeFirst();
            if (groups.endsAMember(t)) {
                List<String> recent = new ArrayList<>(recentWords);
                for (int k = 1; k <= recent.size(); k++) {
                    queue(groups.groupsOf(recent.subList(recent.size() - k, recent.size())));
                }
            }
        }
        if (!pending.isEmpty()) current = captureState();
        return true;
    }

    private void queue(Set<String> found) {
        for (String g : found) {
            if (!addedHere.contains(g)) {
                addedHere.add(g);
                pending.addLast(g);
            }
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        recentWords.clear();
        pending.clear();
        addedHere.clear();
        current = null;
    }
}
