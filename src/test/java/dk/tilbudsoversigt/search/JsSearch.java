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
            byte[] dictionary = null;
            if (args.length > 1 && !args[1].isNull()) {
                dictionary = new byte[(int) args[1].getArraySize()];
                for (int i = 0; i < dictionary.length; i++) dictionary[i] = (byte) args[1].getArrayElement(i).asInt();
            }
            return inflate(soegFolder.resolve(args[0].asString()), dictionary);
        };
        js.getBindings("js").putMember("readIndexFile", read);
        Value loader = js.eval("js", "(p, dictionary) => Promise.resolve(Uint8Array.from(readIndexFile(p, dictionary)))");
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

    /**
     * A file of soeg/, uncompressed (raw deflate). A document ({@code d/<block>/<doc>.bin}) is
     * inflated with the documents' dictionary, which the directory names.
     */
    public static byte[] inflate(Path file) {
        Path block = file.getParent();
        Path d = block == null ? null : block.getParent();
        if (d != null && d.getFileName().toString().equals("d") && !block.equals(d)) {
            Path soeg = d.getParent();
            try {
                // keyed by the directory's time too: a rebuild into the same folder brings a new dictionary
                String key = soeg + "@" + Files.getLastModifiedTime(soeg.resolve("indeks.bin"));
                return inflate(file, DICTIONARIES.computeIfAbsent(key, k -> dictionary(soeg)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return inflate(file, null);
    }

    /** The documents' dictionary of each soeg/ folder read so far (a test inflates many documents of one folder). */
    private static final java.util.Map<String, byte[]> DICTIONARIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] dictionary(Path soeg) {
        try {
            String name = new com.fasterxml.jackson.databind.ObjectMapper().readTree(inflate(soeg.resolve("indeks.bin"), null))
                    .get("dictionary").asText();
            return inflate(soeg.resolve("d").resolve(name + ".bin"), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
