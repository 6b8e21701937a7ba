package dk.tilbudsoversigt.content;

/** One thing wrong (or worth a look) in a site folder, at a file and line. */
public record Problem(String file, int line, String message, boolean warning) implements Comparable<Problem> {

    public static Problem error(String file, int line, String message) {
        return new Problem(file, line, message, false);
    }

    public static Problem warning(String file, int line, String message) {
        return new Problem(file, line, message, true);
    }

    /** The form editors and scripts read: {@code path:line: message}. */
    @Override
    public String toString() {
        return file + ":" + Math.max(line, 1) + ": " + (warning ? "advarsel: " : "") + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
