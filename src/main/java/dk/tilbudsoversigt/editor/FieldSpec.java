package dk.tilbudsoversigt.editor;

import java.util.ArrayList;
import java.util.List;

import dk.tilbudsoversigt.content.PageType;

/**
 * One control of the page form: which front-matter key it edits, how, its Danish label and
 * where the editor guide explains it. The rules themselves are checked by the content package
 * (PageReader, SiteValidator); {@code max} only drives the counter shown while typing.
 */
record FieldSpec(String key, Kind kind, String label, boolean required, int max, String hint, String guide) {

    enum Kind {
        TEXT, TEXTAREA, DATE, STATUS, YES_NO, ON_OFF, AUDIENCE,
        /** checkboxes: the site's target groups */
        TARGET_GROUPS,
        /** checkboxes: site.areas */
        AREAS,
        AGE, CONTACT,
        /** a list of short texts */
        TEXTS,
        /** a list of other pages, picked by title */
        PAGES,
        /** an action plan's items */
        ITEMS
    }

    static final String COMMON = "felter-som-alle-sider-kan-have";

    /** The contact block's sub-fields: key, label, longest length. */
    static final List<String[]> CONTACT = List.of(
            new String[] {"unit", "Enhed (påkrævet)", "200"},
            new String[] {"name", "Kontaktperson", "200"},
            new String[] {"phone", "Telefon", "40"},
            new String[] {"email", "E-mail", "200"},
            new String[] {"address", "Adresse", "300"},
            new String[] {"hours", "Åbningstid", "300"},
            new String[] {"url", "Hjemmeside (https://…)", "500"});

    /** An action-plan item's fields. */
    static final List<String> ITEM_KEYS = List.of("nr", "title", "description", "deadline", "status", "note");

    /** The body's own guide section. */
    static final String BODY_GUIDE = "broedtekst";

    static List<FieldSpec> of(PageType type) {
        List<FieldSpec> f = new ArrayList<>();
        f.add(new FieldSpec("title", Kind.TEXT, "Titel", true, 120, "Sidens overskrift, 1–120 tegn.", COMMON));
        f.add(new FieldSpec("summary", Kind.TEXTAREA, "Resumé", type.summaryRequired(), 300,
                "En eller to almindelige sætninger. Vises i lister og søgeresultater.", COMMON));
        f.add(new FieldSpec("status", Kind.STATUS, "Status", false, 0, "En kladde kommer aldrig med på det offentlige site.", "kladder"));
        f.add(new FieldSpec("updated", Kind.DATE, "Sidst opdateret", type.updatedRequired(), 0, "Vises som \"Sidst opdateret\".", COMMON));
        switch (type) {
            case TILBUD -> {
                String g = "tilbud-tilbud";
                f.add(new FieldSpec("target_groups", Kind.TARGET_GROUPS, "Målgrupper", true, 0, "Vælg mindst én.", g));
                f.add(new FieldSpec("age", Kind.AGE, "Alder", true, 0, "Hele år fra 0 til 120. Lad \"til\" stå tom for \"og derover\".", g));
                f.add(new FieldSpec("referral_required", Kind.YES_NO, "Kræver visitation", true, 0,
                        "Ja, hvis kommunen først skal træffe en afgørelse.", g));
                f.add(new FieldSpec("areas", Kind.AREAS, "Områder", false, 0, "De kommunale områder, der driver eller deler tilbuddet.", g));
                f.add(new FieldSpec("contact", Kind.CONTACT, "Kontakt", true, 0, "Enhed, og mindst én af telefon, e-mail og hjemmeside.", g));
                f.add(new FieldSpec("legal_basis", Kind.TEXTS, "Lovgrundlag", false, 0, "F.eks. Serviceloven § 84, stk. 1.", g));
                f.add(new FieldSpec("price", Kind.TEXT, "Pris", false, 200, "Med dine egne ord, f.eks. Gratis.", g));
                f.add(new FieldSpec("review_by", Kind.DATE, "Gennemses senest", false, 0, "Du får en advarsel, når datoen er passeret.", g));
            }
            case MAALGRUPPE -> f.add(new FieldSpec("synonyms", Kind.TEXTS, "Andre ord for gruppen", false, 0, "F.eks. ASF.", "maalgruppe-maalgruppe"));
            case BEGREB -> f.add(new FieldSpec("synonyms", Kind.TEXTS, "Synonymer", false, 0, "Andre ord for begrebet.", "begreb-begreb"));
            case PLAN -> {
                f.add(new FieldSpec("period", Kind.TEXT, "Periode", true, 40, "F.eks. 2020-2023.", "plan-plan"));
                f.add(new FieldSpec("audience", Kind.AUDIENCE, "Målgruppe for planen", true, 0, "", "plan-plan"));
            }
            case HANDLEPLAN -> f.add(new FieldSpec("items", Kind.ITEMS, "Punkter", true, 0,
                    "Hvert punkt har et nummer og en titel; status vises som Afsluttet, I gang osv.", "handleplan-handleplan"));
            case NYHED -> f.add(new FieldSpec("date", Kind.DATE, "Dato", true, 0, "Nyheder vises med den nyeste først.", "nyhed-nyhed"));
            case FAQ, SIDE -> { }
        }
        f.add(new FieldSpec("keywords", Kind.TEXTS, "Søgeord", false, 0, "Ekstra ord, som søgningen skal finde siden på.", COMMON));
        f.add(new FieldSpec("related", Kind.PAGES, "Se også", false, 0, "Andre sider, vist under \"Se også\".", COMMON));
        f.add(new FieldSpec("glossary_links", Kind.ON_OFF, "Automatiske links til begreber", false, 0,
                "Slå fra, hvis siden ikke skal have links til ordlisten.", "automatiske-links-til-begreber"));
        return f;
    }

    /** The form control's id; a sub-field is "contact-phone". */
    String id() {
        return "felt-" + key.replace('_', '-');
    }
}
