package dk.tilbudsoversigt.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.bake.SiteBuilder;
import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.report.EditorReport;
import dk.tilbudsoversigt.site.Checked;

/**
 * The ```video block and tables as editors write them: what a build refuses (with file and
 * line), what the page shows, the Content-Security-Policy it gets, and what check warns about.
 */
class VideoAndTableTest {
    static final String PAGE = "content/sider/om.md";
    static final String HEAD = "---\ntitle: Om os\n---\nTekst.\n\n"; // the body starts on line 4, the block on line 6
    static final String VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHej.\n";

    @TempDir
    Path site;
    @TempDir
    Path out;

    @BeforeEach
    void writeSite() {
        TestSites.minimal(site);
        TestSites.writeBytes(site, "assets/video/film.webm", new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3});
        TestSites.write(site, "assets/video/film.vtt", VTT);
    }

    private List<String> errors(String body) {
        TestSites.write(site, PAGE, HEAD + body);
        return Checked.run(site, false).problems().errors().stream().map(Problem::toString).toList();
    }

    private Document built(String body) throws Exception {
        TestSites.write(site, PAGE, HEAD + body);
        SiteBuilder.Result result = SiteBuilder.build(site, out, false);
        assertTrue(result.ok(), result.problems().all().toString());
        return Jsoup.parse(out.resolve("om/index.html").toFile(), "UTF-8");
    }

    private static String local(String... lines) {
        return "```video\n" + String.join("\n", lines) + "\n```\n";
    }

    private static String csp(Document page) {
        return page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    }

    @Test
    void aLocalVideoWithoutCaptionsIsAnErrorAtTheBlock() {
        assertEquals(List.of(PAGE + ":6: videoen ../../assets/video/film.webm mangler undertekster: skriv captions: og stien til en"
                        + " WebVTT-fil (.vtt) med det, der bliver sagt, fx captions: ../../assets/video/navn.vtt"),
                errors(local("title: Film", "file: ../../assets/video/film.webm", "", "Hej.")));
    }

    @Test
    void aVideoWithoutTranscriptIsAnError() {
        List<String> errors = errors(local("title: Film", "file: ../../assets/video/film.webm", "captions: ../../assets/video/film.vtt"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(PAGE + ":6: videoen mangler en tekstudgave"), errors.toString());
        List<String> external = errors(local("title: Film", "url: https://youtu.be/aqz-KE-bpKQ"));
        assertEquals(1, external.size(), external.toString());
        assertTrue(external.get(0).startsWith(PAGE + ":6: videoen mangler en tekstudgave"), external.toString());
    }

    @Test
    void missingFilesAreErrorsAtTheirLines() {
        List<String> errors = errors(local("title: Film", "file: ../../assets/video/ingen.webm", "captions: ../../assets/video/ingen.vtt", "", "Hej."));
        assertEquals(List.of(
                PAGE + ":8: videofilen ../../assets/video/ingen.webm findes ikke (ledt efter assets/video/ingen.webm); læg filen i assets/video/ eller ved siden af siden",
                PAGE + ":9: undertekstfilen ../../assets/video/ingen.vtt findes ikke (ledt efter assets/video/ingen.vtt); læg filen i assets/video/ eller ved siden af siden"),
                errors);
    }

    @Test
    void captionsMustBeWebVtt() {
        TestSites.write(site, "assets/video/film.vtt", "1\n00:00:00,000 --> 00:00:02,000\nHej.\n"); // SubRip, not WebVTT
        assertEquals(List.of(PAGE + ":9: undertekstfilen ../../assets/video/film.vtt er ikke en WebVTT-fil: dens første linje skal være WEBVTT"),
                errors(local("title: Film", "file: ../../assets/video/film.webm", "captions: ../../assets/video/film.vtt", "", "Hej.")));
    }

    @Test
    void unknownKeysAndHostsAreNamed() {
        assertEquals(List.of(PAGE + ":6: videoen mangler en titel: skriv title: og hvad videoen handler om, fx title: Sådan søger du om aflastning",
                        PAGE + ":8: ukendt nøgle titel: i video-blokken; tilladte nøgler er title, file, captions, url. Mente du title?"),
                errors(local("url: https://vimeo.com/76979871", "titel: Film", "", "Hej.")).stream().sorted().toList());
        assertEquals(List.of(PAGE + ":8: adressen https://example.com/film.mp4 er ikke en video hos YouTube, Vimeo, TwentyThree eller Dream Broker"
                        + " (med https://); læg videoen i assets/ og brug file:, eller brug adressen fra en af dem"),
                errors(local("title: Film", "url: https://example.com/film.mp4", "", "Hej.")));
    }

    @Test
    void aLocalVideoPlaysNativelyWithDanishCaptionsAndTheTranscriptBelow() throws Exception {
        Document page = built(local("title: Sådan søger du", "file: ../../assets/video/film.webm", "captions: ../../assets/video/film.vtt",
                "", "Fortæller: Ring til os.", "Vi hjælper.", "", "Tekst på skærmen: Velkommen."));
        Element figure = page.selectFirst("main figure.video");
        assertEquals("Sådan søger du", figure.selectFirst("figcaption").text());
        Element video = figure.selectFirst("video[controls]");
        assertEquals("/handicap/video/film.webm", video.selectFirst("source").attr("src"));
        assertEquals("video/webm", video.selectFirst("source").attr("type"));
        Element track = video.selectFirst("track");
        assertEquals("captions", track.attr("kind"));
        assertEquals("da", track.attr("srclang"));
        assertTrue(track.hasAttr("default"));
        assertEquals("/handicap/video/film.vtt", track.attr("src"));
        assertTrue(Files.isRegularFile(out.resolve("video/film.vtt")));
        Element transcript = figure.selectFirst("details");
        assertEquals("Læs videoen som tekst", transcript.selectFirst("summary").text());
        assertEquals(List.of("Fortæller: Ring til os.<br>Vi hjælper.", "Tekst på skærmen: Velkommen."),
                transcript.select("p").stream().map(p -> p.html().replace("\n", "")).toList());
        assertFalse(csp(page).contains("frame-src"), "a page without external video frames nothing: " + csp(page));
        assertNull(page.selectFirst("script[src*=video]"), "no video script on a page without external video");
    }

    @Test
    void aGlossaryTermIsLinkedInTheTranscriptButNeverInsideTheSummaryControl() throws Exception {
        TestSites.write(site, "content/begreber/tekst.md", "---\ntitle: Tekst\nsummary: Ord på skrift.\n---\nOrd på skrift.\n");
        // the summary "Læs videoen som tekst" is the first place the word stands on this page
        TestSites.write(site, PAGE, "---\ntitle: Om os\n---\n" + local("title: Film", "file: ../../assets/video/film.webm",
                "captions: ../../assets/video/film.vtt", "", "Her er en tekst."));
        assertTrue(SiteBuilder.build(site, out, false).ok());
        Document page = Jsoup.parse(out.resolve("om/index.html").toFile(), "UTF-8");
        Element details = page.selectFirst("main figure details");
        assertTrue(details.select("summary a").isEmpty(), details.outerHtml());
        assertEquals("Tekst".toLowerCase(), details.selectFirst("p a.begreb").text().toLowerCase());
    }

    @Test
    void anExternalVideoIsAPlaceholderThatLoadsNothingAndTheCspFramesExactlyItsHosts() throws Exception {
        Document page = built(local("title: Huset", "url: https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=10", "", "Her er huset.")
                + "\n" + local("title: Haven", "url: https://vimeo.com/76979871", "", "Her er haven.")
                + "\n" + local("title: Igen", "url: https://youtu.be/aqz-KE-bpKQ", "", "Her er huset igen."));
        List<Element> figures = page.select("main figure.video-ekstern");
        assertEquals(3, figures.size());
        Element first = figures.get(0);
        assertEquals("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ", first.attr("data-video-src"));
        assertEquals("YouTube", first.attr("data-video-host"));
        assertTrue(first.selectFirst(".video-samtykke").text().contains("Videoen ligger hos YouTube"));
        assertEquals("https://www.youtube.com/watch?v=aqz-KE-bpKQ", first.selectFirst(".video-link a").attr("href"));
        assertEquals("Her er huset.", first.selectFirst("details p").text());
        // nothing on the page loads from a host: no iframe, no image, no script from there
        assertTrue(page.select("iframe, img[src^=http], script[src^=http], link[href^=http][rel=stylesheet]").isEmpty());
        String csp = csp(page);
        assertTrue(csp.endsWith("; frame-src https://player.vimeo.com https://www.youtube-nocookie.com"), csp);
        assertTrue(csp.startsWith("default-src 'self';"), csp);
        assertEquals(1, page.select("script[type=module][src*=/js/video.]").size());
        Document front = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertFalse(csp(front).contains("frame-src"), "other pages frame nothing: " + csp(front));
    }

    @Test
    void aTableGetsItsCaptionFromTheTabelParagraphAndScopedHeaders() throws Exception {
        Document page = built("Tabel: Åbent *hus*\n\n| Dag | Tid |\n|---|---|\n| **Mandag** | 9-12 |\n| Tirsdag | 10-14 |\n");
        Element frame = page.selectFirst("main div.tabel-ramme");
        assertEquals("region", frame.attr("role"));
        assertEquals("0", frame.attr("tabindex"));
        assertEquals("Åbent hus", frame.attr("aria-label"));
        Element table = frame.selectFirst("table");
        assertEquals("caption", table.child(0).normalName(), "the caption is the table's first child");
        assertEquals("Åbent <em>hus</em>", table.child(0).html());
        assertTrue(page.select("main p").stream().noneMatch(p -> p.text().startsWith("Tabel:")), "the paragraph became the caption");
        assertEquals(List.of("col", "col"), table.select("thead th").eachAttr("scope"));
        assertEquals("Mandag", table.selectFirst("tbody tr th[scope=row]").text());
        assertEquals("td", table.select("tbody tr").get(1).child(0).normalName(), "a cell not written in bold stays a data cell");
    }

    @Test
    void checkWarnsAboutATableWithoutCaptionButTheBuildSucceeds() throws Exception {
        TestSites.write(site, PAGE, HEAD + "| Dag | Tid |\n|---|---|\n| Mandag | 9-12 |\n\nTabel: Uden tom linje\n| A | B |\n|---|---|\n| 1 | 2 |\n");
        Checked checked = Checked.run(site, false);
        assertTrue(checked.problems().errors().isEmpty(), checked.problems().all().toString());
        Problems problems = checked.problems();
        EditorReport.addWarnings(checked, problems, LocalDate.of(2026, 1, 1));
        List<String> tableWarnings = problems.warnings().stream().map(Problem::toString).filter(w -> w.contains("abel")).toList();
        assertEquals(List.of(PAGE + ":6: advarsel: tabellen har ingen titel: skriv et afsnit \"Tabel: ...\" lige før tabellen (med en tom linje"
                        + " imellem), der siger, hvad tabellen viser; titlen bliver læst op, før tabellen bliver læst",
                PAGE + ":10: advarsel: tabellen bliver vist som almindelig tekst, fordi den står lige under \"Tabel: ...\"; sæt en tom linje"
                        + " mellem \"Tabel: ...\" og tabellen"), tableWarnings);
        Document page = built("Tabel: Med titel\n\n| A | B |\n|---|---|\n| 1 | 2 |\n");
        assertEquals("Med titel", page.selectFirst("caption").text());
        Checked captioned = Checked.run(site, false);
        EditorReport.addWarnings(captioned, captioned.problems(), LocalDate.of(2026, 1, 1));
        assertTrue(captioned.problems().warnings().stream().noneMatch(w -> w.message().contains("tabel")), captioned.problems().warnings().toString());
    }

    @ParameterizedTest
    @CsvSource({
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ, YOUTUBE, https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ, https://www.youtube-nocookie.com",
            "https://youtu.be/aqz-KE-bpKQ, YOUTUBE, https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ, https://www.youtube-nocookie.com",
            "https://www.youtube.com/embed/aqz-KE-bpKQ, YOUTUBE, https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ, https://www.youtube-nocookie.com",
            "https://vimeo.com/76979871, VIMEO, https://player.vimeo.com/video/76979871?dnt=1, https://player.vimeo.com",
            "https://vimeo.com/76979871/abc123, VIMEO, https://player.vimeo.com/video/76979871?dnt=1&h=abc123, https://player.vimeo.com",
            "https://player.vimeo.com/video/76979871, VIMEO, https://player.vimeo.com/video/76979871?dnt=1, https://player.vimeo.com",
            "https://video.kk.dk/v.ihtml/player.html?source=share&photo%5fid=12345, TWENTYTHREE, https://video.kk.dk/v.ihtml/player.html?source=embed&photo%5fid=12345, https://video.kk.dk",
            "https://randers.23video.com/video/12345/aflastning, TWENTYTHREE, https://randers.23video.com/v.ihtml/player.html?source=embed&photo%5fid=12345, https://randers.23video.com",
            "https://www.dreambroker.com/channel/ab12cd34/ef56gh78, DREAMBROKER, https://www.dreambroker.com/channel/ab12cd34/iframe/ef56gh78, https://www.dreambroker.com",
            "https://dreambroker.com/channel/ab12cd34/iframe/ef56gh78, DREAMBROKER, https://www.dreambroker.com/channel/ab12cd34/iframe/ef56gh78, https://www.dreambroker.com",
    })
    void videoLinksBecomeTheirPlayersAddress(String url, VideoHost host, String embed, String origin) {
        VideoHost.External video = VideoHost.recognise(url);
        assertEquals(host, video.host());
        assertEquals(embed, video.embedUrl());
        assertEquals(origin, video.frameOrigin());
    }

    @ParameterizedTest
    @CsvSource({"http://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://www.youtube.com/watch?v=kort", "https://example.com/video/123",
            "https://vimeo.com/om-os", "https://evil.example/v.ihtml/player.html?photo_id=1\"", "https://user@vimeo.com/76979871",
            "https://www.youtube.com.evil.example/watch?v=aqz-KE-bpKQ", "javascript:alert(1)"})
    void otherAddressesAreNotVideos(String url) {
        assertNull(VideoHost.recognise(url));
    }
}
