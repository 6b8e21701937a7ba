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
    /** The members by their last term, shortest first: only a word with one of these terms can end a member. */
    private final Map<String, List<Member>> byLastTerm = new java.util.HashMap<>();
    private int longest;

    /** A member's terms and the group terms it stands for, as arrays: the index looks them up for every word. */
    private record Member(String[] terms, String[] groups) {}

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
                longest = Math.max(longest, terms.size());
            }
        }
        for (Map.Entry<List<String>, Set<String>> e : members.entrySet()) {
            List<String> terms = e.getKey();
            byLastTerm.computeIfAbsent(terms.get(terms.size() - 1), k -> new ArrayList<>())
                    .add(new Member(terms.toArray(String[]::new), e.getValue().toArray(String[]::new)));
        }
        byLastTerm.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(m -> m.terms().length)));
    }

    int longest() {
        return longest;
    }

    /**
     * Adds to {@code out}, each once, the group terms of the members that the last {@code count}
     * of {@code recent} end with, shorter members first: as {@link #groupsOf} for the last one,
     * two, ... terms in turn.
     */
    private void groupsEndingWith(String[] recent, int count, List<String> out) {
        List<Member> candidates = byLastTerm.get(recent[count - 1]);
        if (candidates == null) return;
        for (Member m : candidates) {
            int n = m.terms().length;
            if (n > count) break;
            boolean matches = true;
            for (int i = 0; i < n - 1 && matches; i++) matches = m.terms()[i].equals(recent[count - n + i]);
            if (!matches) continue;
            for (String g : m.groups()) if (!out.contains(g)) out.add(g);
        }
    }

    /** A fresh {@link Window} for one stream of tokens. */
    Window window() {
        return new Window();
    }

    /**
     * The groups a stream of tokens names, token by token, as the index and the query chain add
     * them: a member of several words must match the last whole words in a row; a one-word member
     * also matches a compound part; each group once per position (a word and its part may name
     * the same group).
     */
    final class Window {
        private final String[] recent = new String[Math.max(1, longest)]; // the last whole-word terms, oldest first
        private int count;
        private final String[] part = new String[1];
        private final List<String> addedHere = new ArrayList<>(2); // a list: it holds one or two, and is emptied per position

        /** The next tokens are at a new position. */
        void newPosition() {
            addedHere.clear();
        }

        /** A whole word: gives the groups whose members end with it that its position has not had yet. */
        void word(String term, java.util.function.Consumer<String> group) {
            if (longest == 0) return;
            if (count == recent.length) {
                System.arraycopy(recent, 1, recent, 0, recent.length - 1);
                count--;
            }
            recent[count++] = term;
            add(recent, count, group);
        }

        /** A compound part of the current word: gives the groups it names that its position has not had yet. */
        void part(String term, java.util.function.Consumer<String> group) {
            if (longest == 0) return;
            part[0] = term;
            add(part, 1, group);
        }

        void reset() {
            count = 0;
            addedHere.clear();
        }

        private void add(String[] terms, int n, java.util.function.Consumer<String> group) {
            int known = addedHere.size();
            groupsEndingWith(terms, n, addedHere);
            for (int g = known; g < addedHere.size(); g++) group.accept(addedHere.get(g));
        }
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
