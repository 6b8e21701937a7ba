package dk.tilbudsoversigt.editor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import com.sun.net.httpserver.HttpExchange;

/**
 * Who may use the editor: only a browser on this machine that opened one of its pages. The Host
 * must name the loopback address with the preview's port (a DNS-rebinding page carries its own
 * name); a request that changes files comes from the editor's own origin and carries the run's
 * secret, which only the editor's pages contain.
 */
final class Guard {
    static final String HEADER = "X-Rediger-Noegle";
    static final String FIELD = "noegle";

    private final String secret;

    Guard() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        secret = HexFormat.of().formatHex(bytes);
    }

    String secret() {
        return secret;
    }

    /** Why the request's Host is refused, or null when it names this machine and the preview's port. */
    static String refusedHost(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        int port = exchange.getLocalAddress().getPort();
        if (host == null) return "forespørgslen mangler Host";
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("127.0.0.1:" + port) || h.equals("localhost:" + port)) return null;
        return "redigering er kun tilladt på http://127.0.0.1:" + port + "/";
    }

    /** Why a request that changes files is refused, or null; {@code given} is the secret it carried. */
    static String refusedOrigin(HttpExchange exchange) {
        int port = exchange.getLocalAddress().getPort();
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origin.equals("http://127.0.0.1:" + port) && !origin.equals("http://localhost:" + port)) {
            return "forespørgslen kommer fra en anden side (" + origin + ")";
        }
        String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return "forespørgslen kommer fra en anden side";
        }
        return null;
    }

    boolean accepts(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }
}
