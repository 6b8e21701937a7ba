package dk.tilbudsoversigt.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.vladsch.flexmark.html.HtmlRenderer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The renderer's shortcut (plain text nodes written directly: {@link PlainText}) gives what flexmark's stock renderer gives, whatever the Markdown. */
class MarkdownTest {
    /** flexmark as it renders out of the box, with our parser options and video blocks. */
    private static final HtmlRenderer STOCK = HtmlRenderer.builder(Markdown.OPTIONS)
            .nodeRendererFactory(options -> new VideoFence()).build();

    private static final List<String> PIECES = List.of("Tekst", " ", "æøå ÆØÅ", "a & b", "x < y > z", "\"citat\"", "'enkelt'",
            "\\*ikke kursiv\\*", "\\", "&amp;", "&copy;", "&#123;", "&#x41;", "&ukendt;", "\r\n", "\r", "\n", "\n\n", "  \n", "\t",
            "- ", "* ", "1. ", "    kode", "```\nkode <x> & \"y\"\n```\n", "```video\ntitle: x\n```\n", "**fed**", "_kursiv_",
            "[link](/x \"titel & <mere>\")", "![alt & \"tekst\"](b.png)", "`kode & <x>`", "| a | b |\n|---|---|\n| 1 & 2 | <3 |\n",
            "> citat", "## Overskrift", "### Under", "<div>blok &amp; mere</div>\n", "<b>fed</b>", "<!-- note -->", "---\n",
            "https://example.dk", "<https://example.dk?a=1&b=2>", "[ref]\n\n[ref]: /y \"t\"\n");

    @Provide
    Arbitrary<String> markdown() {
        return Arbitraries.of(PIECES).list().ofMaxSize(25).map(pieces -> String.join("", pieces));
    }

    @Property(tries = 1500)
    void rendersTheSameElementsAndTextAsFlexmarkItself(@ForAll("markdown") String markdown) {
        var document = Markdown.parse(markdown);
        assertEquals(STOCK.render(document), Markdown.render(document), markdown);
    }

    @Test
    void plainTextIsEscapedAsFlexmarkEscapesIt() {
        assertEquals("a &amp; b &lt;c&gt; &quot;d&quot; 'e'", PlainText.escaped("a & b <c> \"d\" 'e'"));
        assertEquals("<p>1 &lt; 2 &amp; 3 &gt; 2 og &quot;æøå&quot;</p>\n", Markdown.toHtml("1 < 2 & 3 > 2 og \"æøå\""));
    }
}
