package dk.tilbudsoversigt.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;

/**
 * Every word the site uses, by its term (folded stem): how it is written most often (shown in
 * "Mente du …?"), and the written forms longer than the term (so that a word being typed,
 * "pårørend", finds the term "paror").
 */
final class Vocabulary {
    private final Map<String, Map<String, Integer>> writtenByTerm;
    private final Analyzer stemFold = Analysis.stemFold();
    private final Analyzer fold = Analysis.fold();

    private Vocabulary(Map<String, Map<String, Integer>> writtenByTerm) {
        this.writtenByTerm = writtenByTerm;
    }

    /** Reads every field of every document. */
    static Vocabulary of(List<SearchDocument> docs) {
        Analyzer surface = Analysis.surface();
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        docs.parallelStream().forEach(doc -> {
            Map<String, Integer> local = new HashMap<>();
            for (String text : doc.fields().values()) {
                for (Analysis.Token t : Analysis.tokens(surface, text)) local.merge(t.term(), 1, Integer::sum);
            }
            local.forEach((w, n) -> counts.merge(w, n, Integer::sum));
        });
        Vocabulary v = new Vocabulary(new ConcurrentHashMap<>());
        counts.entrySet().parallelStream().forEach(e -> {
            String term = Analysis.single(v.stemFold, e.getKey());
            if (!term.isEmpty()) v.writtenByTerm.computeIfAbsent(term, k -> new ConcurrentHashMap<>()).put(e.getKey(), e.getValue());
        });
        return v;
    }

    Set<String> terms() {
        return writtenByTerm.keySet();
    }

    /** Every written word, folded. */
    Set<String> written() {
        Set<String> out = java.util.concurrent.ConcurrentHashMap.newKeySet();
        writtenByTerm.values().parallelStream().forEach(m -> m.keySet().forEach(w -> out.add(fold(w))));
        return out;
    }

    String fold(String word) {
        return Analysis.single(fold, word);
    }

    String stemFold(String word) {
        return Analysis.single(stemFold, word);
    }

    /** The most frequent written form of a term (ties: alphabetical). */
    String display(String term) {
        Map<String, Integer> written = writtenByTerm.get(term);
        if (written == null) return term;
        return new TreeMap<>(written).entrySet().stream()
                .max((a, b) -> Integer.compare(a.getValue(), b.getValue()) != 0 ? Integer.compare(a.getValue(), b.getValue())
                        : b.getKey().compareTo(a.getKey()))
                .map(Map.Entry::getKey).orElse(term);
    }

    /** Every written form of a term, folded, sorted. */
    Set<String> foldedForms(String term) {
        Set<String> out = new TreeSet<>();
        for (String w : writtenByTerm.getOrDefault(term, Map.of()).keySet()) out.add(fold(w));
        return out;
    }

    /** The folded written forms of a term that are longer than the term, sorted. */
    Set<String> longerForms(String term) {
        Set<String> out = new TreeSet<>(foldedForms(term));
        out.removeIf(f -> f.length() <= term.length());
        return out;
    }
}
