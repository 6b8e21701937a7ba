package dk.tilbudsoversigt.markdown;

import java.util.List;

import dk.tilbudsoversigt.content.Problem;

/**
 * A page body as HTML, with what listings, tables of contents and search need from it.
 *
 * @param intro        the HTML before the first {@code ##} heading
 * @param sections     one per {@code ##} heading
 * @param text         the whole body as plain text
 * @param frameOrigins the origins of the video players the body may frame, sorted: its page's
 *                     Content-Security-Policy lets frames in from these and nowhere else
 * @param warnings     what {@code check} tells the editor about the body (a build does not)
 */
public record RenderedBody(String html, List<Heading> headings, String intro, List<Section> sections, String text,
                           List<String> frameOrigins, List<Problem> warnings) {
    public static final RenderedBody EMPTY = new RenderedBody("", List.of(), "", List.of(), "", List.of(), List.of());
}
