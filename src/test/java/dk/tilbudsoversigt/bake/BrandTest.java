package dk.tilbudsoversigt.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.content.Problem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** site.logo, site.logo.alt and site.color: what a municipality sees of its own brand, and what it is refused. */
class BrandTest {
    @TempDir
    Path temp;

    private Path site(String extraProperties) {
        Path site = TestSites.minimal(temp.resolve("site"));
        TestSites.write(site, TestSites.PROPERTIES_FILE, TestSites.PROPERTIES + extraProperties);
        return site;
    }

    private SiteBuilder.Result build(Path site) {
        return SiteBuilder.build(site, temp.resolve("ud"), false);
    }

    private static Problem onlyError(SiteBuilder.Result result) {
        assertFalse(result.ok());
        List<Problem> errors = result.problems().errors();
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0);
    }

    @Test
    void aColourTooLightForWhiteTextIsRefusedWithItsLineRatioAndADarkerSuggestion() throws Exception {
        Path site = site("# gul som kommunens våben\nsite.color=#ffcc00\n");
        Problem p = onlyError(build(site));
        assertEquals("site.properties", p.file());
        assertEquals(6, p.line());
        assertTrue(p.message().contains("1,3:1") && p.message().contains("4,5:1"), p.message());
        String suggested = p.message().replaceAll(".*f\\.eks\\. (#[0-9a-f]{6}).*", "$1");
        assertTrue(dk.tilbudsoversigt.content.Contrast.againstBackgrounds(dk.tilbudsoversigt.content.Contrast.parse(suggested)) >= 4.5, suggested);
        assertFalse(Files.exists(temp.resolve("ud")), "nothing is built");
    }

    @Test
    void aColourThatPassesOnWhiteButNotOnTheLightGreyBoxesIsRefused() {
        // #767676 reaches 4.54:1 on white but only 4.1:1 on the grey of the fact box and footer
        Problem p = onlyError(build(site("site.color=#767676\n")));
        assertTrue(p.message().contains("4,1:1"), p.message());
    }

    @Test
    void aColourThatIsNotHexIsRefused() {
        Problem p = onlyError(build(site("site.color=grøn\n")));
        assertTrue(p.message().contains("#rrggbb"), p.message());
    }

    @Test
    void theColourReachesHeaderAndLinksThroughTheStylesheet() throws Exception {
        assertTrue(build(site("site.color=#006E5A\n")).ok());
        Document page = Jsoup.parse(temp.resolve("ud/index.html").toFile(), "UTF-8");
        String css = Files.readString(temp.resolve("ud").resolve(page.selectFirst("link[rel=stylesheet]").attr("href").substring("/handicap/".length())));
        assertTrue(css.contains("--accent: #006e5a; --link: #006e5a;"), "the custom properties are set last, after the theme's");
        assertTrue(css.lastIndexOf("#006e5a") > css.indexOf("--accent: #0b4f8a"));
    }

    @Test
    void anSvgLogoStandsInTheHeaderWithItsTextInsteadOfTheOwnersName() throws Exception {
        Path site = site("site.logo=assets/billeder/logo.svg\nsite.logo.alt=Randers Kommune\n");
        TestSites.write(site, "assets/billeder/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 40\"><rect width=\"200\" height=\"40\"/></svg>");
        assertTrue(build(site).ok());
        Document page = Jsoup.parse(temp.resolve("ud/tilbud/aflastning/index.html").toFile(), "UTF-8");
        var img = page.selectFirst("header .sitenavn a img");
        assertEquals("/handicap/billeder/logo.svg", img.attr("src"));
        assertEquals("Randers Kommune", img.attr("alt"));
        assertTrue(page.select("header .ejer").isEmpty(), "the owner's name is not read twice");
        assertTrue(Files.exists(temp.resolve("ud/billeder/logo.svg")));
        // a wordmark 5 times as wide as high is no icon: the default icon in the site's colour is used
        assertEquals("/handicap/favicon.svg", page.selectFirst("link[rel=icon][type=image/svg+xml]").attr("href"));
    }

    @Test
    void aLogoWithoutTextForScreenReadersIsAnError() {
        Path site = site("site.logo=assets/logo.svg\n");
        TestSites.write(site, "assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>");
        Problem p = onlyError(build(site));
        assertEquals(5, p.line());
        assertTrue(p.message().contains("site.logo.alt="), p.message());
    }

    @Test
    void aMissingLogoOrOneOutsideAssetsIsAnError() {
        Problem missing = onlyError(build(site("site.logo=assets/logo.svg\nsite.logo.alt=Kommunen\n")));
        assertTrue(missing.message().contains("findes ikke"), missing.message());
        Problem outside = onlyError(build(site("site.logo=../logo.svg\nsite.logo.alt=Kommunen\n")));
        assertTrue(outside.message().contains("mappen assets"), outside.message());
        Problem gif = onlyError(build(site("site.logo=assets/logo.gif\nsite.logo.alt=Kommunen\n")));
        assertTrue(gif.message().contains("SVG- eller PNG"), gif.message());
    }

    @Test
    void everyPageNamesAFaviconThatExistsSoTheFirstViewHasNo404() throws Exception {
        assertTrue(build(site("site.color=#8a1538\n")).ok());
        Path out = temp.resolve("ud");
        Document page = Jsoup.parse(out.resolve("faq/hjaelp/index.html").toFile(), "UTF-8");
        assertEquals("/handicap/favicon.ico", page.selectFirst("link[rel=icon][sizes=32x32]").attr("href"));
        BufferedImage icon = iconImage(Files.readAllBytes(out.resolve("favicon.ico")));
        assertEquals(32, icon.getWidth());
        assertEquals(0x8a1538, icon.getRGB(3, 16) & 0xffffff, "the default icon is drawn in the site's colour");
        assertTrue(Files.readString(out.resolve("favicon.svg")).contains("fill=\"#8a1538\""));
    }

    @Test
    void aPngLogoBecomesTheFavicon() throws Exception {
        Path site = site("site.logo=assets/logo.png\nsite.logo.alt=Kommunen\n");
        BufferedImage logo = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) for (int y = 0; y < 64; y++) logo.setRGB(x, y, 0x1e6b34);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(logo, "png", png);
        TestSites.writeBytes(site, "assets/logo.png", png.toByteArray());
        assertTrue(build(site).ok());
        BufferedImage icon = iconImage(Files.readAllBytes(temp.resolve("ud/favicon.ico")));
        assertEquals(0x1e6b34, icon.getRGB(16, 16) & 0xffffff);
        Document page = Jsoup.parse(temp.resolve("ud/index.html").toFile(), "UTF-8");
        assertTrue(page.select("link[rel=icon][type=image/svg+xml]").isEmpty(), "no default SVG icon beside the logo's");
    }

    @Test
    void aSitesOwnFaviconIsKept() throws Exception {
        Path site = site("");
        byte[] own = {0, 0, 1, 0, 42};
        TestSites.writeBytes(site, "assets/favicon.ico", own);
        assertTrue(build(site).ok());
        assertTrue(Arrays.equals(own, Files.readAllBytes(temp.resolve("ud/favicon.ico"))));
    }

    /** The PNG inside an .ico file of one image, after checking the .ico header. */
    private static BufferedImage iconImage(byte[] ico) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, b.getShort(0));
        assertEquals(1, b.getShort(2), "type icon");
        assertEquals(1, b.getShort(4), "one image");
        int size = b.getInt(6 + 8);
        int offset = b.getInt(6 + 12);
        assertEquals(ico.length, offset + size);
        return ImageIO.read(new ByteArrayInputStream(ico, offset, size));
    }
}
