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

/** The logic of the site's ES modules, run inside the JVM with GraalJS: no Node, no browser. */
class JsModulesTest {
    static Context js;
    static Value filters;
    static Value search;

    @BeforeAll
    static void load() throws IOException {
        js = Context.newBuilder("js").allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false")
                .option("js.esm-eval-returns-exports", "true").build();
        filters = js.eval(Source.newBuilder("js", Files.readString(Path.of("assets/js/filtre.js")), "filtre.mjs").mimeType("application/javascript+module").build());
        search = js.eval(Source.newBuilder("js", Files.readString(Path.of("assets/js/soeg.js")), "soeg.mjs").mimeType("application/javascript+module").build());
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
    void foldingMakesDanishSpellingsOneWord() {
        Value fold = search.getMember("fold");
        for (String spelling : List.of("pårørende", "paarørende", "paaroerende", "paarorende", "PÅRØRENDE")) {
            assertEquals("parorende", fold.execute(spelling).asString(), spelling);
        }
        assertEquals("velfardsteknologi", fold.execute("velfærdsteknologi").asString());
    }

    @Test
    void rankingPutsTitleMatchesFirstAndFallsBackToAnyWord() {
        Value docs = js.eval("js", """
                ([
                  {url: '/a/', title: 'Aflastning', summary: 'En pause', type: 'tilbud', text: 'weekend hjælp', keywords: []},
                  {url: '/b/', title: 'Søskendegrupper', summary: 'For søskende', type: 'tilbud', text: 'aflastning nævnes her', keywords: []},
                  {url: '/c/', title: 'Autisme', summary: 'Målgruppe', type: 'maalgruppe', text: '', keywords: ['ASF']}
                ]).map(d => (d._words = {title: [], keywords: [], summary: [], text: []}, d))""");
        js.getBindings("js").putMember("docs", docs);
        js.getBindings("js").putMember("words", search.getMember("words"));
        js.eval("js", "for (const d of docs) d._words = {title: words(d.title), keywords: words(d.keywords.join(' ')), summary: words(d.summary), text: words(d.text)};");
        Value rank = search.getMember("rank");
        Value result = rank.execute(docs, "aflastning");
        assertEquals(2, result.getMember("total").asInt());
        assertEquals("/a/", result.getMember("results").getArrayElement(0).getMember("url").asString());
        assertEquals("/c/", rank.execute(docs, "asf").getMember("results").getArrayElement(0).getMember("url").asString());
        Value fallback = rank.execute(docs, "aflastning pingvin");
        assertTrue(fallback.getMember("anyWord").asBoolean());
        assertEquals(2, fallback.getMember("total").asInt());
        assertEquals(0, rank.execute(docs, "pingvin").getMember("total").asInt());
    }
}
