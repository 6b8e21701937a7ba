package dk.tilbudsoversigt.serve;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

/** A part of the preview that another package serves below a path of its own, such as the browser editor. */
public interface Mount {
    /**
     * @param base the site's base path ("" or e.g. "/handicap")
     * @param rest the request path after the mount's prefix
     */
    void handle(HttpExchange exchange, String base, String rest) throws IOException;

    /** HTML put at the end of every preview page; {@code page} is its path below the base path, e.g. "/tilbud/x/". */
    String banner(String base, String page);
}
