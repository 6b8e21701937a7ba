package dk.tilbudsoversigt.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads site.properties (UTF-8, key=value), reporting problems with their line. */
public final class SettingsReader {
    public static final String FILE = "site.properties";
    static final String DEFAULT_AGE_GROUPS = "0-5, 6-12, 13-17, 18-64, 65-";
    static final Set<String> KEYS = new TreeSet<>(List.of("site.title", "site.owner", "site.url", "site.language",
            "site.areas", "site.age_groups", "site.contact.phone", "site.contact.email", "site.contact.address",
            "site.contact.url", "site.accessibility_statement", "site.lix_max", "site.logo", "site.logo.alt", "site.color"));

    private SettingsReader() {}

    /** Returns the settings, or null when they have errors (which are then in {@code problems}). */
    public static SiteSettings read(Path siteFolder, Problems problems) {
        Path file = siteFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            problems.error(FILE, 1, "filen mangler: et site skal have en site.properties med mindst site.title og site.owner");
            return null;
        }
        String text;
        try {
            text = TextFiles.read(file, FILE);
        } catch (LineException e) {
            problems.error(FILE, e.line, e.getMessage());
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] rows = text.split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            int line = i + 1;
            if (row.isEmpty() || row.startsWith("#") || row.startsWith("!")) continue;
            int eq = indexOfSeparator(row);
            if (eq < 0) {
                problems.error(FILE, line, "linjen skal have formen nøgle=værdi");
                continue;
            }
            String key = row.substring(0, eq).strip();
            String value = row.substring(eq + 1).strip();
            if (!KEYS.contains(key)) {
                problems.warning(FILE, line, "ukendt nøgle '" + key + "' bliver ikke brugt."
                        + Suggestions.didYouMean(key, KEYS));
                continue;
            }
            if (values.containsKey(key)) {
                problems.error(FILE, line, "nøglen '" + key + "' står to gange (også i linje " + lines.get(key) + ")");
                continue;
            }
            values.put(key, value);
            lines.put(key, line);
        }
        boolean ok = true;
        for (String required : List.of("site.title", "site.owner")) {
            if (values.getOrDefault(required, "").isEmpty()) {
                problems.error(FILE, lines.getOrDefault(required, 1), "'" + required + "' skal udfyldes");
                ok = false;
            }
        }
        String url = values.getOrDefault("site.url", "").replaceAll("/+$", "");
        String basePath = "";
        if (!url.isEmpty()) {
            try {
                URI uri = new URI(url);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new URISyntaxException(url, "not http");
                }
                basePath = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            } catch (URISyntaxException e) {
                problems.error(FILE, lines.get("site.url"),
                        "'site.url' skal være en hel adresse som https://www.example.dk/handicap");
                ok = false;
            }
        }
        List<SiteSettings.AgeBand> bands = new ArrayList<>();
        String ageGroups = values.getOrDefault("site.age_groups", DEFAULT_AGE_GROUPS);
        for (String band : list(ageGroups)) {
            SiteSettings.AgeBand parsed = parseBand(band);
            if (parsed == null) {
                problems.error(FILE, lines.getOrDefault("site.age_groups", 1), "aldersgruppen '" + band
                        + "' skal skrives som fra-til (f.eks. 6-12) eller fra- (f.eks. 65-) med hele år fra 0 til 120");
                ok = false;
            } else {
                bands.add(parsed);
            }
        }
        int lixMax = 45;
        if (values.containsKey("site.lix_max")) {
            try {
                lixMax = Integer.parseInt(values.get("site.lix_max"));
            } catch (NumberFormatException e) {
                problems.error(FILE, lines.get("site.lix_max"), "'site.lix_max' skal være et helt tal, f.eks. 45");
                ok = false;
            }
        }
        String statement = blankToNull(values.get("site.accessibility_statement"));
        if (statement != null && !statement.matches("https?://\\S+")) {
            problems.error(FILE, lines.get("site.accessibility_statement"),
                    "'site.accessibility_statement' skal være en hel adresse, f.eks. https://was.digst.dk/...");
            ok = false;
        }
        for (String area : list(values.getOrDefault("site.areas", ""))) {
            if (!Slugs.isValid(area)) {
                // an area is a folder of the built site (/tilbud/omraade/<area>/): '..' or '/' would write outside it
                problems.error(FILE, lines.get("site.areas"), "området '" + area + "' i site.areas må kun have små bogstaver a-z,"
                        + " tal og bindestreg; brug '" + Slugs.slugify(area) + "'");
                ok = false;
            }
        }
        String contactUrl = blankToNull(values.get("site.contact.url"));
        if (contactUrl != null && !contactUrl.matches("https?://[^\\s<>\"]+")) {
            problems.error(FILE, lines.get("site.contact.url"), "'site.contact.url' skal være en hel adresse, der begynder med https://");
            ok = false;
        }
        String logo = logo(siteFolder, values, lines, problems);
        if (logo == null && values.containsKey("site.logo")) ok = false;
        String color = color(values, lines, problems);
        if (color == null && values.containsKey("site.color")) ok = false;
        if (!ok) return null;
        return new SiteSettings(values.get("site.title"), values.get("site.owner"), url, basePath,
                values.getOrDefault("site.language", "da"), list(values.getOrDefault("site.areas", "")), bands,
                blankToNull(values.get("site.contact.phone")), blankToNull(values.get("site.contact.email")),
                blankToNull(values.get("site.contact.address")), blankToNull(values.get("site.contact.url")),
                statement, lixMax, logo, blankToNull(values.get("site.logo.alt")), color);
    }

    /** The logo's path below assets/, or null (an error when site.logo is set but wrong). */
    private static String logo(Path siteFolder, Map<String, String> values, Map<String, Integer> lines, Problems problems) {
        String value = blankToNull(values.get("site.logo"));
        String alt = blankToNull(values.get("site.logo.alt"));
        if (value == null) {
            if (alt != null) problems.warning(FILE, lines.get("site.logo.alt"), "'site.logo.alt' bliver ikke brugt, når 'site.logo' ikke er udfyldt");
            return null;
        }
        int line = lines.get("site.logo");
        String path = value.replace('\\', '/');
        if (!path.startsWith("assets/") || path.contains("..") || path.contains("//")
                || !path.toLowerCase(Locale.ROOT).matches(".*\\.(svg|png)")) {
            problems.error(FILE, line, "'site.logo' skal være en SVG- eller PNG-fil i mappen assets, f.eks. assets/billeder/logo.svg");
            return null;
        }
        if (!Files.isRegularFile(siteFolder.resolve(path))) {
            problems.error(FILE, line, "logoet '" + path + "' findes ikke; læg filen i mappen assets, eller ret navnet");
            return null;
        }
        if (alt == null) {
            problems.error(FILE, line, "logoet skal have en tekst til skærmlæsere: skriv 'site.logo.alt=' med det, logoet viser,"
                    + " f.eks. site.logo.alt=" + values.getOrDefault("site.owner", "Eksempel Kommune"));
            return null;
        }
        return path.substring("assets/".length());
    }

    /**
     * The colour as #rrggbb, or null (an error when site.color is set but wrong). White text stands on
     * it in the header, and it is the link colour on white and on the light grey of boxes and footer.
     */
    private static String color(Map<String, String> values, Map<String, Integer> lines, Problems problems) {
        String value = blankToNull(values.get("site.color"));
        if (value == null) return null;
        int line = lines.get("site.color");
        int rgb = Contrast.parse(value);
        if (rgb < 0) {
            problems.error(FILE, line, "'site.color' skal være en farve skrevet som #rrggbb, f.eks. #0b4f8a");
            return null;
        }
        double ratio = Contrast.againstBackgrounds(rgb);
        if (ratio < Contrast.MINIMUM) {
            problems.error(FILE, line, "farven " + value + " giver kun " + Contrast.danish(ratio)
                    + " i kontrast (til den hvide tekst i toppen og som linkfarve på hvid og lysegrå baggrund);"
                    + " der skal mindst være 4,5:1."
                    + " Brug en mørkere farve, f.eks. " + Contrast.hex(Contrast.darkEnough(rgb)));
            return null;
        }
        return Contrast.hex(rgb);
    }

    private static int indexOfSeparator(String row) {
        int eq = row.indexOf('=');
        int colon = row.indexOf(':');
        if (eq < 0) return colon;
        if (colon < 0) return eq;
        return Math.min(eq, colon);
    }

    static SiteSettings.AgeBand parseBand(String band) {
        if (!band.matches("\\d{1,3}-(\\d{1,3})?")) return null;
        String[] parts = band.split("-", -1);
        int min = Integer.parseInt(parts[0]);
        Integer max = parts[1].isEmpty() ? null : Integer.valueOf(parts[1]);
        if (min > 120 || (max != null && (max > 120 || max < min))) return null;
        return new SiteSettings.AgeBand(band, min, max);
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
