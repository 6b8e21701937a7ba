package dk.tilbudsoversigt.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic site of another shape than {@link SyntheticSite}'s, so that the figures do not hold
 * for one kind of site only: every offer's ~500 words are drawn evenly from the Snowball project's
 * Danish vocabulary (23,832 words, so most words of the site are rare), there are 7 target groups,
 * and the offers lie in 10 sub-folders of {@code content/tilbud/}. The same N gives the same site.
 */
final class RareWordSite {
    static final Path VOCABULARY = Path.of("/work/shared/testdata/snowball-danish/voc.txt");
    static final int GROUPS = 7;
    static final int FOLDERS = 10;
    static final int WORDS_PER_OFFER = 500;

    private RareWordSite() {}

    static boolean available() {
        return Files.isRegularFile(VOCABULARY);
    }

    static SyntheticSite.Model generate(int n) {
        String[] vocabulary = vocabulary();
        Random random = new Random(20250201L);
        List<String> groups = Arrays.asList(SyntheticSite.GROUPS).subList(0, GROUPS);
        List<SyntheticSite.Term> terms = new ArrayList<>();
        for (int k = 0; k < SyntheticSite.TERMS.length; k++) {
            terms.add(new SyntheticSite.Term(k + 1, SyntheticSite.TERMS[k][0], SyntheticSite.TERMS[k][1]));
        }
        List<SyntheticSite.Faq> faqs = new ArrayList<>();
        for (int k = 1; k <= Math.max(5, n / 200); k++) {
            StringBuilder body = new StringBuilder(paragraph(random, vocabulary, 40)).append("\n\n## Hvem kan få hjælp?\n\n")
                    .append(paragraph(random, vocabulary, 60)).append("\n\n");
            Set<String> questions = new LinkedHashSet<>();
            while (questions.size() < 5) questions.add("Hvad betyder " + word(random, vocabulary) + " " + word(random, vocabulary) + "?");
            for (String q : questions) body.append("## ").append(q).append("\n\n").append(paragraph(random, vocabulary, 50)).append("\n\n");
            faqs.add(new SyntheticSite.Faq(k, "Spørgsmål og svar " + k + ": " + word(random, vocabulary),
                    "Svar om " + word(random, vocabulary) + ".", body.toString()));
        }
        List<SyntheticSite.News> news = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            news.add(new SyntheticSite.News(k, "Nyt om " + word(random, vocabulary), sentence(random, vocabulary, 10),
                    LocalDate.of(2025, k, 1 + k), paragraph(random, vocabulary, 80)));
        }
        List<SyntheticSite.Offer> offers = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String title = capitalised(word(random, vocabulary)) + " og " + word(random, vocabulary) + " (" + i + ")";
            int g1 = random.nextInt(GROUPS);
            int g2 = (g1 + 1 + random.nextInt(GROUPS - 1)) % GROUPS;
            int[] age = SyntheticSite.AGES[random.nextInt(SyntheticSite.AGES.length)];
            Set<String> areas = new LinkedHashSet<>();
            areas.add(SyntheticSite.AREAS[random.nextInt(SyntheticSite.AREAS.length)]);
            boolean referral = random.nextBoolean();
            int seeAlso = n == 1 ? 1 : 1 + (i + random.nextInt(n - 1)) % n;
            StringBuilder body = new StringBuilder("## Hvad er tilbuddet?\n\n");
            body.append(paragraph(random, vocabulary, 150)).append(" Det handler om ")
                    .append(terms.get(random.nextInt(terms.size())).title().toLowerCase()).append(".\n\n");
            for (int k = 0; k < 5; k++) body.append("- ").append(sentence(random, vocabulary, 6)).append('\n');
            body.append("\n## Hvem kan få det?\n\n").append(paragraph(random, vocabulary, 150)).append("\n\n## Sådan kommer du i gang\n\n")
                    .append(paragraph(random, vocabulary, 120)).append(" Læs også [et lignende tilbud](")
                    .append(relative(folder(i), folder(seeAlso))).append("tilbud-").append(seeAlso).append(".md).");
            if (i % 4 == 0) {
                body.append(" Se [svar på spørgsmål](../../faq/").append(faqs.get(random.nextInt(faqs.size())).slug())
                        .append(".md#").append(SyntheticSite.FAQ_ANCHOR).append(").");
            }
            body.append('\n');
            offers.add(new SyntheticSite.Offer(i, title, sentence(random, vocabulary, 14),
                    LocalDate.of(2024, 1, 1).plusDays(random.nextInt(600)), List.of(g1 + 1, g2 + 1), age[0],
                    age[1] < 0 ? null : age[1], referral, List.copyOf(areas),
                    SyntheticSite.UNITS[random.nextInt(SyntheticSite.UNITS.length)], body.toString(), folder(i)));
        }
        return new SyntheticSite.Model(List.copyOf(offers), groups, faqs, terms, news,
                String.format("%,d words drawn evenly from %s, ~%d words per offer, %d target groups, offers in %d sub-folders",
                        vocabulary.length, VOCABULARY.getFileName(), WORDS_PER_OFFER, GROUPS, FOLDERS));
    }

    /** The sub-folder of offer {@code i}, as "omraade-3/". */
    static String folder(int i) {
        return "omraade-" + (1 + i % FOLDERS) + "/";
    }

    private static String relative(String from, String to) {
        return from.equals(to) ? "" : "../" + to;
    }

    private static String[] vocabulary() {
        try {
            return Files.readAllLines(VOCABULARY, StandardCharsets.UTF_8).stream().map(String::strip).filter(w -> !w.isEmpty())
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String word(Random random, String[] vocabulary) {
        return vocabulary[random.nextInt(vocabulary.length)];
    }

    private static String sentence(Random random, String[] vocabulary, int words) {
        StringBuilder s = new StringBuilder(capitalised(word(random, vocabulary)));
        for (int k = 1; k < words; k++) s.append(' ').append(word(random, vocabulary));
        return s.append('.').toString();
    }

    /** About {@code words} words in sentences of 6–15 words. */
    private static String paragraph(Random random, String[] vocabulary, int words) {
        StringBuilder p = new StringBuilder();
        for (int left = words; left > 0; ) {
            int n = Math.min(left, 6 + random.nextInt(10));
            if (p.length() > 0) p.append(' ');
            p.append(sentence(random, vocabulary, n));
            left -= n;
        }
        return p.toString();
    }

    private static String capitalised(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
