package dk.tilbudsoversigt.search;

import java.util.List;

/** The indexed fields and their weights, the boosts of BM25 per field. */
public enum Fields {
    TITLE("title", 6f),
    KEYWORDS("keywords", 2f),
    GROUPS("groups", 2f),
    HEADINGS("headings", 2f),
    SUMMARY("summary", 2f),
    BODY("body", 1f);

    public static final List<Fields> ALL = List.of(values());

    private final String field;
    private final float weight;

    Fields(String field, float weight) {
        this.field = field;
        this.weight = weight;
    }

    public String field() {
        return field;
    }

    public float weight() {
        return weight;
    }
}
