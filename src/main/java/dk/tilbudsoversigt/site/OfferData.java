package dk.tilbudsoversigt.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every offer in one compact file, for the filters of a paginated {@code /tilbud/}: the script
 * fetches it once per page view (under a fixed URL, to be revalidated like the HTML) and narrows
 * all offers without them all being in the page. One array per offer, in the overview's order:
 * {@code [slug, title, summary, age label, referral "ja"/"nej", age bands, target groups, areas]},
 * the last three space-separated as in the cards' data attributes (assets/js/filtre.js reads it).
 */
public final class OfferData {
    /** Below the base path. */
    public static final String PATH = "/tilbud/tilbud.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OfferData() {}

    static String json(List<OfferCard> offers) {
        List<List<String>> rows = new ArrayList<>(offers.size());
        for (OfferCard o : offers) {
            rows.add(List.of(o.page().slug(), o.page().title(), o.page().summary() == null ? "" : o.page().summary(),
                    o.offer().age().label(), o.offer().referralRequired() ? "ja" : "nej",
                    o.bandValues(), o.groupValues(), o.areaValues()));
        }
        try {
            // no text can close a script element or start markup, should the file ever be inlined
            return JSON.writeValueAsString(Map.of("offers", rows)).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
