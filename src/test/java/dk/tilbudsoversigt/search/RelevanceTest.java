package dk.tilbudsoversigt.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dk.tilbudsoversigt.ExampleSite;

/**
 * Relevance on the example site: the judged queries of src/test/resources/relevance/randers.tsv
 * (what a family would type, and the page that should come first or in the top three), run
 * through the browser's search module over the built index. Reports success@1, success@3 and
 * MRR, and fails below success@3 = 0.9.
 */
class RelevanceTest {
    static final double REQUIRED_SUCCESS_AT_3 = 0.9;

    record Judged(int line, String query, List<String> expected, int within, String kind, String filters) {}

    @Test
    void judgedQueriesFindTheRightPages() throws Exception {
        Path out = ExampleSite.built();
        List<Judged> judged = read(Path.of("src/test/resources/relevance/randers.tsv"));
        assertTrue(judged.size() >= 40, "at least 40 judged queries");
        int first = 0;
        int top3 = 0;
        double reciprocal = 0;
        List<String> misses = new ArrayList<>();
        Map<String, int[]> byKind = new TreeMap<>();
        try (JsSearch js = new JsSearch(out.resolve("soeg"))) {
            for (Judged j : judged) {
                JsSearch.Answer answer = js.search(j.query(), "{limit: 10, filters: " + filters(j.filters()) + "}");
                int rank = 0;
                for (int i = 0; i < answer.hits().size() && rank == 0; i++) {
                    String url = answer.hits().get(i).url().replaceFirst("^/handicap", "");
                    if (j.expected().contains(url)) rank = i + 1;
                }
                if (rank == 1) first++;
                if (rank >= 1 && rank <= 3) top3++;
                if (rank > 0) reciprocal += 1.0 / rank;
                int[] k = byKind.computeIfAbsent(j.kind(), x -> new int[2]);
                k[0]++;
                if (rank >= 1 && rank <= 3) k[1]++;
                if (rank == 0 || rank > j.within()) {
                    misses.add(String.format("  line %d: %-40s %s expected %s within %d, got rank %s; top 3: %s", j.line(), "«" + j.query() + "»",
                            j.filters().isEmpty() ? "" : "[" + j.filters() + "]", j.expected(), j.within(), rank == 0 ? "none" : rank,
                            answer.urls().stream().limit(3).map(u -> u.replaceFirst("^/handicap", "")).toList()));
                }
            }
        }
        int n = judged.size();
        double s1 = (double) first / n;
        double s3 = (double) top3 / n;
        System.out.printf(Locale.ROOT, "Relevance over %d judged queries: success@1 %.3f, success@3 %.3f, MRR %.3f%n", n, s1, s3, reciprocal / n);
        byKind.forEach((kind, k) -> System.out.printf(Locale.ROOT, "  %-11s %2d queries, %2d in the top 3%n", kind, k[0], k[1]));
        if (!misses.isEmpty()) System.out.println("Not where the judgement wants them:\n" + String.join("\n", misses));
        assertTrue(s3 >= REQUIRED_SUCCESS_AT_3, String.format(Locale.ROOT, "success@3 %.3f is below %.2f:%n%s", s3, REQUIRED_SUCCESS_AT_3, String.join("\n", misses)));
    }

    private static String filters(String spec) {
        if (spec.isBlank()) return "{}";
        List<String> parts = new ArrayList<>();
        for (String pair : spec.split(";")) {
            String[] kv = pair.split("=", 2);
            String value = kv[1].strip();
            boolean literal = value.matches("\\d+|true|false");
            if (kv[0].strip().equals("type") && value.equals("plan")) {
                parts.add("type: ['plan', 'handleplan']"); // as the search page's "Planer og handleplaner"
                continue;
            }
            parts.add(kv[0].strip() + ": " + (literal ? value : "'" + value.replace("'", "\\'") + "'"));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    static List<Judged> read(Path file) throws IOException {
        List<Judged> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] c = line.split("\t", -1);
            if (c.length < 4) throw new IllegalArgumentException(file + ":" + (i + 1) + ": needs query, expected, within, kind");
            out.add(new Judged(i + 1, c[0], List.of(c[1].split("\\s*\\|\\s*")), Integer.parseInt(c[2].strip()), c[3].strip(),
                    c.length > 4 ? c[4].strip() : ""));
        }
        return out;
    }
}
