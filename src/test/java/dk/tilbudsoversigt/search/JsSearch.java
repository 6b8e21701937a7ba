package dk.tilbudsoversigt.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The browser's search module (assets/js/soeg.js and what it imports), run inside the JVM with
 * GraalJS over the files a build wrote to soeg/: no Node, no browser.
 */
public final class JsSearch implements AutoCloseable {
    private final Context js;
    private final Value module;

    /** The module as written (assets/js/soeg.js) over the index in {@code soegFolder}. */
    public JsSearch(Path soegFolder) throws IOException {
        this(soegFolder, Path.of("assets/js/soeg.js"));
    }

    /** {@code module}: the search module to run, e.g. the one a build wrote to js/soeg.js. */
    public JsSearch(Path soegFolder, Path module) throws IOException {
        js = Context.newBuilder("js").allowIO(true).allowHostAccess(HostAccess.ALL)
                .allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false")
                .option("js.esm-eval-returns-exports", "true").build();
        js.eval(Source.newBuilder("js", JsSearch.class.getResource("/js/polyfills.js")).build());
        this.module = js.eval(Source.newBuilder("js", module.toFile())
                .mimeType("application/javascript+module").build());
        ProxyExecutable read = args -> {
            byte[] dictionary = args.length > 1 ? bytes(args[1]) : null;
            byte[] file = readAll(soegFolder.resolve(args[0].asString()));
            if (args.length > 2 && !args[2].isNull()) {
                file = java.util.Arrays.copyOfRange(file, args[2].getArrayElement(0).asInt(), args[2].getArrayElement(1).asInt());
            }
            return inflated(file, dictionary);
        };
        js.getBindings("js").putMember("readIndexFile", read);
        Value loader = js.eval("js", "(p, dictionary, range) => Promise.resolve(Uint8Array.from(readIndexFile(p, dictionary, range)))");
        Value options = js.eval("js", "({})");
        options.putMember("loader", loader);
        this.module.getMember("configure").execute(options);
    }

    /** One result as the module returns it. */
    public record Hit(int doc, String url, String title, String excerpt, String type, float score) {}

    /** What search() answered. */
    public record Answer(int total, List<Hit> hits, boolean anyWord, String suggestion, List<String> corrections) {
        public List<String> urls() {
            return hits.stream().map(Hit::url).toList();
        }
    }

    /** search(query, options) with options as a JavaScript object literal, e.g. "{prefix: false}". */
    public Answer search(String query, String options) {
        Value answer = await(module.getMember("search").execute(query, js.eval("js", "(" + options + ")")));
        List<Hit> hits = new ArrayList<>();
        Value results = answer.getMember("results");
        for (long i = 0; i < results.getArraySize(); i++) {
            Value r = results.getArrayElement(i);
            hits.add(new Hit(r.getMember("doc").asInt(), r.getMember("url").asString(), r.getMember("title").asString(),
                    r.getMember("excerpt").asString(), r.getMember("type").asString(), (float) r.getMember("score").asDouble()));
        }
        List<String> corrections = new ArrayList<>();
        Value c = answer.getMember("corrections");
        for (long i = 0; i < c.getArraySize(); i++) corrections.add(c.getArrayElement(i).getMember("to").asString());
        Value suggestion = answer.getMember("suggestion");
        return new Answer(answer.getMember("total").asInt(), hits, answer.getMember("anyWord").asBoolean(),
                suggestion.isNull() ? null : suggestion.asString(), corrections);
    }

    /** Evaluates a JavaScript expression in which {@code m} is the module's exports. */
    public Value eval(String expression) {
        js.getBindings("js").putMember("m", module);
        return js.eval("js", expression);
    }

    /** Calls an exported function of the module that returns a value (not a promise). */
    public Value call(String function, Object... args) {
        return module.getMember(function).execute(args);
    }

    /** Calls an exported function that returns a promise, and waits for it. */
    public Value callAsync(String function, Object... args) {
        return await(module.getMember(function).execute(args));
    }

    private Value await(Value promise) {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Object> error = new AtomicReference<>();
        // Consumer<Object>, not Consumer<Value>: GraalJS calls only the former back
        promise.invokeMember("then", (Consumer<Object>) result::set, (Consumer<Object>) error::set);
        if (error.get() != null) {
            Value e = js.asValue(error.get());
            throw new IllegalStateException("search failed: " + e + (e.hasMember("stack") ? "\n" + e.getMember("stack") : ""));
        }
        if (result.get() == null) throw new IllegalStateException("the search did not finish");
        return js.asValue(result.get());
    }

    /** A file of soeg/ but a block of documents ({@link #documents}), uncompressed (raw deflate). */
    public static byte[] inflate(Path file) {
        return inflate(file, null);
    }

    /** Every document of a soeg/ folder, as JSON, in document order. */
    public static List<byte[]> documents(Path soeg) {
        byte[] dictionary = dictionary(soeg);
        List<byte[]> out = new ArrayList<>();
        for (byte[] packed : packedDocuments(soeg)) out.add(inflated(packed, dictionary));
        return out;
    }

    /** The documents' dictionary of a soeg/ folder. */
    public static byte[] dictionary(Path soeg) {
        return inflate(soeg.resolve("d/" + directory(soeg).get("dictionary").asText() + ".bin"), null);
    }

    /** Every document of a soeg/ folder as it is stored in its block: compressed with the dictionary. */
    public static List<byte[]> packedDocuments(Path soeg) {
        com.fasterxml.jackson.databind.JsonNode dir = directory(soeg);
        int blockSize = dir.get("blockSize").asInt();
        List<byte[]> out = new ArrayList<>();
        byte[] block = null;
        for (int d = 0; d < dir.get("docs").asInt(); d++) {
            if (d % blockSize == 0) block = readAll(soeg.resolve("d/" + dir.get("blocks").get(d / blockSize).asText() + ".bin"));
            out.add(packedDocument(block, d % blockSize));
        }
        return out;
    }

    /** The {@code i}th document's bytes in a block's file, where the table at its start says they are. */
    private static byte[] packedDocument(byte[] block, int i) {
        java.nio.ByteBuffer table = java.nio.ByteBuffer.wrap(block).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int stored = 5; // the table is a stored deflate block: its 5-byte header first
        return java.util.Arrays.copyOfRange(block, table.getInt(stored + 4 * i), table.getInt(stored + 4 * i + 4));
    }

    private static com.fasterxml.jackson.databind.JsonNode directory(Path soeg) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(inflate(soeg.resolve("indeks.bin"), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Value array) {
        if (array.isNull()) return null;
        byte[] out = new byte[(int) array.getArraySize()];
        for (int i = 0; i < out.length; i++) out[i] = (byte) array.getArrayElement(i).asInt();
        return out;
    }

    private static byte[] inflated(byte[] compressed, byte[] dictionary) {
        try {
            return inflate(compressed, dictionary);
        } catch (DataFormatException e) {
            throw new IllegalStateException("not deflated", e);
        }
    }

    /** A file of soeg/, uncompressed, with the preset dictionary it was compressed with (or null). */
    public static byte[] inflate(Path file, byte[] dictionary) {
        try {
            return inflate(Files.readAllBytes(file), dictionary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DataFormatException e) {
            throw new IllegalStateException(file + " is not deflated", e);
        }
    }

    /** Raw deflate undone, with the preset dictionary it was compressed with (or null). */
    public static byte[] inflate(byte[] compressed, byte[] dictionary) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        if (dictionary != null) inflater.setDictionary(dictionary);
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
            out.write(buffer, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }

    @Override
    public void close() {
        js.close();
    }
}
