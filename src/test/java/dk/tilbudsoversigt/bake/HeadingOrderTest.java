package dk.tilbudsoversigt.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A screen-reader user jumps by headings: on every page the first heading is the one h1 and no
 * heading skips a level (an offer card under an h1 is an h2, under an h2 an h3).
 */
class HeadingOrderTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {".", "examples/koebenhavn", "src/test/resources/fixture-site"})
    void noPageSkipsAHeadingLevel(String siteFolder) throws Exception {
        Path out = temp.resolve("site");
        SiteBuilder.Result result = SiteBuilder.build(Path.of(siteFolder), out, false);
        assertTrue(result.ok(), () -> result.problems().all().toString());
        List<String> faults = new ArrayList<>();
        int pages = 0;
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path html : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                pages++;
                Document doc = Jsoup.parse(html.toFile(), "UTF-8");
                // the page's own headings: the footer's "Kontakt" h2 follows whatever the page ends with
                List<Element> headings = doc.select("main h1, main h2, main h3, main h4, main h5, main h6");
                if (headings.isEmpty() || !headings.get(0).tagName().equals("h1")) {
                    faults.add(out.relativize(html) + ": the first heading is not h1");
                    continue;
                }
                if (doc.select("h1").size() != 1) faults.add(out.relativize(html) + ": " + doc.select("h1").size() + " h1");
                int level = 1;
                for (Element h : headings) {
                    int next = h.tagName().charAt(1) - '0';
                    if (next > level + 1) faults.add(out.relativize(html) + ": h" + level + " → h" + next + " '" + h.text() + "'");
                    level = next;
                }
            }
        }
        assertTrue(pages > 10, "pages checked: " + pages);
        assertEquals(List.of(), faults);
    }
}
