package dk.tilbudsoversigt.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Slugs of files and heading anchors: lowercase a-z, 0-9 and '-', Danish letters spelt out. */
public final class Slugs {
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGES = Pattern.compile("^-+|-+$");

    private Slugs() {}

    public static boolean isValid(String slug) {
        return VALID.matcher(slug).matches();
    }

    /** "Søskende Gruppe" → "soeskende-gruppe". */
    public static String slugify(String text) {
        String s = text.toLowerCase(Locale.ROOT)
                .replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        if (!s.chars().allMatch(c -> c < 128)) s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return EDGES.matcher(OTHER.matcher(s).replaceAll("-")).replaceAll("");
    }
}
