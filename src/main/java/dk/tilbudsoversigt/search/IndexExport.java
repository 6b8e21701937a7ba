package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tilbudsoversigt.content.Folders;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Writes the Lucene index as static files for the browser (the format: docs/soegning.md):
 * term shards of a few KB in term order, the directory {@code soeg/indeks.bin} with the
 * collection statistics, the vocabulary by first letter, filter lists and the documents.
 * Every file but the directory is named by a hash of its content, so browsers may keep it.
 *
 * <p>An export keeps each term's entry and each document's text, so that the preview's
 * {@link LiveIndex} can encode again only the terms and documents a save changed, and write
 * only the files that then differ; the files are those a full export of the same index writes.
 */
final class IndexExport {
    static final int FORMAT = 1;
    /** A shard takes about this many bytes of terms (before compression): see {@link #endsAShard}. */
    static final int SHARD_BYTES = 2 * 1024;
    /** The fewest documents a term must have for its postings to leave norms to the norm files (and at least a tenth of all). */
    static final int SHARED_NORMS_MIN_DOCS = 512;
    /** Postings from this many bytes (before compression) get a file of their own. */
    static final int OWN_FILE_POSTINGS_BYTES = 1024;
    /** Documents per block: a block is a file named by the hash of its documents. */
    static final int BLOCK_DOCS = 64;
    /** The text kept per document to cut excerpts from. */
    static final int EXCERPT_SOURCE_CHARS = 800;
    /**
     * A word the site uses only once is left out of the vocabulary files (typos, "Mente du",
     * compound parts of query words): in a large site most such words are names, numbers and
     * typos themselves, and they would make those files several times larger.
     */
    static final int MIN_USES_FOR_SUGGESTIONS = 2;
    /** Ages with their own filter list; older ages use the last. */
    static final int MAX_AGE = 100;
    /** The directory: the one file whose name does not change. */
    static final String DIRECTORY = "indeks.bin";
    /**
     * Hex digits of the SHA-256 of a file's content that name it: 8 keep the directory small
     * (it lists every shard), and two of an export's files share a name in about one build in
     * several hundred at 10,000 pages; such an export is made again with {@link #LONG_NAME_DIGITS}.
     */
    static final int NAME_DIGITS = 8;
    static final int LONG_NAME_DIGITS = 16;
    /** The folders of the files named by their content. */
    static final List<String> KINDS = List.of("t", "p", "o", "f", "n", "d");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIELDS = Fields.ALL.size();

    /**
     * What an export reads: the documents, their vocabulary and synonym groups, the Lucene index
     * of them (its documents in {@code docs} order), and {@code checkpoint}, which gives up
     * (throws) when told to; it runs between small pieces of work, from any thread.
     */
    record Source(List<SearchDocument> docs, Vocabulary vocabulary, SynonymGroups groups, IndexReader reader, Runnable checkpoint) {}

    /** Where the files go, by path below soeg/ ("t/0a1b2c3d.bin"). */
    interface Sink {
        /** Writes the file, unless this export or an earlier one into the same place has written it (then the content is not made). */
        void put(String path, Supplier<byte[]> content);
    }

    /** One term's entry in its shard after the term itself, how many documents have it, and its order (null when fixed). */
    record Entry(byte[] body, int docs, Order order) {}

    /**
     * What the order of a term's combinations (best first) was worked out from: when the
     * collection's statistics change, the order may too, and then the entry is encoded again.
     */
    record Order(List<String> table, int[] df, long[] totalFreq) {}

    /**
     * Two files of an export would have had one name: the directory is not written, the export
     * has to be made again with longer names.
     */
    static final class NameClash extends RuntimeException {
        NameClash() {
            super("two search files would have had one name", null, false, false);
        }
    }

    private final int sharedNormsFrom;
    private final int ownFileFrom;
    private final int nameDigits;
    /** Each name this export gave, with the whole hash of the content it was given to. */
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private volatile boolean clashed;
    /** Whether entries keep their {@link Order}: only an export that is encoded again needs it. */
    private final boolean keepsOrders;
    private Source source;
    private Sink sink;
    private final TreeMap<String, Entry> entries = new TreeMap<>();
    private byte[][] norms;
    private CollectionStatistics[] stats;
    private final List<byte[]> documents = new ArrayList<>();

    // what the last files were made of, for an export that is encoded again: made again only when
    // what they are made of changed since (null or empty: everything)
    private Set<Integer> changedDocs;
    private Set<String> changedLetters;
    private Set<String> modifiersWritten;
    private Map<String, byte[]> letterFiles;
    private Map<String, byte[]> filterFiles;
    private byte[] dictionary;
    private String[] blockHashes;
    /** The runs of words the dictionary is chosen from, counted (only in an export that is encoded again). */
    private DocumentDictionary runs;

    /**
     * @param sharedNormsFrom terms in this many documents or more use the norm files
     * @param ownFileFrom     postings of this many bytes or more get a file of their own
     */
    private IndexExport(int sharedNormsFrom, int ownFileFrom, boolean keepsOrders, int nameDigits) {
        this.sharedNormsFrom = sharedNormsFrom;
        this.ownFileFrom = ownFileFrom;
        this.keepsOrders = keepsOrders;
        this.nameDigits = nameDigits;
    }

    /** An export of an index of {@code docs} documents that can be encoded again ({@link #encodeChanged}), its files named by {@code nameDigits} hex digits. */
    static IndexExport kept(int docs, int nameDigits) {
        return new IndexExport(sharedNormsFrom(docs), OWN_FILE_POSTINGS_BYTES, true, nameDigits);
    }

    /** Terms in at least this many documents leave norms to the norm files. */
    static int sharedNormsFrom(int docs) {
        return Math.max(SHARED_NORMS_MIN_DOCS, docs / 5);
    }

    /** Writes the search files into {@code folder} (the site's soeg/). */
    static void write(SiteIndex index, Path folder) throws IOException {
        write(index, folder, sharedNormsFrom(index.docs.size()), OWN_FILE_POSTINGS_BYTES, NAME_DIGITS);
    }

    /**
     * As {@link #write(SiteIndex, Path)}, with terms in {@code sharedNormsFrom} documents or more
     * using the norm files, and postings of {@code ownFileFrom} bytes or more in files of their own.
     */
    static void write(SiteIndex index, Path folder, int sharedNormsFrom, int ownFileFrom) throws IOException {
        write(index, folder, sharedNormsFrom, ownFileFrom, NAME_DIGITS);
    }

    /** As {@link #write(SiteIndex, Path, int, int)}, its files named by {@code nameDigits} hex digits, or by more if two would share a name. */
    static void write(SiteIndex index, Path folder, int sharedNormsFrom, int ownFileFrom, int nameDigits) throws IOException {
        Files.createDirectories(folder);
        IndexExport export = new IndexExport(sharedNormsFrom, ownFileFrom, false, nameDigits);
        try {
            export.encodeAll(index.source(), new FolderSink(folder));
            export.writeFiles();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (NameClash e) {
            if (nameDigits >= LONG_NAME_DIGITS) throw new IllegalStateException("two search files share a 64-bit name", e);
            for (String kind : KINDS) Folders.deleteTree(folder.resolve(kind));
            write(index, folder, sharedNormsFrom, ownFileFrom, LONG_NAME_DIGITS);
        }
    }

    /** Encodes every term and document of {@code source} anew. */
    void encodeAll(Source source, Sink sink) {
        this.source = source;
        this.sink = sink;
        norms = norms();
        stats = stats();
        entries.clear();
        encode(collect(null));
        documents.clear();
        runs = null;
        documents.addAll(IntStream.range(0, source.docs().size()).parallel().mapToObj(d -> {
            source.checkpoint().run();
            return document(source.docs().get(d));
        }).toList());
        changedDocs = null;
        changedLetters = null;
    }

    /**
     * Encodes again what changed since the last encoding, from {@code source}, which holds as many
     * documents, in the same order: the terms in {@code terms}, the documents in {@code docs},
     * and the terms whose order of combinations the new collection statistics change.
     *
     * @param terms   every term whose postings, forms or norms may differ from the last encoding
     * @param counted the terms whose uses in the vocabulary may differ (their vocabulary file changes)
     * @param docs    the documents that may differ
     */
    void encodeChanged(Source source, Sink sink, Collection<String> terms, Collection<String> counted, Collection<Integer> docs) {
        if (!keepsOrders || source.docs().size() != documents.size()) throw new IllegalStateException("not an export to encode again");
        List<SearchDocument> docsBefore = this.source.docs();
        this.source = source;
        this.sink = sink;
        norms = norms();
        CollectionStatistics[] before = stats;
        stats = stats();
        Set<String> again = new TreeSet<>(terms);
        if (!Arrays.equals(before, stats, (a, b) -> sameStatistics(a, b) ? 0 : 1)) {
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                Order order = e.getValue().order();
                if (order != null && !again.contains(e.getKey()) && !order.table().equals(ordered(e.getKey(), order.table(), order.df(), order.totalFreq()))) again.add(e.getKey());
            }
        }
        Map<String, TermPostings> postings = collect(again);
        for (String term : again) {
            if (!postings.containsKey(term)) entries.remove(term);
        }
        encode(postings);
        for (int d : docs) {
            byte[] now = document(source.docs().get(d));
            byte[] was = documents.set(d, now);
            if (runs != null) runs.replace(d, was, now);
        }
        if (changedDocs != null) {
            for (int d : docs) {
                changedDocs.add(d);
                if (!sameFilters(docsBefore.get(d), source.docs().get(d))) filterFiles = null;
            }
        }
        if (changedLetters != null) {
            for (String t : again) if (!t.isEmpty()) changedLetters.add(letterOf(t));
            for (String t : counted) if (!t.isEmpty()) changedLetters.add(letterOf(t));
        }
    }

    /** Whether two documents are in the same filter lists. */
    private static boolean sameFilters(SearchDocument a, SearchDocument b) {
        return a.type().equals(b.type()) && a.targetGroups().equals(b.targetGroups()) && java.util.Objects.equals(a.referral(), b.referral())
                && java.util.Objects.equals(a.ageMin(), b.ageMin()) && java.util.Objects.equals(a.ageMax(), b.ageMax());
    }

    private static boolean sameStatistics(CollectionStatistics a, CollectionStatistics b) {
        if (a == null || b == null) return a == b;
        return a.maxDoc() == b.maxDoc() && a.docCount() == b.docCount() && a.sumTotalTermFreq() == b.sumTotalTermFreq()
                && a.sumDocFreq() == b.sumDocFreq();
    }

    private void encode(Map<String, TermPostings> postings) {
        List<String> terms = new ArrayList<>(postings.keySet()); // a list splits evenly among the cores, a tree map does not
        Entry[] encoded = new Entry[terms.size()];
        IntStream.range(0, encoded.length).parallel().forEach(i -> {
            source.checkpoint().run();
            encoded[i] = entry(terms.get(i), postings.get(terms.get(i)));
        });
        for (int i = 0; i < encoded.length; i++) entries.put(terms.get(i), encoded[i]);
    }

    /** Writes every file of the index (those the sink has already are not written again), the directory last. */
    void writeFiles() {
        Vocabulary vocabulary = source.vocabulary();
        Map<String, Object> dir = new LinkedHashMap<>();
        dir.put("format", FORMAT);
        dir.put("docs", source.docs().size());
        dir.put("k1", 1.2);
        dir.put("b", 0.75);
        dir.put("fields", fieldStats());
        dir.put("priors", priors());
        writeShards(dir);
        if (entries.values().stream().anyMatch(e -> e.docs() >= sharedNormsFrom)) {
            List<String> files = new ArrayList<>();
            for (byte[] fieldNorms : norms) files.add(writeHashed("n", fieldNorms));
            dir.put("norms", files);
        }
        dir.put("letters", writeLetters(vocabulary));
        dir.put("synonyms", source.groups().table());
        dir.put("filters", writeFilters());
        dir.put("blockSize", BLOCK_DOCS);
        dir.put("blocks", writeDocuments(dir));
        if (clashed) throw new NameClash();
        try {
            byte[] raw = JSON.writeValueAsBytes(dir);
            sink.put(DIRECTORY, () -> Bytes.deflate(raw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (keepsOrders) {
            changedDocs = new java.util.HashSet<>();
            changedLetters = new java.util.HashSet<>();
        }
    }

    private List<Object> fieldStats() {
        List<Object> out = new ArrayList<>();
        for (int f = 0; f < FIELDS; f++) {
            CollectionStatistics s = stats[f];
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", Fields.ALL.get(f).field());
            m.put("weight", Fields.ALL.get(f).weight());
            m.put("docCount", s == null ? 0 : s.docCount());
            m.put("sumTotalTermFreq", s == null ? 0 : s.sumTotalTermFreq());
            out.add(m);
        }
        return out;
    }

    /** Each document's prior, in runs: [[prior, how many documents in a row], ...]. */
    private List<List<Number>> priors() {
        List<List<Number>> runs = new ArrayList<>();
        for (SearchDocument doc : source.docs()) {
            List<Number> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.get(0).doubleValue() == doc.prior()) {
                last.set(1, last.get(1).intValue() + 1);
            } else {
                runs.add(new ArrayList<>(List.of(doc.prior(), 1)));
            }
        }
        return runs;
    }

    /** One term's postings in every field. */
    static final class TermPostings {
        final int[] df = new int[FIELDS];
        final long[] totalFreq = new long[FIELDS];
        final int[][] docs = new int[FIELDS][];
        final int[][] freqs = new int[FIELDS][];

        int mask() {
            int m = 0;
            for (int f = 0; f < FIELDS; f++) if (df[f] > 0) m |= 1 << f;
            return m;
        }
    }

    /** The postings of {@code only} (every term when null), by term. */
    private Map<String, TermPostings> collect(Set<String> only) {
        Map<String, TermPostings> terms = new TreeMap<>();
        try {
            for (int f = 0; f < FIELDS; f++) {
                Terms t = MultiTerms.getTerms(source.reader(), Fields.ALL.get(f).field());
                if (t == null) continue;
                TermsEnum te = t.iterator();
                PostingsEnum pe = null;
                if (only == null) {
                    BytesRef br;
                    while ((br = te.next()) != null) {
                        source.checkpoint().run();
                        pe = read(te, pe, terms.computeIfAbsent(br.utf8ToString(), k -> new TermPostings()), f);
                    }
                } else {
                    for (String term : only) {
                        if (te.seekExact(new BytesRef(term))) pe = read(te, pe, terms.computeIfAbsent(term, k -> new TermPostings()), f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** Reads the postings of the term {@code te} stands on in field {@code f}; returns the enum to reuse. */
    private static PostingsEnum read(TermsEnum te, PostingsEnum reuse, TermPostings p, int f) throws IOException {
        int n = te.docFreq();
        p.df[f] = n;
        p.totalFreq[f] = te.totalTermFreq();
        p.docs[f] = new int[n];
        p.freqs[f] = new int[n];
        PostingsEnum pe = te.postings(reuse, PostingsEnum.FREQS);
        int i = 0;
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
            p.docs[f][i] = d;
            p.freqs[f][i++] = pe.freq();
        }
        return pe;
    }

    private byte[][] norms() {
        byte[][] out = new byte[FIELDS][source.docs().size()];
        try {
            for (int f = 0; f < FIELDS; f++) {
                NumericDocValues values = MultiDocValues.getNormValues(source.reader(), Fields.ALL.get(f).field());
                if (values == null) continue;
                for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
                    out[f][d] = (byte) values.longValue();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private CollectionStatistics[] stats() {
        IndexSearcher searcher = new IndexSearcher(source.reader());
        CollectionStatistics[] out = new CollectionStatistics[FIELDS];
        try {
            for (int f = 0; f < FIELDS; f++) out[f] = searcher.collectionStatistics(Fields.ALL.get(f).field());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void writeShards(Map<String, Object> dir) {
        List<String> firstTerms = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Bytes shard = new Bytes();
        int count = 0;
        String previous = "";
        String last = "";
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            source.checkpoint().run();
            String term = e.getKey();
            if (count == 0) firstTerms.add(separator(last, term));
            int shared = Bytes.shared(previous, term);
            shard.varint(shared).string(term.substring(shared));
            shard.writeBytes(e.getValue().body());
            previous = term;
            last = term;
            count++;
            if (endsAShard(term, shard.size())) {
                files.add(writeShard(shard, count));
                shard = new Bytes();
                count = 0;
                previous = "";
            }
        }
        if (count > 0) files.add(writeShard(shard, count));
        dir.put("shardTerms", firstTerms);
        dir.put("shardFiles", files);
    }

    /**
     * Whether the shard ends after {@code term}, with {@code bytes} of terms: from half of
     * {@link #SHARD_BYTES} at a term whose hash says so (one in 8), and at 3/2 in any case.
     * Ends chosen by the terms themselves stay where they are when an edit adds, removes or
     * changes terms elsewhere, so only the shards of the changed terms change (with ends at
     * fixed sizes, every later shard would move).
     */
    static boolean endsAShard(String term, int bytes) {
        if (bytes >= SHARD_BYTES * 3 / 2) return true;
        return bytes >= SHARD_BYTES / 2 && (term.hashCode() * 0x9E3779B9) >>> 29 == 0;
    }

    /**
     * The shortest start of {@code first} that still sorts after {@code last}: all a reader needs
     * to find the shard of a term ("parore" between "paror" and "parorendegrupp").
     */
    static String separator(String last, String first) {
        if (last.isEmpty()) return "";
        int n = Bytes.shared(last, first) + 1;
        if (n < first.length() && Character.isHighSurrogate(first.charAt(n - 1))) n++;
        return first.substring(0, Math.min(n, first.length()));
    }

    private String writeShard(Bytes terms, int count) {
        Bytes file = new Bytes().oneByte(FORMAT).varint(count);
        file.writeBytes(terms.toByteArray());
        return writeHashed("t", file.toByteArray());
    }

    /** A term's entry: its longer written forms, which fields have it, its table of combinations and its postings. */
    private Entry entry(String term, TermPostings p) {
        Bytes out = new Bytes();
        List<String> forms = source.vocabulary().longerForms(term);
        out.varint(forms.size());
        for (String form : forms) {
            int s = Bytes.shared(term, form);
            out.varint(s).string(form.substring(s));
        }
        int mask = p.mask();
        out.varint(mask);
        for (int f = 0; f < FIELDS; f++) if (p.df[f] > 0) out.varint(p.df[f]);

        // each document's (frequency, norm) in every field of the term, a "combination"; the
        // table holds each distinct combination once and the postings point into it. A term in
        // very many documents leaves the norms out (the norm files hold every document's): its
        // combinations are then only frequencies, so few, and its postings a fraction of the size
        int most = 0;
        for (int f = 0; f < FIELDS; f++) most += p.df[f];
        int[] docs = new int[most];
        int[][] hits = new int[most][]; // per document: frequency, norm per field of the term
        int count = 0;
        int[] at = new int[FIELDS];
        while (true) {
            int doc = Integer.MAX_VALUE;
            for (int f = 0; f < FIELDS; f++) if (p.df[f] > 0 && at[f] < p.df[f]) doc = Math.min(doc, p.docs[f][at[f]]);
            if (doc == Integer.MAX_VALUE) break;
            int[] hit = new int[2 * FIELDS];
            for (int f = 0; f < FIELDS; f++) {
                if (p.df[f] > 0 && at[f] < p.df[f] && p.docs[f][at[f]] == doc) {
                    hit[2 * f] = p.freqs[f][at[f]];
                    hit[2 * f + 1] = norms[f][doc] & 0xFF;
                    at[f]++;
                }
            }
            docs[count] = doc;
            hits[count++] = hit;
        }
        boolean sharedNorms = count >= sharedNormsFrom;
        String[] comboOfDoc = new String[count];
        StringBuilder combo = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int[] hit = hits[i];
            combo.setLength(0);
            for (int f = 0; f < FIELDS; f++) {
                if (p.df[f] == 0) continue;
                combo.append((char) hit[2 * f]);
                if (hit[2 * f] > 0 && !sharedNorms) combo.append((char) hit[2 * f + 1]);
            }
            comboOfDoc[i] = combo.toString();
        }
        // most terms of a large site are in one document: their table is that one combination
        List<String> table = count == 1 ? List.of(comboOfDoc[0]) : new ArrayList<>(new TreeSet<>(Arrays.asList(comboOfDoc)));
        Order order = null;
        if (!sharedNorms && table.size() > 1) {
            // best first: the first entry bounds what the term can add to any document's score
            table = ordered(term, table, p.df, p.totalFreq);
            if (keepsOrders) order = new Order(List.copyOf(table), p.df.clone(), p.totalFreq.clone());
        }
        Map<String, Integer> indexOf = new HashMap<>();
        out.varint(sharedNorms ? 1 : 0);
        out.varint(table.size());
        for (String c : table) {
            indexOf.put(c, indexOf.size());
            for (int i = 0; i < c.length(); i++) {
                out.varint(c.charAt(i));
                if (c.charAt(i) != 0 && !sharedNorms) out.oneByte(c.charAt(++i));
            }
        }
        Bytes postings = new Bytes();
        int last = 0;
        for (int i = 0; i < count; i++) {
            postings.varint(docs[i] - last);
            last = docs[i];
            if (table.size() > 1) postings.varint(indexOf.get(comboOfDoc[i]));
        }
        out.varint(count);
        // long postings live in a file of their own, fetched only when the term is searched, so
        // that a shard stays a few KB of terms and a lookup does not pay for its neighbours
        if (postings.size() >= ownFileFrom) {
            out.varint(1).string(writeHashed("p", postings.toByteArray()));
        } else {
            out.varint(0);
            out.writeBytes(postings.toByteArray());
        }
        return new Entry(out.toByteArray(), count, order);
    }

    /** A term's table of combinations sorted best first under the current statistics (ties: by the combination). */
    private List<String> ordered(String term, List<String> table, int[] df, long[] totalFreq) {
        Similarity.SimScorer[] scorers = scorers(term, df, totalFreq);
        Map<String, Double> impact = new HashMap<>();
        for (String c : table) impact.put(c, impact(c, scorers));
        List<String> out = new ArrayList<>(table);
        out.sort((a, b) -> {
            int c = Double.compare(impact.get(b), impact.get(a));
            return c != 0 ? c : a.compareTo(b);
        });
        return out;
    }

    private Similarity.SimScorer[] scorers(String term, int[] df, long[] totalFreq) {
        BM25Similarity bm25 = new BM25Similarity();
        Similarity.SimScorer[] out = new Similarity.SimScorer[FIELDS];
        for (int f = 0; f < FIELDS; f++) {
            if (df[f] == 0) continue;
            Fields field = Fields.ALL.get(f);
            out[f] = bm25.scorer(field.weight(), stats[f], new TermStatistics(new BytesRef(term), df[f], totalFreq[f]));
        }
        return out;
    }

    /** What a combination adds to a document's score: the sum over fields that Lucene's BooleanQuery makes. */
    private static double impact(String combo, Similarity.SimScorer[] scorers) {
        double sum = 0;
        int i = 0;
        for (int f = 0; f < FIELDS; f++) {
            if (scorers[f] == null) continue;
            int freq = combo.charAt(i++);
            if (freq > 0) sum += scorers[f].score(freq, (byte) combo.charAt(i++));
        }
        return sum;
    }

    private Map<String, String> writeLetters(Vocabulary vocabulary) {
        Set<String> again = changedLetters == null || letterFiles == null ? null : new java.util.HashSet<>(changedLetters);
        if (again != null) {
            Set<String> modifiers = vocabulary.modifiers();
            for (String m : modifiers) if (!modifiersWritten.contains(m)) again.add(letterOf(m));
            for (String m : modifiersWritten) if (!modifiers.contains(m)) again.add(letterOf(m));
        }
        Map<String, List<String>> byLetter = new TreeMap<>();
        for (String term : vocabulary.terms()) {
            if (term.isEmpty() || !Character.isLetter(term.codePointAt(0))) continue;
            String letter = letterOf(term);
            if (again != null && !again.contains(letter)) {
                byLetter.putIfAbsent(letter, List.of());
                continue;
            }
            if (vocabulary.uses(term) < MIN_USES_FOR_SUGGESTIONS) continue;
            byLetter.computeIfAbsent(letter, k -> new ArrayList<>()).add(term);
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : byLetter.entrySet()) {
            byte[] known = again == null || again.contains(e.getKey()) ? null : letterFiles.get(e.getKey());
            if (known != null) {
                files.put(e.getKey(), known);
                continue;
            }
            if (e.getValue().isEmpty()) continue; // none with two uses or more
            files.put(e.getKey(), letterFile(vocabulary, e.getKey(), e.getValue()));
        }
        if (keepsOrders) {
            letterFiles = files;
            modifiersWritten = Set.copyOf(vocabulary.modifiers());
        }
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((letter, raw) -> out.put(letter, writeHashed("o", raw)));
        return out;
    }

    /** The vocabulary file of one letter: its terms with two uses or more, and the modifiers that start with it. */
    private byte[] letterFile(Vocabulary vocabulary, String letter, List<String> terms) {
        {
            List<String> words = terms.stream().sorted().toList();
            Bytes b = new Bytes().oneByte(FORMAT).varint(words.size());
            String previous = "";
            String previousDisplay = "";
            for (String w : words) {
                int shared = Bytes.shared(previous, w);
                b.varint(shared).string(w.substring(shared));
                Entry entry = entries.get(w);
                b.varint(entry == null ? 0 : entry.docs());
                String display = vocabulary.display(w);
                int sharedDisplay = Bytes.shared(previousDisplay, display);
                b.varint(sharedDisplay).string(display.substring(sharedDisplay));
                List<String> forms = vocabulary.foldedForms(w);
                b.varint(forms.size());
                for (String form : forms) {
                    int s = Bytes.shared(w, form);
                    b.varint(s).string(form.substring(s));
                }
                previous = w;
                previousDisplay = display;
            }
            List<String> modifiers = vocabulary.modifiers().stream().filter(m -> letterOf(m).equals(letter)).sorted().toList();
            b.varint(modifiers.size());
            previous = "";
            for (String m : modifiers) {
                int shared = Bytes.shared(previous, m);
                b.varint(shared).string(m.substring(shared));
                previous = m;
            }
            return b.toByteArray();
        }
    }

    /** The file a term's first letter puts it in: a–z each their own, every other letter together. */
    static String letterOf(String term) {
        char c = term.charAt(0);
        return c >= 'a' && c <= 'z' ? String.valueOf(c) : "_";
    }

    private Map<String, String> writeFilters() {
        Map<String, byte[]> files = filterFiles != null && changedDocs != null ? filterFiles : filterFiles();
        if (keepsOrders) filterFiles = files;
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((name, raw) -> out.put(name, writeHashed("f", raw)));
        return out;
    }

    private Map<String, byte[]> filterFiles() {
        Map<String, List<Integer>> lists = new TreeMap<>();
        List<SearchDocument> docs = source.docs();
        for (int d = 0; d < docs.size(); d++) {
            SearchDocument doc = docs.get(d);
            lists.computeIfAbsent("type:" + doc.type(), k -> new ArrayList<>()).add(d);
            for (String g : doc.targetGroups()) lists.computeIfAbsent("group:" + g, k -> new ArrayList<>()).add(d);
            if (doc.referral() != null) {
                lists.computeIfAbsent("referral:" + (doc.referral() ? "ja" : "nej"), k -> new ArrayList<>()).add(d);
            }
            if (doc.ageMin() != null) {
                int to = doc.ageMax() == null ? MAX_AGE : Math.min(doc.ageMax(), MAX_AGE);
                for (int age = Math.min(doc.ageMin(), MAX_AGE); age <= to; age++) {
                    lists.computeIfAbsent("age:" + age, k -> new ArrayList<>()).add(d);
                }
            }
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : lists.entrySet()) {
            Bytes b = new Bytes().varint(e.getValue().size());
            int last = 0;
            for (int d : e.getValue()) {
                b.varint(d - last);
                last = d;
            }
            out.put(e.getKey(), b.toByteArray());
        }
        return out;
    }

    /** A document as the browser shows it in a result, as JSON. */
    private static byte[] document(SearchDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", doc.url());
        m.put("title", doc.title());
        m.put("summary", doc.summary());
        m.put("type", doc.type());
        m.put("text", SearchDocuments.shorten(doc.text(), EXCERPT_SOURCE_CHARS));
        try {
            return JSON.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the documents, each compressed on its own with a dictionary of the runs of words
     * they share, a file per block of {@link #BLOCK_DOCS} ({@code d/<hash>.bin}: a table of where
     * each document begins, then the documents one after the other), from which the browser asks
     * for the table and then for one document's bytes; returns the block hashes. A file per block
     * and not per document: at 10,000 pages 165 files instead of 10,000 to write and to copy to the host.
     */
    private List<String> writeDocuments(Map<String, Object> dir) {
        byte[] dictionary = dictionaryNow();
        // the same dictionary (also, nearly always, after a change to a document it reads): only changed blocks are written again
        boolean sameDictionary = changedDocs != null && Arrays.equals(dictionary, this.dictionary);
        String dictionaryHash = writeHashed("d", dictionary);
        dir.put("dictionary", dictionaryHash);
        int blocks = (documents.size() + BLOCK_DOCS - 1) / BLOCK_DOCS;
        String[] known = sameDictionary ? blockHashes : null;
        List<String> hashes = IntStream.range(0, blocks).parallel()
                .mapToObj(b -> {
                    source.checkpoint().run();
                    if (known != null && !changedBlock(b)) return named(b, known[b], dictionary);
                    return writeBlock(b, dictionary, dictionaryHash);
                }).toList();
        if (keepsOrders) {
            this.dictionary = dictionary;
            blockHashes = hashes.toArray(String[]::new);
        }
        return hashes;
    }

    /** The documents' dictionary as they are now; an export that is encoded again keeps their runs counted, and chooses again only when a document the dictionary reads changed. */
    private byte[] dictionaryNow() {
        if (!keepsOrders) return DocumentDictionary.of(documents);
        if (runs == null) runs = DocumentDictionary.counted(documents);
        return runs.dictionary();
    }

    private boolean changedBlock(int b) {
        for (int d : changedDocs) if (d / BLOCK_DOCS == b) return true;
        return false;
    }

    /** Block {@code b} under its name; made only when the sink does not have it (a block that is as it was, unless its file was lost). */
    private String named(int b, String hash, byte[] dictionary) {
        sink.put("d/" + hash + ".bin", () -> block(b, dictionary));
        return hash;
    }

    /** Writes block {@code b} as a file named by the hash of its documents' JSON and of the dictionary (the file changes when it does); returns the name. */
    private String writeBlock(int b, byte[] dictionary, String dictionaryHash) {
        Bytes all = new Bytes();
        all.string(dictionaryHash);
        for (int d = b * BLOCK_DOCS; d < Math.min(documents.size(), (b + 1) * BLOCK_DOCS); d++) all.writeBytes(documents.get(d));
        return named(b, name("d/", ".bin", all.toByteArray()), dictionary);
    }

    /**
     * Block {@code b}'s file: the offsets in the file where each of its n documents begins, and
     * where the last ends, as n + 1 four-byte little-endian integers in a deflate block that is
     * stored, not compressed (so the browser reads it as it reads every other file), then the
     * documents, each compressed with the dictionary.
     */
    private byte[] block(int b, byte[] dictionary) {
        int start = b * BLOCK_DOCS;
        int end = Math.min(documents.size(), start + BLOCK_DOCS);
        List<byte[]> packed = new ArrayList<>();
        for (int d = start; d < end; d++) packed.add(Bytes.deflate(documents.get(d), dictionary));
        int table = 4 * (packed.size() + 1);
        Bytes out = new Bytes().stored(table);
        int at = Bytes.STORED_HEADER + table;
        out.int32(at);
        for (byte[] p : packed) out.int32(at += p.length);
        for (byte[] p : packed) out.writeBytes(p);
        return out.toByteArray();
    }

    /** Writes {@code raw}, compressed, as {@code <kind>/<hash>.bin} (once, from any thread); returns the hash. */
    private String writeHashed(String kind, byte[] raw) {
        String hash = name(kind + "/", ".bin", raw);
        sink.put(kind + "/" + hash + ".bin", () -> Bytes.deflate(raw));
        return hash;
    }

    /** The name of a file (or folder) made of {@code raw}: the start of its hash; notes when another content had it. */
    private String name(String before, String after, byte[] raw) {
        String hash = Bytes.sha256(raw);
        String name = hash.substring(0, nameDigits);
        String had = names.putIfAbsent(before + name + after, hash);
        if (had != null && !had.equals(hash)) clashed = true;
        return name;
    }

    /** Files in a folder of their own, as a build writes them: each path once. */
    static final class FolderSink implements Sink {
        private final Path folder;
        private final Set<String> written = ConcurrentHashMap.newKeySet();

        FolderSink(Path folder) {
            this.folder = folder;
        }

        @Override
        public void put(String path, Supplier<byte[]> content) {
            if (!written.add(path)) return;
            try {
                Path file = folder.resolve(path);
                Files.createDirectories(file.getParent());
                Files.write(file, content.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The entries by term (for tests and the live index). */
    NavigableMap<String, Entry> entries() {
        return entries;
    }
}
