package dk.tilbudsoversigt.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.Problem;

/**
 * Where the form shows each of a page's problems: beside the field its message names or whose
 * line it is on, beside the body with the body's own line number, or above the form.
 */
final class Placement {
    private static final Pattern NAMED_KEY = Pattern.compile("'([a-z_]+)[.'\\s:]");
    private static final Pattern TOP_KEY = Pattern.compile("^([a-z_]+)\\s*:");

    /** A problem placed: field key ("" above the form, "body" for the body) and, for the body, its line there. */
    record Placed(String field, int bodyLine, Problem problem) {}

    private Placement() {}

    static List<Placed> of(List<Problem> problems, Page page, String text, Set<String> fields) {
        String[] rows = text.split("\n", -1);
        int bodyStart = page != null ? page.bodyLine() : bodyStart(rows);
        Map<Integer, String> keyAt = new LinkedHashMap<>();
        for (int i = 1; i < Math.min(rows.length, bodyStart - 1); i++) {
            Matcher m = TOP_KEY.matcher(rows[i]);
            if (m.find()) keyAt.put(i + 1, m.group(1));
        }
        List<Placed> out = new ArrayList<>();
        for (Problem p : problems) {
            if (bodyStart > 0 && p.line() >= bodyStart) {
                out.add(new Placed("body", p.line() - bodyStart + 1, p));
                continue;
            }
            Matcher named = NAMED_KEY.matcher(p.message() + " ");
            String field = named.find() && fields.contains(named.group(1)) ? named.group(1) : null;
            if (field == null && p.line() > 1) {
                String last = null;
                for (Map.Entry<Integer, String> e : keyAt.entrySet()) if (e.getKey() <= p.line()) last = e.getValue();
                if (last != null && fields.contains(last)) field = last;
            }
            out.add(new Placed(field == null ? "" : field, 0, p));
        }
        return out;
    }

    /** The first body line of a page whose front matter could not be read: after the second "---", or 0. */
    private static int bodyStart(String[] rows) {
        if (rows.length == 0 || !rows[0].strip().equals("---")) return 0;
        for (int i = 1; i < rows.length; i++) {
            String r = rows[i].stripTrailing();
            if (r.equals("---") || r.equals("...")) return i + 2;
        }
        return 0;
    }
}
