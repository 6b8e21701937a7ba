package dk.tilbudsoversigt.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.Trees;

class PreviewServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the page satisfies {@code ok}; the watcher rebuilds within a fraction of a second. */
    static HttpResponse<String> await(String url, Predicate<HttpResponse<String>> ok) throws Exception {
        HttpResponse<String> r = get(url);
        for (int i = 0; i < 100 && !ok.test(r); i++) {
            Thread.sleep(100);
            r = get(url);
        }
        return r;
    }

    @Test
    void servesTheSiteRebuildsOnSaveAndShowsErrorsUntilFixed() throws Exception {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        try (PreviewServer server = new PreviewServer(site, 0)) {
            String base = "http://127.0.0.1:" + server.port() + "/sti/handicap";
            HttpResponse<String> page = get(base + "/tilbud/fritidsklub/");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("/sti/handicap/__preview/reload.js"), "live reload in preview");
            assertTrue(get(base + "/tilbud/hemmelig/").body().contains("Kladde:"), "drafts shown, marked");

            Path file = site.resolve("content/tilbud/fritidsklub.md");
            String original = Files.readString(file);
            Files.writeString(file, original.replace("Kom og vær med.", "Nu med nyt indhold."));
            assertTrue(await(base + "/tilbud/fritidsklub/", r -> r.body().contains("Nu med nyt indhold.")).body().contains("Nu med nyt indhold."));

            Files.writeString(file, original.replace("referral_required: false", "referral_required: maaske"));
            HttpResponse<String> broken = await(base + "/tilbud/fritidsklub/", r -> r.statusCode() == 500);
            assertEquals(500, broken.statusCode());
            assertTrue(broken.body().contains("content/tilbud/fritidsklub.md:7"), broken.body());
            assertTrue(broken.body().contains("Sitet kan ikke bygges"));

            Files.writeString(file, original);
            assertEquals(200, await(base + "/tilbud/fritidsklub/", r -> r.statusCode() == 200).statusCode());
        }
    }

    @Test
    void servesNothingOutsideTheBuiltSite() throws Exception {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        try (PreviewServer server = new PreviewServer(site, 0)) {
            String base = "http://127.0.0.1:" + server.port() + "/sti/handicap";
            for (String attempt : new String[] {"/../site.properties", "/%2e%2e/site.properties", "/%2e%2e/%2e%2e/etc/passwd"}) {
                HttpResponse<String> r = get(base + attempt);
                assertTrue(r.statusCode() == 404 || r.statusCode() == 400 || r.statusCode() == 302, attempt + " → " + r.statusCode());
                assertTrue(!r.body().contains("site.title="), attempt);
            }
        }
    }
}
