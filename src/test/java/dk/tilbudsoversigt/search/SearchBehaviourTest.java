package dk.tilbudsoversigt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.tilbudsoversigt.ExampleSite;

/** What the search does beyond whole words, on the example site: as you type, typos, filters, excerpts. */
class SearchBehaviourTest {
    static JsSearch js;

    @BeforeAll
    static void build() throws Exception {
        js = new JsSearch(ExampleSite.built().resolve("soeg"));
    }

    @AfterAll
    static void close() {
        if (js != null) js.close();
    }

    private static String first(JsSearch.Answer a) {
        return a.hits().isEmpty() ? "" : a.hits().get(0).url().replaceFirst("^/handicap", "");
    }

    @Test
    void theWordBeingTypedMatchesAsAPrefix() {
        assertEquals("/tilbud/aflastning/", first(js.search("aflast", "{}")));
        assertEquals("/tilbud/soeskendegrupper/", first(js.search("søskendegru", "{}")));
        assertEquals(0, js.search("søskendegru", "{prefix: false}").total(), "with prefix off, whole words only");
        assertEquals(0, js.search("søskendegru ", "{}").total(), "a space ends the word");
    }

    @Test
    void aWordBeingTypedFindsTheTermThroughItsLongerForm() {
        // "pårørend" is longer than the term "paror" of pårørende: found through the written form
        assertTrue(js.search("pårørend", "{}").urls().stream().anyMatch(u -> u.contains("paaroerende")));
    }

    @Test
    void oneTypoFromFiveLettersAndTwoFromNine() {
        JsSearch.Answer one = js.search("aflasning", "{prefix: false}");
        assertEquals("/tilbud/aflastning/", first(one));
        assertEquals(List.of("aflastning"), one.corrections());
        JsSearch.Answer two = js.search("velfærsteknolgi", "{prefix: false}");
        assertTrue(first(two).contains("velfaerdsteknologi"), first(two));
        assertEquals(0, js.search("bps", "{prefix: false}").total(), "no typo tolerance below five letters");
        assertEquals(0, js.search("vlfaerd", "{prefix: false}").total(), "the first letter is fixed");
    }

    @Test
    void aspellingsWithoutDanishLettersMatchExactly() {
        for (String q : List.of("paarorende", "paaroerende", "parorende", "pårørende")) {
            JsSearch.Answer a = js.search(q, "{prefix: false}");
            assertTrue(a.total() > 0, q);
            assertEquals(List.of(), a.corrections(), q + ": an exact match, not a typo");
        }
    }

    @Test
    void synonymsFindTheirGroup() {
        assertEquals("/maalgrupper/autisme/", first(js.search("ASF", "{prefix: false}")));
        assertTrue(js.search("autismespektrumforstyrrelse", "{prefix: false}").total()
                >= js.search("autisme", "{prefix: false}").total() - 1);
    }

    @Test
    void allWordsMustMatchElseAnyWordAndItSaysSo() {
        JsSearch.Answer all = js.search("aflastning weekend", "{prefix: false}");
        assertFalse(all.anyWord());
        JsSearch.Answer any = js.search("aflastning xylofon", "{prefix: false}");
        assertTrue(any.anyWord());
        assertTrue(any.total() > 0);
    }

    @Test
    void nothingFoundSuggestsAWord() {
        JsSearch.Answer a = js.search("velfærdsxyzteknologi", "{prefix: false}");
        assertEquals(0, a.total());
        JsSearch.Answer b = js.search("hjælpemiddlerrr", "{prefix: false}");
        assertEquals(0, b.total());
        assertEquals("hjælpemidler", b.suggestion());
        assertNull(js.search("aflastning", "{}").suggestion());
    }

    @Test
    void filtersByTypeTargetGroupAgeAndReferral() {
        assertTrue(js.search("hjælp", "{filters: {type: 'faq'}, limit: 50}").hits().stream().allMatch(h -> h.type().equals("faq")));
        // a seven-year-old: every offer found holds age 7
        JsSearch.Answer seven = js.search("hjælp", "{filters: {age: 7}, limit: 100}");
        assertTrue(seven.total() > 0);
        for (JsSearch.Hit h : seven.hits()) assertEquals("tilbud", h.type(), h.url());
        assertFalse(seven.urls().stream().anyMatch(u -> u.endsWith("/tilbud/seniortilbud/")), "an offer for seniors is not for a child");
        JsSearch.Answer autism = js.search("tilbud", "{filters: {targetGroup: 'autisme'}, limit: 100}");
        assertTrue(autism.urls().stream().anyMatch(u -> u.endsWith("/tilbud/autismeindsatser/")));
        assertFalse(autism.urls().stream().anyMatch(u -> u.endsWith("/tilbud/soeskendegrupper/")), "an offer for siblings only");
        JsSearch.Answer free = js.search("tilbud", "{filters: {referral: false}, limit: 100}");
        JsSearch.Answer decided = js.search("tilbud", "{filters: {referral: true}, limit: 100}");
        assertEquals(js.search("tilbud", "{filters: {type: 'tilbud'}, limit: 100}").total(), free.total() + decided.total());
    }

    @Test
    void excerptsMarkTheMatchedWordsInEscapedText() {
        JsSearch.Hit hit = js.search("weekend", "{prefix: false}").hits().get(0);
        assertTrue(hit.excerpt().contains("<mark>"), hit.excerpt());
        var body = Jsoup.parseBodyFragment(hit.excerpt()).body();
        assertTrue(body.select("mark").stream().allMatch(m -> m.text().toLowerCase().startsWith("weekend")), hit.excerpt());
        assertEquals(body.select("*").size() - 1, body.select("mark").size(), "no markup but <mark>");
        String escaped = js.eval("m.excerpt({text: '<script>alert(1)</script> weekend & mere', summary: ''}, new Set(['weekend']))").asString();
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; <mark>weekend</mark> &amp; mere", escaped);
    }

    @Test
    void aFaqQuestionLinksToItsAnchor() {
        JsSearch.Answer a = js.search("hvem er min sagsbehandler", "{prefix: false}");
        assertEquals("/faq/borgerguide/#hvem-er-min-sagsbehandler", first(a));
    }
}
