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
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The site's documents in a Lucene index, in memory: one segment, document n is
 * {@code docs.get(n)}. BM25 with Lucene's defaults scores it; {@link IndexExport} writes it out
 * for the browser.
 */
public final class SiteIndex implements Closeable {
    private static final FieldType TEXT = textType();

    final List<SearchDocument> docs;
    final Vocabulary vocabulary;
    final CompoundSplitter splitter;
    final SynonymGroups groups;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final BooleanSupplier stop;

    private SiteIndex(List<SearchDocument> docs, Map<String, List<String>> synonyms, BooleanSupplier stop) throws IOException {
        this.docs = docs;
        this.stop = stop;
        this.vocabulary = Vocabulary.of(docs, this::checkpoint);
        this.splitter = new CompoundSplitter(vocabulary.terms(), vocabulary.written(), vocabulary.modifiers(), Words::term, Words::fold);
        vocabulary.splitWith(splitter);
        this.groups = new SynonymGroups(synonyms, Analysis.index(splitter, null));
        IndexWriterConfig config = new IndexWriterConfig(Analysis.surface()) // not used: every field comes analysed
                .setRAMBufferSizeMB(1024)
                .setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH)
                .setMergePolicy(NoMergePolicy.INSTANCE)
                .setUseCompoundFile(false);
        // analysed on every core, written in document order by one writer: one segment, document n is docs.get(n)
        List<Document> analysed = java.util.stream.IntStream.range(0, docs.size()).parallel().mapToObj(d -> {
            checkpoint();
            return luceneDocument(d);
        }).toList();
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Document doc : analysed) writer.addDocument(doc);
            writer.commit();
        }
        this.reader = DirectoryReader.open(directory);
        if (reader.leaves().size() > 1) throw new IllegalStateException("the search index must be one segment");
        this.searcher = new IndexSearcher(reader);
    }

    /**
     * @param synonyms synonym group key ("maalgrupper/autisme") → its names (title and synonyms)
     */
    public static SiteIndex build(List<SearchDocument> docs, Map<String, List<String>> synonyms) throws IOException {
        return new SiteIndex(docs, synonyms, () -> false);
    }

    /** As {@link #build(List, Map)}, given up with {@link Stopped} soon after {@code stop} says so. */
    static SiteIndex build(List<SearchDocument> docs, Map<String, List<String>> synonyms, BooleanSupplier stop) throws IOException {
        return new SiteIndex(docs, synonyms, stop);
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

    private Document luceneDocument(int doc) {
        Document d = new Document();
        d.add(new DoubleDocValuesField(PRIOR, docs.get(doc).prior()));
        for (int f = 0; f < Fields.ALL.size(); f++) {
            String[] words = vocabulary.words(doc, f);
            if (words.length > 0) d.add(new Field(Fields.ALL.get(f).field(), Replay.of(analysed(doc, f)), TEXT));
        }
        return d;
    }

    /** The index's tokens of one field of one document. */
    TokenStream analysed(int doc, int field) {
        return Analysis.fromWords(vocabulary.words(doc, field), vocabulary, groups);
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

    LeafReader leaf() {
        return reader.leaves().isEmpty() ? null : reader.leaves().get(0).reader();
    }

    public List<SearchDocument> docs() {
        return docs;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
