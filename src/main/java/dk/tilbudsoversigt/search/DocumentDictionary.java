package dk.tilbudsoversigt.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A preset dictionary for the document files: the runs of words the site's documents share
 * most ("Du kan selv henvende dig", {@code ","type":"tilbud","text":"}). A document of a few
 * hundred bytes compresses poorly on its own, because deflate has nothing to refer back to;
 * with this dictionary in its window it comes out about a third smaller. The browser fetches
 * the dictionary once and puts it before each document it inflates (docs/soegning.md).
 */
final class DocumentDictionary {
    /** The dictionary's size: larger ones save a little more per document but cost more on a first query. */
    static final int MAX_BYTES = 4 * 1024;
    /** Documents read to choose the runs: every k-th, so a large site costs no more than this. */
    private static final int SAMPLE_DOCS = 600;
    /** Runs of up to this many words. */
    private static final int MAX_WORDS = 4;
    /** A run must be in at least this many sampled documents. */
    private static final int MIN_DOCS = 3;
    /** A word with the punctuation and spaces after it (or the punctuation a document starts with). */
    private static final Pattern PIECE = Pattern.compile("[^\\p{L}\\p{N}]*[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]*|[^\\p{L}\\p{N}]+");

    /** In how many sampled documents each run is: what the dictionary is chosen from. */
    private final Map<String, Integer> inDocs = new HashMap<>();
    private final int docs;
    /** The dictionary chosen from the counts as they are, or null when a sampled document changed since. */
    private byte[] chosen;

    private DocumentDictionary(List<byte[]> documents) {
        this.docs = documents.size();
        for (int d = 0; d < docs; d += step(docs)) count(documents.get(d), 1);
    }

    /**
     * The dictionary for these documents (UTF-8 JSON). Runs are chosen by the bytes they would
     * save (documents they are in, less one, times their length), skipping a run inside one
     * already chosen; the most useful come last, nearest to the document in deflate's window.
     */
    static byte[] of(List<byte[]> documents) {
        return counted(documents).dictionary();
    }

    /**
     * The runs of these documents counted, kept so that a changed document ({@link #replace})
     * costs only its own runs, not those of every sampled document again (the preview's search).
     */
    static DocumentDictionary counted(List<byte[]> documents) {
        return new DocumentDictionary(documents);
    }

    /** Document {@code d} was {@code before} and is {@code after} now; the number of documents is the same. */
    void replace(int d, byte[] before, byte[] after) {
        if (d % step(docs) != 0) return; // not sampled: the dictionary does not read it
        count(before, -1);
        count(after, 1);
        chosen = null;
    }

    /** Adds ({@code sign} 1) or takes away (-1) a document's runs, each once. */
    private void count(byte[] document, int sign) {
        List<String> pieces = pieces(new String(document, StandardCharsets.UTF_8));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pieces.size(); i++) {
            StringBuilder run = new StringBuilder();
            for (int n = 0; n < MAX_WORDS && i + n < pieces.size(); n++) {
                run.append(pieces.get(i + n));
                String r = run.toString();
                if (seen.add(r) && inDocs.merge(r, sign, Integer::sum) == 0) inDocs.remove(r);
            }
        }
    }

    /** The dictionary of the documents as they are now: the same as {@link #of} of them; chosen again only when a sampled document changed. */
    byte[] dictionary() {
        if (chosen == null) chosen = choose();
        return chosen;
    }

    private byte[] choose() {
        record Run(String text, int bytes, long saves) {}
        List<Run> runs = new ArrayList<>();
        inDocs.forEach((text, docs) -> {
            if (docs < MIN_DOCS) return;
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 3 || bytes > MAX_BYTES) return;
            runs.add(new Run(text, bytes, (long) (docs - 1) * bytes));
        });
        runs.sort(Comparator.comparingLong(Run::saves).reversed().thenComparing(Run::text));
        List<String> chosen = new ArrayList<>();
        int size = 0;
        for (Run run : runs) {
            if (size + run.bytes() > MAX_BYTES) continue;
            if (chosen.stream().anyMatch(c -> c.contains(run.text()))) continue;
            chosen.add(run.text());
            size += run.bytes();
            if (size > MAX_BYTES - 8) break;
        }
        StringBuilder out = new StringBuilder(size);
        for (int i = chosen.size() - 1; i >= 0; i--) out.append(chosen.get(i));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every k-th document is read: the dictionary of {@code docs} documents depends on these alone. */
    private static int step(int docs) {
        return Math.max(1, (docs + SAMPLE_DOCS - 1) / SAMPLE_DOCS);
    }

    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PIECE.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }
}
