package dk.tilbudsoversigt.content;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The status of one item of an action plan, with its Danish label. */
public enum ActionStatus {
    DONE("done", "Afsluttet"),
    IN_PROGRESS("in_progress", "I gang"),
    NOT_STARTED("not_started", "Ikke påbegyndt"),
    POSTPONED("postponed", "Udskudt"),
    CANCELLED("cancelled", "Opgivet");

    private final String key;
    private final String label;

    ActionStatus(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() { return key; }

    public String label() { return label; }

    /** For CSS classes: "in-progress". */
    public String cssName() { return key.replace('_', '-'); }

    public static Optional<ActionStatus> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ActionStatus::key).toList();
    }
}
