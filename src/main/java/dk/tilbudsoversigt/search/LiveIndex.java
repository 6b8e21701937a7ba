package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.NumericDocValues;

import dk.tilbudsoversigt.content.Folders;
import dk.tilbudsoversigt.site.Checked;

/**
 * The preview's search index: kept in memory from one save to the next and brought up to date
 * with only what a save changed, then written as the very files a build writes
 * ({@link SearchIndexWriter}), of which only those that differ are written again.
 *
 * <p>After a save, the documents that changed are read again and the vocabulary follows them;
 * the words that could now be cut into other compound parts (those holding a written form, term
 * or modifier that came or went) are cut again. The Lucene index is kept in small segments of
 * consecutive documents, and only the segments holding a changed document, or a word cut
 * differently, are indexed again. The export then encodes again the terms those documents had
 * or have, and the terms whose order of combinations the new statistics change. When the
 * documents are not the same number as before, or the synonym groups change, everything is
 * worked out again (the tokens of unchanged documents kept). Not thread-safe: one worker drives it.
 */
public final class LiveIndex {
    /** Documents per segment: a save indexes again one segment, so small ones keep that quick. */
    static final int SEGMENT_DOCS = 64;
    /** With more changed documents than this share, working everything out again costs less. */
    private static final double MOST_CHANGED = 0.25;

    private List<SearchDocument> docs;
    private Map<String, List<String>> synonyms;
    private Vocabulary vocabulary;
    private CompoundSplitter splitter;
    private SynonymGroups groups;
    private final List<DirectoryReader> segments = new ArrayList<>();
    private IndexReader reader;
    /** Hex digits in the files' names: more, from the first time two files would have shared a name. */
    private int nameDigits = IndexExport.NAME_DIGITS;
    private IndexExport export;
    private IndexFiles written;
    private BooleanSupplier stop = () -> false;
    private volatile boolean replaced;

    /** What the last {@link #update} did: whether it worked everything out again, and how many documents and terms it encoded again. */
    public record Update(boolean full, int documents, int terms) {}

    private Update last;

    public LiveIndex() {}

    /** For tests: an index whose files' names start with {@code nameDigits} hex digits. */
    LiveIndex(int nameDigits) {
        this.nameDigits = nameDigits;
    }

    /**
     * Brings the index to the content of {@code checked} and writes its files into
     * {@code siteOutput}/soeg, the directory last; files no longer needed are deleted after.
     * Gives up with {@link SiteIndex.Stopped} soon after {@code stop} says so (the next update then
     * works everything out again).
     */
    public Update update(Checked checked, Path siteOutput, BooleanSupplier stop) throws IOException {
        return update(SearchDocuments.of(checked), SearchIndexWriter.synonyms(checked), siteOutput.resolve("soeg"), stop);
    }

    /** As {@link #update(Checked, Path, BooleanSupplier)}, from the documents and synonym groups, into {@code folder} (soeg/). */
    Update update(List<SearchDocument> documents, Map<String, List<String>> nextSynonyms, Path folder, BooleanSupplier stop) throws IOException {
        this.stop = stop;
        List<SearchDocument> next = List.copyOf(documents);
        if (written == null || !written.folder.equals(folder)) written = new IndexFiles(folder);
        if (replaced) {
            replaced = false;
            written.forgetPresent();
        }
        try {
            written.begin();
            if (!incremental(next, nextSynonyms)) everything(next, nextSynonyms);
            if (last.documents() == 0 && written.complete()) return last; // nothing changed, and all is in place
            try {
                export.writeFiles();
            } catch (IndexExport.NameClash e) {
                if (nameDigits >= IndexExport.LONG_NAME_DIGITS) throw new IllegalStateException("two search files share a 64-bit name", e);
                nameDigits = IndexExport.LONG_NAME_DIGITS;
                written.begin();
                everything(next, nextSynonyms);
                export.writeFiles();
            }
            written.end();
            return last;
        } catch (UncheckedIOException e) {
            forget();
            throw e.getCause();
        } catch (RuntimeException e) {
            forget();
            throw e;
        }
    }

    /**
     * The files of the folder are gone (the preview put a new site in place): the next update
     * writes all of them. From any thread, also while an update runs.
     */
    public void folderReplaced() {
        replaced = true;
    }

    /** Forgets everything: the next update works it all out. */
    private void forget() {
        docs = null;
        export = null;
        segments.clear();
        if (written != null) written.forgetPresent();
    }

    private void checkpoint() {
        if (stop.getAsBoolean()) throw new SiteIndex.Stopped();
    }

    /** Everything anew, but the tokens of documents that did not change. */
    private void everything(List<SearchDocument> next, Map<String, List<String>> nextSynonyms) {
        Map<SearchDocument, String[][]> known = new HashMap<>();
        if (docs != null) {
            for (int d = 0; d < docs.size(); d++) known.put(docs.get(d), allWords(d));
        }
        vocabulary = Vocabulary.of(next, this::checkpoint, known::get);
        splitter = new CompoundSplitter(vocabulary.terms(), vocabulary.written(), vocabulary.modifiers(), Words::term, Words::fold);
        vocabulary.splitWith(splitter);
        groups = new SynonymGroups(nextSynonyms, Analysis.index(splitter, null));
        docs = next;
        synonyms = nextSynonyms;
        segments.clear();
        for (int from = 0; from < docs.size(); from += SEGMENT_DOCS) segments.add(segment(from));
        reader = reader();
        export = IndexExport.kept(docs.size(), nameDigits);
        export.encodeAll(source(), written);
        last = new Update(true, docs.size(), export.entries().size());
    }

    /** Only what changed; false when that is not possible or not worth it. */
    private boolean incremental(List<SearchDocument> next, Map<String, List<String>> nextSynonyms) {
        if (docs == null || next.size() != docs.size() || !nextSynonyms.equals(synonyms)) return false;
        List<Integer> changed = new ArrayList<>();
        for (int d = 0; d < next.size(); d++) {
            if (!next.get(d).equals(docs.get(d))) changed.add(d);
        }
        if (changed.size() > MOST_CHANGED * docs.size()) return false;
        if (changed.isEmpty()) {
            last = new Update(false, 0, 0);
            return true;
        }
        // what the changed documents held, field by field, before anything changes
        Map<Integer, List<Map<String, Integer>>> before = new HashMap<>();
        for (int d : changed) before.put(d, frequencies(d, vocabulary::indexTerms));
        Analyzer surface = Analysis.surface();
        for (int d : changed) {
            checkpoint();
            vocabulary.replace(d, Vocabulary.wordsOf(next.get(d), surface));
        }
        surface.close();
        Vocabulary.Settled settled = vocabulary.settle();
        Map<String, String[]> was = new HashMap<>();
        for (String w : settled.cutAgain()) {
            String[] t = vocabulary.indexTerms(w);
            if (t != null) was.put(w, t);
        }
        if (settled.newSplitter()) {
            splitter = new CompoundSplitter(Set.copyOf(vocabulary.terms()), vocabulary.written(), vocabulary.modifiers(), Words::term, Words::fold);
        }
        vocabulary.splitAgain(settled.cutAgain(), splitter);
        Set<String> cutDifferently = new HashSet<>();
        for (Map.Entry<String, String[]> e : was.entrySet()) {
            if (!Arrays.equals(e.getValue(), vocabulary.indexTerms(e.getKey()))) cutDifferently.add(e.getKey());
        }
        docs = next; // the vocabulary has the new documents' words already
        // the groups' members are cut by the splitter: with a new one they may differ
        if (settled.newSplitter() && !new SynonymGroups(synonyms, Analysis.index(splitter, null)).table().equals(groups.table())) return false;

        // the documents whose tokens change: those that changed, and those with a word now cut differently
        Set<Integer> again = new TreeSet<>(changed);
        if (!cutDifferently.isEmpty()) {
            Function<String, String[]> old = w -> was.containsKey(w) ? was.get(w) : vocabulary.indexTerms(w);
            for (int d = 0; d < docs.size(); d++) {
                if (again.contains(d) || !vocabulary.usesAny(d, cutDifferently)) continue;
                checkpoint();
                again.add(d);
                before.put(d, frequencies(d, old));
            }
        }
        byte[][] normsBefore = norms(again);
        Set<Integer> segmentsAgain = new TreeSet<>();
        for (int d : again) segmentsAgain.add(d / SEGMENT_DOCS);
        for (int k : segmentsAgain) {
            checkpoint();
            close(segments.set(k, segment(k * SEGMENT_DOCS)));
        }
        reader = reader();
        byte[][] normsAfter = norms(again);

        // the terms whose entries may change: in a field whose norm changed, all of the field's;
        // otherwise those whose frequency changed; and those that gained or lost a written form
        Set<String> terms = new TreeSet<>(settled.formsChanged());
        int i = 0;
        for (int d : again) {
            List<Map<String, Integer>> now = frequencies(d, vocabulary::indexTerms);
            for (int f = 0; f < now.size(); f++) {
                Map<String, Integer> a = before.get(d).get(f);
                Map<String, Integer> b = now.get(f);
                if (normsBefore[f][i] != normsAfter[f][i]) {
                    terms.addAll(a.keySet());
                    terms.addAll(b.keySet());
                    continue;
                }
                for (String t : a.keySet()) if (!a.get(t).equals(b.get(t))) terms.add(t);
                for (String t : b.keySet()) if (!a.containsKey(t)) terms.add(t);
            }
            i++;
        }
        export.encodeChanged(source(), written, terms, settled.counted(), changed);
        last = new Update(false, changed.size(), terms.size());
        return true;
    }

    /** Each field's terms of document {@code d} with their frequencies, its words' terms given by {@code termsOf}. */
    private List<Map<String, Integer>> frequencies(int d, Function<String, String[]> termsOf) {
        List<Map<String, Integer>> out = new ArrayList<>();
        for (int f = 0; f < Fields.ALL.size(); f++) out.add(Replay.ofWords(vocabulary.words(d, f), termsOf, groups).frequencies());
        return out;
    }

    /** The norms of these documents (in order) in every field, as the index now has them; 0 where a field is empty. */
    private byte[][] norms(Set<Integer> of) {
        byte[][] out = new byte[Fields.ALL.size()][of.size()];
        try {
            for (int f = 0; f < out.length; f++) {
                NumericDocValues values = MultiDocValues.getNormValues(reader, Fields.ALL.get(f).field());
                if (values == null) continue;
                int i = 0;
                for (int d : of) {
                    if (values.advanceExact(d)) out[f][i] = (byte) values.longValue();
                    i++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private String[][] allWords(int d) {
        String[][] out = new String[Fields.ALL.size()][];
        for (int f = 0; f < out.length; f++) out[f] = vocabulary.words(d, f);
        return out;
    }

    private DirectoryReader segment(int from) {
        try {
            return DirectoryReader.open(SiteIndex.segment(docs, vocabulary, groups, from, Math.min(docs.size(), from + SEGMENT_DOCS),
                    this::checkpoint));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(IndexReader replaced) {
        try {
            replaced.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IndexReader reader() {
        try {
            return new MultiReader(segments.toArray(IndexReader[]::new), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IndexExport.Source source() {
        return new IndexExport.Source(docs, vocabulary, groups, reader, this::checkpoint);
    }

    /**
     * The index's files in the preview's folder: a file is written only when it is not there
     * yet, through a temporary file moved into place (a search under way never reads half a
     * file); the directory last; after it, the files the directory no longer names are deleted.
     */
    private static final class IndexFiles implements IndexExport.Sink {
        final Path folder;
        /** Files in the folder, written by earlier updates. */
        private final Set<String> present = ConcurrentHashMap.newKeySet();
        /** Files the update under way names. */
        private final Set<String> named = ConcurrentHashMap.newKeySet();
        private boolean complete;

        IndexFiles(Path folder) {
            this.folder = folder;
        }

        void begin() {
            named.clear();
        }

        /** Whether the folder holds every file of the last update. */
        boolean complete() {
            return complete;
        }

        void forgetPresent() {
            present.clear();
            complete = false;
        }

        @Override
        public void put(String path, Supplier<byte[]> content) {
            named.add(path);
            if (!path.equals(IndexExport.DIRECTORY) && present.contains(path)) return;
            try {
                Path target = folder.resolve(path);
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), ".", ".ny");
                Files.write(temp, content.get());
                Folders.replace(temp, target);
                present.add(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** After the directory: deletes the files of earlier updates that it no longer names. */
        void end() throws IOException {
            for (String path : List.copyOf(present)) {
                if (named.contains(path)) continue;
                Path file = folder.resolve(path);
                Files.deleteIfExists(file);
                present.remove(path);
            }
            complete = true;
        }
    }

    /** For tests: the files the last update's directory names. */
    Collection<String> named() {
        return written == null ? List.of() : Set.copyOf(written.named);
    }
}
