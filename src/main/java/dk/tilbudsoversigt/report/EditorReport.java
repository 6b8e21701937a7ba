package dk.tilbudsoversigt.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.markdown.RenderedBody;
import dk.tilbudsoversigt.site.Checked;
import dk.tilbudsoversigt.site.Urls;

/** Warnings for editors that never fail a build: texts due for review, hard-to-read texts, tables without a caption. */
public final class EditorReport {
    private EditorReport() {}

    public static void addWarnings(Checked checked, Problems problems) {
        addWarnings(checked, problems, LocalDate.now(ZoneId.of("Europe/Copenhagen")));
    }

    public static void addWarnings(Checked checked, Problems problems, LocalDate today) {
        for (Page page : checked.content().pages()) {
            if (page.details() instanceof Page.Offer offer && offer.reviewBy() != null && offer.reviewBy().isBefore(today)) {
                problems.warning(page.file(), page.lineOf("review_by"), "teksten skulle have været gennemset senest "
                        + offer.reviewBy() + "; læs den igennem, ret det der er forældet, og sæt en ny review_by-dato");
            }
        }
        orphans(checked, problems);
        int ceiling = checked.content().settings().lixMax();
        for (Page page : checked.pages()) {
            RenderedBody body = checked.bodies().get(page.file());
            if (body == null) continue;
            for (var w : body.warnings()) problems.warning(w.file(), w.line(), w.message());
            Lix.Score lix = Lix.ofHtml(body.html());
            if (lix.words() >= 30 && lix.value() > ceiling) {
                problems.warning(page.file(), page.bodyLine(), "teksten er svær at læse: LIX " + lix.value() + " (loftet er " + ceiling
                        + "). Brug kortere sætninger og kortere ord. Længste sætninger: " + lix.longestSentences().stream()
                        .map(s -> "\"" + (s.length() > 120 ? s.substring(0, 117) + "..." : s) + "\"").collect(java.util.stream.Collectors.joining(" og ")));
            }
        }
    }

    /**
     * Target groups with no offer, and pages in sider/ that nothing links to: every other page
     * is listed on its type's overview, but a free page can only be found through links.
     */
    private static void orphans(Checked checked, Problems problems) {
        String base = checked.content().settings().basePath();
        Set<String> linked = new HashSet<>();
        for (Page page : checked.pages()) {
            linked.addAll(page.related());
            RenderedBody body = checked.bodies().get(page.file());
            if (body == null) continue;
            Matcher m = HREF.matcher(body.html());
            while (m.find()) linked.add(m.group(1).replaceAll("#.*", ""));
        }
        Set<String> groupsWithOffers = new HashSet<>();
        for (Page page : checked.pages()) {
            if (page.details() instanceof Page.Offer offer) groupsWithOffers.addAll(offer.targetGroups());
        }
        for (Page page : checked.pages()) {
            if (page.type() == PageType.MAALGRUPPE && !groupsWithOffers.contains(page.slug())) {
                problems.warning(page.file(), 1, "målgruppen har ingen tilbud; tilføj den under target_groups i de tilbud, den passer til");
            }
            if (page.type() == PageType.SIDE && !Urls.FRONT_PAGE_SLUG.equals(page.slug())
                    && !linked.contains(page.key()) && !linked.contains(base + Urls.of(page))) {
                problems.warning(page.file(), 1, "ingen anden side linker hertil, så besøgende kan ikke finde siden; link til den fra en anden side");
            }
        }
    }

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
}
