package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Writes the Lucene index as static files for the browser (the format: docs/soegning.md):
 * term shards of a few KB in term order, the directory {@code soeg/indeks.bin} with the
 * collection statistics, the vocabulary by first letter, filter lists and the documents.
 * Every file but the directory is named by a hash of its content, so browsers may keep it.
 */
final class IndexExport {
    static final int FORMAT = 1;
    /** A shard is closed when its terms take this many bytes (before compression). */
    static final int SHARD_BYTES = 2 * 1024;
    /** The fewest documents a term must have for its postings to leave norms to the norm files (and at least a tenth of all). */
    static final int SHARED_NORMS_MIN_DOCS = 512;
    /** Postings from this many bytes (before compression) get a file of their own. */
    static final int OWN_FILE_POSTINGS_BYTES = 1024;
    /** Documents per block: a block is a folder named by the hash of its documents. */
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SiteIndex index;
    private final Path folder;
    private final int fieldCount = Fields.ALL.size();
    /** Terms in at least this many documents use the norm files instead of norms in their postings. */
    private final int sharedNormsFrom;
    private final int ownFileFrom;
    private volatile boolean usesNormFiles;
    /** Files written so far, as kind/hash. */
    private final java.util.Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** term → how many documents have it, in any field. */
    private final Map<String, Integer> documentCounts = new HashMap<>();

    private IndexExport(SiteIndex index, Path folder, int sharedNormsFrom, int ownFileFrom) {
        this.index = index;
        this.folder = folder;
        this.sharedNormsFrom = sharedNormsFrom;
        this.ownFileFrom = ownFileFrom;
    }

    /** Writes the search files into {@code folder} (the site's soeg/). */
    static void write(SiteIndex index, Path folder) throws IOException {
        write(index, folder, Math.max(SHARED_NORMS_MIN_DOCS, index.docs.size() / 5), OWN_FILE_POSTINGS_BYTES);
    }

    /**
     * As {@link #write(SiteIndex, Path)}, with terms in {@code sharedNormsFrom} documents or more
     * using the norm files, and postings of {@code ownFileFrom} bytes or more in files of their own.
     */
    static void write(SiteIndex index, Path folder, int sharedNormsFrom, int ownFileFrom) throws IOException {
        new IndexExport(index, folder, sharedNormsFrom, ownFileFrom).write();
    }

    private void write() throws IOException {
        Files.createDirectories(folder);
        Map<String, TermPostings> terms = collect();
        Map<String, Object> dir = new LinkedHashMap<>();
        dir.put("format", FORMAT);
        dir.put("docs", index.docs.size());
        dir.put("k1", 1.2);
        dir.put("b", 0.75);
        dir.put("fields", fieldStats());
        dir.put("priors", priors());
        byte[][] norms = norms();
        writeShards(terms, norms, dir);
        if (usesNormFiles) {
            List<String> files = new ArrayList<>();
            for (byte[] fieldNorms : norms) files.add(writeHashed("n", fieldNorms));
            dir.put("norms", files);
        }
        dir.put("letters", writeLetters(terms));
        dir.put("synonyms", index.groups.table());
        dir.put("filters", writeFilters());
        dir.put("blockSize", BLOCK_DOCS);
        dir.put("blocks", writeDocuments(dir));
        byte[] raw = JSON.writeValueAsBytes(dir);
        Files.write(folder.resolve("indeks.bin"), Bytes.deflate(raw));
    }

    private List<Object> fieldStats() throws IOException {
        List<Object> out = new ArrayList<>();
        for (Fields f : Fields.ALL) {
            Terms t = MultiTerms.getTerms(index.reader(), f.field());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.field());
            m.put("weight", f.weight());
            m.put("docCount", t == null ? 0 : t.getDocCount());
            m.put("sumTotalTermFreq", t == null ? 0 : t.getSumTotalTermFreq());
            out.add(m);
        }
        return out;
    }

    /** Each document's prior, in runs: [[prior, how many documents in a row], ...]. */
    private List<List<Number>> priors() {
        List<List<Number>> runs = new ArrayList<>();
        for (SearchDocument doc : index.docs) {
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
    private final class TermPostings {
        final int[] df = new int[fieldCount];
        final long[] totalFreq = new long[fieldCount];
        final int[][] docs = new int[fieldCount][];
        final int[][] freqs = new int[fieldCount][];

        int mask() {
            int m = 0;
            for (int f = 0; f < fieldCount; f++) if (df[f] > 0) m |= 1 << f;
            return m;
        }
    }

    private Map<String, TermPostings> collect() throws IOException {
        Map<String, TermPostings> terms = new TreeMap<>();
        for (int f = 0; f < fieldCount; f++) {
            Terms t = MultiTerms.getTerms(index.reader(), Fields.ALL.get(f).field());
            if (t == null) continue;
            TermsEnum te = t.iterator();
            PostingsEnum pe = null;
            BytesRef br;
            while ((br = te.next()) != null) {
                index.checkpoint();
                TermPostings p = terms.computeIfAbsent(br.utf8ToString(), k -> new TermPostings());
                int n = te.docFreq();
                p.df[f] = n;
                p.totalFreq[f] = te.totalTermFreq();
                p.docs[f] = new int[n];
                p.freqs[f] = new int[n];
                pe = te.postings(pe, PostingsEnum.FREQS);
                int i = 0;
                for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                    p.docs[f][i] = d;
                    p.freqs[f][i++] = pe.freq();
                }
            }
        }
        return terms;
    }

    private byte[][] norms() throws IOException {
        byte[][] norms = new byte[fieldCount][index.docs.size()];
        for (int f = 0; f < fieldCount; f++) {
            NumericDocValues values = MultiDocValues.getNormValues(index.reader(), Fields.ALL.get(f).field());
            if (values == null) continue;
            for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
                norms[f][d] = (byte) values.longValue();
            }
        }
        return norms;
    }

    /** A term's entry in its shard after the term itself, and how many documents have it. */
    private record Encoded(byte[] body, int docs) {}

    private void writeShards(Map<String, TermPostings> terms, byte[][] norms, Map<String, Object> dir) throws IOException {
        CollectionStatistics[] stats = new CollectionStatistics[fieldCount];
        for (int f = 0; f < fieldCount; f++) stats[f] = index.searcher().collectionStatistics(Fields.ALL.get(f).field());
        List<String> names = new ArrayList<>(terms.keySet());
        Map<String, Encoded> encoded = new java.util.concurrent.ConcurrentHashMap<>();
        names.parallelStream().forEach(t -> {
            index.checkpoint();
            encoded.put(t, encode(t, terms.get(t), norms, stats));
        });
        for (String t : names) documentCounts.put(t, encoded.get(t).docs());

        List<String> firstTerms = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Bytes shard = new Bytes();
        int count = 0;
        String previous = "";
        String last = "";
        for (String term : names) {
            index.checkpoint();
            if (count == 0) firstTerms.add(separator(last, term));
            int shared = Bytes.shared(previous, term);
            shard.varint(shared).string(term.substring(shared));
            shard.writeBytes(encoded.get(term).body());
            previous = term;
            last = term;
            count++;
            if (shard.size() >= SHARD_BYTES) {
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
     * The shortest start of {@code first} that still sorts after {@code last}: all a reader needs
     * to find the shard of a term ("parore" between "paror" and "parorendegrupp").
     */
    static String separator(String last, String first) {
        if (last.isEmpty()) return "";
        int n = Bytes.shared(last, first) + 1;
        if (n < first.length() && Character.isHighSurrogate(first.charAt(n - 1))) n++;
        return first.substring(0, Math.min(n, first.length()));
    }

    private String writeShard(Bytes terms, int count) throws IOException {
        Bytes file = new Bytes().oneByte(FORMAT).varint(count);
        terms.writeTo(file);
        return writeHashed("t", file.toByteArray());
    }

    private Encoded encode(String term, TermPostings p, byte[][] norms, CollectionStatistics[] stats) {
        Bytes out = new Bytes();
        List<String> forms = index.vocabulary.longerForms(term);
        out.varint(forms.size());
        for (String form : forms) {
            int s = Bytes.shared(term, form);
            out.varint(s).string(form.substring(s));
        }
        int mask = p.mask();
        out.varint(mask);
        for (int f = 0; f < fieldCount; f++) if (p.df[f] > 0) out.varint(p.df[f]);

        // each document's (frequency, norm) in every field of the term, a "combination"; the
        // table holds each distinct combination once and the postings point into it. A term in
        // very many documents leaves the norms out (the norm files hold every document's): its
        // combinations are then only frequencies, so few, and its postings a fraction of the size
        int most = 0;
        for (int f = 0; f < fieldCount; f++) most += p.df[f];
        int[] docs = new int[most];
        int[][] hits = new int[most][]; // per document: frequency, norm per field of the term
        int count = 0;
        int[] at = new int[fieldCount];
        while (true) {
            int doc = Integer.MAX_VALUE;
            for (int f = 0; f < fieldCount; f++) if (p.df[f] > 0 && at[f] < p.df[f]) doc = Math.min(doc, p.docs[f][at[f]]);
            if (doc == Integer.MAX_VALUE) break;
            int[] hit = new int[2 * fieldCount];
            for (int f = 0; f < fieldCount; f++) {
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
        if (sharedNorms) usesNormFiles = true;
        String[] comboOfDoc = new String[count];
        StringBuilder combo = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int[] hit = hits[i];
            combo.setLength(0);
            for (int f = 0; f < fieldCount; f++) {
                if (p.df[f] == 0) continue;
                combo.append((char) hit[2 * f]);
                if (hit[2 * f] > 0 && !sharedNorms) combo.append((char) hit[2 * f + 1]);
            }
            comboOfDoc[i] = combo.toString();
        }
        // most terms of a large site are in one document: their table is that one combination
        List<String> table = count == 1 ? List.of(comboOfDoc[0]) : new ArrayList<>(new java.util.TreeSet<>(Arrays.asList(comboOfDoc)));
        if (!sharedNorms && table.size() > 1) {
            // best first: the first entry bounds what the term can add to any document's score
            Similarity.SimScorer[] scorers = scorers(term, p, stats);
            Map<String, Double> impact = new HashMap<>();
            for (String c : table) impact.put(c, impact(c, scorers));
            table.sort((a, b) -> {
                int c = Double.compare(impact.get(b), impact.get(a));
                return c != 0 ? c : a.compareTo(b);
            });
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
        return new Encoded(out.toByteArray(), count);
    }

    private Similarity.SimScorer[] scorers(String term, TermPostings p, CollectionStatistics[] stats) {
        BM25Similarity bm25 = new BM25Similarity();
        Similarity.SimScorer[] out = new Similarity.SimScorer[fieldCount];
        for (int f = 0; f < fieldCount; f++) {
            if (p.df[f] == 0) continue;
            Fields field = Fields.ALL.get(f);
            out[f] = bm25.scorer(field.weight(), stats[f],
                    new TermStatistics(new BytesRef(term), p.df[f], p.totalFreq[f]));
        }
        return out;
    }

    /** What a combination adds to a document's score: the sum over fields that Lucene's BooleanQuery makes. */
    private double impact(String combo, Similarity.SimScorer[] scorers) {
        double sum = 0;
        int i = 0;
        for (int f = 0; f < fieldCount; f++) {
            if (scorers[f] == null) continue;
            int freq = combo.charAt(i++);
            if (freq > 0) sum += scorers[f].score(freq, (byte) combo.charAt(i++));
        }
        return sum;
    }

    private Map<String, String> writeLetters(Map<String, TermPostings> terms) throws IOException {
        Map<String, List<String>> byLetter = new TreeMap<>();
        for (String term : index.vocabulary.terms()) {
            if (term.isEmpty() || !Character.isLetter(term.codePointAt(0))) continue;
            if (index.vocabulary.uses(term) < MIN_USES_FOR_SUGGESTIONS) continue;
            byLetter.computeIfAbsent(letterOf(term), k -> new ArrayList<>()).add(term);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : byLetter.entrySet()) {
            List<String> words = e.getValue().stream().sorted().toList();
            Bytes b = new Bytes().oneByte(FORMAT).varint(words.size());
            String previous = "";
            String previousDisplay = "";
            for (String w : words) {
                int shared = Bytes.shared(previous, w);
                b.varint(shared).string(w.substring(shared));
                b.varint(documentCounts.getOrDefault(w, 0));
                String display = index.vocabulary.display(w);
                int sharedDisplay = Bytes.shared(previousDisplay, display);
                b.varint(sharedDisplay).string(display.substring(sharedDisplay));
                List<String> forms = index.vocabulary.foldedForms(w);
                b.varint(forms.size());
                for (String form : forms) {
                    int s = Bytes.shared(w, form);
                    b.varint(s).string(form.substring(s));
                }
                previous = w;
                previousDisplay = display;
            }
            List<String> modifiers = index.vocabulary.modifiers().stream().filter(m -> letterOf(m).equals(e.getKey())).sorted().toList();
            b.varint(modifiers.size());
            previous = "";
            for (String m : modifiers) {
                int shared = Bytes.shared(previous, m);
                b.varint(shared).string(m.substring(shared));
                previous = m;
            }
            out.put(e.getKey(), writeHashed("o", b.toByteArray()));
        }
        return out;
    }

    /** The file a term's first letter puts it in: a–z each their own, every other letter together. */
    static String letterOf(String term) {
        char c = term.charAt(0);
        return c >= 'a' && c <= 'z' ? String.valueOf(c) : "_";
    }

    private Map<String, String> writeFilters() throws IOException {
        Map<String, List<Integer>> lists = new TreeMap<>();
        List<SearchDocument> docs = index.docs;
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
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : lists.entrySet()) {
            Bytes b = new Bytes().varint(e.getValue().size());
            int last = 0;
            for (int d : e.getValue()) {
                b.varint(d - last);
                last = d;
            }
            out.put(e.getKey(), writeHashed("f", b.toByteArray()));
        }
        return out;
    }

    /** Writes the documents, compressed with a dictionary of the runs of words they share; returns the block hashes. */
    private List<String> writeDocuments(Map<String, Object> dir) {
        List<SearchDocument> docs = index.docs;
        List<byte[]> json = java.util.stream.IntStream.range(0, docs.size()).parallel().mapToObj(d -> {
            index.checkpoint();
            SearchDocument doc = docs.get(d);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", doc.url());
            m.put("title", doc.title());
            m.put("summary", doc.summary());
            m.put("type", doc.type());
            m.put("text", SearchDocuments.shorten(doc.text(), EXCERPT_SOURCE_CHARS));
            try {
                return JSON.writeValueAsBytes(m);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        byte[] dictionary = DocumentDictionary.of(json);
        String dictionaryHash = writeHashed("d", dictionary);
        dir.put("dictionary", dictionaryHash);
        int blocks = (docs.size() + BLOCK_DOCS - 1) / BLOCK_DOCS;
        return java.util.stream.IntStream.range(0, blocks).parallel()
                .mapToObj(b -> {
                    index.checkpoint();
                    return writeBlock(json, b, dictionary, dictionaryHash);
                }).toList();
    }

    /**
     * Writes block {@code b}'s documents into a folder named by the hash of their JSON and of
     * the dictionary (the files change when it does); returns the folder's name.
     */
    private String writeBlock(List<byte[]> json, int b, byte[] dictionary, String dictionaryHash) {
        int start = b * BLOCK_DOCS;
        int end = Math.min(json.size(), start + BLOCK_DOCS);
        Bytes all = new Bytes();
        all.string(dictionaryHash);
        for (int d = start; d < end; d++) all.writeBytes(json.get(d));
        String hash = Bytes.hash(all.toByteArray());
        try {
            Path block = Files.createDirectories(folder.resolve("d").resolve(hash));
            for (int d = start; d < end; d++) Files.write(block.resolve(d + ".bin"), Bytes.deflate(json.get(d), dictionary));
            return hash;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes {@code raw}, compressed, as {@code <kind>/<hash>.bin} (once, from any thread); returns the hash. */
    private String writeHashed(String kind, byte[] raw) {
        String hash = Bytes.hash(raw);
        if (!written.add(kind + "/" + hash)) return hash;
        try {
            Path file = folder.resolve(kind).resolve(hash + ".bin");
            Files.createDirectories(file.getParent());
            Files.write(file, Bytes.deflate(raw));
            return hash;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
