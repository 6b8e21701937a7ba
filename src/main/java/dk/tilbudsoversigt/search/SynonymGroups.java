package dk.tilbudsoversigt.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.lucene.analysis.Analyzer;

/**
 * Words that mean the same on this site: a glossary term or a target group with its
 * synonyms ("Autisme", "ASF", "autismespektrumforstyrrelse"). Wherever a page uses one of
 * them, the index adds the group's own term ({@code =maalgrupper/autisme}) at that position;
 * a query that uses one of them also asks for the group's term. A name of several words
 * ("blodprop i hjernen") matches those words in a row.
 */
final class SynonymGroups {
    /** Group term prefix: a character the tokenizer never emits, so it cannot meet a real word. */
    static final String PREFIX = "=";

    /** A member: its terms in order → the group terms it stands for. */
    private final Map<List<String>, Set<String>> members = new LinkedHashMap<>();
    /** The last term of every member: only a word with one of these can end a member. */
    private final Set<String> lastTerms = new java.util.HashSet<>();
    private int longest;

    /**
     * @param names   group key ("maalgrupper/autisme") → its names (title and synonyms)
     * @param analyzer the index chain without synonyms, to turn each name into terms
     */
    SynonymGroups(Map<String, List<String>> names, Analyzer analyzer) {
        for (Map.Entry<String, List<String>> group : new TreeMap<>(names).entrySet()) {
            for (String name : group.getValue()) {
                List<String> terms = Analysis.tokens(analyzer, name).stream()
                        .filter(Analysis.Token::whole).map(Analysis.Token::term).toList();
                if (terms.isEmpty()) continue;
                members.computeIfAbsent(terms, k -> new LinkedHashSet<>()).add(PREFIX + group.getKey());
                lastTerms.add(terms.get(terms.size() - 1));
                longest = Math.max(longest, terms.size());
            }
        }
    }

    int longest() {
        return longest;
    }

    /** Whether some member ends in this term. */
    boolean endsAMember(String term) {
        return lastTerms.contains(term);
    }

    /** The group terms that {@code terms} (a whole member) stands for; empty when none. */
    Set<String> groupsOf(List<String> terms) {
        return members.getOrDefault(terms, Set.of());
    }

    /** Every member with its groups, for the browser: [[terms...], [groups...]]. */
    List<List<List<String>>> table() {
        List<List<List<String>>> out = new ArrayList<>();
        for (Map.Entry<List<String>, Set<String>> e : members.entrySet()) {
            out.add(List.of(e.getKey(), List.copyOf(e.getValue())));
        }
        return out;
    }
}
