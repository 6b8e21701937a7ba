package dk.tilbudsoversigt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

/** analyse.js's stem() is the Snowball Danish stemmer, word for word as Lucene's DanishStemmer. */
class DanishStemmerTest extends AnalyseJsTest {
    private static List<String> lines(String resource) throws IOException {
        try (var in = Objects.requireNonNull(DanishStemmerTest.class.getResourceAsStream(resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void stemsTheSnowballVocabularyToTheReferenceOutput() throws IOException {
        List<String> words = lines("/snowball-danish/voc.txt");
        List<String> expected = lines("/snowball-danish/output.txt");
        assertEquals(23_832, words.size(), "voc.txt");
        Differences.assertSame("stem() against the Snowball project's output.txt", words, expected, js.apply("stem", words));
    }

    @Test
    void lucenesStemmerAgreesWithTheReferenceOutput() throws IOException {
        List<String> words = lines("/snowball-danish/voc.txt");
        Differences.assertSame("Lucene's DanishStemmer against output.txt", words, lines("/snowball-danish/output.txt"),
                words.stream().map(LuceneAnalysis::stem).toList());
    }

    @Test
    void stemsEveryWordOfTheExampleSitesAsLucene() {
        List<String> lowerCased = Corpus.tokens().stream().map(LuceneAnalysis::lowercase).distinct().toList();
        List<String> normalised = lowerCased.stream().map(LuceneAnalysis::normalize).distinct().toList();
        for (List<String> words : List.of(lowerCased, normalised)) {
            Differences.assertSame("stem() against DanishStemmer on the sites' words", words,
                    words.stream().map(LuceneAnalysis::stem).toList(), js.apply("stem", words));
        }
    }

    @Test
    void stemsRandomDanishLetterStringsAsLucene() {
        List<String> words = Corpus.random("abdegiklnorstæøå", 5000, 12, 84);
        Differences.assertSame("stem() against DanishStemmer on random strings", words,
                words.stream().map(LuceneAnalysis::stem).toList(), js.apply("stem", words));
    }
}
