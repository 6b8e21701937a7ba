package dk.tilbudsoversigt.search;

import java.util.List;
import java.util.Map;

/**
 * One result the search can return: a page, or one question of a FAQ page (which links to
 * its anchor).
 *
 * @param fields       the text to index by field name ({@link Fields}); absent fields are empty
 * @param text         the plain text that excerpts are cut from
 * @param targetGroups slugs of the offer's target groups (empty for other pages)
 * @param ageMin       null unless an offer
 * @param ageMax       null for "and older" or when not an offer
 * @param referral     null unless an offer
 * @param prior        what the document's BM25 score is multiplied by ({@link SearchDocuments#prior})
 */
public record SearchDocument(String url, String title, String summary, String type, Map<String, String> fields,
                             String text, List<String> targetGroups, Integer ageMin, Integer ageMax, Boolean referral,
                             double prior) {}
