package dk.tilbudsoversigt.word;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Moves headings to the page's depth: the document's top level becomes {@code topLevel} (##
 * under a page title) and no level is skipped, as the content format requires. Word's
 * "Overskrift 1" is h1 on the clipboard, but a page has one h1, its title.
 */
final class HeadingLevels {
    private HeadingLevels() {}

    static void apply(Element body, int topLevel, Report report) {
        Elements headings = body.select("h1, h2, h3, h4, h5, h6");
        if (headings.isEmpty()) return;
        int top = 6;
        for (Element h : headings) top = Math.min(top, level(h));
        int previous = topLevel - 1;
        int skipped = 0;
        for (Element h : headings) {
            int wanted = Math.min(6, level(h) - top + topLevel);
            int level = Math.min(wanted, previous + 1);
            if (level < wanted) skipped++;
            h.tagName("h" + level);
            previous = level;
        }
        if (top != topLevel) {
            report.note("Overskrifterne er rykket, så dokumentets øverste niveau bliver " + "#".repeat(topLevel) + " på siden");
        }
        if (skipped > 0) {
            report.count("overskrift rykket op, så intet niveau springes over", "overskrifter rykket op, så intet niveau springes over");
            for (int i = 1; i < skipped; i++) {
                report.count("overskrift rykket op, så intet niveau springes over", "overskrifter rykket op, så intet niveau springes over");
            }
        }
    }

    private static int level(Element h) {
        return h.normalName().charAt(1) - '0';
    }
}
