package dk.tilbudsoversigt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.ExampleSite;
import dk.tilbudsoversigt.bake.SiteBuilder;

/**
 * QualWeb, the evaluator Digitaliseringsstyrelsen monitors public sites with: its ACT rules and
 * WCAG techniques of level A and AA find no failure on one page of every kind (Randers), on
 * the pages Copenhagen has and Randers has not, and on every page of the two with a table or a
 * video. QualWeb is an npm package: src/test/qualweb/ is installed with {@code npm ci} into
 * target/qualweb/ and run by Node in Debian's Chromium (nothing downloads a browser). No rule is
 * excluded; QW-WCAG-T24 on elements that are not rendered is set aside (see focusOfHiddenElements). Skipped, loudly, without node, npm or Chromium; .ci/run installs them.
 */
class QualWebTest {
    private static final Path SCRIPT = Path.of("src/test/qualweb");
    private static final Path INSTALLED = Path.of("target/qualweb");

    /** One page of every kind of the Randers example site, by what it is. */
    private static final Map<String, String> RANDERS = kinds(
            "front page", "",
            "offer", "tilbud/aflastning/",
            "all offers", "tilbud/",
            "facet page", "tilbud/alder/6-12/",
            "target groups", "maalgrupper/",
            "target group", "maalgrupper/autisme/",
            "FAQ guide", "faq/borgerguide/",
            "glossary", "begreber/",
            "glossary term", "begreber/visitation/",
            "plan", "planer/boernehandicapplan-2020-2023/",
            "news list", "nyheder/",
            "news", "nyheder/ny-soeskendegruppe/",
            "search page", "soeg/",
            "search results", "soeg/?q=aflastning",
            "free page", "om-tilbudsoversigten/",
            "accessibility statement", "was/",
            "404", "404.html");

    /** Copenhagen has action plans (Randers has none) and a brand of its own. */
    private static final Map<String, String> KOEBENHAVN = kinds(
            "front page", "",
            "offer", "tilbud/besoegsven/",
            "action plans", "handleplaner/",
            "action plan", "handleplaner/boernehandicapomraadet-status-oktober-2013/");

    @TempDir
    static Path temp;
    private static final List<StaticServer> servers = new ArrayList<>();
    /** What QualWeb reported, by URL. */
    private static final Map<String, JsonNode> reports = new LinkedHashMap<>();
    private static String badPage;

    @BeforeAll
    static void evaluateThePages() throws Exception {
        requireOrSkip();
        install();
        Map<String, String> urls = new LinkedHashMap<>();
        Path randers = ExampleSite.built();
        add(urls, "Randers", randers, "/handicap", withTablesAndVideos(randers, RANDERS));
        Path koebenhavn = build("examples/koebenhavn");
        add(urls, "København", koebenhavn, "/koebenhavn/handicap", withTablesAndVideos(koebenhavn, KOEBENHAVN));
        badPage = serve(badSite(), "/b") + "/b/";
        urls.put(badPage, "a deliberately bad page");
        for (JsonNode page : run(List.copyOf(urls.keySet()))) reports.put(page.path("url").asText(), page);
        assertEquals(urls.keySet(), reports.keySet(), "QualWeb reported on every page");
    }

    @AfterAll
    static void stopServers() {
        servers.forEach(StaticServer::close);
    }

    @Test
    void everyKindOfPageHasNoFailureOfLevelAOrAA() {
        List<String> failures = new ArrayList<>();
        reports.forEach((url, page) -> {
            if (url.equals(badPage)) return;
            if (page.has("error")) failures.add(url + ": " + page.path("error").asText());
            for (JsonNode f : page.path("failures")) {
                if (!focusOfHiddenElements(f)) failures.add(url + ": " + describe(f));
            }
        });
        assertEquals(List.of(), failures);
    }

    /**
     * QW-WCAG-T24 (F55, script that removes focus) calls focus() on every focusable element and
     * fails those that did not take it. An element that is not rendered cannot take focus, with
     * or without script: the links and checkboxes inside a closed {@code <details>} (the filter
     * panel, a video's transcript) and a {@code <video>}'s fallback link. Only such failures are
     * set aside; one on a rendered element still fails the test.
     */
    static boolean focusOfHiddenElements(JsonNode failure) {
        if (!failure.path("code").asText().equals("QW-WCAG-T24") || failure.path("results").isEmpty()) return false;
        for (JsonNode r : failure.path("results")) {
            if (r.path("elements").isEmpty()) return false;
            for (JsonNode e : r.path("elements")) {
                String pointer = e.path("pointer").asText();
                if (!pointer.contains("> details:") && !pointer.contains("> video:")) return false;
            }
        }
        return true;
    }

    @Test
    void qualWebDoesReportABadPage() {
        List<String> codes = new ArrayList<>();
        reports.get(badPage).path("failures").forEach(f -> codes.add(f.path("code").asText()));
        // image without a text alternative, font size in px, an empty list, h1 followed by h3, a link without a name
        assertTrue(codes.containsAll(List.of("QW-ACT-R17", "QW-WCAG-T28", "QW-WCAG-T32", "QW-WCAG-T9", "QW-ACT-R12")),
                codes.toString());
    }

    private static String describe(JsonNode f) {
        StringBuilder s = new StringBuilder(f.path("code").asText() + " (" + f.path("mapping").asText() + ", "
                + f.path("criteria").toString() + ") " + f.path("name").asText());
        for (JsonNode r : f.path("results")) {
            s.append("\n    ").append(r.path("resultCode").asText()).append(' ').append(r.path("description").asText());
            for (JsonNode e : r.path("elements")) s.append("\n      ").append(e.path("pointer").asText()).append("  ").append(e.path("html").asText());
        }
        return s.toString();
    }

    private static Map<String, String> kinds(String... kindAndPath) {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (int i = 0; i < kindAndPath.length; i += 2) kinds.put(kindAndPath[i], kindAndPath[i + 1]);
        return kinds;
    }

    private static void add(Map<String, String> urls, String site, Path out, String base, Map<String, String> kinds) throws IOException {
        String origin = serve(out, base);
        kinds.forEach((kind, page) -> {
            String file = page.replaceAll("\\?.*", "");
            assertTrue(Files.isRegularFile(out.resolve(file.isEmpty() || file.endsWith("/") ? file + "index.html" : file)),
                    site + ": the " + kind + " " + page + " was built");
            urls.put(origin + base + "/" + page, site + " " + kind);
        });
    }

    /** {@code kinds} and the site's pages with a table or a video, where the rules on captions, headers and media apply. */
    private static Map<String, String> withTablesAndVideos(Path out, Map<String, String> kinds) throws IOException {
        Map<String, String> pages = new LinkedHashMap<>(kinds);
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String html = Files.readString(file);
                String page = out.relativize(file).toString().replace('\\', '/').replaceAll("index\\.html$", "");
                if ((html.contains("<table") || html.contains("<video") || html.contains("<figure class=\"video")) && !pages.containsValue(page)) {
                    pages.put("table or video " + page, page);
                }
            }
        }
        return pages;
    }

    private static Path build(String folder) {
        Path out = temp.resolve(folder.replaceAll("[^a-z]", ""));
        SiteBuilder.Result result = SiteBuilder.build(Path.of(folder), out, false);
        assertTrue(result.ok(), () -> result.problems().all().toString());
        return out;
    }

    private static String serve(Path out, String base) throws IOException {
        StaticServer server = new StaticServer(out, base);
        servers.add(server);
        return server.origin;
    }

    private static Path badSite() throws IOException {
        Path bad = Files.createDirectories(temp.resolve("bad"));
        Files.writeString(bad.resolve("index.html"), """
                <!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Dårlig side</title>
                <link rel="stylesheet" href="/b/s.css"></head>
                <body><main><h1>Overskrift</h1><h3>For dybt</h3><img src="/b/a.png"><ul></ul>
                <p class="lille">Lille tekst</p><a href="/b/"><img src="/b/a.png"></a></main></body></html>
                """);
        Files.writeString(bad.resolve("s.css"), ".lille { font-size: 9px; }");
        Files.writeString(bad.resolve("404.html"), "");
        return bad;
    }

    private static void requireOrSkip() {
        Chromium.requireOrSkip("QualWeb tests");
        for (String tool : List.of("node", "npm")) {
            if (!works(tool, "--version")) {
                System.err.println("SKIPPED: the QualWeb tests need " + tool + " (apt-get install nodejs npm)");
                Assumptions.abort(tool + " is not installed: QualWeb tests skipped");
            }
        }
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** npm ci into target/qualweb, again only when the lock file changed. */
    private static void install() throws Exception {
        Files.createDirectories(INSTALLED);
        for (String name : List.of("package.json", "qualweb.js")) {
            Files.copy(SCRIPT.resolve(name), INSTALLED.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        Path lock = INSTALLED.resolve("package-lock.json");
        byte[] wanted = Files.readAllBytes(SCRIPT.resolve("package-lock.json"));
        if (Files.isDirectory(INSTALLED.resolve("node_modules")) && Files.exists(lock) && java.util.Arrays.equals(wanted, Files.readAllBytes(lock))) {
            return;
        }
        Files.write(lock, wanted);
        Path log = INSTALLED.resolve("npm-ci.log");
        // a second try for a registry that hiccups; without the registry QualWeb cannot run at all
        for (int attempt = 1; ; attempt++) {
            Process p = process(List.of("npm", "ci", "--no-audit", "--no-fund")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(10, TimeUnit.MINUTES);
            if (!done) p.destroyForcibly();
            if (done && p.exitValue() == 0) return;
            if (attempt == 2) {
                System.err.println("SKIPPED: the QualWeb tests could not install @qualweb/core with npm ci (is the npm registry reachable?):\n" + tail(log));
                Files.deleteIfExists(lock);
                Assumptions.abort("npm ci failed: QualWeb tests skipped");
            }
        }
    }

    private static List<JsonNode> run(List<String> urls) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "qualweb.js"));
        command.addAll(urls);
        Path errors = INSTALLED.resolve("qualweb.log");
        String out = "";
        boolean ok = false;
        // a crashed browser on a loaded machine ("Target closed") is tried once more; a rule's failure is no crash
        for (int attempt = 1; attempt <= 2 && !ok; attempt++) {
            Process p = process(command).redirectError(errors.toFile()).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = p.waitFor(10, TimeUnit.MINUTES);
            if (!done) p.destroyForcibly();
            ok = done && p.exitValue() == 0;
        }
        String output = out;
        assertTrue(ok, () -> "QualWeb failed twice:\n" + tail(errors) + output);
        List<JsonNode> pages = new ArrayList<>();
        new ObjectMapper().readTree(out).forEach(pages::add);
        return pages;
    }

    private static ProcessBuilder process(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(INSTALLED.toFile());
        builder.environment().put("PUPPETEER_SKIP_DOWNLOAD", "true");
        builder.environment().put("PUPPETEER_EXECUTABLE_PATH", Chromium.BINARY.toString());
        return builder;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
