package dk.tilbudsoversigt.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.bake.SiteBuilder;
import dk.tilbudsoversigt.serve.PreviewServer;

/**
 * The editor as another web page, another machine's name or a careless request would meet it:
 * plain HTTP, so that every header is the test's own.
 */
class EditorSecurityTest {
    private static final String BASE = "/sti/handicap";
    private static final String PAGE = "content/tilbud/fritidsklub.md";

    @TempDir
    Path temp;
    Path site;
    PreviewServer server;
    String host;

    /** @param head the status line and the headers */
    record Response(int status, String head, String body) {}

    @BeforeEach
    void start() throws Exception {
        site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        server = new PreviewServer(site, 0);
        server.mount(Editor.PREFIX, new Editor(site));
        host = "127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Response send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        return send(method, path, headers, body, false);
    }

    /** One request on a socket of its own; the body is written beside the reading, as the server may answer before it has read it all. */
    private Response send(String method, String path, Map<String, String> headers, byte[] body, boolean chunked) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(120_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Host", host);
            all.put("Connection", "close");
            if (body != null) {
                if (chunked) all.put("Transfer-Encoding", "chunked");
                else all.put("Content-Length", String.valueOf(body.length));
            }
            all.putAll(headers);
            all.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            Thread writer = new Thread(() -> {
                try {
                    if (body == null) return;
                    if (!chunked) {
                        out.write(body);
                    } else {
                        for (int at = 0; at < body.length; at += 65536) {
                            int n = Math.min(65536, body.length - at);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(body, at, n);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed before reading everything: that is the point of a limit
                }
            });
            writer.start();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(read);
            } catch (java.net.SocketException e) {
                // reset after the answer: what was read is the answer
            }
            String text = read.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            return new Response(status, split < 0 ? text : text.substring(0, split), split < 0 ? "" : text.substring(split + 4));
        }
    }

    private Response get(String path, Map<String, String> headers) throws IOException {
        return send("GET", BASE + Editor.PREFIX + path, headers, null);
    }

    private Response post(String path, Map<String, String> headers, String... fields) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (s.length() > 0) s.append('&');
            s.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        Map<String, String> h = new LinkedHashMap<>(Map.of("Content-Type", "application/x-www-form-urlencoded"));
        h.putAll(headers);
        return send("POST", BASE + Editor.PREFIX + path, h, s.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String secret() throws IOException {
        Matcher m = Pattern.compile("data-noegle=\"([0-9a-f]+)\"").matcher(get("", Map.of()).body());
        assertTrue(m.find(), "the editor's pages carry the secret");
        return m.group(1);
    }

    /** The secret with its first digit changed: never the secret itself, whatever digit it starts with. */
    private static String wrong(String secret) {
        return (secret.charAt(0) == '0' ? "1" : "0") + secret.substring(1);
    }

    private String origin() {
        return "http://" + host;
    }

    @Test
    void anotherHostNameIsRefusedSoADnsRebindingPageCannotReadOrWrite() throws Exception {
        String secret = secret();
        for (String name : List.of("evil.example:" + server.port(), "evil.example", "127.0.0.1", "127.0.0.1:1", "localhost.evil.example:" + server.port())) {
            Response r = get("", Map.of("Host", name));
            assertEquals(403, r.status(), name);
            assertFalse(r.body().contains(secret), "no secret for " + name);
            Response p = post("slet", Map.of("Host", name), "fil", PAGE, Guard.FIELD, secret);
            assertEquals(403, p.status(), name);
        }
        assertTrue(Files.exists(site.resolve(PAGE)));
        assertEquals(200, get("", Map.of("Host", "localhost:" + server.port())).status());
    }

    @Test
    void aRequestFromAnotherOriginIsRefusedEvenWithTheSecret() throws Exception {
        String secret = secret();
        assertEquals(403, post("slet", Map.of("Origin", "http://evil.example"), "fil", PAGE, Guard.FIELD, secret).status());
        assertEquals(403, post("slet", Map.of("Origin", "null"), "fil", PAGE, Guard.FIELD, secret).status());
        assertEquals(403, post("slet", Map.of("Sec-Fetch-Site", "cross-site"), "fil", PAGE, Guard.FIELD, secret).status());
        assertTrue(Files.exists(site.resolve(PAGE)), "the page is still there");
        // the same request from the editor's own page is carried out
        assertEquals(303, post("slet", Map.of("Origin", origin(), "Sec-Fetch-Site", "same-origin"), "fil", PAGE, Guard.FIELD, secret).status());
        assertFalse(Files.exists(site.resolve(PAGE)), "moved to the trash");
    }

    @Test
    void aRequestWithoutTheSecretIsRefused() throws Exception {
        String secret = secret();
        assertEquals(403, post("slet", Map.of("Origin", origin()), "fil", PAGE).status());
        assertEquals(403, post("slet", Map.of("Origin", origin()), "fil", PAGE, Guard.FIELD, wrong(secret)).status());
        assertEquals(403, post("slet", Map.of("Origin", origin(), Guard.HEADER, "forkert"), "fil", PAGE).status());
        assertEquals(403, post("tjek", Map.of("Origin", origin()), "fil", PAGE).status());
        assertTrue(Files.exists(site.resolve(PAGE)));
        assertEquals(303, post("slet", Map.of(Guard.HEADER, secret), "fil", PAGE).status(), "the header carries it as well as the field");
    }

    @Test
    void pathsOutsideContentAndAssetsAreRefusedHoweverTheyAreWritten() throws Exception {
        String secret = secret();
        Files.createSymbolicLink(site.resolve("content/tilbud/genvej.md"), site.resolve("site.properties"));
        List<String> tried = new ArrayList<>();
        for (String path : List.of("../site.properties", "content/../site.properties", "content/tilbud/../../site.properties",
                "/etc/passwd", site.resolve("site.properties").toString(), "content\\..\\site.properties", "content/%2e%2e/site.properties",
                "content/tilbud/genvej.md", "site.properties", "content/./../site.properties")) {
            Response r = get("side?fil=" + URLEncoder.encode(path, StandardCharsets.UTF_8), Map.of());
            if (r.status() != 400 || r.body().contains("site.title") || r.body().contains("root:")) tried.add(path + " -> " + r.status());
            Response p = post("gem-tekst", Map.of("Origin", origin()), "fil", path, "tekst", "overskrevet", "version", "", Guard.FIELD, secret);
            if (p.status() != 400) tried.add("save " + path + " -> " + p.status());
        }
        assertEquals(List.of(), tried);
        assertTrue(Files.readString(site.resolve("site.properties")).contains("site.title"));
        assertEquals(400, post("slet", Map.of("Origin", origin()), "fil", "content/../site.properties", Guard.FIELD, secret).status());
        assertTrue(Files.exists(site.resolve("site.properties")));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        String secret = secret();
        byte[] big = ("fil=" + PAGE + "&" + Guard.FIELD + "=" + secret + "&version=&tekst=" + "a".repeat((int) Editor.FORM_LIMIT)).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of("Origin", origin(), "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(413, send("POST", BASE + Editor.PREFIX + "gem-tekst", headers, big, false).status(), "a length over the limit");
        assertEquals(413, send("POST", BASE + Editor.PREFIX + "gem-tekst", headers, big, true).status(), "a body that grows over the limit");
        assertTrue(Files.readString(site.resolve(PAGE)).startsWith("---\ntitle: Fritidsklub"));
    }

    private Response upload(String secret, String name, byte[] bytes, String alt) throws IOException {
        String boundary = "grænse7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + Guard.FIELD + "\"\r\n\r\n" + secret + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n" + alt + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.write(head.getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", BASE + Editor.PREFIX + "upload", Map.of("Origin", origin(), "Content-Type", "multipart/form-data; boundary=" + boundary), body.toByteArray());
    }

    @Test
    void uploadsNeedAltTextForImagesAndRefuseWhatCouldRunCode() throws Exception {
        String secret = secret();
        byte[] png = Files.readAllBytes(site.resolve("content/tilbud/boern/kort.png"));
        Response noAlt = upload(secret, "kort.png", png, "");
        assertEquals(400, noAlt.status());
        assertTrue(noAlt.body().contains("alternativ tekst"), noAlt.body());
        assertEquals(400, upload(secret, "side.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "").status());
        assertEquals(400, upload(secret, "billede.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8), "x").status());
        assertFalse(Files.exists(site.resolve(SiteFiles.UPLOADS)) && Files.list(site.resolve(SiteFiles.UPLOADS)).findAny().isPresent(), "nothing stored");
        Response ok = upload(secret, "Kort over byen.png", png, "Kort over byen");
        assertEquals(200, ok.status());
        try (Stream<Path> stored = Files.list(site.resolve(SiteFiles.UPLOADS))) {
            List<Path> files = stored.toList();
            assertEquals(1, files.size());
            assertTrue(files.get(0).getFileName().toString().matches("[a-z0-9-]+\\.png"), files.toString());
        }
    }

    @Test
    void thePreviewLinksEveryPageToItsFormButTheBuiltSiteHasNoEditor() throws Exception {
        Response page = send("GET", BASE + "/tilbud/fritidsklub/", Map.of(), null);
        assertTrue(page.body().contains("Rediger siden"), "the preview adds the link");
        Matcher link = Pattern.compile("href=\"([^\"]*rediger\\?adresse=[^\"]*)\"").matcher(page.body());
        assertTrue(link.find());
        Response redirect = send("GET", link.group(1), Map.of(), null);
        assertEquals(303, redirect.status(), redirect.head());
        assertTrue(redirect.head().contains("side?fil=content%2Ftilbud%2Ffritidsklub.md"), "to the page's own form: " + redirect.head());

        Path out = temp.resolve("bygget");
        assertTrue(SiteBuilder.build(site, out, true).ok());
        List<String> editorTraces = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(p).toString();
                if (rel.contains("_rediger") || rel.contains("rediger.js") || rel.contains("rediger.css") || rel.contains("bjaelke.css")) editorTraces.add(rel);
                if (rel.endsWith(".html") && Files.readString(p).contains("_rediger")) editorTraces.add(rel + " links to the editor");
            }
        }
        assertEquals(List.of(), editorTraces);
    }
}
