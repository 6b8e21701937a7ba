package dk.tilbudsoversigt.site;

import java.util.Map;

/** Danish display names of values that editors write as plain slugs. */
public final class Labels {
    private static final Map<String, String> AREAS = Map.ofEntries(
            Map.entry("social", "Social"), Map.entry("sundhed", "Sundhed"), Map.entry("skole", "Skole"),
            Map.entry("dagtilbud", "Dagtilbud"), Map.entry("familie", "Familie"), Map.entry("omsorg", "Omsorg"),
            Map.entry("kultur", "Kultur"), Map.entry("fritid", "Fritid"), Map.entry("beskaeftigelse", "Beskæftigelse"));
    private static final Map<String, String> AUDIENCES = Map.of("boern", "Børn", "voksne", "Voksne", "alle", "Alle");

    private Labels() {}

    public static String area(String area) {
        String known = AREAS.get(area);
        if (known != null) return known;
        String spelt = area.replace("ae", "æ").replace("oe", "ø").replace("aa", "å").replace('-', ' ');
        return Character.toUpperCase(spelt.charAt(0)) + spelt.substring(1);
    }

    public static String audience(String audience) {
        return AUDIENCES.getOrDefault(audience, audience);
    }

    /** The same labels as methods, for the templates. */
    public static final class ForTemplates {
        public String area(String area) {
            return Labels.area(area);
        }

        public String audience(String audience) {
            return Labels.audience(audience);
        }
    }
}
