package dk.tilbudsoversigt.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** analyse.js's tokenize() splits text where Lucene's StandardTokenizer does. */
class TokenizerParityTest extends AnalyseJsTest {
    private static void assertTokenizedAsLucene(String what, List<String> names, List<String> texts) {
        Differences.assertSame(what, names, texts, texts.stream().map(LuceneAnalysis::tokenize).toList(), js.tokenize(texts));
    }

    @Test
    void splitsEveryMarkdownFileOfTheExampleSitesAsLucene() {
        List<Path> files = Corpus.markdownFiles();
        List<String> names = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            List<String> fileLines = Corpus.read(file).lines().toList();
            for (int i = 0; i < fileLines.size(); i++) {
                names.add(file + ":" + (i + 1));
                lines.add(fileLines.get(i));
            }
        }
        assertTokenizedAsLucene("tokenize() on the example sites' lines", names, lines);
        // whole files too: front matter, line ends and all
        assertTokenizedAsLucene("tokenize() on the example sites' files", files.stream().map(Path::toString).toList(),
                files.stream().map(Corpus::read).toList());
    }

    @Test
    void splitsRandomMixturesOfLettersDigitsSeparatorsAndEmojiAsLucene() {
        List<String> alphabets = List.of(
                "aæ1٣.,:;'’\"_-@/ \u00AD\u0301\u200D\uFE0F\u20E3#\u00A9א" + "👍🏽🇩🇰❤",
                "x👨👩\u200D\uFE0F\uFE0E🏽🇩🇰🇸*#0\u20E3©®™〰\uDB40\uDC67\uDB40\uDC7F\u0301",
                "aא1_.'\",:;カー\u202F\u200Bก\u0E31漢ひ한");
        for (int i = 0; i < alphabets.size(); i++) {
            assertTokenizedAsLucene("tokenize() on random strings", null, Corpus.random(alphabets.get(i), 5000, 12, 29 + i));
        }
    }

    @Test
    void splitsTrickyStringsAsLucene() {
        assertTokenizedAsLucene("tokenize() on tricky strings", null, TrickyStrings.ALL);
    }
}
