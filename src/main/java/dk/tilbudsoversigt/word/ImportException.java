package dk.tilbudsoversigt.word;

/** A .docx that cannot be imported; the message is Danish and meant for the editor as it is. */
public final class ImportException extends Exception {
    public ImportException(String message) {
        super(message);
    }
}
