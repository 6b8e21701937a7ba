package dk.tilbudsoversigt.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every built page of both example sites and the fixture passes the Nu Html Checker (the
 * version the pom names, as validator.w3.org/nu runs it) with zero errors and zero warnings,
 * but for its Content-Security-Policy notes: checking files, not pages served from an origin,
 * it takes the site's own stylesheets and scripts for blocked by {@code 'self'}, and JSON-LD
 * for an inline script, which CSP does not apply to (a data block never runs).
 */
class HtmlValidityTest {
    @TempDir
    Path temp;

    @org.junit.jupiter.api.Test
    void theCheckerCatchesAnInvalidPage() throws Exception {
        Path bad = temp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=\"da\"><head><title>x</title></head><body><ul><p>x</p></ul><img src=a.png>"
                + "<h1>x</h1><h3>y</h3><script type=\"text/javascript\" src=\"a.js\"></script></body></html>");
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        String report = validator.validate(bad);
        assertTrue(report.contains("\"type\":\"error\""), report);
        // a check the 2020 checker did not have, and a warning
        assertTrue(report.contains("skipping 1 heading level"), report);
        assertTrue(report.contains("\"subType\":\"warning\"") && report.contains("unnecessary for JavaScript"), report);
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "examples/koebenhavn", "src/test/resources/fixture-site"})
    void everyPageIsValidHtml(String siteFolder) throws Exception {
        Path out = temp.resolve("site");
        SiteBuilder.Result result = SiteBuilder.build(Path.of(siteFolder), out, false);
        assertTrue(result.ok(), () -> result.problems().all().toString());
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        ObjectMapper json = new ObjectMapper();
        List<String> errors = new ArrayList<>();
        int pages = 0;
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path page : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                pages++;
                JsonNode report = json.readTree(validator.validate(page));
                for (JsonNode m : report.path("messages")) {
                    boolean error = "error".equals(m.path("type").asText()) || "fatal".equals(m.path("subType").asText());
                    boolean warning = "warning".equals(m.path("subType").asText())
                            && !m.path("message").asText().contains("violates Content Security Policy");
                    if (error || warning) {
                        errors.add(out.relativize(page) + ":" + m.path("lastLine").asText() + ": " + m.path("message").asText());
                    }
                }
            }
        }
        assertTrue(pages > 10, "pages validated: " + pages);
        assertEquals(List.of(), errors);
    }
}
