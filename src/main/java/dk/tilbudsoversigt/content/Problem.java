package dk.tilbudsoversigt.content;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One thing wrong (or worth a look) in a site folder, at a file and line. */
public record Problem(String file, int line, String message, boolean warning) implements Comparable<Problem> {
    private static final int LONGEST_WORD = 200;
    private static final Pattern LONG_WORD = Pattern.compile("\\S{" + (LONGEST_WORD + 1) + ",}");

    /** A value echoed from a page can be huge (a link of 100,000 characters); the message shows its start. */
    public Problem {
        if (message.length() > LONGEST_WORD) {
            message = LONG_WORD.matcher(message).replaceAll(m -> Matcher.quoteReplacement(m.group().substring(0, m.group().offsetByCodePoints(0, LONGEST_WORD / 2)) + "…"));
        }
    }

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
