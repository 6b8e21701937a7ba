package dk.tilbudsoversigt.report;

import java.time.LocalDate;
import java.time.ZoneId;

import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.markdown.RenderedBody;
import dk.tilbudsoversigt.site.Checked;

/** Warnings for editors that never fail a build: texts due for review, hard-to-read texts. */
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
        int ceiling = checked.content().settings().lixMax();
        for (Page page : checked.pages()) {
            RenderedBody body = checked.bodies().get(page.file());
            if (body == null) continue;
            Lix.Score lix = Lix.ofHtml(body.html());
            if (lix.words() >= 30 && lix.value() > ceiling) {
                problems.warning(page.file(), page.bodyLine(), "teksten er svær at læse: LIX " + lix.value() + " (loftet er " + ceiling
                        + "). Brug kortere sætninger og kortere ord. Længste sætninger: " + lix.longestSentences().stream()
                        .map(s -> "\"" + (s.length() > 120 ? s.substring(0, 117) + "..." : s) + "\"").collect(java.util.stream.Collectors.joining(" og ")));
            }
        }
    }
}
