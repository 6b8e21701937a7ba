package dk.tilbudsoversigt.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;

/**
 * Every word the site uses (normalised, stop words left out), with its term (folded stem) and
 * what the index makes of it: the term and the terms of its compound parts. By term: how it is
 * written most often (shown in "Mente du …?") and all its written forms, folded (so that a
 * word being typed, "pårørend", finds the term "paror", and the browser can split compounds).
 */
final class Vocabulary {
    static final int MODIFIER_HEADS = 2;

    /** Every document's words, by field: what the index pass reads instead of tokenising again. */
    private final Word[][][] words;
    /** Each word of the site, by its text. */
    private final Map<String, Word> byText;
    /** word → how often the site uses it. */
    private final Map<String, Integer> counts;
    /** word → its term. */
    private final Map<String, String> termOf;
    /** word → the word folded. */
    private final Map<String, String> foldedOf;
    /** term → (written form → uses). */
    private final Map<String, Map<String, Integer>> writtenByTerm = new HashMap<>();
    private Set<String> written;
    private Set<String> modifiers;
    /** For {@link #settle}: folded form → how many of the site's words have it; made at the first update. */
    private Map<String, Integer> foldedCounts;
    /** For {@link #settle}: words whose count changed since the last update. */
    private final Set<String> touched = new HashSet<>();

    private Vocabulary(Map<String, Integer> counts, Word[][][] words, Map<String, Word> byText) {
        this.counts = counts;
        this.words = words;
        this.byText = byText;
        this.termOf = counts.keySet().parallelStream().collect(Collectors.toConcurrentMap(w -> w, Words::term));
        for (Map.Entry<String, String> e : termOf.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            writtenByTerm.computeIfAbsent(e.getValue(), k -> new HashMap<>()).put(e.getKey(), counts.get(e.getKey()));
        }
        this.foldedOf = counts.keySet().parallelStream().collect(Collectors.toConcurrentMap(w -> w, Words::fold));
        this.written = Set.copyOf(foldedOf.values());
        this.modifiers = modifiers(written);
    }

    /**
     * Beginnings of compounds that the site never writes alone but puts before two or more
     * different words it does write ("special" in specialundervisning and specialskole), folded. Different words: different stems, so forklare, forklarer and
     * forklaret do not make "fork" a modifier.
     */
    static Set<String> modifiers(Set<String> written) {
        Map<String, Set<String>> heads = new ConcurrentHashMap<>();
        written.parallelStream().forEach(w -> {
            for (int i = CompoundSplitter.MIN_PART; i <= w.length() - CompoundSplitter.MIN_HEAD; i++) {
                String head = w.substring(i);
                if (written.contains(head) && !CompoundSplitter.SUFFIX_WORDS.contains(head)) {
                    heads.computeIfAbsent(w.substring(0, i), k -> ConcurrentHashMap.newKeySet()).add(Words.stem(head));
                }
            }
        });
        return heads.entrySet().stream()
                .filter(e -> e.getValue().size() >= MODIFIER_HEADS && !written.contains(e.getKey()) && !Analysis.STOP_WORDS.contains(e.getKey()))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** Beginnings of compounds the site uses only in compounds ({@link #modifiers(Set)}), folded. */
    Set<String> modifiers() {
        return modifiers;
    }

    /**
     * One word of the site: its single String instance, how often the documents read so far use
     * it, and the terms the index holds for it (its own, then its parts', each once), which every
     * document's words point at, so that the index pass looks nothing up.
     */
    private static final class Word {
        final String text;
        final java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
        String[] indexTerms;

        Word(String text) {
            this.text = text;
        }
    }

    /** One word of one document: the site's {@link Word}, and how often the document uses it. */
    private static final class LocalUse {
        final Word word;
        int count;

        LocalUse(Word word) {
            this.word = word;
        }
    }

    /**
     * Reads every field of every document with the surface chain, and keeps each field's words;
     * {@code checkpoint} runs before each document (it may throw to give up).
     */
    static Vocabulary of(List<SearchDocument> docs, Runnable checkpoint) {
        return of(docs, checkpoint, doc -> null);
    }

    /** As {@link #of(List, Runnable)}, with the words of some documents known already ({@code known} gives null for the others). */
    static Vocabulary of(List<SearchDocument> docs, Runnable checkpoint, java.util.function.Function<SearchDocument, String[][]> known) {
        Analyzer surface = Analysis.surface();
        // one shared map lookup per distinct word of a document gives its single String (however
        // often it occurs); the document counts its own words and adds each count once
        Map<String, Word> byText = new ConcurrentHashMap<>();
        Word[][][] words = new Word[docs.size()][][];
        java.util.stream.IntStream.range(0, docs.size()).parallel().forEach(d -> {
            checkpoint.run();
            String[][] fields = known.apply(docs.get(d));
            if (fields == null) fields = wordsOf(docs.get(d), surface);
            Map<String, LocalUse> local = new HashMap<>();
            Word[][] read = new Word[fields.length][];
            for (int f = 0; f < fields.length; f++) {
                String[] field = fields[f];
                read[f] = new Word[field.length];
                for (int i = 0; i < field.length; i++) {
                    LocalUse here = local.get(field[i]);
                    if (here == null) {
                        Word word = byText.get(field[i]); // without a lock for the words already seen, most of them
                        if (word == null) word = byText.computeIfAbsent(field[i], Word::new);
                        here = new LocalUse(word);
                        local.put(field[i], here);
                    }
                    here.count++;
                    read[f][i] = here.word;
                }
            }
            for (LocalUse here : local.values()) here.word.read.addAndGet(here.count);
            words[d] = read;
        });
        surface.close();
        Map<String, Integer> counts = new HashMap<>(byText.size() * 2);
        byText.forEach((w, word) -> counts.put(w, word.read.get()));
        return new Vocabulary(counts, words, new HashMap<>(byText));
    }

    /** Every field's words of one document, as the surface chain ({@link Analysis#surface}) gives them. */
    static String[][] wordsOf(SearchDocument doc, Analyzer surface) {
        String[][] fields = new String[Fields.ALL.size()][];
        for (int f = 0; f < fields.length; f++) {
            String text = doc.fields().get(Fields.ALL.get(f).field());
            fields[f] = text == null ? new String[0] : Analysis.terms(surface, text);
        }
        return fields;
    }

    /** The words of one field of one document, as the surface chain gave them. */
    String[] words(int doc, int field) {
        Word[] of = words[doc][field];
        String[] out = new String[of.length];
        for (int i = 0; i < out.length; i++) out[i] = of[i].text;
        return out;
    }

    /** Whether document {@code doc} uses any of {@code texts} in any field (without copying its words). */
    boolean usesAny(int doc, Set<String> texts) {
        for (Word[] field : words[doc]) {
            for (Word w : field) if (texts.contains(w.text)) return true;
        }
        return false;
    }

    boolean hasWords(int doc, int field) {
        return words[doc][field].length > 0;
    }

    /** The terms the index holds for each word of one field of one document, in order ({@link #indexTerms(String)}). */
    String[][] indexTermsOfWords(int doc, int field) {
        Word[] of = words[doc][field];
        String[][] out = new String[of.length][];
        for (int i = 0; i < out.length; i++) out[i] = of[i].indexTerms;
        return out;
    }

    /** Works out, once per word, the terms the index holds for it. */
    void splitWith(CompoundSplitter splitter) {
        byText.values().parallelStream().forEach(w -> w.indexTerms = indexTerms(w.text, termOf.get(w.text), splitter));
    }

    private static String[] indexTerms(String word, String term, CompoundSplitter splitter) {
        Set<String> terms = new LinkedHashSet<>();
        terms.add(term);
        for (String part : splitter.parts(word)) terms.add(Words.term(part));
        terms.remove("");
        return terms.toArray(String[]::new);
    }

    /** Works out again the terms the index holds for these words (the vocabulary's own words). */
    void splitAgain(Collection<String> words, CompoundSplitter splitter) {
        for (String w : words) byText.get(w).indexTerms = indexTerms(w, termOf.get(w), splitter);
    }

    /** Gives document {@code doc} these words (by field, as {@link #wordsOf} gives them); {@link #settle()} after the last. */
    void replace(int doc, String[][] fields) {
        Word[][] now = new Word[fields.length][];
        for (int f = 0; f < fields.length; f++) {
            now[f] = new Word[fields[f].length];
            for (int i = 0; i < now[f].length; i++) now[f][i] = byText.computeIfAbsent(fields[f][i], Word::new);
        }
        count(words[doc], -1);
        count(now, 1);
        words[doc] = now;
    }

    private void count(Word[][] fields, int sign) {
        for (Word[] field : fields) {
            for (Word w : field) {
                counts.merge(w.text, sign, Integer::sum);
                touched.add(w.text);
            }
        }
    }

    /**
     * What settling the vocabulary after {@link #replace} changed.
     *
     * @param cutAgain    the words to cut again
     * @param newSplitter whether they need a splitter of the new vocabulary
     * @param counted     the terms of the words whose uses changed (their display and uses may differ)
     * @param formsChanged the terms that gained or lost a written form
     */
    record Settled(Set<String> cutAgain, boolean newSplitter, Set<String> counted, Set<String> formsChanged) {}

    /**
     * Brings terms, written forms and modifiers in line with the documents' words after
     * {@link #replace}, and says which words must be cut again ({@link #splitAgain}): the new
     * words, and, when a written form, a term or a modifier came or went, every word that holds
     * it (only those can be cut differently), for which a new splitter is needed.
     */
    Settled settle() {
        if (foldedCounts == null) {
            foldedCounts = new HashMap<>();
            for (String f : foldedOf.values()) foldedCounts.merge(f, 1, Integer::sum);
        }
        Set<String> cameOrWent = new HashSet<>();
        boolean writtenChanged = false;
        Set<String> again = new TreeSet<>();
        Set<String> counted = new HashSet<>();
        Set<String> formsChanged = new HashSet<>();
        for (String w : touched) {
            int n = counts.getOrDefault(w, 0);
            String term = termOf.get(w);
            if (term != null) counted.add(term);
            if (n == 0) {
                counts.remove(w);
                byText.remove(w);
                if (term == null) continue;
                termOf.remove(w);
                String folded = foldedOf.remove(w);
                formsChanged.add(term);
                if (!term.isEmpty()) {
                    Map<String, Integer> forms = writtenByTerm.get(term);
                    forms.remove(w);
                    if (forms.isEmpty()) {
                        writtenByTerm.remove(term);
                        cameOrWent.add(term);
                    }
                }
                if (foldedCounts.merge(folded, -1, Integer::sum) == 0) {
                    foldedCounts.remove(folded);
                    cameOrWent.add(folded);
                    writtenChanged = true;
                }
                continue;
            }
            if (term == null) {
                term = Words.term(w);
                String folded = Words.fold(w);
                termOf.put(w, term);
                foldedOf.put(w, folded);
                if (foldedCounts.merge(folded, 1, Integer::sum) == 1) {
                    cameOrWent.add(folded);
                    writtenChanged = true;
                }
                if (!term.isEmpty() && !writtenByTerm.containsKey(term)) cameOrWent.add(term);
                again.add(w);
                counted.add(term);
                formsChanged.add(term);
            }
            if (!term.isEmpty()) writtenByTerm.computeIfAbsent(term, k -> new HashMap<>()).put(w, n);
        }
        touched.clear();
        if (writtenChanged) {
            written = Set.copyOf(foldedCounts.keySet());
            Set<String> now = modifiers(written);
            for (String m : now) if (!modifiers.contains(m)) cameOrWent.add(m);
            for (String m : modifiers) if (!now.contains(m)) cameOrWent.add(m);
            modifiers = now;
        }
        if (!cameOrWent.isEmpty()) {
            for (String w : termOf.keySet()) {
                String folded = foldedOf.get(w);
                for (String s : cameOrWent) {
                    if (folded.contains(s) || w.contains(s)) {
                        again.add(w);
                        break;
                    }
                }
            }
        }
        counted.remove("");
        formsChanged.remove("");
        return new Settled(again, !cameOrWent.isEmpty(), counted, formsChanged);
    }

    /** The terms of a word as the index holds them; null for a word the site does not use. */
    String[] indexTerms(String word) {
        Word w = byText.get(word);
        return w == null ? null : w.indexTerms;
    }

    Set<String> terms() {
        return writtenByTerm.keySet();
    }

    /** Every written word, folded. */
    Set<String> written() {
        return written;
    }

    /** How often the site uses a term, in all its written forms. */
    int uses(String term) {
        return writtenByTerm.getOrDefault(term, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The most frequent written form of a term (ties: alphabetical). */
    String display(String term) {
        String best = term;
        int most = -1;
        for (Map.Entry<String, Integer> e : new TreeMap<>(writtenByTerm.getOrDefault(term, Map.of())).entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    /** Every written form of a term, folded, sorted. */
    List<String> foldedForms(String term) {
        Set<String> out = new java.util.TreeSet<>();
        for (String w : writtenByTerm.getOrDefault(term, Map.of()).keySet()) out.add(foldedOf.get(w));
        return new ArrayList<>(out);
    }

    /** The folded written forms of a term that are longer than the term, sorted. */
    List<String> longerForms(String term) {
        List<String> out = foldedForms(term);
        out.removeIf(f -> f.length() <= term.length());
        return out;
    }
}
