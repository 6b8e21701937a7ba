package dk.tilbudsoversigt.editor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** The fields of a submitted form (urlencoded or multipart) or of a query string, each name with its values in order. */
final class Form {
    /** A file of a multipart form. */
    record Upload(String fileName, byte[] bytes) {}

    static final class TooLarge extends IOException {
        TooLarge() {
            super("for stor");
        }
    }

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, Upload> uploads = new LinkedHashMap<>();

    static Form query(String raw) {
        Form f = new Form();
        f.addEncoded(raw);
        return f;
    }

    /** Reads the request body, refusing one longer than {@code limit} bytes before it is read. */
    static Form body(HttpExchange exchange, long limit) throws IOException {
        byte[] bytes = read(exchange, limit);
        Form f = new Form();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("multipart/form-data")) {
            f.addMultipart(bytes, type);
        } else {
            f.addEncoded(new String(bytes, StandardCharsets.UTF_8));
        }
        return f;
    }

    static byte[] read(HttpExchange exchange, long limit) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            if (length != null && Long.parseLong(length.strip()) > limit) throw new TooLarge();
        } catch (NumberFormatException e) {
            throw new TooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > limit) throw new TooLarge();
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private void addEncoded(String raw) {
        if (raw == null || raw.isEmpty()) return;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                add(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException ignored) {
                // a broken escape: the field is left out
            }
        }
    }

    /** RFC 7578 parts; the values are UTF-8 text, a part with a filename is an upload. */
    private void addMultipart(byte[] body, String type) {
        int at = type.indexOf("boundary=");
        if (at < 0) return;
        String boundary = type.substring(at + 9).replace("\"", "").split(";")[0].strip();
        byte[] marker = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, marker, 0);
        while (pos >= 0) {
            int start = pos + marker.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') break;
            start += 2; // CRLF after the marker
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headersEnd < 0) break;
            int next = indexOf(body, marker, headersEnd);
            if (next < 0) break;
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, next - 2));
            String name = parameter(headers, "name");
            String fileName = parameter(headers, "filename");
            if (name != null) {
                if (fileName != null) {
                    if (!fileName.isEmpty()) uploads.put(name, new Upload(fileName, content));
                } else {
                    add(name, new String(content, StandardCharsets.UTF_8));
                }
            }
            pos = next;
        }
    }

    private static String parameter(String headers, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)[; ]" + name + "=\"([^\"]*)\"").matcher(headers);
        return m.find() ? m.group(1) : null;
    }

    private static int indexOf(byte[] data, byte[] find, int from) {
        outer:
        for (int i = from; i <= data.length - find.length; i++) {
            for (int j = 0; j < find.length; j++) if (data[i + j] != find[j]) continue outer;
            return i;
        }
        return -1;
    }

    void add(String name, String value) {
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value.replace("\r\n", "\n"));
    }

    /** The first value, or "" */
    String get(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Upload upload(String name) {
        return uploads.get(name);
    }
}
