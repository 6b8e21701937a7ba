package dk.tilbudsoversigt.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks what involves more than one page: URLs, related pages, target groups. */
public final class SiteValidator {
    /** First URL segments the site itself uses; a page in sider/ may not take them. */
    public static final Set<String> RESERVED = new TreeSet<>(List.of("soeg", "was", "css", "js", "filer", "404"));

    private SiteValidator() {}

    /** A page's key as 'related' names it: folder/slug. */
    private static final java.util.regex.Pattern PAGE_KEY = java.util.regex.Pattern.compile("[a-z0-9-]+/[a-z0-9-]+");

    public static void validate(Content content, boolean includeDrafts, Problems problems) {
        checkUrls(content, problems);
        Map<String, Page> byKey = new HashMap<>();
        for (Page p : content.pages()) byKey.putIfAbsent(p.key(), p);
        List<String> groupSlugs = content.ofType(PageType.MAALGRUPPE).stream().map(Page::slug).sorted().toList();
        for (Page page : content.pages()) {
            for (int i = 0; i < page.related().size(); i++) {
                String key = page.related().get(i);
                if (!PAGE_KEY.matcher(key).matches()) continue;
                Page target = byKey.get(key);
                if (target != null && (!target.draft() || page.draft() || includeDrafts)) continue;
                int line = page.lineOf("related." + (i + 1));
                if (target == null) {
                    problems.error(page.file(), line, "'related' nævner '" + key + "', men den side findes ikke."
                            + Suggestions.didYouMean(key, byKey.keySet()));
                } else if (target.draft() && !page.draft() && !includeDrafts) {
                    problems.warning(page.file(), line, "'related' nævner '" + key + "', som er en kladde; den vises ikke under 'Se også'");
                }
            }
            if (page.details() instanceof Page.Offer offer) {
                for (int i = 0; i < offer.targetGroups().size(); i++) {
                    String slug = offer.targetGroups().get(i);
                    Page group = byKey.get(PageType.MAALGRUPPE.folder() + "/" + slug);
                    if (group != null && (!group.draft() || page.draft() || includeDrafts)) continue;
                    int line = page.lineOf("target_groups." + (i + 1));
                    if (group == null) {
                        problems.error(page.file(), line, "målgruppen '" + slug + "' findes ikke i content/maalgrupper/."
                                + Suggestions.didYouMean(slug, groupSlugs)
                                + (groupSlugs.isEmpty() ? "" : " Målgrupper: " + String.join(", ", groupSlugs)));
                    } else if (group.draft() && !page.draft() && !includeDrafts) {
                        problems.warning(page.file(), line, "målgruppen '" + slug + "' er en kladde; tilbuddet vises ikke under den");
                    }
                }
            }
        }
    }

    private static void checkUrls(Content content, Problems problems) {
        Map<String, Page> byUrl = new HashMap<>();
        for (Page page : content.pages()) {
            String url = urlKey(page);
            if (page.type() == PageType.SIDE && (PageType.folders().contains(page.slug()) || RESERVED.contains(page.slug()))) {
                problems.error(page.file(), 1, "siden ville ligge på /" + page.slug() + "/, som sitet selv bruger; giv filen et andet navn");
                continue;
            }
            Page other = byUrl.putIfAbsent(url, page);
            if (other != null) {
                problems.error(page.file(), 1, "to sider ville ligge på samme adresse /" + url + "/: " + other.file()
                        + " og " + page.file() + "; giv den ene et andet filnavn");
            }
        }
    }

    private static String urlKey(Page page) {
        return page.type() == PageType.SIDE ? page.slug() : page.key();
    }
}
