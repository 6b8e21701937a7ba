package dk.tilbudsoversigt.editor;

import java.time.Instant;

/**
 * A file in the site's trash folder.
 *
 * @param id   what {@link SiteFiles#restore} takes
 * @param path where the file came from, relative to the site folder
 * @param when when it was moved to the trash
 */
public record Trashed(String id, String path, Instant when) {}
