package dk.tilbudsoversigt.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.serve.PreviewServer;

/** Paste from Word and "Importer fra Word" in the editor, over HTTP, with the editor's secret and origin rules. */
class WordEditorTest {
    @TempDir
    Path temp;
    Path site;
    PreviewServer server;
    String editor;
    String origin;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        site = TestSites.minimal(temp.resolve("site"));
        server = new PreviewServer(site, 0);
        server.mount(Editor.PREFIX, new Editor(site));
        origin = "http://127.0.0.1:" + server.port();
        editor = origin + "/handicap" + Editor.PREFIX;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String secret(String listPage) {
        Matcher m = Pattern.compile("data-noegle=\"([0-9a-f]+)\"").matcher(listPage);
        assertTrue(m.find(), "the editor's pages carry the secret");
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(editor + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(editor + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pastedHtmlComesBackAsMarkdownWithTheReport() throws Exception {
        String secret = secret(get("").body());
        String html = "<p class=MsoNormal>Hej <b>verden</b></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
                + "<p><img src=\"file:///C:/x/clip_image001.png\" alt=\"Kort\"></p>";
        byte[] form = ("html=" + URLEncoder.encode(html, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> r = post("word-indsaet", "application/x-www-form-urlencoded", form, Map.of("X-Rediger-Noegle", secret, "Origin", origin));

        assertEquals(200, r.statusCode(), r.body());
        Map<?, ?> json = new ObjectMapper().readValue(r.body(), Map.class);
        assertEquals("Hej **verden**\n", json.get("markdown"));
        assertEquals(List.of("Kort"), json.get("billeder"));
        assertTrue(((List<?>) json.get("rapport")).contains("1 tomt afsnit fjernet") && ((List<?>) json.get("rapport")).contains("1 billede udeladt (upload det med en alternativ tekst): Kort"), r.body());

        assertEquals(403, post("word-indsaet", "application/x-www-form-urlencoded", form, Map.of("Origin", origin)).statusCode(), "no secret");
        assertEquals(403, post("word-indsaet", "application/x-www-form-urlencoded", form,
                Map.of("X-Rediger-Noegle", secret, "Origin", "https://evil.example")).statusCode(), "another site");
    }

    @Test
    void aWordDocumentIsImportedAsADraftAndShownInTheForm() throws Exception {
        String list = get("").body();
        assertTrue(list.contains("Importer fra Word"));
        String secret = secret(list);
        byte[] docx = docx("Kort over byen");

        HttpResponse<String> r = post("importer-word", "multipart/form-data; boundary=GRAENSE", multipart(secret, docx), Map.of("Origin", origin));

        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("Importeret fra Word som kladde"), r.body());
        assertTrue(r.body().contains("id=\"side-form\""), "the page opens in the form");
        assertTrue(r.body().contains("Kommunen hjælper familier."), "the body is in the form");
        String page = Files.readString(site.resolve("content/planer/hjaelp-til-familier.md"));
        assertTrue(page.contains("status: draft") && page.contains("![Kort over byen](../../assets/billeder/hjaelp-til-familier-1.png)"), page);
        assertTrue(Files.exists(site.resolve("assets/billeder/hjaelp-til-familier-1.png")));
    }

    @Test
    void aDocumentWithAnErrorIsNotImported() throws Exception {
        String secret = secret(get("").body());
        HttpResponse<String> r = post("importer-word", "multipart/form-data; boundary=GRAENSE", multipart(secret, docx("")), Map.of("Origin", origin));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("mangler en alternativ tekst"), r.body());
        assertFalse(Files.exists(site.resolve("content/planer/hjaelp-til-familier.md")));
        assertFalse(Files.exists(site.resolve("assets/billeder")));
        HttpResponse<String> notWord = post("importer-word", "multipart/form-data; boundary=GRAENSE",
                multipart(secret, "ikke et dokument".getBytes(StandardCharsets.UTF_8)), Map.of("Origin", origin));
        assertEquals(400, notWord.statusCode());
        assertTrue(notWord.body().contains("ikke et Word-dokument"), notWord.body());
    }

    private static byte[] multipart(String secret, byte[] docx) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--GRAENSE\r\nContent-Disposition: form-data; name=\"noegle\"\r\n\r\n" + secret + "\r\n"
                + "--GRAENSE\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nplan\r\n"
                + "--GRAENSE\r\nContent-Disposition: form-data; name=\"dokument\"; filename=\"familier.docx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.UTF_8));
        out.write(docx);
        out.write("\r\n--GRAENSE--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] docx(String alt) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle("Hjælp til familier");
            doc.createParagraph().createRun().setText("Kommunen hjælper familier.");
            var run = doc.createParagraph().createRun();
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", png);
            run.addPicture(new java.io.ByteArrayInputStream(png.toByteArray()), Document.PICTURE_TYPE_PNG, "kort.png", Units.toEMU(20), Units.toEMU(20));
            run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr().setDescr(alt);
            doc.write(out);
            return out.toByteArray();
        }
    }
}
