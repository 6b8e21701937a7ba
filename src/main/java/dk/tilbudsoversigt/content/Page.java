package dk.tilbudsoversigt.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One content file, its front matter read into typed fields.
 *
 * @param file      path relative to the site folder, with '/' separators
 * @param markdown  the body after the front matter
 * @param bodyLine  the file line on which the body starts
 * @param lines     the line of each front-matter key ("related", "related.2", "contact.phone", ...)
 */
public record Page(PageType type, String slug, String file, String title, String summary, boolean draft,
                   LocalDate updated, List<String> keywords, List<String> related, boolean glossaryLinks,
                   Details details, String markdown, int bodyLine, Map<String, Integer> lines) {

    /** What only one type of page has. */
    public sealed interface Details permits Offer, TargetGroup, Plan, ActionPlan, Term, News, None {}

    public record Offer(List<String> targetGroups, AgeRange age, boolean referralRequired, List<String> areas,
                        List<String> legalBasis, String price, Contact contact, LocalDate reviewBy) implements Details {}

    public record TargetGroup(List<String> synonyms) implements Details {}

    public record Plan(String period, String audience) implements Details {}

    public record ActionPlan(List<ActionItem> items) implements Details {}

    public record Term(List<String> synonyms) implements Details {}

    public record News(LocalDate date) implements Details {}

    public record None() implements Details {}

    /** Whole years; {@code max} is null for "and older". */
    public record AgeRange(int min, Integer max) {
        public boolean overlaps(int from, Integer to) {
            int thisMax = max == null ? Integer.MAX_VALUE : max;
            int otherMax = to == null ? Integer.MAX_VALUE : to;
            return min <= otherMax && from <= thisMax;
        }

        /** "0–17 år", "18 år og derover". */
        public String label() {
            return max == null ? min + " år og derover" : min + "–" + max + " år";
        }
    }

    public record Contact(String unit, String name, String phone, String email, String address, String hours,
                          String url) {}

    public record ActionItem(String nr, String title, String description, String deadline, ActionStatus status,
                             String note) {}

    /** "folder/slug", the form {@code related:} uses. */
    public String key() {
        return type.folder() + "/" + slug;
    }

    public int lineOf(String key) {
        return lines.getOrDefault(key, 1);
    }

    public Offer offer() { return (Offer) details; }

    public List<String> synonyms() {
        if (details instanceof TargetGroup g) return g.synonyms();
        if (details instanceof Term t) return t.synonyms();
        return List.of();
    }
}
