package dk.tilbudsoversigt.markdown;

import org.jsoup.Jsoup;

/**
 * The part of a body under one {@code ##} heading: an area of effort in a plan, a question
 * and its answer on a FAQ page.
 *
 * @param html the HTML under the heading, without the heading itself
 */
public record Section(String heading, String id, String html) {

    /**
     * The HTML as plain text. Worked out when asked (only a FAQ page's answers are: the search's
     * questions and the page's structured data), not for every section of every page.
     */
    public String text() {
        return Jsoup.parseBodyFragment(html).text();
    }
}
