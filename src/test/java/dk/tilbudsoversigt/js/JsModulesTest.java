package dk.tilbudsoversigt.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The logic of the offer filters' ES module, run inside the JVM with GraalJS: no Node, no
 * browser. The search module has its own tests in the search package.
 */
class JsModulesTest {
    static Context js;
    static Value filters;

    @BeforeAll
    static void load() throws IOException {
        js = Context.newBuilder("js").allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false")
                .option("js.esm-eval-returns-exports", "true").build();
        filters = js.eval(Source.newBuilder("js", Files.readString(Path.of("assets/js/filtre.js")), "filtre.mjs").mimeType("application/javascript+module").build());
    }

    @AfterAll
    static void close() {
        js.close();
    }

    private boolean matches(String data, String query) {
        Value dataObj = js.eval("js", "(" + data + ")");
        Value chosen = filters.getMember("chosenFrom").execute(query);
        return filters.getMember("matches").execute(dataObj, chosen).asBoolean();
    }

    @Test
    void filtersCombineKindsWithAndAndValuesWithOr() {
        String offer = "{alder: '0-5 6-12', maalgruppe: 'autisme adhd', omraade: 'social', visitation: 'ja'}";
        assertTrue(matches(offer, ""));
        assertTrue(matches(offer, "?alder=6-12"));
        assertTrue(matches(offer, "?alder=13-17&alder=6-12"));
        assertFalse(matches(offer, "?alder=13-17"));
        assertTrue(matches(offer, "?alder=0-5&maalgruppe=adhd&visitation=ja"));
        assertFalse(matches(offer, "?alder=0-5&visitation=nej"));
        assertFalse(matches(offer, "?maalgruppe=aut"), "whole values, not prefixes");
    }
}
