package dk.tilbudsoversigt.content;

/** Something in a file that makes it unusable, with the line where it is. */
public final class LineException extends Exception {
    public final int line;

    public LineException(String message, int line) {
        super(message);
        this.line = line;
    }
}
