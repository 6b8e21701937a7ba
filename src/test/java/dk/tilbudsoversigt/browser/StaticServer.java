package dk.tilbudsoversigt.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;
import dk.tilbudsoversigt.serve.ContentTypes;

/** A built site served on 127.0.0.1 under its base path, as a web host would. */
final class StaticServer implements AutoCloseable {
    private final HttpServer server;
    final String origin;

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
