package dk.tilbudsoversigt.content;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The eight kinds of page; a page's kind is given by its top-level folder under content/. */
public enum PageType {
    TILBUD("tilbud", "tilbud", "Tilbud", "Tilbud",
            List.of("target_groups", "age", "referral_required", "areas", "legal_basis", "price", "contact", "review_by")),
    MAALGRUPPE("maalgrupper", "maalgruppe", "Målgruppe", "Målgrupper", List.of("synonyms")),
    PLAN("planer", "plan", "Plan", "Planer", List.of("period", "audience")),
    HANDLEPLAN("handleplaner", "handleplan", "Handleplan", "Handleplaner", List.of("items")),
    FAQ("faq", "faq", "Spørgsmål og svar", "Spørgsmål og svar", List.of()),
    BEGREB("begreber", "begreb", "Begreb", "Begreber", List.of("synonyms")),
    NYHED("nyheder", "nyhed", "Nyhed", "Nyheder", List.of("date")),
    SIDE("sider", "side", "Side", "Sider", List.of());

    /** Keys that every type accepts. */
    public static final List<String> COMMON_KEYS =
            List.of("title", "summary", "status", "updated", "keywords", "related", "type", "glossary_links");

    private final String folder;
    private final String typeName;
    private final String label;
    private final String pluralLabel;
    private final List<String> ownKeys;

    PageType(String folder, String typeName, String label, String pluralLabel, List<String> ownKeys) {
        this.folder = folder;
        this.typeName = typeName;
        this.label = label;
        this.pluralLabel = pluralLabel;
        this.ownKeys = ownKeys;
    }

    /** The folder under content/ and the first segment of the page's URL. */
    public String folder() { return folder; }

    /** The value of {@code type:} in front matter, e.g. "maalgruppe". */
    public String typeName() { return typeName; }

    /** Danish name of one such page, e.g. "Målgruppe". */
    public String label() { return label; }

    public String pluralLabel() { return pluralLabel; }

    public Set<String> allowedKeys() {
        Set<String> keys = new TreeSet<>(COMMON_KEYS);
        keys.addAll(ownKeys);
        return keys;
    }

    public boolean summaryRequired() { return this != SIDE; }

    public boolean updatedRequired() { return this == TILBUD || this == HANDLEPLAN; }

    public static Optional<PageType> byFolder(String folder) {
        return Arrays.stream(values()).filter(t -> t.folder.equals(folder)).findFirst();
    }

    public static Optional<PageType> byTypeName(String name) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(name)).findFirst();
    }

    public static List<String> folders() {
        return Arrays.stream(values()).map(PageType::folder).toList();
    }

    public static List<String> typeNames() {
        return Arrays.stream(values()).map(PageType::typeName).toList();
    }
}
