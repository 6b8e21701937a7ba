package dk.tilbudsoversigt.markdown;

import java.util.List;

/**
 * The headings of a page's body, with the ids they get as anchors.
 *
 * @param readable false when the body was refused before its headings could be read (see
 *                 BodyLimits); links to its anchors are then not checked, the page has its own error
 */
public record Outline(List<Heading> headings, boolean readable) {
    static final Outline UNREADABLE = new Outline(List.of(), false);

    /** The anchors, in order. */
    public List<String> ids() {
        return headings.stream().map(Heading::id).toList();
    }
}
