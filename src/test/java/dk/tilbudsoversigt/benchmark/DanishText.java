package dk.tilbudsoversigt.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Danish text for synthetic pages. Phrases and words are harvested from the example sites'
 * own content (content/ and examples/koebenhavn/content/ of this repository) and drawn with a
 * Zipf-like distribution, so that a few are everywhere and most are rare; generated compound
 * words and place names add the long tail of words that occur on one page or a handful. The
 * same corpus and seed always give the same text.
 */
final class DanishText {
    static final List<Path> CORPUS = List.of(Path.of("content"), Path.of("examples/koebenhavn/content"));
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final String[] FALLBACK = {
        "Kommunen ser på din samlede situation og ikke kun på en diagnose",
        "du kan få hjælp til at planlægge ugen",
        "medarbejderne har erfaring med børn, unge og voksne med mange forskellige behov",
        "sammen laver vi aftaler om, hvad du skal arbejde med",
        "der kan være ventetid i perioder", "din sagsbehandler hjælper dig med at søge",
        "tilbuddet ligger tæt på offentlig transport", "du har ret til at klage over afgørelsen"};
    private static final String[] PLACE_START = {"Øster", "Vester", "Nørre", "Sønder", "Lille", "Store", "Ny", "Gammel",
        "Ålbæk", "Hjort", "Ege", "Birke", "Rosen", "Lærke", "Mølle", "Skov", "Sand", "Kirke", "Strand", "Bøge"};
    private static final String[] PLACE_MIDDLE = {"", "", "holm", "lund", "bjerg", "vang", "høj", "kilde", "dal", "mark"};
    private static final String[] PLACE_END = {"by", "rup", "strup", "løse", "sted", "lev", "købing", "bæk", "hede", "skov",
        "gård", "ager", "tofte", "havn", "ø", "næs"};

    private final List<String> phrases;
    private final List<String> words;
    private final List<String> compounds;
    private final List<String> places;
    private final Zipf phraseDraw;
    private final Zipf wordDraw;
    private final Zipf compoundDraw;
    private final Zipf placeDraw;

    /** Picks index r (0-based) with a probability proportional to 1 / (r + 1)^s. */
    private static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[Math.max(1, n)];
            double sum = 0;
            for (int r = 0; r < cumulative.length; r++) {
                sum += 1 / Math.pow(r + 1, s);
                cumulative[r] = sum;
            }
        }

        int next(Random random) {
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = java.util.Arrays.binarySearch(cumulative, x);
            return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
        }
    }

    DanishText(long seed) {
        Random random = new Random(seed);
        List<String> sentences = harvest();
        Set<String> phraseSet = new LinkedHashSet<>();
        Map<String, Integer> counts = new HashMap<>();
        for (String sentence : sentences) {
            for (String part : sentence.split(",\\s+|\\s+(?=og |men |så |fordi |når |hvis )")) {
                String p = part.strip();
                if (p.split("\\s+").length >= 3) phraseSet.add(lowerFirst(p));
            }
            Matcher m = WORD.matcher(sentence);
            while (m.find()) counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        List<String> ph = new ArrayList<>(phraseSet);
        Collections.shuffle(ph, random); // which phrases are common is chance, not corpus order
        phrases = List.copyOf(ph);
        words = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        List<String> stems = words.stream().filter(w -> w.length() >= 4 && w.chars().allMatch(Character::isLetter)).limit(1500).toList();
        Set<String> comp = new LinkedHashSet<>();
        while (comp.size() < 40_000 && stems.size() > 1) {
            String a = stems.get(random.nextInt(stems.size()));
            String b = stems.get(random.nextInt(stems.size()));
            if (a.equals(b)) continue;
            boolean joint = !"aeiouyæøå".contains(a.substring(a.length() - 1)) && random.nextInt(3) == 0;
            comp.add(a + (joint ? "s" : "") + b);
        }
        compounds = List.copyOf(comp);
        Set<String> pl = new LinkedHashSet<>();
        for (String start : PLACE_START) {
            for (String middle : PLACE_MIDDLE) {
                for (String end : PLACE_END) pl.add(start + middle + end);
            }
        }
        List<String> placeList = new ArrayList<>(pl);
        Collections.shuffle(placeList, random);
        places = List.copyOf(placeList);
        phraseDraw = new Zipf(phrases.size(), 0.9);
        wordDraw = new Zipf(words.size(), 1.05);
        compoundDraw = new Zipf(compounds.size(), 0.8);
        placeDraw = new Zipf(places.size(), 0.7);
    }

    /** How many phrases, words, compounds and places there are to draw from. */
    String describe() {
        return phrases.size() + " phrases and " + words.size() + " words from " + CORPUS + ", "
                + compounds.size() + " generated compound words, " + places.size() + " generated place names";
    }

    /** One sentence: a phrase or two, sometimes a place, a compound word or a few more words. */
    String sentence(Random random) {
        StringBuilder s = new StringBuilder(phrase(random));
        if (random.nextInt(3) == 0) s.append(", ").append(phrase(random));
        switch (random.nextInt(6)) {
            case 0 -> s.append(" i ").append(place(random));
            case 1 -> s.append(" om ").append(compound(random));
            case 2 -> s.append(" med ").append(word(random)).append(' ').append(compound(random));
            case 3 -> {
                for (int i = 0; i < 2 + random.nextInt(3); i++) s.append(' ').append(word(random));
            }
            default -> { }
        }
        return upperFirst(s.toString()) + ".";
    }

    String paragraph(Random random, int sentences) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (i > 0) p.append(' ');
            p.append(sentence(random));
        }
        return p.toString();
    }

    String phrase(Random random) {
        return phrases.get(phraseDraw.next(random));
    }

    String word(Random random) {
        return words.get(wordDraw.next(random));
    }

    String compound(Random random) {
        return compounds.get(compoundDraw.next(random));
    }

    String place(Random random) {
        return places.get(placeDraw.next(random));
    }

    /** The i-th most common compound word, for glossary terms that bodies name often. */
    String commonCompound(int i) {
        return compounds.get(i);
    }

    private static List<String> harvest() {
        List<String> out = new ArrayList<>();
        for (Path root : CORPUS) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                    out.addAll(sentences(body(Files.readString(file, StandardCharsets.UTF_8))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (out.isEmpty()) out.addAll(List.of(FALLBACK));
        return out;
    }

    private static String body(String text) {
        String t = text.replace("\r\n", "\n");
        if (t.startsWith("---\n")) {
            int end = t.indexOf("\n---", 4);
            if (end > 0) t = t.substring(t.indexOf('\n', end + 1) + 1);
        }
        return t;
    }

    private static List<String> sentences(String markdown) {
        List<String> out = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        for (String line : markdown.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#") || l.startsWith("|") || l.startsWith("<") || l.startsWith("```")) continue;
            l = l.replaceFirst("^([-*]|\\d+\\.)\\s+", "");
            l = LINK.matcher(l).replaceAll("$1").replace("**", "").replace("*", "").replace("`", "");
            prose.append(l).append(l.isEmpty() ? "\n" : " ");
        }
        for (String s : prose.toString().split("(?<=[.!?])\\s+|\\n")) {
            String sentence = s.strip().replaceAll("[.!?]+$", "");
            int n = sentence.split("\\s+").length;
            if (n >= 4 && n <= 30 && !sentence.contains("§") && !sentence.contains("http")) out.add(sentence);
        }
        return out;
    }

    private static String lowerFirst(String s) {
        // keep proper nouns and abbreviations as they are ("Randers", "PPR")
        if (s.length() < 2 || Character.isUpperCase(s.charAt(1))) return s;
        String first = s.split("\\s+")[0];
        return first.equals("Du") || first.equals("Det") || first.equals("Der") || first.equals("Vi") || first.equals("Hvis")
                || first.equals("Når") || first.equals("Man") || first.equals("Kommunen") || first.equals("Tilbuddet")
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
