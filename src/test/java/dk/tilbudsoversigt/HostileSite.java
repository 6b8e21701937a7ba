package dk.tilbudsoversigt;

import java.nio.file.Path;
import java.util.List;

/**
 * A valid site whose every editor-written text carries markup, script, quotes, template
 * syntax and a javascript: URL: in titles, summaries, keywords, synonyms, contact fields,
 * action-plan items, headings and body text, and in site.properties. Every text must come
 * out as the same text, escaped, wherever it is shown.
 */
public final class HostileSite {
    public static final String BASE = "/handicap";

    public static final String OWNER = "Kommune </script><b id=\"ejer\">&amp;";
    public static final String OFFER_TITLE = "Aflastning </script><script>alert(1)</script> {{7*7}}";
    public static final String OFFER_SUMMARY = "\"'><img src=x id=\"resume\" onerror=alert(2)> ${7*7} javascript:alert(3) ]]> <!--";
    public static final String KEYWORD = "<b id=\"noegle\">ord</b> </script> ${7*7}";
    public static final String GROUP_TITLE = "Autisme \"'><svg id=\"gruppe\" onload=alert(4)>";
    public static final String UNIT = "Børn & Familie <a href=\"javascript:alert(5)\" id=\"enhed\">her</a>";
    public static final String FAQ_TITLE = "Borgerguide <iframe id=\"faq\" src=javascript:alert(6)>";
    public static final String QUESTION = "Hvad med <script>alert(7)</script> og {{7*7}}?";
    public static final String NEWS_TITLE = "Nyhed ]]><script>alert(8)</script><!-- ${7*7}";
    public static final String ITEM_TITLE = "Punkt <img src=x id=\"punkt\" onerror=alert(9)>";
    public static final String BODY_TEXT = "Brødtekst med <b id=\"broed\">fed</b>, ${7*7} og {{7*7}}.";

    /** What no built file may contain as it stands: markup that would become an element or end a script. */
    public static final List<String> RAW_MARKUP = List.of("<script>alert", "<img src=x", "<svg id", "<b id=\"noegle\"",
            "<b id=\"ejer\"", "<b id=\"broed\"", "<iframe", "<a href=\"javascript:");

    /** The ids the payloads would create if any of them became an element. */
    public static final List<String> INJECTED_IDS = List.of("ejer", "resume", "noegle", "gruppe", "enhed", "faq", "punkt", "broed");

    private HostileSite() {}

    /** A YAML double-quoted scalar holding {@code text} exactly. */
    private static String q(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code text} as Markdown that shows it literally: no raw HTML, no emphasis. */
    private static String md(String text) {
        return text.replace("\\", "\\\\").replace("<", "\\<").replace("*", "\\*").replace("[", "\\[").replace("`", "\\`");
    }

    /** Writes the site into {@code folder} and returns the folder. */
    public static Path write(Path folder) {
        TestSites.write(folder, TestSites.PROPERTIES_FILE, TestSites.PROPERTIES.replace("Randers Kommune", OWNER));
        TestSites.write(folder, TestSites.GROUP_FILE, "---\ntitle: " + q(GROUP_TITLE) + "\nsummary: " + q(OFFER_SUMMARY)
                + "\nsynonyms: [" + q(KEYWORD) + "]\n---\n\n" + md(BODY_TEXT) + "\n");
        TestSites.write(folder, TestSites.OFFER_FILE, """
                ---
                title: %s
                summary: %s
                updated: 2024-05-01
                keywords: [%s]
                target_groups: [autisme]
                age: {min: 0, max: 17}
                referral_required: true
                areas: [social]
                legal_basis: [%s]
                price: %s
                contact:
                  unit: %s
                  name: %s
                  phone: 89 15 15 15
                  address: %s
                  hours: %s
                related: [faq/hjaelp]
                ---

                %s

                ## %s

                Se [spørgsmålene](../faq/hjaelp.md).
                """.formatted(q(OFFER_TITLE), q(OFFER_SUMMARY), q(KEYWORD), q(KEYWORD), q(BODY_TEXT), q(UNIT), q(KEYWORD),
                q(BODY_TEXT), q(KEYWORD), md(BODY_TEXT), md(QUESTION)));
        TestSites.write(folder, TestSites.FAQ_FILE, "---\ntitle: " + q(FAQ_TITLE) + "\nsummary: " + q(OFFER_SUMMARY)
                + "\n---\n\n## " + md(QUESTION) + "\n\n" + md(BODY_TEXT) + "\n\n## Hvem kan jeg kontakte?\n\nRing til os.\n");
        TestSites.write(folder, TestSites.NEWS_FILE, "---\ntitle: " + q(NEWS_TITLE) + "\nsummary: " + q(OFFER_SUMMARY)
                + "\ndate: 2024-04-01\n---\n\n" + md(BODY_TEXT) + "\n");
        TestSites.write(folder, TestSites.ACTION_PLAN_FILE, "---\ntitle: Handleplan\nsummary: " + q(OFFER_SUMMARY)
                + "\nupdated: 2024-05-01\nitems:\n  - nr: " + q("1<b>") + "\n    title: " + q(ITEM_TITLE) + "\n    description: "
                + q(BODY_TEXT) + "\n    deadline: " + q(KEYWORD) + "\n    status: done\n    note: " + q(OFFER_SUMMARY) + "\n---\n\nTekst.\n");
        TestSites.write(folder, TestSites.PLAN_FILE, "---\ntitle: " + q(OFFER_TITLE) + "\nsummary: " + q(OFFER_SUMMARY)
                + "\nperiod: " + q("2020-2023 <b>") + "\naudience: alle\n---\n\n## " + md(QUESTION) + "\n\n" + md(BODY_TEXT) + "\n");
        TestSites.write(folder, TestSites.SIDE_FILE, "---\ntitle: " + q(OFFER_TITLE) + "\nkeywords: [" + q(KEYWORD) + "]\n---\n\n"
                + md(BODY_TEXT) + "\n");
        TestSites.write(folder, TestSites.TERM_FILE, "---\ntitle: Visitation\nsummary: " + q(OFFER_SUMMARY)
                + "\nsynonyms: [" + q(KEYWORD) + "]\n---\n\n" + md(BODY_TEXT) + "\n");
        return folder;
    }
}
