package dk.tilbudsoversigt.editor;

/** A path, name or file the editor will not touch; the message is for the editor, in Danish. */
public final class RefusedPath extends RuntimeException {
    public RefusedPath(String message) {
        super(message);
    }
}
