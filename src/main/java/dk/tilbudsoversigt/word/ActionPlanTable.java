package dk.tilbudsoversigt.word;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dk.tilbudsoversigt.content.ActionStatus;

/**
 * Recognises an action-plan table (a header row with number, title and status columns, and
 * deadline, description and note where they are) and reads its rows as the items of a
 * {@code handleplan}.
 */
final class ActionPlanTable {
    /** One row; {@code status} is null when its text names no known status. */
    record Item(String nr, String title, String description, String deadline, ActionStatus status, String statusText, String note) {}

    private static final Pattern NR = Pattern.compile("nr\\.?|nummer|#|løbenr\\.?|id");
    private static final Pattern TITLE = Pattern.compile("titel|overskrift|indsats|handling|aktivitet|initiativ|tiltag|emne|mål|punkt|opgave");
    private static final Pattern DEADLINE = Pattern.compile("(tids)?frist|deadline|tidsplan|hvornår|slutdato|dato|tidspunkt|forventet færdig");
    private static final Pattern STATUS = Pattern.compile("status");
    private static final Pattern DESCRIPTION = Pattern.compile("beskrivelse|indhold|uddybning");
    private static final Pattern NOTE = Pattern.compile("bemærkning(er)?|note|kommentar(er)?|opfølgning|status(beskrivelse| uddybet)");

    private ActionPlanTable() {}

    /** The items of the table, or null when its columns are not an action plan's. */
    static List<Item> read(List<List<String>> rows) {
        if (rows.size() < 2) return null;
        List<String> header = rows.get(0);
        int nr = column(header, NR), title = column(header, TITLE), status = column(header, STATUS);
        if (nr < 0 || title < 0 || status < 0) return null;
        int deadline = column(header, DEADLINE), description = column(header, DESCRIPTION), note = column(header, NOTE);
        List<Item> items = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String n = cell(row, nr), t = cell(row, title);
            if (n == null || t == null) continue;
            String s = cell(row, status);
            items.add(new Item(n, t, cell(row, description), cell(row, deadline), status(s), s, note == status ? null : cell(row, note)));
        }
        return items.isEmpty() ? null : items;
    }

    private static int column(List<String> header, Pattern name) {
        for (int i = 0; i < header.size(); i++) {
            if (name.matcher(header.get(i).toLowerCase(Locale.ROOT).strip()).matches()) return i;
        }
        return -1;
    }

    private static String cell(List<String> row, int column) {
        if (column < 0 || column >= row.size()) return null;
        String s = row.get(column).strip();
        return s.isEmpty() ? null : s;
    }

    /** Danish (and the format's own) words for each status. */
    static ActionStatus status(String text) {
        if (text == null) return null;
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-zæøå_ ]", " ").strip();
        for (ActionStatus st : ActionStatus.values()) {
            if (s.equals(st.key()) || s.equals(st.label().toLowerCase(Locale.ROOT))) return st;
        }
        if (s.matches("(afsluttet|færdig|gennemført|udført|løst|ok|implementeret).*")) return ActionStatus.DONE;
        if (s.matches("(i gang|igangsat|påbegyndt|i proces|pågår|igang).*")) return ActionStatus.IN_PROGRESS;
        if (s.matches("(ikke påbegyndt|ikke startet|ikke i gang|planlagt|afventer).*")) return ActionStatus.NOT_STARTED;
        if (s.matches("(udskudt|forsinket|sat i bero).*")) return ActionStatus.POSTPONED;
        if (s.matches("(opgivet|annulleret|droppet|stoppet|aflyst).*")) return ActionStatus.CANCELLED;
        return null;
    }
}
