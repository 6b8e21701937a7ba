package dk.tilbudsoversigt.editor;

/**
 * A save refused because the file changed on disk since it was opened (another editor, a text
 * editor, a git pull). It carries what is on disk now, so both versions can be shown.
 */
public final class Conflict extends Exception {
    private final String path;
    private final String textOnDisk;
    private final String versionOnDisk;

    Conflict(String path, String textOnDisk) {
        super(textOnDisk == null
                ? path + " er blevet slettet, siden du åbnede den"
                : path + " er blevet ændret, siden du åbnede den; vælg hvilken udgave der skal gemmes");
        this.path = path;
        this.textOnDisk = textOnDisk;
        this.versionOnDisk = textOnDisk == null ? null : SiteFiles.version(textOnDisk);
    }

    public String path() {
        return path;
    }

    /** The text on disk now, or null when the file is gone. */
    public String textOnDisk() {
        return textOnDisk;
    }

    /** The version of {@link #textOnDisk()}, to save over it on purpose; null when the file is gone. */
    public String versionOnDisk() {
        return versionOnDisk;
    }
}
