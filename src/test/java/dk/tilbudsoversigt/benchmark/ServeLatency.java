package dk.tilbudsoversigt.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.tilbudsoversigt.bake.IncrementalBuild;
import dk.tilbudsoversigt.serve.PreviewServer;

/**
 * The editor's loop, timed on a running preview: an offer's file is saved, and the clock stops
 * when the page, told by the server-sent event that it changed, has been fetched again with the
 * new text in it (what the open page's script does). Also timed: until the rebuild has written
 * every file the save touched (overviews, facet and target-group pages), the page first.
 */
final class ServeLatency {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern VERSION = Pattern.compile("reload\\.js\\?v=(\\d+)");

    /** One save: to the reloaded page, and to the end of the rebuild. */
    record Save(String kind, long toPageNanos, long toDoneNanos, int files) {}

    private ServeLatency() {}

    /** Saves {@code edits} offers in turn (body edits and title edits alternating), after {@code warmUp} unmeasured ones. */
    static List<Save> measure(Path site, int offers, int warmUp, int edits) throws Exception {
        List<Save> saves = new ArrayList<>();
        try (PreviewServer server = new PreviewServer(site, 0)) {
            String origin = "http://127.0.0.1:" + server.port();
            for (int i = 0; i < warmUp + edits; i++) {
                int number = 1 + (int) ((i * 7919L) % offers);
                boolean title = i % 2 == 1;
                Save save = save(server, origin, site, number, title, "Redigeret " + i);
                if (i >= warmUp) saves.add(save);
            }
        }
        return saves;
    }

    private static Save save(PreviewServer server, String origin, Path site, int number, boolean title, String marker) throws Exception {
        String page = SyntheticSite.BASE + "/tilbud/tilbud-" + number + "/";
        Matcher m = VERSION.matcher(get(origin + page));
        if (!m.find()) throw new IllegalStateException("no reload script on " + page);
        server.awaitSearchIndex(); // an editor reads the page before saving again: the last save's index is written
        String events = origin + SyntheticSite.BASE + "/__preview/events?since=" + m.group(1) + "&path="
                + URLEncoder.encode(page, StandardCharsets.UTF_8);
        CompletableFuture<String> reload = firstEvent(events);
        Thread.sleep(50); // the event stream is open before the save, as a page's is
        IncrementalBuild.Step before = server.lastStep();
        Path file = site.resolve("content/tilbud/tilbud-" + number + ".md");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String changed = title ? text.replaceFirst("(?m)^title: \"", "title: \"" + marker + ": ")
                : text.replace("## Hvad er tilbuddet?\n\n", "## Hvad er tilbuddet?\n\n" + marker + ". ");
        long start = System.nanoTime();
        Files.writeString(file, changed, StandardCharsets.UTF_8);
        // like EventSource, connect again when the server ends a quiet stream
        for (int tries = 0; !reload.get(60, TimeUnit.SECONDS).equals("data: reload"); tries++) {
            if (tries > 3) throw new IllegalStateException("no reload for " + page);
            reload = firstEvent(events);
        }
        String html = get(origin + page);
        long toPage = System.nanoTime() - start;
        if (!html.contains(marker)) throw new IllegalStateException("the reloaded " + page + " lacks the saved text");
        while (server.lastStep() == before) Thread.sleep(1);
        long toDone = System.nanoTime() - start;
        if (!server.lastStep().errors().isEmpty()) throw new IllegalStateException(server.lastStep().errors().toString());
        return new Save(title ? "title" : "body", toPage, toDone, server.lastStep().files());
    }

    private static CompletableFuture<String> firstEvent(String url) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(r -> r.body().filter(l -> l.startsWith("data:")).findFirst().orElse(""));
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
