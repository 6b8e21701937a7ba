package dk.tilbudsoversigt.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.tilbudsoversigt.TestSites;

class UploadTest {
    static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R');
    static final byte[] JPG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F');
    static final byte[] GIF = "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] WEBP = "RIFF\u0010\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] MP4 = bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2');
    static final byte[] WEBM = concat(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84), "webm".getBytes(StandardCharsets.US_ASCII));
    static final byte[] VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nHej\n".getBytes(StandardCharsets.UTF_8);
    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><defs><linearGradient id=\"g\"/></defs>"
            + "<rect width=\"10\" height=\"10\" fill=\"url(#g)\"/><title>Kort</title></svg>";

    @TempDir
    Path temp;
    SiteFiles files;

    @BeforeEach
    void site() {
        files = new SiteFiles(TestSites.minimal(temp.resolve("site")));
    }

    @Test
    void eachAllowedKindIsStoredUnderAssetsWithASafeName() throws IOException {
        assertEquals("assets/filer/kort-over-gudenaacentret.png", files.upload("Kort over Gudenåcentret.PNG", PNG));
        assertEquals("assets/filer/foto.jpg", files.upload("C:\\Users\\ida\\Billeder\\foto.jpg", JPG));
        assertEquals("assets/filer/anim.gif", files.upload("anim.gif", GIF));
        assertEquals("assets/filer/billede.webp", files.upload("billede.webp", WEBP));
        assertEquals("assets/filer/pjece.pdf", files.upload("../../pjece.pdf", PDF));
        assertEquals("assets/filer/brev.docx", files.upload("brev.docx", docx()));
        assertEquals("assets/filer/film.mp4", files.upload("film.mp4", MP4));
        assertEquals("assets/filer/film.webm", files.upload("film.webm", WEBM));
        assertEquals("assets/filer/film.vtt", files.upload("film.vtt", VTT));
        assertEquals("assets/filer/tegning.svg", files.upload("tegning.svg", SVG.getBytes(StandardCharsets.UTF_8)));
        assertEquals("assets/filer/fil.png", files.upload("....png", PNG));
        assertArrayEquals(PDF, Files.readAllBytes(files.folder().resolve("assets/filer/pjece.pdf")));
    }

    @Test
    void anUploadNeverReplacesAFile() throws IOException {
        assertEquals("assets/filer/kort.png", files.upload("kort.png", PNG));
        byte[] other = concat(PNG, bytes(1, 2, 3));
        assertEquals("assets/filer/kort-2.png", files.upload("kort.png", other));
        assertEquals("assets/filer/kort-3.png", files.upload("Kort.png", PNG));
        assertArrayEquals(PNG, Files.readAllBytes(files.folder().resolve("assets/filer/kort.png")));
        assertArrayEquals(other, Files.readAllBytes(files.folder().resolve("assets/filer/kort-2.png")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"side.html", "side.htm", "side.xhtml", "script.js", "modul.mjs", "shell.php", "program.exe",
            "program.bat", "kort.php.", "uden-filtype", "arkiv.zip", "tegning.svgz", "stil.css", "data.json"})
    void runnableAndUnknownKindsAreRefused(String name) {
        RefusedPath refused = assertThrows(RefusedPath.class, () -> files.upload(name, "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().contains("kan ikke lægges op"), refused.getMessage());
        assertNothingStored();
    }

    @Test
    void bytesThatAreNotWhatTheNameSaysAreRefused() {
        byte[] html = "<!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        for (String name : new String[] {"kort.png", "kort.jpg", "kort.jpeg", "kort.gif", "kort.webp", "pjece.pdf", "brev.docx", "film.mp4", "film.webm", "film.vtt"}) {
            RefusedPath refused = assertThrows(RefusedPath.class, () -> files.upload(name, html), name);
            assertTrue(refused.getMessage().contains("som navnet siger"), refused.getMessage());
        }
        assertThrows(RefusedPath.class, () -> files.upload("kort.png", JPG));
        assertThrows(RefusedPath.class, () -> files.upload("film.webm", Arrays.copyOf(WEBM, 12)), "EBML that is not WebM (e.g. Matroska)");
        assertThrows(RefusedPath.class, () -> files.upload("brev.docx", zip("xl/workbook.xml")), "a zip that is no Word document");
        assertThrows(RefusedPath.class, () -> files.upload("tom.png", new byte[0]));
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><SCRIPT>alert(1)</SCRIPT></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect ONCLICK=\"alert(1)\"/></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:script>alert(1)</h:script></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://example.com/spor.png\"/></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"https://example.com/x.svg#a\"/></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill: url(https://example.com/x)\"/></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill: \\75 rl(https://example.com/x)\"/></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(https://example.com/x.css);</style></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><animate attributeName=\"href\" values=\"javascript:alert(1)\"/></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><iframe src=\"x\"/></svg>",
            "<?xml-stylesheet href=\"https://example.com/x.css\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>",
            "<html><body><script>alert(1)</script></body></html>",
            "<svg><script>alert(1)</script></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script>",
            "not xml at all"})
    void svgWithScriptOrOutsideContentIsRefused(String svg) {
        assertThrows(RefusedPath.class, () -> files.upload("tegning.svg", svg.getBytes(StandardCharsets.UTF_8)), svg);
        assertNothingStored();
    }

    @Test
    void filesOverTheLimitAreRefused() {
        byte[] big = Arrays.copyOf(PDF, (int) SiteFiles.MAX_UPLOAD_BYTES + 1);
        RefusedPath refused = assertThrows(RefusedPath.class, () -> files.upload("stor.pdf", big));
        assertTrue(refused.getMessage().contains("højst"), refused.getMessage());
        assertNothingStored();
    }

    private void assertNothingStored() {
        Path dir = files.folder().resolve(SiteFiles.UPLOADS);
        if (!Files.exists(dir)) return;
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] docx() {
        return zip("[Content_Types].xml", "word/document.xml");
    }

    static byte[] zip(String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
