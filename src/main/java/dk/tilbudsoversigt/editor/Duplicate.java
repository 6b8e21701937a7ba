package dk.tilbudsoversigt.editor;

import java.io.IOException;

/** A copy of a page under a new address, beside the original, as a draft so the same text is not published twice. */
public final class Duplicate {
    private Duplicate() {}

    /** Writes the copy and returns its path. */
    public static String page(SiteFiles files, String from, String newSlug) throws IOException, Conflict {
        var type = PagePaths.type(from);
        PagePaths.requireValidSlug(newSlug);
        PagePaths.requireFreeSlug(files, type, newSlug, null);
        String text = files.read(from);
        String copy = PageText.parse(text).withField("status", "draft").text();
        String rel = PagePaths.folder(from) + "/" + newSlug + ".md";
        files.write(rel, copy, null);
        return rel;
    }
}
