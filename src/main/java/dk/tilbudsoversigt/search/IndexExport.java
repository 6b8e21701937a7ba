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
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
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
    static final int SHARD_BYTES = 6 * 1024;
    /** Documents per block: a block is a folder named by the hash of its documents. */
    static final int BLOCK_DOCS = 64;
    /** The text kept per document to cut excerpts from. */
    static final int EXCERPT_SOURCE_CHARS = 1200;
    /** Ages with their own filter list; older ages use the last. */
    static final int MAX_AGE = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SiteIndex index;
    private final Path folder;
    private final int fieldCount = Fields.ALL.size();

    private IndexExport(SiteIndex index, Path folder) {
        this.index = index;
        this.folder = folder;
    }

    /** Writes the search files into {@code folder} (the site's soeg/). */
    static void write(SiteIndex index, Path folder) throws IOException {
        new IndexExport(index, folder).write();
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
        writeShards(terms, dir);
        dir.put("letters", writeLetters(terms));
        dir.put("synonyms", index.groups.table());
        dir.put("filters", writeFilters());
        dir.put("blockSize", BLOCK_DOCS);
        dir.put("blocks", writeDocuments());
        byte[] raw = JSON.writeValueAsBytes(dir);
        Files.write(folder.resolve("indeks.bin"), Bytes.deflate(raw));
    }

    private List<Object> fieldStats() throws IOException {
        List<Object> out = new ArrayList<>();
        LeafReader leaf = index.leaf();
        for (Fields f : Fields.ALL) {
            Terms t = leaf == null ? null : leaf.terms(f.field());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.field());
            m.put("weight", f.weight());
            m.put("docCount", t == null ? 0 : t.getDocCount());
            m.put("sumTotalTermFreq", t == null ? 0 : t.getSumTotalTermFreq());
            out.add(m);
        }
        return out;
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
        LeafReader leaf = index.leaf();
        if (leaf == null) return terms;
        for (int f = 0; f < fieldCount; f++) {
            Terms t = leaf.terms(Fields.ALL.get(f).field());
            if (t == null) continue;
            TermsEnum te = t.iterator();
            PostingsEnum pe = null;
            BytesRef br;
            while ((br = te.next()) != null) {
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
        LeafReader leaf = index.leaf();
        byte[][] norms = new byte[fieldCount][index.docs.size()];
        for (int f = 0; f < fieldCount; f++) {
            NumericDocValues values = leaf.getNormValues(Fields.ALL.get(f).field());
            if (values == null) continue;
            for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
                norms[f][d] = (byte) values.longValue();
            }
        }
        return norms;
    }

    private void writeShards(Map<String, TermPostings> terms, Map<String, Object> dir) throws IOException {
        byte[][] norms = index.leaf() == null ? new byte[0][] : norms();
        IndexSearcher searcher = index.searcher();
        List<String> firstTerms = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Bytes shard = new Bytes();
        int count = 0;
        String previous = "";
        String first = null;
        for (Map.Entry<String, TermPostings> e : terms.entrySet()) {
            if (first == null) first = e.getKey();
            encodeTerm(shard, previous, e.getKey(), e.getValue(), norms, searcher);
            previous = e.getKey();
            count++;
            if (shard.size() >= SHARD_BYTES) {
                firstTerms.add(first);
                files.add(writeShard(shard, count));
                shard = new Bytes();
                count = 0;
                previous = "";
                first = null;
            }
        }
        if (count > 0) {
            firstTerms.add(first);
            files.add(writeShard(shard, count));
        }
        dir.put("shardTerms", firstTerms);
        dir.put("shardFiles", files);
    }

    private String writeShard(Bytes terms, int count) throws IOException {
        Bytes file = new Bytes().oneByte(FORMAT).varint(count);
        terms.writeTo(file);
        return writeHashed("t", file.toByteArray());
    }

    private void encodeTerm(Bytes out, String previous, String term, TermPostings p, byte[][] norms,
                            IndexSearcher searcher) throws IOException {
        int shared = Bytes.shared(previous, term);
        out.varint(shared).string(term.substring(shared));
        List<String> forms = List.copyOf(index.vocabulary.longerForms(term));
        out.varint(forms.size());
        for (String form : forms) {
            int s = Bytes.shared(term, form);
            out.varint(s).string(form.substring(s));
        }
        int mask = p.mask();
        out.varint(mask);
        for (int f = 0; f < fieldCount; f++) if (p.df[f] > 0) out.varint(p.df[f]);

        // every document's (frequency, norm) per field, as a combination; the table holds each distinct one once
        TreeMap<Integer, byte[]> comboOfDoc = new TreeMap<>();
        int[] at = new int[fieldCount];
        for (int f = 0; f < fieldCount; f++) {
            if (p.df[f] == 0) continue;
            for (int i = 0; i < p.df[f]; i++) comboOfDoc.putIfAbsent(p.docs[f][i], null);
        }
        for (Integer doc : comboOfDoc.keySet()) {
            Bytes combo = new Bytes();
            for (int f = 0; f < fieldCount; f++) {
                if (p.df[f] == 0) continue;
                if (at[f] < p.df[f] && p.docs[f][at[f]] == doc) {
                    combo.varint(p.freqs[f][at[f]]).oneByte(norms[f][doc]);
                    at[f]++;
                } else {
                    combo.varint(0);
                }
            }
            comboOfDoc.put(doc, combo.toByteArray());
        }
        Map<String, byte[]> distinct = new TreeMap<>();
        for (byte[] c : comboOfDoc.values()) distinct.putIfAbsent(new String(c, StandardCharsets.ISO_8859_1), c);
        Similarity.SimScorer[] scorers = scorers(term, p, searcher);
        List<byte[]> table = new ArrayList<>(distinct.values());
        Map<String, Double> impact = new HashMap<>();
        for (byte[] c : table) impact.put(new String(c, StandardCharsets.ISO_8859_1), impact(c, mask, scorers));
        // best first: the first entry bounds what the term can add to any document
        table.sort((a, b) -> {
            int c = Double.compare(impact.get(new String(b, StandardCharsets.ISO_8859_1)), impact.get(new String(a, StandardCharsets.ISO_8859_1)));
            return c != 0 ? c : Arrays.compare(a, b);
        });
        Map<String, Integer> indexOf = new HashMap<>();
        out.varint(table.size());
        for (byte[] c : table) {
            indexOf.put(new String(c, StandardCharsets.ISO_8859_1), indexOf.size());
            out.writeBytes(c);
        }
        out.varint(comboOfDoc.size());
        int last = 0;
        for (Map.Entry<Integer, byte[]> e : comboOfDoc.entrySet()) {
            out.varint(e.getKey() - last);
            last = e.getKey();
            if (table.size() > 1) out.varint(indexOf.get(new String(e.getValue(), StandardCharsets.ISO_8859_1)));
        }
    }

    private Similarity.SimScorer[] scorers(String term, TermPostings p, IndexSearcher searcher) throws IOException {
        BM25Similarity bm25 = new BM25Similarity();
        Similarity.SimScorer[] out = new Similarity.SimScorer[fieldCount];
        for (int f = 0; f < fieldCount; f++) {
            if (p.df[f] == 0) continue;
            Fields field = Fields.ALL.get(f);
            CollectionStatistics stats = searcher.collectionStatistics(field.field());
            out[f] = bm25.scorer(field.weight(), stats,
                    searcher.termStatistics(new Term(field.field(), term), p.df[f], p.totalFreq[f]));
        }
        return out;
    }

    /** What a combination adds to a document's score, as the sum over fields Lucene's BooleanQuery makes. */
    private double impact(byte[] combo, int mask, Similarity.SimScorer[] scorers) {
        double sum = 0;
        int i = 0;
        for (int f = 0; f < fieldCount; f++) {
            if ((mask & (1 << f)) == 0) continue;
            int freq = 0;
            int shift = 0;
            int b;
            do {
                b = combo[i++] & 0xFF;
                freq |= (b & 0x7F) << shift;
                shift += 7;
            } while (b >= 0x80);
            if (freq > 0) sum += scorers[f].score(freq, combo[i++]);
        }
        return sum;
    }

    private Map<String, String> writeLetters(Map<String, TermPostings> terms) throws IOException {
        Map<String, List<String>> byLetter = new TreeMap<>();
        for (String term : index.vocabulary.terms()) {
            if (term.isEmpty() || !Character.isLetter(term.codePointAt(0))) continue;
            byLetter.computeIfAbsent(letterOf(term), k -> new ArrayList<>()).add(term);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : byLetter.entrySet()) {
            List<String> words = e.getValue().stream().sorted().toList();
            List<String> display = new ArrayList<>();
            List<Integer> df = new ArrayList<>();
            TreeMap<String, Integer> forms = new TreeMap<>();
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                display.add(index.vocabulary.display(w));
                TermPostings p = terms.get(w);
                df.add(p == null ? 0 : documentCount(p));
                for (String form : index.vocabulary.foldedForms(w)) forms.putIfAbsent(form, i);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("terms", words);
            m.put("display", display);
            m.put("docs", df);
            m.put("forms", List.copyOf(forms.keySet()));
            m.put("formTerms", List.copyOf(forms.values()));
            out.put(e.getKey(), writeHashed("o", JSON.writeValueAsBytes(m)));
        }
        return out;
    }

    /** The file a term's first letter puts it in: a–z each their own, every other letter together. */
    static String letterOf(String term) {
        char c = term.charAt(0);
        return c >= 'a' && c <= 'z' ? String.valueOf(c) : "_";
    }

    private int documentCount(TermPostings p) {
        java.util.Set<Integer> docs = new java.util.HashSet<>();
        for (int f = 0; f < fieldCount; f++) if (p.docs[f] != null) for (int d : p.docs[f]) docs.add(d);
        return docs.size();
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

    private List<String> writeDocuments() throws IOException {
        List<String> hashes = new ArrayList<>();
        List<SearchDocument> docs = index.docs;
        for (int start = 0; start < docs.size(); start += BLOCK_DOCS) {
            List<byte[]> raw = new ArrayList<>();
            Bytes all = new Bytes();
            for (int d = start; d < Math.min(docs.size(), start + BLOCK_DOCS); d++) {
                SearchDocument doc = docs.get(d);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("url", doc.url());
                m.put("title", doc.title());
                m.put("summary", doc.summary());
                m.put("type", doc.type());
                m.put("text", SearchDocuments.shorten(doc.text(), EXCERPT_SOURCE_CHARS));
                byte[] json = JSON.writeValueAsBytes(m);
                raw.add(json);
                all.writeBytes(json);
            }
            String hash = Bytes.hash(all.toByteArray());
            Path block = folder.resolve("d").resolve(hash);
            Files.createDirectories(block);
            for (int i = 0; i < raw.size(); i++) {
                Files.write(block.resolve((start + i) + ".bin"), Bytes.deflate(raw.get(i)));
            }
            hashes.add(hash);
        }
        return hashes;
    }

    /** Writes {@code raw}, compressed, as {@code <kind>/<hash>.bin}; returns the hash. */
    private String writeHashed(String kind, byte[] raw) throws IOException {
        String hash = Bytes.hash(raw);
        Path file = folder.resolve(kind).resolve(hash + ".bin");
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) Files.write(file, Bytes.deflate(raw));
        return hash;
    }
}
