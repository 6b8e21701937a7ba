package dk.tilbudsoversigt.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Slugs of files and heading anchors: lowercase a-z, 0-9 and '-', Danish letters spelt out. */
public final class Slugs {
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {}

    public static boolean isValid(String slug) {
        return VALID.matcher(slug).matches();
    }

    /** "Søskende Gruppe" → "soeskende-gruppe". */
    public static String slugify(String text) {
        String s = text.toLowerCase(Locale.ROOT)
                .replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s;
    }
}
