package dk.tilbudsoversigt.site;

import java.util.Map;

/**
 * One file of the built site: which template renders it, where it goes and what it shows.
 *
 * @param path  the URL path below the base path, e.g. "/tilbud/" or "/sitemap.xml"
 * @param model what the template sees (besides the shared "site" model)
 */
public record RenderJob(String template, String path, Map<String, Object> model) {}
