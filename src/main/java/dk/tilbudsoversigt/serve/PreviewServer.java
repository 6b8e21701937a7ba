package dk.tilbudsoversigt.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dk.tilbudsoversigt.bake.SiteBuilder;
import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.content.SettingsReader;

/**
 * The editor's preview: builds the site (drafts included) into a temporary folder, serves it
 * on 127.0.0.1 under the same base path as the published site, rebuilds when a file changes,
 * and makes open pages reload. A build with errors shows the errors instead of a stale page.
 */
public final class PreviewServer implements AutoCloseable {
    private static final String PREVIEW = "/__preview/";
    private static final long EVENT_WAIT_MS = 25_000;

    private final Path site;
    private final Path output;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final Thread watcher;
    private final Object changed = new Object();
    private volatile String base = "";
    private volatile List<Problem> errors = List.of();
    private volatile long version;
    private volatile boolean running = true;

    public PreviewServer(Path site, int port) throws IOException {
        this.site = site;
        this.output = Files.createTempDirectory("tilbudsoversigt-forhaandsvisning").resolve("site");
        rebuild();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        watcher = new Thread(this::watch, "preview-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The folder the preview is built into; tests plant links in it. */
    Path output() {
        return output;
    }

    public String url() {
        return "http://127.0.0.1:" + port() + base + "/";
    }

    /** The errors of the latest build; empty when it succeeded. */
    public List<Problem> errors() {
        return errors;
    }

    /** Builds again; returns the errors (empty when the build succeeded). */
    public synchronized List<Problem> rebuild() {
        SiteBuilder.Result result = SiteBuilder.build(site, output, true);
        errors = result.problems().errors();
        base = basePath();
        version++;
        synchronized (changed) {
            changed.notifyAll();
        }
        return errors;
    }

    private String basePath() {
        try {
            for (String line : Files.readAllLines(site.resolve(SettingsReader.FILE), StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.startsWith("site.url")) {
                    String url = l.substring(l.indexOf(l.contains("=") ? '=' : ':') + 1).strip();
                    String path = URI.create(url).getRawPath();
                    return path == null ? "" : path.replaceAll("/+$", "");
                }
            }
        } catch (IOException | IllegalArgumentException ignored) {
            // keep serving at the root; the build reports the broken setting
        }
        return "";
    }

    private void watch() {
        long last = stamp();
        while (running) {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                return;
            }
            long now = stamp();
            if (now != last) {
                last = now;
                rebuild();
            }
        }
    }

    /** A fingerprint of what the build reads: names, sizes and times of every watched file. */
    private long stamp() {
        long hash = 17;
        for (String part : List.of("content", "templates", "assets", SettingsReader.FILE)) {
            Path p = site.resolve(part);
            if (!Files.exists(p)) continue;
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path f : walk.sorted().toList()) {
                    hash = hash * 31 + f.toString().hashCode();
                    if (Files.isRegularFile(f)) {
                        hash = hash * 31 + Files.size(f);
                        hash = hash * 31 + Files.getLastModifiedTime(f).toMillis();
                    }
                }
            } catch (IOException | RuntimeException e) {
                hash = hash * 31 + 1; // a file vanished while we looked: try again next round
            }
        }
        return hash;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(base + PREVIEW) || path.startsWith(PREVIEW)) {
                preview(exchange, path.substring(path.indexOf(PREVIEW) + PREVIEW.length()));
                return;
            }
            if (!errors.isEmpty()) {
                send(exchange, 500, "text/html; charset=utf-8", inject(ErrorPage.html(errors)));
                return;
            }
            if (!path.equals(base) && !path.startsWith(base + "/")) {
                redirect(exchange, base + "/");
                return;
            }
            String rel = path.substring(base.length());
            Path file = rel.contains("..") ? null : fileInSite(rel);
            byte[] body = file == null ? null : read(file);
            if (body == null) {
                Path notFound = output.resolve("404.html");
                byte[] page = read(notFound);
                send(exchange, 404, "text/html; charset=utf-8", inject(page != null ? page : "Ikke fundet".getBytes(StandardCharsets.UTF_8)));
                return;
            }
            String type = ContentTypes.of(file);
            send(exchange, 200, type, type.startsWith("text/html") ? inject(body) : body);
        }
    }

    /** The built file a request names, or null; never a file outside the built site, also not through a link. */
    private Path fileInSite(String rel) {
        try {
            Path file = output.resolve(rel.replaceFirst("^/+", "")).normalize();
            if (Files.isDirectory(file)) file = file.resolve("index.html");
            if (!file.startsWith(output) || !Files.isRegularFile(file)) return null;
            return file.toRealPath().startsWith(output.toRealPath()) ? file : null;
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    /** The file's bytes, or null when a rebuild has just swapped it away. */
    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    private void preview(HttpExchange exchange, String what) throws IOException {
        if (what.equals("reload.js")) {
            try (InputStream in = PreviewServer.class.getResourceAsStream("/preview/reload.js")) {
                send(exchange, 200, "text/javascript; charset=utf-8", in.readAllBytes());
            }
        } else if (what.equals("events")) {
            long seen = version;
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("retry: 300\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            synchronized (changed) {
                long deadline = System.currentTimeMillis() + EVENT_WAIT_MS;
                while (version == seen && running && System.currentTimeMillis() < deadline) {
                    try {
                        changed.wait(Math.max(1, deadline - System.currentTimeMillis()));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (version != seen) out.write("data: reload\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } else {
            send(exchange, 404, "text/plain; charset=utf-8", "Ikke fundet".getBytes(StandardCharsets.UTF_8));
        }
    }

    private byte[] inject(byte[] html) {
        String page = new String(html, StandardCharsets.UTF_8);
        String script = "<script src=\"" + base + PREVIEW + "reload.js\"></script>";
        int end = page.lastIndexOf("</body>");
        page = end < 0 ? page + script : page.substring(0, end) + script + page.substring(end);
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().set("Location", to);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        running = false;
        synchronized (changed) {
            changed.notifyAll();
        }
        server.stop(0);
        pool.shutdownNow();
        watcher.interrupt();
    }
}
