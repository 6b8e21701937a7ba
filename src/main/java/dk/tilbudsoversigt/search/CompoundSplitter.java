package dk.tilbudsoversigt.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Splits a Danish compound into parts that are themselves words of the site's vocabulary:
 * børnehandicapområdet → børne|handicapområdet → børn, handicapområdet, handicap, området.
 *
 * <p>A part is at least three letters and not a stop word, and the site writes it as a word
 * of its own (or, from six letters, some word of the site has its stem). A part other than
 * the last may end in a linking {@code s} or {@code e} (velfærd+s+teknologi, børn+e+handicap),
 * or be a beginning the site uses before two or more words ("special" in specialundervisning
 * and specialskole: {@link Vocabulary#modifiers}).
 * The last part may not be one of the {@link #SUFFIX_WORDS}, words that are also endings
 * (sund|hed, muligh|eder, billig = bil|lig). Of all ways to cut a word, the one with the
 * fewest parts wins (ties: the longest first part), and each part that is long enough is cut
 * again, so every level of the compound is found. Cutting only into known words keeps out the
 * noise of substring dictionaries ("ørn" and "andi" in "børnehandicapområdet").
 * Words are compared folded (å, æ→a, ø→o), as the browser does, which cuts the same way in
 * assets/js/soeg.js.
 */
final class CompoundSplitter {
    static final int MIN_PART = 3;
    static final int MIN_WORD = 2 * MIN_PART;
    /** The shortest last part that makes a word's beginning a modifier ({@link Vocabulary#modifiers}). */
    static final int MIN_HEAD = 4;

    /** From this length a part may also be an inflection the site does not write: its stem suffices. */
    static final int MIN_STEMMED_PART = 6;
    /** Words that are also Danish endings, so never the last part of a compound. */
    static final Set<String> SUFFIX_WORDS = Set.of(
            "bar", "bare", "else", "ende", "ender", "endes", "ene", "ens", "hed", "heden", "heder", "hederne", "heds",
            "ige", "ing", "inger", "ingen", "ingerne", "ings", "let", "lig", "lige", "ligere", "lighed", "ligheden",
            "ligheder", "lighederne", "ligheds", "ligst", "ligste", "ligt", "ret",
            "sen", "ser", "ses", "set", "skab", "skaber", "skabet", "skabs");

    private final Set<String> terms;
    private final Set<String> written;
    private final Set<String> modifiers;
    private final UnaryOperator<String> stemFold;
    private final UnaryOperator<String> fold;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    /**
     * @param terms    the folded stems of every word the site uses
     * @param written  every word the site uses, folded
     * @param modifiers beginnings of compounds the site uses only in compounds, folded
     * @param stemFold a normalised word to its folded stem
     * @param fold     a normalised word folded
     */
    CompoundSplitter(Set<String> terms, Set<String> written, Set<String> modifiers, UnaryOperator<String> stemFold,
                     UnaryOperator<String> fold) {
        this.terms = terms;
        this.written = written;
        this.modifiers = modifiers;
        this.stemFold = stemFold;
        this.fold = fold;
    }

    /** The parts of a normalised, lower-case word, outermost first; empty when it is not a compound. */
    List<String> parts(String word) {
        if (word.length() < MIN_WORD || !word.chars().allMatch(Character::isLetter)) return List.of();
        List<String> parts = cache.get(word);
        if (parts == null) {
            parts = split(word); // not computeIfAbsent: split recurses into parts()
            cache.putIfAbsent(word, parts);
        }
        return parts;
    }

    private List<String> split(String word) {
        List<String> cut = new Cutter(word).best();
        if (cut == null) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (String part : cut) {
            out.add(part);
            out.addAll(parts(part));
        }
        return List.copyOf(out);
    }

    /** Finds the cut of one word with the fewest parts, by dynamic programming from its end. */
    private final class Cutter {
        private final String word;
        /** The word folded, when folding kept every letter in place, so a part's fold is a substring of it. */
        private final String folded;
        private final int n;
        private final Map<Integer, Boolean> known = new HashMap<>();
        /** fewest[i]: fewest parts that cover word[i..n); 0 = impossible. */
        private final int[] fewest;
        /** end[i]: where the first part of that best cover ends; skip[i]: its linking letter (0 or 1). */
        private final int[] end;
        private final int[] skip;

        Cutter(String word) {
            this.word = word;
            this.n = word.length();
            String f = fold.apply(word);
            this.folded = f.length() == n ? f : null;
            this.fewest = new int[n + 1];
            this.end = new int[n + 1];
            this.skip = new int[n + 1];
        }

        List<String> best() {
            for (int i = n - MIN_PART; i >= 0; i--) {
                // the longest part first, so that ties go to it
                for (int j = n; j >= i + MIN_PART; j--) {
                    if (i == 0 && j == n) continue; // the whole word is not a cut
                    int rest = j == n ? 0 : fewest[j];
                    if (j < n && rest == 0) continue;
                    int linking = accept(i, j, j == n);
                    if (linking < 0) continue;
                    if (fewest[i] == 0 || rest + 1 < fewest[i]) {
                        fewest[i] = rest + 1;
                        end[i] = j;
                        skip[i] = linking;
                    }
                }
            }
            if (fewest[0] == 0) return null;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < n; i = end[i]) parts.add(word.substring(i, end[i] - skip[i]));
            return parts;
        }

        /** 0 if word[i..j) is a known word, 1 if it is one followed by a linking letter, -1 if neither. */
        private int accept(int i, int j, boolean last) {
            if (last) return !SUFFIX_WORDS.contains(folded(i, j)) && isKnown(i, j) ? 0 : -1;
            if (isKnown(i, j) || modifiers.contains(folded(i, j))) return 0;
            char c = word.charAt(j - 1);
            if ((c == 's' || c == 'e') && j - 1 - i >= MIN_PART && isKnown(i, j - 1)) return 1;
            return -1;
        }

        private String folded(int i, int j) {
            return folded != null ? folded.substring(i, j) : fold.apply(word.substring(i, j));
        }

        private boolean isKnown(int i, int j) {
            return known.computeIfAbsent(i * 1000 + j, k -> {
                String part = word.substring(i, j);
                if (Analysis.STOP_WORDS.contains(part)) return false;
                if (written.contains(folded(i, j))) return true;
                return part.length() >= MIN_STEMMED_PART && terms.contains(stemFold.apply(part));
            });
        }
    }
}
