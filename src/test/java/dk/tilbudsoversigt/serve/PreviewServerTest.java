package dk.tilbudsoversigt.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;
import java.time.Duration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.tilbudsoversigt.bake.IncrementalBuild;

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

    /** A page that reloads after a save fetches only itself: what is named by its content stays in the browser. */
    @Test
    void filesNamedByTheirContentAreKeptByTheBrowserAndPagesAreNot() throws Exception {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        try (PreviewServer server = new PreviewServer(site, 0)) {
            String root = "http://127.0.0.1:" + server.port();
            String html = get(root + "/sti/handicap/tilbud/fritidsklub/").body();
            assertEquals("no-store", get(root + "/sti/handicap/tilbud/fritidsklub/").headers().firstValue("Cache-Control").orElse(""));
            List<String> kept = new ArrayList<>();
            Matcher m = Pattern.compile("(?:href|src)=\"(/sti/handicap/[^\"]+\\.(?:css|js)[^\"]*)\"").matcher(html);
            while (m.find()) kept.add(m.group(1));
            assertTrue(kept.stream().anyMatch(u -> u.contains("/css/site.")), "the page names its style sheet: " + kept);
            assertTrue(kept.stream().anyMatch(u -> u.contains("/__preview/reload.js?")), "and the reload script: " + kept);
            server.mount(dk.tilbudsoversigt.editor.Editor.PREFIX, new dk.tilbudsoversigt.editor.Editor(site));
            html = get(root + "/sti/handicap/tilbud/fritidsklub/").body();
            m = Pattern.compile("href=\"(/sti/handicap/_rediger/filer/[^\"]+)\"").matcher(html);
            assertTrue(m.find(), "the editor's bar has its style sheet");
            kept.add(m.group(1));
            String unhashed = m.group(1).replaceFirst("\\?.*", "");
            assertEquals("no-store", get(root + unhashed).headers().firstValue("Cache-Control").orElse(""), "without its hash, an asset may change");
            for (String url : kept) {
                HttpResponse<String> r = get(root + url);
                assertEquals(200, r.statusCode(), url);
                assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("immutable"), url);
            }
            String directory = "/sti/handicap/soeg/indeks.bin";
            server.awaitSearchIndex();
            assertEquals("no-store", get(root + directory).headers().firstValue("Cache-Control").orElse(""), "the index's directory changes");
            assertTrue(PreviewServer.namedByContent("/soeg/t/0a1b2c3d.bin"));
            assertTrue(PreviewServer.namedByContent("/soeg/d/0a1b2c3d.bin"), "a block of documents");
            // the search reads one document out of its block: the part of the file a range asks for
            byte[] whole = HTTP.send(HttpRequest.newBuilder(URI.create(root + directory)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            HttpResponse<byte[]> part = HTTP.send(HttpRequest.newBuilder(URI.create(root + directory)).header("Range", "bytes=2-9").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, part.statusCode());
            assertEquals("bytes 2-9/" + whole.length, part.headers().firstValue("Content-Range").orElse(""));
            assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOfRange(whole, 2, 10)), java.util.Arrays.toString(part.body()));
            assertTrue(PreviewServer.namedByContent("/soeg/p/0a1b2c3d4e5f6a7b.bin"), "the longer names an index gets when two would clash");
            assertFalse(PreviewServer.namedByContent("/soeg/indeks.bin"));
            assertFalse(PreviewServer.namedByContent("/favicon.ico"));
        }
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

    /** The first event on a page's reload stream, as the page's script would get it. */
    static CompletableFuture<String> firstEvent(String base, String page, long since) {
        String url = base + "/__preview/events?since=" + since + "&path=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(r -> r.body().filter(l -> l.startsWith("data:")).findFirst().orElse(""));
    }

    /** The site version a served page says it shows (on its reload script). */
    static long version(String html) {
        Matcher m = Pattern.compile("reload\\.js\\?[0-9a-f]+\" data-v=\"(\\d+)").matcher(html);
        assertTrue(m.find(), "the preview's reload script is in the page");
        return Long.parseLong(m.group(1));
    }

    @Test
    void aChangeReloadsThePagesItTouchesAndNoOthers() throws Exception {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        try (PreviewServer server = new PreviewServer(site, 0)) {
            String base = "http://127.0.0.1:" + server.port() + "/sti/handicap";
            long since = version(get(base + "/tilbud/fritidsklub/").body());
            CompletableFuture<String> offer = firstEvent(base, "/sti/handicap/tilbud/fritidsklub/", since);
            CompletableFuture<String> plan = firstEvent(base, "/sti/handicap/planer/plan/", since);
            IncrementalBuild.Step before = server.lastStep();
            Path file = site.resolve("content/tilbud/fritidsklub.md");
            Files.writeString(file, Files.readString(file).replace("Kom og vær med.", "Kom og vær med i klubben."));

            assertEquals("data: reload", offer.get(20, TimeUnit.SECONDS));
            assertTrue(get(base + "/tilbud/fritidsklub/").body().contains("Kom og vær med i klubben."));
            for (int i = 0; i < 200 && server.lastStep() == before; i++) Thread.sleep(50);
            Thread.sleep(300);
            assertFalse(plan.isDone(), "the plan's page is not told to reload for a change to an offer");

            Path planFile = site.resolve("content/planer/plan.md");
            Files.writeString(planFile, Files.readString(planFile).replace("Vi vil samarbejde.", "Vi vil samarbejde mere."));
            assertEquals("data: reload", plan.get(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void newFoldersAreWatchedAndTheFallbackWatcherSeesChangesToo() throws Exception {
        Path site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        for (boolean notifications : new boolean[] {true, false}) {
            try (PreviewServer server = new PreviewServer(site, 0, notifications, step -> { })) {
                String base = "http://127.0.0.1:" + server.port() + "/sti/handicap";
                String slug = notifications ? "bostoette" : "botraening";
                Path folder = Files.createDirectories(site.resolve("content/tilbud/voksne-" + slug));
                Files.writeString(folder.resolve(slug + ".md"), "---\ntitle: Ny side " + slug + "\nsummary: Hjælp i eget hjem.\n"
                        + "updated: 2025-01-01\ntarget_groups: [autisme]\nage: {min: 18}\nreferral_required: true\n"
                        + "contact: {unit: Voksne, url: \"https://www.example.dk/bo\"}\n---\nStøtte i hverdagen.\n");
                HttpResponse<String> page = await(base + "/tilbud/" + slug + "/", r -> r.statusCode() == 200);
                assertEquals(200, page.statusCode(), "watching with " + (notifications ? "notifications" : "comparisons"));
                assertTrue(page.body().contains("Ny side " + slug));
                // the saved page is written first, the listings right after it
                assertTrue(await(base + "/tilbud/", r -> r.body().contains("Ny side " + slug)).body().contains("Ny side " + slug),
                        "the overview lists the new offer");
            }
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
