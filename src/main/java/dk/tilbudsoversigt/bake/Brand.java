package dk.tilbudsoversigt.bake;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import dk.tilbudsoversigt.content.Contrast;
import dk.tilbudsoversigt.content.SiteSettings;

/**
 * The municipality's own look: its colour in the theme's CSS and a favicon, from its PNG logo
 * or else a default icon in its colour (so the first page view never asks for a missing
 * /favicon.ico).
 */
final class Brand {
    static final String DEFAULT_COLOR = "#0b4f8a";
    static final String ICON_SVG = "favicon.svg";
    static final String ICON_ICO = "favicon.ico";
    private static final int ICON_SIZE = 32;
    private static final Pattern VIEW_BOX = Pattern.compile(
            "viewBox\\s*=\\s*[\"'][-\\d.]+[\\s,]+[-\\d.]+[\\s,]+([\\d.]+)[\\s,]+([\\d.]+)");

    private Brand() {}

    static String color(SiteSettings settings) {
        return settings.color() == null ? DEFAULT_COLOR : settings.color();
    }

    /** Appended to the theme's site.css: the custom properties the header and the links use. */
    static String css(SiteSettings settings) {
        String c = color(settings);
        return "\n/* site.color from site.properties */\n:root { --accent: " + c + "; --link: " + c + "; --in-progress: " + c + "; }\n";
    }

    /** The default icon: a person in white on a rounded square of the site's colour. */
    static byte[] defaultSvg(SiteSettings settings) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
                + "<rect width=\"32\" height=\"32\" rx=\"6\" fill=\"" + color(settings) + "\"/>"
                + "<circle cx=\"16\" cy=\"11\" r=\"5\" fill=\"#fff\"/>"
                + "<path d=\"M6 27C6 21 10.5 18 16 18S26 21 26 27Z\" fill=\"#fff\"/></svg>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Whether an SVG logo is about as wide as high, so that it still reads at 16 × 16 (a wordmark does not). */
    static boolean squareSvg(byte[] svg) {
        Matcher box = VIEW_BOX.matcher(new String(svg, StandardCharsets.UTF_8));
        if (!box.find()) return false;
        double ratio = Double.parseDouble(box.group(1)) / Double.parseDouble(box.group(2));
        return ratio > 0.8 && ratio < 1.25;
    }

    /** favicon.ico: the PNG logo fitted into 32 × 32, or the default icon drawn at that size. */
    static byte[] ico(SiteSettings settings, byte[] pngLogo) throws IOException {
        BufferedImage icon = new BufferedImage(ICON_SIZE, ICON_SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = icon.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            BufferedImage logo = pngLogo == null ? null : ImageIO.read(new ByteArrayInputStream(pngLogo));
            if (logo != null) {
                double scale = Math.min((double) ICON_SIZE / logo.getWidth(), (double) ICON_SIZE / logo.getHeight());
                int w = Math.max(1, (int) Math.round(logo.getWidth() * scale));
                int h = Math.max(1, (int) Math.round(logo.getHeight() * scale));
                g.drawImage(logo, (ICON_SIZE - w) / 2, (ICON_SIZE - h) / 2, w, h, null);
            } else {
                g.setColor(new Color(Contrast.parse(color(settings))));
                g.fill(new RoundRectangle2D.Double(0, 0, 32, 32, 12, 12));
                g.setColor(Color.WHITE);
                g.fillOval(11, 6, 10, 10);
                Path2D body = new Path2D.Double();
                body.moveTo(6, 27);
                body.curveTo(6, 21, 10.5, 18, 16, 18);
                body.curveTo(21.5, 18, 26, 21, 26, 27);
                body.closePath();
                g.fill(body);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(icon, "png", png);
        return icoContaining(png.toByteArray());
    }

    /** An .ico file holding one PNG image, as every browser since 2010 reads it. */
    private static byte[] icoContaining(byte[] png) {
        ByteBuffer ico = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) 1); // reserved, type icon, one image
        ico.put((byte) ICON_SIZE).put((byte) ICON_SIZE).put((byte) 0).put((byte) 0); // size, no palette
        ico.putShort((short) 1).putShort((short) 32); // colour planes, bits per pixel
        ico.putInt(png.length).putInt(6 + 16);
        ico.put(png);
        return ico.array();
    }
}
