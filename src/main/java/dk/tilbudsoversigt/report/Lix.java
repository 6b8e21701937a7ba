package dk.tilbudsoversigt.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * LIX, the Scandinavian readability index: words per sentence plus the percentage of words
 * longer than six letters. Under 35 is easy, 35-44 ordinary, 45-54 hard, 55 and up very hard.
 */
public final class Lix {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+(?=\\p{Lu}|\\p{N})|(?<=[.!?])$");

    /** The score of a text and its sentences, longest first. */
    public record Score(int value, int words, List<String> longestSentences) {}

    private Lix() {}

    /** Scores an HTML body: every paragraph, list item, heading and table cell ends a sentence. */
    public static Score ofHtml(String html) {
        List<String> sentences = new ArrayList<>();
        for (Element block : Jsoup.parseBodyFragment(html).body().select("p, li, h2, h3, h4, h5, h6, td, th, dd, dt")) {
            if (!block.select("p, li, td, dd").isEmpty() && block.select("p, li, td, dd").first() != block) continue;
            for (String s : SENTENCE_END.split(block.text())) {
                if (!s.isBlank()) sentences.add(s.strip());
            }
        }
        return of(sentences);
    }

    static Score of(List<String> sentences) {
        int words = 0;
        int longWords = 0;
        int counted = 0;
        for (String sentence : sentences) {
            Matcher m = WORD.matcher(sentence);
            boolean any = false;
            while (m.find()) {
                words++;
                any = true;
                if (m.group().replaceAll("[^\\p{L}]", "").length() > 6) longWords++;
            }
            if (any) counted++;
        }
        if (words == 0) return new Score(0, 0, List.of());
        int value = Math.round((float) words / counted + 100f * longWords / words);
        List<String> longest = sentences.stream().sorted(Comparator.comparingInt(Lix::wordCount).reversed()).limit(2).toList();
        return new Score(value, words, longest);
    }

    private static int wordCount(String sentence) {
        int n = 0;
        Matcher m = WORD.matcher(sentence);
        while (m.find()) n++;
        return n;
    }
}
