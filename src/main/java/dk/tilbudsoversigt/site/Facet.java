package dk.tilbudsoversigt.site;

import java.util.List;

/**
 * One way to narrow the offer overview (an age band, a target group, an area, referral),
 * with its static page and the offers it holds.
 *
 * @param kind  "alder", "maalgruppe", "omraade" or "visitation" (also the query parameter)
 * @param value the value in the query string and in data attributes
 */
public record Facet(String kind, String value, String label, String url, List<OfferCard> offers) {
    public int count() {
        return offers.size();
    }
}
