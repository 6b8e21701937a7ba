package dk.tilbudsoversigt.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The site's documents in a Lucene index, in memory: a segment per range of documents (one for
 * a small site), read in order, so that document n is {@code docs.get(n)}. BM25 with Lucene's defaults scores it; {@link IndexExport} writes it out
 * for the browser.
 */
public final class SiteIndex implements Closeable {
    private static final FieldType TEXT = textType();

    final List<SearchDocument> docs;
    final Vocabulary vocabulary;
    final CompoundSplitter splitter;
    final SynonymGroups groups;
    /** The fewest documents that get a segment (and a thread) of their own. */
    static final int DOCS_PER_SEGMENT = 1000;

    private final List<ByteBuffersDirectory> directories;
    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final BooleanSupplier stop;

    private SiteIndex(List<SearchDocument> docs, Map<String, List<String>> synonyms, BooleanSupplier stop, int parts) throws IOException {
        this.docs = docs;
        this.stop = stop;
        this.vocabulary = Vocabulary.of(docs, this::checkpoint);
        this.splitter = new CompoundSplitter(vocabulary.terms(), vocabulary.written(), vocabulary.modifiers(), Words::term, Words::fold);
        vocabulary.splitWith(splitter);
        this.groups = new SynonymGroups(synonyms, Analysis.index(splitter, null));
        // documents in contiguous ranges, each range a segment of its own written on its own
        // thread; read in order, document n of the whole is docs.get(n)
        int segments = parts > 0 ? Math.min(parts, Math.max(1, docs.size()))
                : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), docs.size() / DOCS_PER_SEGMENT));
        List<ByteBuffersDirectory> directories = java.util.stream.IntStream.range(0, segments).parallel()
                .mapToObj(k -> segment(k * docs.size() / segments, (k + 1) * docs.size() / segments)).toList();
        this.directories = directories;
        DirectoryReader[] readers = new DirectoryReader[segments];
        for (int k = 0; k < segments; k++) {
            readers[k] = DirectoryReader.open(directories.get(k));
            if (readers[k].leaves().size() > 1) throw new IllegalStateException("each part of the search index must be one segment");
        }
        this.reader = new MultiReader(readers, true);
        this.searcher = new IndexSearcher(reader);
    }

    /** Documents {@code from} (inclusive) to {@code to} as one segment. */
    private ByteBuffersDirectory segment(int from, int to) {
        return segment(docs, vocabulary, groups, from, to, this::checkpoint);
    }

    /**
     * Documents {@code from} (inclusive) to {@code to} of {@code docs} as one segment, their
     * tokens made from the vocabulary's table per word; {@code checkpoint} runs before each.
     */
    static ByteBuffersDirectory segment(List<SearchDocument> docs, Vocabulary vocabulary, SynonymGroups groups, int from, int to,
                                        Runnable checkpoint) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(Analysis.surface()) // not used: every field comes analysed
                .setRAMBufferSizeMB(1024)
                .setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH)
                .setMergePolicy(NoMergePolicy.INSTANCE)
                .setUseCompoundFile(false);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int d = from; d < to; d++) {
                checkpoint.run();
                writer.addDocument(luceneDocument(docs.get(d), d, vocabulary, groups));
            }
            writer.commit();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return directory;
    }

    /**
     * @param synonyms synonym group key ("maalgrupper/autisme") → its names (title and synonyms)
     */
    public static SiteIndex build(List<SearchDocument> docs, Map<String, List<String>> synonyms) throws IOException {
        return new SiteIndex(docs, synonyms, () -> false, 0);
    }

    /** As {@link #build(List, Map)}, in {@code segments} segments whatever the size (the export must not depend on it). */
    static SiteIndex build(List<SearchDocument> docs, Map<String, List<String>> synonyms, int segments) throws IOException {
        return new SiteIndex(docs, synonyms, () -> false, segments);
    }

    /** As {@link #build(List, Map)}, given up with {@link Stopped} soon after {@code stop} says so. */
    static SiteIndex build(List<SearchDocument> docs, Map<String, List<String>> synonyms, BooleanSupplier stop) throws IOException {
        return new SiteIndex(docs, synonyms, stop, 0);
    }

    /** Thrown from any stage of building or writing an index that was told to stop. */
    public static final class Stopped extends RuntimeException {
        public Stopped() {
            super("the search index was given up", null, false, false);
        }
    }

    /** Gives up ({@link Stopped}) when told to; called between small pieces of work, from any thread. */
    void checkpoint() {
        if (stop.getAsBoolean()) throw new Stopped();
    }

    /** The doc-values field with each document's prior. */
    public static final String PRIOR = "prior";

    private static Document luceneDocument(SearchDocument doc, int d, Vocabulary vocabulary, SynonymGroups groups) {
        Document out = new Document();
        out.add(new DoubleDocValuesField(PRIOR, doc.prior()));
        for (int f = 0; f < Fields.ALL.size(); f++) {
            if (vocabulary.hasWords(d, f)) out.add(new Field(Fields.ALL.get(f).field(), Analysis.fromWords(vocabulary, d, f, groups), TEXT));
        }
        return out;
    }

    /** The index's tokens of one field of one document. */
    TokenStream analysed(int doc, int field) {
        return Analysis.fromWords(vocabulary, doc, field, groups);
    }

    private static FieldType textType() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(false);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        t.freeze();
        return t;
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    /** The whole index: its documents in {@link #docs} order, over one or more segments. */
    IndexReader reader() {
        return reader;
    }

    public List<SearchDocument> docs() {
        return docs;
    }

    /** What an export reads of this index. */
    IndexExport.Source source() {
        return new IndexExport.Source(docs, vocabulary, groups, reader, this::checkpoint);
    }

    @Override
    public void close() throws IOException {
        reader.close();
        for (ByteBuffersDirectory d : directories) d.close();
    }
}
