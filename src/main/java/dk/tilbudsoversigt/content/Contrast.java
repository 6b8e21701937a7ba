package dk.tilbudsoversigt.content;

import java.util.Locale;

/** WCAG 2.1 contrast between two sRGB colours written as #rgb or #rrggbb. */
public final class Contrast {
    /** What WCAG 2.1 AA asks of normal text (success criterion 1.4.3). */
    public static final double MINIMUM = 4.5;
    public static final int WHITE = 0xffffff;
    /** The light grey of the theme's boxes and footer (--flade in site.css), where links stand too. */
    public static final int LIGHT_GREY = 0xf2f4f7;

    private Contrast() {}

    /** The colour as 0xrrggbb, or -1 when {@code hex} is not #rgb or #rrggbb. */
    public static int parse(String hex) {
        if (hex == null || !hex.matches("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")) return -1;
        String digits = hex.substring(1);
        if (digits.length() == 3) {
            digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                    + digits.charAt(2) + digits.charAt(2);
        }
        return Integer.parseInt(digits, 16);
    }

    public static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    /** The contrast ratio, from 1 (the same colour) to 21 (black on white). */
    public static double ratio(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** The ratio as WCAG writes it, rounded down so that 4.49 never shows as 4.5: "3,2:1". */
    public static String danish(double ratio) {
        return String.format(Locale.ROOT, "%.1f", Math.floor(ratio * 10) / 10).replace('.', ',') + ":1";
    }

    /** The lower of the ratios against white and against the theme's light grey. */
    public static double againstBackgrounds(int rgb) {
        return Math.min(ratio(rgb, WHITE), ratio(rgb, LIGHT_GREY));
    }

    /** The lightest shade of {@code rgb} (towards black) that reaches the minimum on both backgrounds. */
    public static int darkEnough(int rgb) {
        for (int step = 0; step <= 100; step++) {
            int shade = scale(rgb, 1 - step / 100.0);
            if (againstBackgrounds(shade) >= MINIMUM) return shade;
        }
        return 0;
    }

    private static int scale(int rgb, double factor) {
        int r = (int) Math.round(((rgb >> 16) & 0xff) * factor);
        int g = (int) Math.round(((rgb >> 8) & 0xff) * factor);
        int b = (int) Math.round((rgb & 0xff) * factor);
        return (r << 16) | (g << 8) | b;
    }

    private static double luminance(int rgb) {
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
