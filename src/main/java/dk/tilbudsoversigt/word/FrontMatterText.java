package dk.tilbudsoversigt.word;

import java.time.LocalDate;
import java.util.List;

import dk.tilbudsoversigt.content.Content;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Yaml;

/** The front matter of an imported page, in the content format, with comments where the editor must check a value. */
final class FrontMatterText {
    private FrontMatterText() {}

    static String write(PageType type, String title, String summary, boolean shortened, LocalDate today, String period, String audience,
                        List<ActionPlanTable.Item> items, Content content, Report report) {
        StringBuilder s = new StringBuilder("---\n");
        s.append("title: ").append(Yaml.quoted(title)).append('\n');
        if (!summary.isEmpty()) {
            s.append("# TJEK: resuméet er taget fra dokumentets første afsnit").append(shortened ? " og forkortet" : "")
                    .append(". En eller to korte sætninger, højst ").append(WordImport.SUMMARY_MAX).append(" tegn.\n");
            s.append("summary: ").append(Yaml.quoted(summary)).append('\n');
            report.note("Resuméet er taget fra dokumentets første afsnit" + (shortened ? " og forkortet" : "") + ": tjek det");
        } else if (type.summaryRequired()) {
            s.append("summary: ").append(Yaml.quoted("Skriv her kort, hvad siden handler om.")).append('\n');
        }
        s.append("# Importeret fra Word som kladde: skift til published, når siden er tjekket.\n");
        s.append("status: draft\n");
        s.append("updated: ").append(today).append('\n');
        switch (type) {
            case PLAN -> {
                s.append("period: ").append(Yaml.quoted(period)).append('\n');
                s.append("# Hvem planen er for: boern, voksne eller alle.\n");
                s.append("audience: ").append(audience).append('\n');
            }
            case HANDLEPLAN -> {
                s.append("items:\n");
                for (ActionPlanTable.Item item : items == null ? List.<ActionPlanTable.Item>of() : items) {
                    s.append("  - nr: ").append(Yaml.quoted(item.nr())).append('\n');
                    s.append("    title: ").append(Yaml.quoted(WordImport.shorten(item.title(), 300))).append('\n');
                    if (item.description() != null) s.append("    description: ").append(Yaml.quoted(item.description())).append('\n');
                    if (item.deadline() != null) s.append("    deadline: ").append(Yaml.quoted(WordImport.shorten(item.deadline(), 100))).append('\n');
                    if (item.status() != null) s.append("    status: ").append(item.status().key()).append('\n');
                    String note = item.note();
                    if (item.status() == null && item.statusText() != null) note = (note == null ? "" : note + " ") + "Status i Word: " + item.statusText();
                    if (note != null) s.append("    note: ").append(Yaml.quoted(note)).append('\n');
                }
            }
            case TILBUD, MAALGRUPPE, BEGREB, NYHED -> {
                List<String> groups = content.ofType(PageType.MAALGRUPPE).stream().map(Page::slug).sorted().toList();
                s.append(WordImport.templateFields(type, "side", groups, today));
                if (type == PageType.TILBUD) {
                    report.note("Tilbuddets målgrupper, alder, visitation og kontakt er eksempler fra skabelonen: ret dem");
                }
            }
            case FAQ, SIDE -> { }
        }
        s.append("---\n");
        return s.toString();
    }
}
