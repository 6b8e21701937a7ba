package dk.tilbudsoversigt.site;

import java.util.List;

import dk.tilbudsoversigt.content.Page;

/** An offer as listings show it; the data-* values let the filter script narrow the list. */
public record OfferCard(Page page, String url, List<Link> targetGroups, List<String> ageBands, String groupValues,
                        String areaValues, String bandValues) {
    public Page.Offer offer() {
        return page.offer();
    }
}
