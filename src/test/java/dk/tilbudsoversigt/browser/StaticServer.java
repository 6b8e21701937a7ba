package dk.tilbudsoversigt.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;
import dk.tilbudsoversigt.serve.ByteRange;
import dk.tilbudsoversigt.serve.ContentTypes;

/** A built site served on 127.0.0.1 under its base path, as a web host would, with byte ranges unless told not to. */
final class StaticServer implements AutoCloseable {
    private final HttpServer server;
    final String origin;
    /** Whether a request for a byte range gets it (206), as from most hosts, or the whole file (200), as some send. */
    volatile boolean ranges = true;
    /** Requests for a range that got the whole file. */
    final java.util.concurrent.atomic.AtomicInteger wholeFilesForRanges = new java.util.concurrent.atomic.AtomicInteger();

    StaticServer(Path site, String base) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(base + "/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring(base.length() + 1);
            Path file = site.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path).normalize();
            byte[] body;
            int status = 200;
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                file = site.resolve("404.html");
                status = 404;
            }
            body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", ContentTypes.of(file));
            String asked = exchange.getRequestHeaders().getFirst("Range");
            ByteRange range = status == 200 && ranges ? ByteRange.of(asked, body.length) : null;
            if (range != null) {
                exchange.getResponseHeaders().set("Content-Range", range.header(body.length));
                body = range.slice(body);
                status = 206;
            } else if (asked != null) {
                wholeFilesForRanges.incrementAndGet();
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
