package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/** Real Danish text (every Markdown file of both example sites) and seeded random strings. */
final class Corpus {
    static final List<Path> FOLDERS = List.of(Path.of("content"), Path.of("examples/koebenhavn/content"));

    private Corpus() {
    }

    static List<Path> markdownFiles() {
        List<Path> files = new ArrayList<>();
        for (Path folder : FOLDERS) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (files.size() < 50) {
            throw new IllegalStateException("expected the example sites' Markdown files, found " + files.size());
        }
        return files;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every distinct token Lucene's StandardTokenizer finds in the example sites, in order of first appearance. */
    static List<String> tokens() {
        Set<String> tokens = new LinkedHashSet<>();
        for (Path file : markdownFiles()) {
            tokens.addAll(LuceneAnalysis.tokenize(read(file)));
        }
        return List.copyOf(tokens);
    }

    /** count strings of 1 to maxLength code points drawn from letters, the same on every run. */
    static List<String> random(String letters, int count, int maxLength, long seed) {
        int[] codePoints = letters.codePoints().toArray();
        Random random = new Random(seed);
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder();
            int length = 1 + random.nextInt(maxLength);
            for (int j = 0; j < length; j++) {
                s.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            strings.add(s.toString());
        }
        return strings;
    }
}
