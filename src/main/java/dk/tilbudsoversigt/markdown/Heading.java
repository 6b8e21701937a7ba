package dk.tilbudsoversigt.markdown;

/** A heading of a page body with its stable anchor id. */
public record Heading(int level, String text, String id, int line) {}
