package dk.tilbudsoversigt.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one content file into a {@link Page}: front matter split off, YAML read, every field checked. */
public final class PageReader {
    private static final List<String> STATUSES = List.of("published", "draft");
    private static final List<String> AUDIENCES = List.of("boern", "voksne", "alle");
    private static final List<String> CONTACT_KEYS = List.of("unit", "name", "phone", "email", "address", "hours", "url");
    private static final List<String> AGE_KEYS = List.of("min", "max");
    private static final List<String> ITEM_KEYS = List.of("nr", "title", "description", "deadline", "status", "note");

    private final SiteSettings settings;

    public PageReader(SiteSettings settings) {
        this.settings = settings;
    }

    /**
     * @param file the path relative to the site folder, '/'-separated, used in messages
     * @return the page, or null when it cannot be read at all (the reason is in {@code problems})
     */
    public Page read(Path path, String file, PageType type, String slug, Problems problems) {
        String text;
        try {
            text = TextFiles.read(path, file);
        } catch (LineException e) {
            problems.error(file, e.line, e.getMessage());
            return null;
        }
        return parse(text, file, type, slug, problems);
    }

    public Page parse(String text, String file, PageType type, String slug, Problems problems) {
        if (text.isBlank()) {
            problems.error(file, 1, "filen er tom; en side begynder med en forside mellem to linjer med ---");
            return null;
        }
        String[] rows = text.split("\n", -1);
        if (!rows[0].strip().equals("---")) {
            problems.error(file, 1, "siden skal begynde med en linje med --- og derefter forsidens nøgler (title:, summary: ...)");
            return null;
        }
        int close = -1;
        for (int i = 1; i < rows.length; i++) {
            String row = rows[i].stripTrailing();
            if (row.equals("---") || row.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            problems.error(file, 1, "forsiden er ikke afsluttet: skriv en linje med --- efter den sidste nøgle");
            return null;
        }
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i < close; i++) {
            if (rows[i].indexOf('\t') >= 0 && rows[i].substring(0, rows[i].length() - rows[i].stripLeading().length()).indexOf('\t') >= 0) {
                problems.error(file, i + 1, "tabulatortegn kan ikke bruges til indrykning i forsiden; brug mellemrum");
                return null;
            }
            yaml.append(rows[i]).append('\n');
        }
        Yaml.Node root;
        try {
            root = Yaml.parse(yaml.toString(), 2);
        } catch (LineException e) {
            problems.error(file, e.line, e.getMessage());
            return null;
        }
        if (root == null) {
            problems.error(file, 1, "forsiden er tom; skriv mindst title:" + (type.summaryRequired() ? " og summary:" : ""));
            return null;
        }
        if (!(root instanceof Yaml.Mapping mapping)) {
            problems.error(file, root.line(), "forsiden skal bestå af nøgler med værdier (title: ...), ikke af "
                    + (root instanceof Yaml.Sequence ? "en liste" : "en enkelt tekst"));
            return null;
        }
        StringBuilder body = new StringBuilder();
        for (int i = close + 1; i < rows.length; i++) {
            body.append(rows[i]);
            if (i < rows.length - 1) body.append('\n');
        }
        Map<String, Integer> lines = FrontMatter.newLines();
        FrontMatter fm = new FrontMatter(mapping, file, "", 1, problems, lines);
        fm.allowOnly(type.allowedKeys(), "for typen " + type.typeName());

        String declaredType = fm.text("type", false, 0, null);
        if (declaredType != null && !declaredType.equals(type.typeName())) {
            problems.error(file, fm.line("type"), "type: '" + declaredType + "' passer ikke til mappen content/"
                    + type.folder() + "/, som giver typen '" + type.typeName() + "'; ret typen eller flyt filen"
                    + PageType.byTypeName(declaredType).map(t -> " til content/" + t.folder() + "/").orElse(""));
        }
        String title = fm.text("title", true, 120, "title: Aflastning i weekenden");
        String status = fm.oneOf("status", false, STATUSES);
        boolean draft = "draft".equals(status);
        String summary = readSummary(fm, type, draft, file, problems);
        LocalDate updated = fm.date("updated", type.updatedRequired());
        List<String> keywords = fm.texts("keywords", false);
        List<String> related = fm.texts("related", false);
        for (int i = 0; i < related.size(); i++) {
            if (!related.get(i).matches("[a-z0-9-]+/[a-z0-9-]+")) {
                problems.error(file, lines.getOrDefault("related." + (i + 1), fm.line("related")), "'related' skal angive sider som mappe/navn, f.eks. tilbud/aflastning, ikke '" + related.get(i) + "'");
            }
        }
        Boolean glossaryLinks = fm.bool("glossary_links", false);

        Page.Details details = switch (type) {
            case TILBUD -> readOffer(fm, file, problems);
            case MAALGRUPPE -> new Page.TargetGroup(fm.texts("synonyms", false));
            case BEGREB -> new Page.Term(fm.texts("synonyms", false));
            case PLAN -> new Page.Plan(fm.text("period", true, 40, "period: 2020-2023"), fm.oneOf("audience", true, AUDIENCES));
            case HANDLEPLAN -> readActionPlan(fm);
            case NYHED -> new Page.News(fm.date("date", true));
            case FAQ, SIDE -> new Page.None();
        };
        return new Page(type, slug, file, title == null ? slug : title, summary, draft, updated, keywords, related,
                glossaryLinks == null || glossaryLinks, details, body.toString(), close + 2, Map.copyOf(lines));
    }

    private static String readSummary(FrontMatter fm, PageType type, boolean draft, String file, Problems problems) {
        String summary = fm.text("summary", type.summaryRequired(), 0, "summary: En eller to sætninger om siden.");
        if (summary != null && summary.length() > 300) {
            String message = "'summary' er " + summary.length() + " tegn; højst 300 er tilladt (en eller to sætninger)";
            if (draft) problems.warning(file, fm.line("summary"), message);
            else problems.error(file, fm.line("summary"), message);
        }
        return summary;
    }

    private Page.Offer readOffer(FrontMatter fm, String file, Problems problems) {
        List<String> targetGroups = fm.texts("target_groups", true);
        Page.AgeRange age = null;
        FrontMatter ageMap = fm.mapping("age", true, "age: {min: 0, max: 17}");
        if (ageMap != null) {
            ageMap.allowOnly(AGE_KEYS, "i 'age'");
            Integer min = ageMap.wholeNumber("min", true, 0, 120);
            Integer max = ageMap.wholeNumber("max", false, 0, 120);
            if (min != null && max != null && min > max) {
                problems.error(file, ageMap.line("max"), "'age.max' (" + max + ") er mindre end 'age.min' (" + min + ")");
            } else if (min != null) {
                age = new Page.AgeRange(min, max);
            }
        }
        Boolean referral = fm.bool("referral_required", true);
        List<String> areas = fm.texts("areas", false);
        for (int i = 0; i < areas.size(); i++) {
            if (!settings.areas().contains(areas.get(i))) {
                problems.error(file, fm.lineOfItem("areas", i + 1), "området '" + areas.get(i) + "' findes ikke i site.areas"
                        + (settings.areas().isEmpty() ? " (site.areas er ikke sat i site.properties)"
                        : "; brug " + String.join(", ", settings.areas()) + "." + Suggestions.didYouMean(areas.get(i), settings.areas())));
            }
        }
        List<String> legalBasis = fm.texts("legal_basis", false);
        String price = fm.text("price", false, 200, null);
        Page.Contact contact = readContact(fm, file, problems);
        LocalDate reviewBy = fm.date("review_by", false);
        return new Page.Offer(targetGroups, age == null ? new Page.AgeRange(0, null) : age, referral != null && referral,
                areas, legalBasis, price, contact, reviewBy);
    }

    private static Page.Contact readContact(FrontMatter fm, String file, Problems problems) {
        FrontMatter c = fm.mapping("contact", true, "contact: {unit: Børn og Familie, phone: 12 34 56 78}");
        if (c == null) return new Page.Contact(null, null, null, null, null, null, null);
        c.allowOnly(CONTACT_KEYS, "i 'contact'");
        String unit = c.text("unit", true, 200, "unit: Børn og Familie");
        String phone = c.text("phone", false, 40, null);
        String email = c.text("email", false, 200, null);
        String url = c.text("url", false, 500, null);
        if (phone == null && email == null && url == null) {
            problems.error(file, fm.line("contact"), "'contact' skal have mindst én af phone, email og url, så familier kan komme i kontakt");
        }
        if (phone != null && !phone.matches("[+0-9 ()-]{3,}")) {
            problems.error(file, c.line("phone"), "'contact.phone' må kun indeholde cifre, mellemrum, + og -, f.eks. 89 15 15 15");
        }
        if (email != null && !email.matches("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+")) {
            problems.error(file, c.line("email"), "'contact.email' er ikke en e-mailadresse: " + email);
        }
        if (url != null && !url.matches("https?://[^\\s<>\"]+")) {
            problems.error(file, c.line("url"), "'contact.url' skal være en hel adresse, der begynder med https://");
        }
        return new Page.Contact(unit, c.text("name", false, 200, null), phone, email,
                c.text("address", false, 300, null), c.text("hours", false, 300, null), url);
    }

    private static Page.ActionPlan readActionPlan(FrontMatter fm) {
        List<Page.ActionItem> items = new ArrayList<>();
        for (FrontMatter item : fm.mappings("items", true, "- {nr: 1, title: ..., status: in_progress}")) {
            item.allowOnly(ITEM_KEYS, "i et punkt i 'items'");
            String nr = item.text("nr", true, 20, "nr: 1");
            String title = item.text("title", true, 300, "title: ...");
            String status = item.oneOf("status", false, ActionStatus.keys());
            items.add(new Page.ActionItem(nr, title, item.text("description", false, 0, null),
                    item.text("deadline", false, 100, null), status == null ? null : ActionStatus.byKey(status).orElseThrow(),
                    item.text("note", false, 0, null)));
        }
        return new Page.ActionPlan(List.copyOf(items));
    }
}
