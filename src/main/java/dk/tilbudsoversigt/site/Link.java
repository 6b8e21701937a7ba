package dk.tilbudsoversigt.site;

/** A title and where it leads (a URL path including the site's base path). */
public record Link(String title, String url) {}
