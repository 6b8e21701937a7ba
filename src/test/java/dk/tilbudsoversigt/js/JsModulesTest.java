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

    @Test
    void theOffersFileIsNarrowedInItsOrderAndTheCountSaysHowManyAreShown() {
        Value rows = js.eval("js", "([['a', 'A', '', '0–5 år', 'nej', '0-5', 'autisme', 'social'],"
                + " ['b', 'B', '', '6–17 år', 'ja', '6-12 13-17', 'adhd autisme', 'skole'],"
                + " ['c', 'C', '', '18 år og derover', 'ja', '18-64 65-', 'adhd', 'social']])");
        Value chosen = filters.getMember("chosenFrom").execute("?maalgruppe=autisme&visitation=ja");
        Value found = filters.getMember("matching").execute(rows, chosen);
        assertEquals(1, found.getArraySize());
        assertEquals("b", found.getArrayElement(0).getMember("slug").asString());
        assertEquals("6-12 13-17", found.getArrayElement(0).getMember("alder").asString());
        Value all = filters.getMember("matching").execute(rows, filters.getMember("chosenFrom").execute("?omraade=social"));
        assertEquals("a", all.getArrayElement(0).getMember("slug").asString());
        assertEquals("c", all.getArrayElement(1).getMember("slug").asString());
        assertEquals("1 tilbud vises", filters.getMember("countText").execute(1, 1).asString());
        assertEquals("120 tilbud passer. 50 vises", filters.getMember("countText").execute(120, 50).asString());
    }
}
