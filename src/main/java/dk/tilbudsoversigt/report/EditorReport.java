package dk.tilbudsoversigt.report;

import java.time.LocalDate;
import java.time.ZoneId;

import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.site.Checked;

/** Warnings for editors that never fail a build: texts due for review. */
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
    }
}
