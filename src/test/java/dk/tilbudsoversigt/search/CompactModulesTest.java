package dk.tilbudsoversigt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dk.tilbudsoversigt.ExampleSite;

/**
 * The theme's modules are served without comments and indentation (Assets.compact). The
 * search module a build writes must answer exactly as the one in assets/js does.
 */
class CompactModulesTest {
    @Test
    void theThemesModulesKeepToTheStyleCompactingReliesOn() throws IOException {
        try (Stream<Path> modules = Files.list(Path.of("assets/js"))) {
            for (Path module : modules.filter(p -> p.toString().endsWith(".js")).toList()) {
                List<String> lines = Files.readAllLines(module);
                for (int i = 0; i < lines.size(); i++) {
                    long backticks = lines.get(i).chars().filter(c -> c == '`').count();
                    assertEquals(0, backticks % 2, module + ":" + (i + 1) + ": a template literal over several lines would lose its indentation");
                }
            }
        }
    }

    @Test
    void theBuiltSearchModuleIsSmallerAndAnswersAsTheSource() throws Exception {
        Path out = ExampleSite.built();
        Path built = out.resolve("js/soeg.js");
        long source = Files.size(Path.of("assets/js/soeg.js"));
        assertTrue(Files.size(built) < 0.8 * source, Files.size(built) + " bytes served, " + source + " as written");

        List<String> queries = new ArrayList<>();
        for (RelevanceTest.Judged j : RelevanceTest.read(Path.of("src/test/resources/relevance/randers.tsv"))) queries.add(j.query());
        queries.addAll(List.of("aflast", "søskendegru", "velfærsteknolgi", "paarorende", "hjælp til søsk", "xyzzy"));
        try (JsSearch written = new JsSearch(out.resolve("soeg")); JsSearch served = new JsSearch(out.resolve("soeg"), built)) {
            for (int i = 0; i < queries.size(); i++) {
                String q = queries.get(i);
                for (String options : i % 10 == 0 ? List.of("{}", "{filters: {type: 'tilbud'}}", "{filters: {age: 7}}") : List.of("{}")) {
                    JsSearch.Answer a = written.search(q, options);
                    JsSearch.Answer b = served.search(q, options);
                    assertEquals(a, b, "«" + q + "» " + options);
                }
            }
        }
    }
}
