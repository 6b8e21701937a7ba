package dk.tilbudsoversigt.content;

import java.util.List;

/**
 * The settings of site.properties.
 *
 * @param url      absolute URL of the published site without a trailing slash ("" when unset)
 * @param basePath the path part of {@code url} without a trailing slash: "" or e.g. "/handicap"
 * @param logo     the logo's path below assets/, e.g. "billeder/logo.svg" (null when unset)
 * @param color    the header and link colour as #rrggbb (null: the theme's own)
 */
public record SiteSettings(String title, String owner, String url, String basePath, String language,
                           List<String> areas, List<AgeBand> ageGroups, String contactPhone, String contactEmail,
                           String contactAddress, String contactUrl, String accessibilityStatement, int lixMax,
                           String logo, String logoAlt, String color) {

    /** One age band for browsing, e.g. "6-12" or "65-" (open-ended). */
    public record AgeBand(String slug, int min, Integer max) {
        public String label() {
            return max == null ? min + " år og derover" : min + "–" + max + " år";
        }
    }

    public boolean hasContact() {
        return contactPhone != null || contactEmail != null || contactAddress != null || contactUrl != null;
    }
}
