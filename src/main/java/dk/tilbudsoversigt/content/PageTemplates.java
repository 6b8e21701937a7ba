package dk.tilbudsoversigt.content;

import java.time.LocalDate;
import java.util.List;

/**
 * The example page that {@code new TYPE SLUG} writes: every field of the type filled in and
 * explained in a comment, saved as a draft so that it builds as it is.
 */
public final class PageTemplates {
    private PageTemplates() {}

    /**
     * @param groups slugs of the site's target groups; an offer needs one that exists
     * @param today  the date written as "updated"
     */
    public static String example(PageType type, String slug, List<String> groups, LocalDate today) {
        String title = Character.toUpperCase(slug.charAt(0)) + slug.substring(1).replace('-', ' ');
        StringBuilder s = new StringBuilder("---\n");
        s.append("# Sidens titel: 1-120 tegn. Den er sidens eneste overskrift på niveau 1.\n");
        s.append("title: ").append(title).append('\n');
        if (type.summaryRequired()) {
            s.append("# En eller to korte sætninger (højst 300 tegn). Vises i lister, søgeresultater og hos søgemaskiner.\n");
        } else {
            s.append("# Valgfri: en eller to korte sætninger (højst 300 tegn).\n");
        }
        s.append("summary: Skriv her kort, hvad siden handler om.\n");
        s.append("# draft = kladde, som aldrig bliver udgivet. Skift til published, når siden er færdig.\n");
        s.append("status: draft\n");
        s.append("# Dato for seneste ændring, skrevet ÅÅÅÅ-MM-DD. Vises som \"Sidst opdateret\".\n");
        s.append("updated: ").append(today).append('\n');
        s.append("# Ekstra ord, som søgningen skal finde siden på.\n");
        s.append("keywords: [eksempel]\n");
        s.append("# Andre sider, der vises under \"Se også\", skrevet mappe/filnavn, f.eks. tilbud/aflastning.\n");
        s.append("related: []\n");
        switch (type) {
            case TILBUD -> {
                s.append("# Målgrupper: filnavne (uden .md) på sider i content/maalgrupper/.\n");
                s.append("target_groups: [").append(groups.isEmpty() ? "skriv-en-maalgruppe" : groups.get(0)).append("]\n");
                s.append("# Alder i hele år. Udelad max for \"og derover\".\n");
                s.append("age: {min: 0, max: 17}\n");
                s.append("# true: kræver visitation (en afgørelse fra kommunen). false: alle kan bruge tilbuddet direkte.\n");
                s.append("referral_required: true\n");
                s.append("# Valgfri: områder fra site.areas i site.properties.\n");
                s.append("areas: []\n");
                s.append("# Valgfri: lovgrundlag.\n");
                s.append("legal_basis: [\"Serviceloven § 84, stk. 1\"]\n");
                s.append("# Valgfri: pris som fri tekst.\n");
                s.append("price: Gratis\n");
                s.append("# Kontakt: unit er påkrævet, og mindst én af phone, email og url.\n");
                s.append("contact:\n  unit: Skriv enhedens navn\n  url: https://www.example.dk/\n");
                s.append("# Valgfri: dato, hvor teksten skal gennemses igen. check advarer, når datoen er passeret.\n");
                s.append("review_by: ").append(today.plusYears(1)).append('\n');
            }
            case MAALGRUPPE, BEGREB -> {
                s.append("# Andre ord for det samme, f.eks. forkortelser. Søgningen finder siden på dem.\n");
                s.append("synonyms: []\n");
            }
            case PLAN -> {
                s.append("# Planens periode.\n");
                s.append("period: ").append(today.getYear()).append('-').append(today.getYear() + 3).append('\n');
                s.append("# Hvem planen er for: boern, voksne eller alle.\n");
                s.append("audience: alle\n");
            }
            case HANDLEPLAN -> {
                s.append("# Punkterne: nr og title er påkrævet. status er done, in_progress, not_started, postponed eller cancelled.\n");
                s.append("items:\n");
                s.append("  - nr: 1\n    title: Første punkt\n    description: Hvad punktet går ud på.\n    deadline: \"")
                        .append(today.getYear()).append("\"\n    status: in_progress\n    note: Hvor langt punktet er nået.\n");
            }
            case NYHED -> {
                s.append("# Nyhedens dato, ÅÅÅÅ-MM-DD. Nyheder vises med den nyeste først.\n");
                s.append("date: ").append(today).append('\n');
            }
            case FAQ, SIDE -> { }
        }
        s.append("---\n");
        s.append(switch (type) {
            case FAQ -> "Skriv en kort indledning her.\n\n## Hvad er det første spørgsmål?\n\nSkriv svaret her i to til fire korte sætninger.\n\n"
                    + "## Hvad er det andet spørgsmål?\n\nSkriv svaret her.\n";
            case PLAN -> "Skriv en kort indledning her.\n\n## Første indsatsområde\n\nHvad kommunen vil gøre.\n\n"
                    + "## Andet indsatsområde\n\nHvad kommunen vil gøre.\n";
            case TILBUD -> "## Hvad er tilbuddet?\n\nSkriv kort og klart, hvad tilbuddet er.\n\n## Hvem kan få det?\n\nSkriv, hvem tilbuddet er for.\n\n"
                    + "## Sådan kommer du i gang\n\nSkriv, hvad man skal gøre.\n";
            default -> "Skriv sidens tekst her. Brug ## til overskrifter.\n";
        });
        return s.toString();
    }
}
