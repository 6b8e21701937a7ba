package dk.tilbudsoversigt.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.content.Content;
import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.bake.SiteBuilder;

/** Clipboard HTML as Word (Windows' CF_HTML), Google Docs, LibreOffice and a web page put it there, written from their formats. */
class WordPasteTest {
    static String sample(String name) throws IOException {
        try (InputStream in = WordPasteTest.class.getResourceAsStream("/word/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void word() throws IOException {
        WordPaste.Result r = WordPaste.convert(sample("word-clipboard.html"), 2);
        assertEquals("""
                ## Bolig

                Alle skal have et **godt** sted at *bo*, og kommunen hjælper.\\[1\\]

                Randers Kommune tilbyder:

                - Bofællesskaber
                  - Med døgnbemanding
                - Egen lejlighed

                ### Sådan søger du

                1. Udfyld ansøgningen
                2. Send den til [bolig@randers.dk](mailto:bolig@randers.dk)

                #### Priser

                |    Bolig     |       Husleje        |
                |--------------|----------------------|
                | Bofællesskab | 4.500 kr. om måneden |

                Se boligplanen og [kommunens side](https://www.randers.dk/borger/handicap/).

                \\[1\\] Efter serviceloven § 107.
                """, r.markdown());
        assertEquals(List.of(
                "1 kommentar fjernet",
                "1 slettet ændring (spor ændringer) fjernet: kan tilbyde",
                "1 fodnote sat ind som tekst med sit nummer",
                "1 billede udeladt (upload det med en alternativ tekst): Kort over bofællesskaberne",
                "2 punktopstillinger fra Word gjort til lister",
                "1 link til en fil på en computer (file:) fjernet (teksten er beholdt): boligplanen",
                "1 tabel: første række brugt som overskriftsrække",
                "3 tomme afsnit fjernet",
                "1 overskrift rykket op, så intet niveau springes over",
                "Word-formatering (typografier, skrifttyper, farver og mso-koder) fjernet",
                "Hårde mellemrum (nbsp) gjort til almindelige mellemrum",
                "Overskrifterne er rykket, så dokumentets øverste niveau bliver ## på siden"), r.report());
        assertEquals(List.of("Kort over bofællesskaberne"), r.leftOutImages());
        assertTrue(!r.markdown().contains("mso") && !r.markdown().contains("<") && !r.markdown().contains("Tjek tallet"));
    }

    @Test
    void googleDocs() throws IOException {
        WordPaste.Result r = WordPaste.convert(sample("google-docs-clipboard.html"), 2);
        assertEquals("""
                ## Fritid

                Klubben er åben **hver tirsdag** *for alle*.\\[1\\]

                ### Aktiviteter

                - Svømning
                  - Varmtvandsbassin
                - Ridning

                1. Tilmeld dig
                2. Mød op

                |   Dag   | Aktivitet |
                |---------|-----------|
                | Tirsdag | Svømning  |

                Læs mere på [kommunens side](https://www.example.dk/fritid).

                * * *

                \\[1\\] Gælder i skoleåret.
                """, r.markdown());
        assertTrue(r.report().contains("1 billede udeladt (upload det med en alternativ tekst): billede nr. 1 (uden alternativ tekst)"), r.report().toString());
        assertTrue(r.report().contains("1 overskrift rykket op, så intet niveau springes over"));
        assertEquals(List.of("billede nr. 1 (uden alternativ tekst)"), r.leftOutImages());
    }

    @Test
    void libreOffice() throws IOException {
        WordPaste.Result r = WordPaste.convert(sample("libreoffice-clipboard.html"), 2);
        assertEquals("""
                ## Skole

                Eleverne får **støtte** i *klassen*.

                ### Specialklasser

                - Lille klasse
                  - Højst **seks** elever
                - Stor klasse

                1. Visitation\\[1\\]
                2. Skolestart

                | Klasse | Elever |
                |--------|--------|
                | Lille  | 6      |

                \\[1\\] Efter folkeskoleloven.
                """, r.markdown());
        assertEquals(List.of("Skolens gård"), r.leftOutImages());
        assertTrue(r.report().contains("1 fodnote sat ind som tekst med sit nummer"));
    }

    @Test
    void aWebPageWithScriptAndRelativeLinks() throws IOException {
        WordPaste.Result r = WordPaste.convert(sample("web-page.html"), 3);
        assertEquals("""
                ### Ledsagelse

                Du kan få **ledsagelse** i 15 timer om måneden.

                Læs mere eller klik her.

                - Til fritid
                - Til *kultur*
                """, r.markdown());
        assertEquals(List.of("1 link uden fuld adresse fjernet (teksten er beholdt): Læs mere (/borger/ledsagelse)",
                "1 link med script fjernet (teksten er beholdt): klik her", "1 tomt afsnit fjernet",
                "Overskrifterne er rykket, så dokumentets øverste niveau bliver ### på siden"), r.report());
    }

    @Test
    void tenThousandNestedElementsKeepTheirText() {
        String html = "<div>".repeat(10_000) + "<p>Dybt <b>nede</b></p>" + "</div>".repeat(10_000) + "<p>Efter</p>";
        WordPaste.Result r = WordPaste.convert(html, 2);
        assertEquals("Dybt nede\n\nEfter\n", r.markdown());
        assertTrue(r.report().get(0).startsWith("Indholdet var lagt i over 200 niveauer"), r.report().toString());
    }

    /** Text that begins like a Markdown list, heading or rule ("1. januar", "- ", "# ", "---") stays text. */
    @Test
    void textThatLooksLikeMarkdownStaysText() {
        String html = "<p>1. januar åbner vi</p><p>- streg</p><p># nej</p><p>---</p><p>Linje<br>2) to</p>"
                + "<ul><li>1. inde</li></ul><p>a\\b &lt;em&gt; [x] `k`</p>";
        String rendered = dk.tilbudsoversigt.markdown.Markdown.toHtml(WordPaste.convert(html, 2).markdown());
        assertEquals("""
                <p>1. januar åbner vi</p>
                <p>- streg</p>
                <p># nej</p>
                <p>---</p>
                <p>Linje<br />
                2) to</p>
                <ul>
                <li>1. inde</li>
                </ul>
                <p>a\\b &lt;em&gt; [x] `k`</p>
                """, rendered);
    }

    @TempDir
    Path dir;

    /** What is pasted into a page builds: every word of the Word paste is on the built page. */
    @Test
    void aPastedBodyBuildsWithEveryWord() throws IOException {
        Path site = TestSites.minimal(dir.resolve("site"));
        String html = sample("word-clipboard.html");
        WordPaste.Result r = WordPaste.convert(html, 2);
        TestSites.write(site, "content/sider/bolig.md", "---\ntitle: Bolig i Randers\n---\n\n" + r.markdown());
        SiteBuilder.Result built = SiteBuilder.build(site, dir.resolve("ud"), false);
        assertTrue(built.ok(), built.problems().all().toString());
        String page = Jsoup.parse(Files.readString(dir.resolve("ud/bolig/index.html"))).select("main").text();
        var doc = WordPaste.parse(html);
        // the review comments and tracked deletions are dropped on purpose, and the list markers became lists
        doc.select("head, del, [style*=mso-element:comment-list], .MsoCommentReference, span[style~=(?i)mso-list\\s*:\\s*ignore]").remove();
        for (String word : doc.body().text().split("[^\\p{L}\\p{N}§@.]+")) {
            String w = word.replaceAll("^\\.+|\\.+$", "");
            if (!w.isEmpty()) assertTrue(page.contains(w), "the page lacks '" + w + "'");
        }
    }

    /** As in an import, a link to one of the site's own pages becomes a link to its file, which the build checks. */
    @Test
    void aLinkToTheSitesOwnPageBecomesALinkToItsFile() {
        Path site = TestSites.minimal(dir.resolve("egen"));
        Content content = ContentLoader.load(site, new Problems());
        String html = "<p>Læs om <a href=\"https://www.example.dk/handicap/tilbud/aflastning/\">aflastning</a>"
                + " og <a href=\"https://www.borger.dk/\">borger.dk</a>.</p>";
        WordPaste.Result r = WordPaste.convert(html, 2, content, "content/faq/hjaelp.md");
        assertEquals("Læs om [aflastning](../tilbud/aflastning.md) og [borger.dk](https://www.borger.dk/).\n", r.markdown());
        assertTrue(r.report().stream().anyMatch(line -> line.contains("content/tilbud/aflastning.md")), r.report().toString());
        assertEquals("Læs om [aflastning](https://www.example.dk/handicap/tilbud/aflastning/) og [borger.dk](https://www.borger.dk/).\n",
                WordPaste.convert(html, 2).markdown(), "without the site, links stay as they are");
    }
}
