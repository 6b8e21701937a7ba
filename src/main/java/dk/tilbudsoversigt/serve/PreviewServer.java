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
import java.net.URLDecoder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dk.tilbudsoversigt.bake.IncrementalBuild;
import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.content.SettingsReader;

/**
 * The editor's preview: builds the site (drafts included) into a temporary folder, serves it
 * on 127.0.0.1 under the same base path as the published site, rebuilds what a saved file
 * touches, and makes each open page reload as soon as its own new version is written. A site
 * with errors shows the errors instead of a stale page, on every page, until they are fixed.
 */
public final class PreviewServer implements AutoCloseable {
    private static final String PREVIEW = "/__preview/";
    private static final long EVENT_WAIT_MS = 25_000;
    private static final int KEPT_PUBLICATIONS = 1000;
    private static final String FOREVER = "max-age=31536000, immutable";
    private static final byte[] RELOAD_JS = resource("/preview/reload.js");
    private static final String RELOAD_JS_HASH = java.util.HexFormat.of().formatHex(sha256(RELOAD_JS)).substring(0, 10);
    /** A CSS or JavaScript file with the build's content hash in its name (bake.Assets). */
    private static final Pattern HASHED_ASSET = Pattern.compile("\\.[0-9a-f]{10}\\.(css|js)$");
    /** A file of the search index, named by a hash of its content (search.IndexExport); not the directory, indeks.bin. */
    private static final Pattern HASHED_INDEX_FILE = Pattern.compile("^/soeg/[a-z]/[0-9a-f]{8,16}\\.bin$");

    /** Files written at one moment: URL paths below the base path, or null for every page. */
    private record Publication(long version, Set<String> paths) {}

    private final Path site;
    private final Path output;
    private final IncrementalBuild build;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "preview-http");
        t.setDaemon(true);
        return t;
    });
    private volatile FileWatcher watcher;
    private final Consumer<IncrementalBuild.Step> log;
    private final Deque<Publication> publications = new ArrayDeque<>();
    private long version;
    private volatile String base = "";
    private volatile List<Problem> errors = List.of();
    private volatile IncrementalBuild.Step lastStep;
    private volatile boolean running = true;
    private volatile String mountPrefix;
    private volatile Mount mount;

    public PreviewServer(Path site, int port) throws IOException {
        this(site, port, true, step -> { });
    }

    /** @param log told of every rebuild after the first, on the watcher's thread */
    public PreviewServer(Path site, int port, Consumer<IncrementalBuild.Step> log) throws IOException {
        this(site, port, true, log);
    }

    /** @param notifications false to watch files by comparing them, as where the system gives no notifications */
    PreviewServer(Path site, int port, boolean notifications, Consumer<IncrementalBuild.Step> log) throws IOException {
        this.site = site;
        this.log = log;
        this.output = Files.createTempDirectory("tilbudsoversigt-forhaandsvisning").resolve("site");
        this.build = new IncrementalBuild(site, output, true);
        apply(build.full(this::written));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException | RuntimeException e) { // the port is taken: leave no preview folder behind
            build.close();
            deleteOutput();
            pool.shutdownNow();
            throw e;
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        watcher = new FileWatcher(site, notifications, this::changed);
        Thread rehearsal = new Thread(this::rehearse, "rehearsal");
        rehearsal.setDaemon(true);
        rehearsal.start();
    }

    /** Once, after the first build, in the background: a save of a page that did not change ({@link IncrementalBuild#rehearse}). */
    private synchronized void rehearse() {
        if (!running) return;
        try {
            build.rehearse();
        } catch (RuntimeException e) {
            apply(build.full(this::written)); // as after a save that went wrong
        }
    }

    /** Serves {@code prefix} (e.g. "/_rediger/") below the base path with {@code mount}, also while the site has errors. */
    public void mount(String prefix, Mount mount) {
        this.mountPrefix = prefix;
        this.mount = mount;
    }

    /** The folder the preview is built into; tests plant links in it. */
    Path output() {
        return output;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + base + "/";
    }

    /** The errors of the latest build; empty when it succeeded. */
    public List<Problem> errors() {
        return errors;
    }

    /** What the latest build did. */
    public IncrementalBuild.Step lastStep() {
        return lastStep;
    }

    /** Waits until the preview's search index holds the content of the latest rebuild's saved pages, which ask for it before they are written. */
    public void awaitSearchIndex() throws InterruptedException {
        build.awaitSearchIndex();
    }

    /** A batch of saved files, from the watcher's thread. */
    private synchronized void changed(Set<Path> paths) {
        IncrementalBuild.Step step;
        try {
            step = build.update(paths, this::written, this::newerChangesWait);
        } catch (RuntimeException e) {
            // a rebuild of the changed files that went wrong: start over from the files as they are now
            step = build.full(this::written);
        }
        apply(step);
        log.accept(step);
    }

    private boolean newerChangesWait() {
        FileWatcher w = watcher; // null while the constructor has not yet set it
        return w != null && w.waiting();
    }

    /** Files were written: the pages showing them reload; with errors gone, every page does. */
    private void written(Set<String> paths) {
        if (!errors.isEmpty()) {
            errors = List.of(); // files are only written once the content has no errors
            publish(null);
        } else {
            publish(paths);
        }
    }

    private void apply(IncrementalBuild.Step step) {
        lastStep = step;
        base = basePath();
        List<Problem> now = step.errors();
        if (!now.equals(errors)) {
            errors = now;
            publish(null);
        }
    }

    private void publish(Set<String> paths) {
        synchronized (publications) {
            version++;
            publications.addLast(new Publication(version, paths == null ? null : Set.copyOf(paths)));
            while (publications.size() > KEPT_PUBLICATIONS) publications.removeFirst();
            publications.notifyAll();
        }
    }

    /** Waits until a publication after {@code since} concerns {@code page}; false when the wait ran out. */
    private boolean awaitPublication(long since, String page) throws InterruptedException {
        long deadline = System.currentTimeMillis() + EVENT_WAIT_MS;
        synchronized (publications) {
            while (running) {
                if (publications.isEmpty() ? since < version : since < publications.getFirst().version() - 1) return true;
                for (Publication p : publications) {
                    if (p.version() > since && (p.paths() == null || p.paths().contains(page))) return true;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) return false;
                publications.wait(left);
            }
        }
        return false;
    }

    private long version() {
        synchronized (publications) {
            return version;
        }
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

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long seen = version(); // before reading: a page written meanwhile then reloads once more
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(base + PREVIEW) || path.startsWith(PREVIEW)) {
                preview(exchange, path.substring(path.indexOf(PREVIEW) + PREVIEW.length()));
                return;
            }
            Mount m = mount;
            if (m != null && (path.startsWith(base + mountPrefix) || path.equals(base + mountPrefix.replaceAll("/$", "")))) {
                m.handle(exchange, base, path.substring(Math.min(path.length(), (base + mountPrefix).length())));
                return;
            }
            if (!errors.isEmpty()) {
                send(exchange, 500, "text/html; charset=utf-8", inject(ErrorPage.html(errors), seen, pagePath(path)));
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
                send(exchange, 404, "text/html; charset=utf-8", inject(page != null ? page : "Ikke fundet".getBytes(StandardCharsets.UTF_8), seen));
                return;
            }
            String type = ContentTypes.of(file);
            if (type.startsWith("text/html")) send(exchange, 200, type, inject(body, seen, pagePath(path)));
            else sendFile(exchange, type, body, namedByContent(rel) ? FOREVER : "no-store");
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
            // the same for every page (a page's version is its data-v) and named by its hash: kept by the browser
            send(exchange, 200, "text/javascript; charset=utf-8", RELOAD_JS, FOREVER);
        } else if (what.equals("events")) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            long since;
            try {
                since = Long.parseLong(query.getOrDefault("since", "0"));
            } catch (NumberFormatException e) {
                since = 0;
            }
            String page = pagePath(query.getOrDefault("path", "/"));
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("retry: 300\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                if (awaitPublication(since, page)) out.write("data: reload\n\n".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                return;
            }
            out.flush();
        } else {
            send(exchange, 404, "text/plain; charset=utf-8", "Ikke fundet".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A page's URL path as the build names it: below the base path, "…/index.html" as "…/". */
    private String pagePath(String urlPath) {
        String p = urlPath.startsWith(base + "/") ? urlPath.substring(base.length()) : urlPath;
        if (p.endsWith("/index.html")) p = p.substring(0, p.length() - "index.html".length());
        if (!p.endsWith("/") && !p.substring(p.lastIndexOf('/') + 1).contains(".")) p = p + "/";
        return p;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static byte[] resource(String name) {
        try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page with the preview's reload script, which knows which version of the site it came from. */
    private byte[] inject(byte[] html, long seen) {
        return inject(html, seen, null);
    }

    /** @param pagePath the page's path below the base path, for a mount's banner; null for none */
    private byte[] inject(byte[] html, long seen, String pagePath) {
        String page = new String(html, StandardCharsets.UTF_8);
        Mount m = mount;
        String script = (m != null && pagePath != null ? m.banner(base, pagePath) : "")
                + "<script src=\"" + base + PREVIEW + "reload.js?" + RELOAD_JS_HASH + "\" data-v=\"" + seen + "\"></script>";
        int end = page.lastIndexOf("</body>");
        page = end < 0 ? page + script : page.substring(0, end) + script + page.substring(end);
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().set("Location", to);
        exchange.sendResponseHeaders(302, -1);
    }

    /**
     * Whether a file's name says its content, so that it never changes: CSS and modules with a
     * hash in their name, the search index's files (all but its directory). A page that reloads
     * after a save then fetches only itself.
     */
    static boolean namedByContent(String rel) {
        return HASHED_ASSET.matcher(rel).find() || HASHED_INDEX_FILE.matcher(rel).find();
    }

    /** A file, or the one byte range of it the request asks for (the search reads a document out of its block so). */
    private static void sendFile(HttpExchange exchange, String type, byte[] body, String caching) throws IOException {
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        ByteRange range = ByteRange.of(exchange.getRequestHeaders().getFirst("Range"), body.length);
        if (range == null) {
            send(exchange, 200, type, body, caching);
        } else {
            exchange.getResponseHeaders().set("Content-Range", range.header(body.length));
            send(exchange, 206, type, range.slice(body), caching);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        send(exchange, status, type, body, "no-store");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, String caching) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", caching);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        running = false;
        watcher.close();
        synchronized (publications) {
            publications.notifyAll();
        }
        server.stop(0);
        pool.shutdownNow();
        synchronized (this) {
            build.close();
        }
        deleteOutput();
    }

    private void deleteOutput() {
        try (Stream<Path> walk = Files.walk(output.getParent())) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | RuntimeException ignored) {
            // a temporary folder; the system clears it in time
        }
    }
}
