package dk.tilbudsoversigt.markdown;

/**
 * The part of a body under one {@code ##} heading: an area of effort in a plan, a question
 * and its answer on a FAQ page.
 *
 * @param html the HTML under the heading, without the heading itself
 * @param text the same as plain text
 */
public record Section(String heading, String id, String html, String text) {}
