package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * assets/js/analyse.js in GraalJS. Every call takes a whole list and crosses into JavaScript
 * once, joined by NUL, as GraalJS runs in interpreter mode here and a call per word is slow.
 */
final class AnalyseJs implements AutoCloseable {
    private static final String ITEM = "\0";
    private static final String TOKEN = "\u0001";

    private final Context js;
    private final Value module;
    private final Value map;

    AnalyseJs() {
        js = Context.newBuilder("js").allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false")
                .option("js.esm-eval-returns-exports", "true").build();
        try {
            module = js.eval(Source.newBuilder("js", Files.readString(Path.of("assets/js/analyse.js")), "analyse.mjs")
                    .mimeType("application/javascript+module").build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        map = js.eval("js", "(f, joined, sep) => joined.split('\\0').map((s) => { const r = f(s); return Array.isArray(r) ? r.join(sep) : String(r); }).join('\\0')");
    }

    /** The exported function applied to each input: stem, lowercase, normalize, fold or isStopWord. */
    List<String> apply(String function, List<String> inputs) {
        return split(map.execute(module.getMember(function), String.join(ITEM, inputs), TOKEN).asString(), inputs.size());
    }

    /** The tokens of each text. */
    List<List<String>> tokenize(List<String> texts) {
        return apply("tokenize", texts).stream()
                .map(tokens -> tokens.isEmpty() ? List.<String>of() : Arrays.asList(tokens.split(TOKEN, -1)))
                .toList();
    }

    private static List<String> split(String joined, int count) {
        List<String> items = Arrays.asList(joined.split(ITEM, -1));
        if (items.size() != count) {
            throw new IllegalStateException("expected " + count + " results from JavaScript, got " + items.size());
        }
        return items;
    }

    @Override
    public void close() {
        js.close();
    }
}
