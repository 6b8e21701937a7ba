package dk.tilbudsoversigt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dk.tilbudsoversigt.site.Checked;

/** The compound splitter on real compounds of the example site, with its vocabulary. */
class CompoundSplitterTest {
    static SiteIndex index;

    @BeforeAll
    static void build() throws Exception {
        Checked checked = Checked.run(Path.of("."), false);
        index = SiteIndex.build(SearchDocuments.of(checked), SearchIndexWriter.synonyms(checked));
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '=', value = {
        "børnehandicapområdet = børnehandicap børne handicap området",
        "voksenhandicapplanen = voksenhandicap voksen handicap planen",
        "weekendaflastning = weekend aflastning",
        "søskendegrupper = søskende grupper",
        "specialundervisning = special undervisning",
        "specialskolerne = special skolerne",
        "sagsbehandleren = sags behandleren",
        "mestringsvejledning = mestrings vejledning",
        "pårørendesamarbejde = pårørende samarbejde sam arbejde",
        "uddannelsesmuligheder = uddannelses muligheder",
        "autismespektrumforstyrrelse = autismespektrum forstyrrelse",
        "kørestolsbruger = kørestols bruger",
        "aflastningsfamilie = aflastnings familie"})
    void realCompoundsSplitIntoWordsOfTheSite(String word, String parts) {
        assertEquals(List.of(parts.strip().split(" ")), index.splitter.parts(word.strip()));
    }

    /** The splitter with a small vocabulary of written words, as a site that writes them would have. */
    static CompoundSplitter splitterFor(String... written) {
        java.util.Set<String> terms = new java.util.HashSet<>();
        java.util.Set<String> folded = new java.util.HashSet<>();
        for (String w : written) {
            terms.add(Words.term(w));
            folded.add(Words.fold(w));
        }
        return new CompoundSplitter(terms, folded, Vocabulary.modifiers(folded), Words::term, Words::fold);
    }

    @Test
    void linkingLettersAndEveryLevelOfACompound() {
        CompoundSplitter splitter = splitterFor("velfærd", "teknologi", "sen", "hjerneskade", "hjerne", "skade", "børn",
                "handicap", "området", "handicapområdet", "ældre", "for");
        assertEquals(List.of("velfærds", "teknologi"), splitter.parts("velfærdsteknologi"), "velfærds: a form of velfærd, the term is the same");
        assertEquals(List.of("sen", "hjerneskade", "hjerne", "skade"), splitter.parts("senhjerneskade"));
        assertEquals(List.of("børn", "handicapområdet", "handicap", "området"), splitter.parts("børnehandicapområdet"));
        assertEquals(List.of(), splitter.parts("forældre"), "a stop word is never a part");
        assertEquals(List.of(), splitter.parts("velfærdsteknik"), "every part must be a word of the site");
    }

    @Test
    void aBeginningUsedBeforeTwoWordsIsAPartEvenIfNeverWrittenAlone() {
        CompoundSplitter once = splitterFor("skole", "klasse", "specialskole");
        assertEquals(List.of(), once.parts("specialklasse"), "one compound is no evidence");
        CompoundSplitter twice = splitterFor("skole", "klasse", "specialskole", "specialklasse");
        assertEquals(List.of("special", "klasse"), twice.parts("specialklasse"));
        assertEquals(List.of("special", "skole"), twice.parts("specialskole"));
    }

    /** Words that contain other words but are not made of them: endings that are also words, bound beginnings. */
    @ParameterizedTest
    @ValueSource(strings = {"forældre", "sundhed", "aflastning", "handicap", "muligheder", "vanskeligheder",
        "almindelige", "tilgængelighed", "billig", "barnets", "foreningen", "forklarer", "kommunens", "indsatser",
        "rettigheder", "samlet", "syndrom", "hverken", "behandling", "undervisning", "udvikling", "forklare",
        "fortsætter", "mennesker", "anderledes", "erfaringer", "vejleder"})
    void wordsThatOnlyLookLikeCompoundsStayWhole(String word) {
        assertEquals(List.of(), index.splitter.parts(word));
    }

    /** Lucene's DictionaryCompoundWordTokenFilter finds "ørn" and "andi" here; the splitter finds only words. */
    @Test
    void noPartIsAFragment() {
        List<String> fragments = new ArrayList<>();
        for (String part : index.splitter.parts("børnehandicapområdet")) {
            if (!index.vocabulary.written().contains(Words.fold(part)) && !index.vocabulary.modifiers().contains(Words.fold(part))) {
                fragments.add(part);
            }
        }
        assertTrue(fragments.stream().allMatch(p -> p.equals("børne")), "only a part with its linking letter is not written alone: " + fragments);
    }

    @Test
    void partsAreIndexedAtTheWordsPositionSoAPartFindsTheCompound() throws Exception {
        var tokens = Analysis.tokens(Analysis.index(index.splitter, index.groups), "Børnehandicapområdet har fået en ny plan.");
        assertEquals(List.of("bornehandicapomrad", "bornehandicap", "born", "handicap", "omrad", "faet", "ny", "plan"),
                tokens.stream().map(Analysis.Token::term).toList());
        assertEquals(List.of("<ALPHANUM>", Analysis.PART, Analysis.PART, Analysis.PART, Analysis.PART), tokens.subList(0, 5)
                .stream().map(Analysis.Token::type).toList());
    }
}
