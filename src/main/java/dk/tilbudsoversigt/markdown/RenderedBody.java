package dk.tilbudsoversigt.markdown;

import java.util.List;

/**
 * A page body as HTML, with what listings, tables of contents and search need from it.
 *
 * @param intro    the HTML before the first {@code ##} heading
 * @param sections one per {@code ##} heading
 * @param text     the whole body as plain text
 */
public record RenderedBody(String html, List<Heading> headings, String intro, List<Section> sections, String text) {
    public static final RenderedBody EMPTY = new RenderedBody("", List.of(), "", List.of(), "");
}
