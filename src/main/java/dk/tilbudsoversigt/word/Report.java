package dk.tilbudsoversigt.word;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a paste or an import changed or dropped, counted while it happens and told in Danish
 * at the end ("3 tomme afsnit fjernet"). Lines come in the order their kind first occurred.
 */
final class Report {
    /** A kind of change: its Danish wording for one and for several, and the things it names. */
    private static final class Count {
        final String one;
        final String many;
        int n;
        final List<String> names = new ArrayList<>();

        Count(String one, String many) {
            this.one = one;
            this.many = many;
        }
    }

    private static final int NAMES_SHOWN = 5;

    private final Map<String, Count> counts = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** Counts one more of a kind; {@code one}/{@code many} follow the number, e.g. "tomt afsnit fjernet". */
    void count(String one, String many) {
        counts.computeIfAbsent(one, k -> new Count(one, many)).n++;
    }

    /** Counts one more of a kind and names it ("1 billede udeladt: Kort over byen"). */
    void count(String one, String many, String name) {
        Count c = counts.computeIfAbsent(one, k -> new Count(one, many));
        c.n++;
        c.names.add(shorten(name));
    }

    /** A line of its own, said once. */
    void note(String line) {
        if (!notes.contains(line)) notes.add(line);
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Count c : counts.values()) {
            StringBuilder s = new StringBuilder().append(c.n).append(' ').append(c.n == 1 ? c.one : c.many);
            if (!c.names.isEmpty()) {
                s.append(": ").append(String.join("; ", c.names.subList(0, Math.min(NAMES_SHOWN, c.names.size()))));
                if (c.names.size() > NAMES_SHOWN) s.append(" og ").append(c.names.size() - NAMES_SHOWN).append(" flere");
            }
            out.add(s.toString());
        }
        out.addAll(notes);
        return out;
    }

    static String shorten(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 60 ? t : t.substring(0, t.lastIndexOf(' ', 58) > 20 ? t.lastIndexOf(' ', 58) : 58) + " …";
    }
}
