package dk.tilbudsoversigt.site;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dk.tilbudsoversigt.content.ActionStatus;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.SiteSettings;
import dk.tilbudsoversigt.markdown.RenderedBody;

/** Turns checked content into the files of the site: URLs, listings, facets, feed and sitemap. */
public final class SiteModel {
    private static final Collator DANISH = Collator.getInstance(Locale.forLanguageTag("da-DK"));
    private static final Comparator<Page> BY_TITLE = (a, b) -> {
        int c = DANISH.compare(a.title(), b.title());
        return c != 0 ? c : a.key().compareTo(b.key());
    };

    private final Checked checked;
    private final SiteSettings settings;
    private final String base;
    private final Map<String, Page> byKey = new HashMap<>();
    private final List<OfferCard> offers;
    private final List<Facet> ageFacets;
    private final List<Facet> groupFacets;
    private final List<Facet> areaFacets;
    private final List<Facet> referralFacets;

    public SiteModel(Checked checked) {
        this.checked = checked;
        this.settings = checked.content().settings();
        this.base = settings.basePath();
        for (Page p : checked.pages()) byKey.put(p.key(), p);
        this.offers = pagesOf(PageType.TILBUD).stream().map(this::card).toList();
        this.ageFacets = ageFacets();
        this.groupFacets = groupFacets();
        this.areaFacets = areaFacets();
        this.referralFacets = referralFacets();
    }

    public List<RenderJob> jobs() {
        List<RenderJob> jobs = new ArrayList<>();
        for (Page page : checked.pages()) {
            if (page.type() == PageType.SIDE && Urls.FRONT_PAGE_SLUG.equals(page.slug())) continue;
            jobs.add(pageJob(page));
        }
        jobs.add(frontPage());
        jobs.addAll(offerOverviews());
        for (PageType type : List.of(PageType.MAALGRUPPE, PageType.PLAN, PageType.HANDLEPLAN, PageType.FAQ, PageType.NYHED)) {
            if (type == PageType.HANDLEPLAN && pagesOf(type).isEmpty()) continue; // not in the menu: no empty page
            if (type == PageType.NYHED) {
                jobs.add(listJob(type, newsNewestFirst()));
            } else {
                jobs.add(listJob(type, pagesOf(type)));
            }
        }
        jobs.add(glossaryIndex());
        Map<String, Object> search = model("Søg", List.of(home()));
        search.put("groups", groupFacets);
        jobs.add(new RenderJob("soeg.ftlh", "/soeg/", search));
        jobs.add(new RenderJob("was.ftlh", "/was/", model("Tilgængelighedserklæring", List.of(home()))));
        jobs.add(new RenderJob("404.ftlh", "/404.html", model("Siden findes ikke", List.of(home()))));
        Map<String, Object> feed = model("Nyheder", List.of());
        feed.put("news", newsNewestFirst());
        jobs.add(new RenderJob("feed.ftlx", "/nyheder/feed.xml", feed));
        Map<String, Object> sitemap = model("Sitemap", List.of());
        sitemap.put("urls", jobs.stream().map(RenderJob::path).filter(p -> p.endsWith("/")).sorted().toList());
        jobs.add(new RenderJob("sitemap.ftlx", "/sitemap.xml", sitemap));
        jobs.add(new RenderJob("robots.ftl", "/robots.txt", model("robots", List.of())));
        return jobs;
    }

    /** The pages of a type that this build writes (drafts too, with --drafts), by title. */
    private List<Page> pagesOf(PageType type) {
        return checked.pages().stream().filter(p -> p.type() == type).sorted(BY_TITLE).toList();
    }

    private List<Page> newsNewestFirst() {
        return checked.pages().stream().filter(p -> p.type() == PageType.NYHED)
                .sorted(Comparator.comparing((Page p) -> ((Page.News) p.details()).date()).reversed().thenComparing(Page::key))
                .toList();
    }

    private Link home() {
        return new Link("Forside", base + "/");
    }

    private Link link(Page page) {
        return new Link(page.title(), base + Urls.of(page));
    }

    private OfferCard card(Page page) {
        Page.Offer offer = page.offer();
        List<Link> groups = offer.targetGroups().stream().map(s -> byKey.get("maalgrupper/" + s))
                .filter(g -> g != null).map(this::link).toList();
        List<String> bands = settings.ageGroups().stream()
                .filter(b -> offer.age().overlaps(b.min(), b.max())).map(SiteSettings.AgeBand::slug).toList();
        return new OfferCard(page, base + Urls.of(page), groups, bands,
                String.join(" ", offer.targetGroups()), String.join(" ", offer.areas()), String.join(" ", bands));
    }

    private Map<String, Object> model(String title, List<Link> crumbs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("headTitle", title + " – " + settings.owner());
        m.put("crumbs", crumbs);
        m.put("description", settings.title());
        return m;
    }

    private RenderJob pageJob(Page page) {
        List<Link> crumbs = new ArrayList<>();
        crumbs.add(home());
        if (page.type() != PageType.SIDE) {
            crumbs.add(new Link(page.type().pluralLabel(), base + Urls.overview(page.type())));
        }
        Map<String, Object> m = model(page.title(), crumbs);
        m.put("headTitle", page.title() + " – " + (page.type() == PageType.SIDE ? "" : page.type().label() + " – ") + settings.owner());
        if (page.summary() != null) m.put("description", page.summary());
        m.put("page", page);
        RenderedBody body = checked.bodies().getOrDefault(page.file(), RenderedBody.EMPTY);
        m.put("body", body);
        m.put("related", page.related().stream().map(byKey::get).filter(p -> p != null).map(this::link).toList());
        switch (page.type()) {
            case TILBUD -> m.put("card", card(page));
            case MAALGRUPPE -> m.put("offers", offers.stream()
                    .filter(o -> o.offer().targetGroups().contains(page.slug())).toList());
            case HANDLEPLAN -> m.put("statusCounts", statusCounts((Page.ActionPlan) page.details()));
            case FAQ -> m.put("jsonLd", JsonLd.faq(body));
            default -> { }
        }
        if (page.type() == PageType.TILBUD) m.put("jsonLd", JsonLd.offer(page, settings));
        return new RenderJob(page.type().typeName() + ".ftlh", Urls.of(page), m);
    }

    /** How many items of an action plan are in each status, for the bar at the top of the page. */
    public record StatusCount(ActionStatus status, int count, int percent) {}

    static List<StatusCount> statusCounts(Page.ActionPlan plan) {
        int total = plan.items().size();
        List<StatusCount> out = new ArrayList<>();
        for (ActionStatus s : ActionStatus.values()) {
            int n = (int) plan.items().stream().filter(i -> i.status() == s).count();
            if (n > 0) out.add(new StatusCount(s, n, total == 0 ? 0 : Math.round(100f * n / total)));
        }
        return out;
    }

    private RenderJob frontPage() {
        Map<String, Object> m = model(settings.title(), List.of());
        m.put("headTitle", settings.title() + " – " + settings.owner());
        checked.pages().stream().filter(p -> p.type() == PageType.SIDE && Urls.FRONT_PAGE_SLUG.equals(p.slug()))
                .findFirst().ifPresent(p -> {
                    m.put("page", p);
                    m.put("body", checked.bodies().getOrDefault(p.file(), RenderedBody.EMPTY));
                    if (p.summary() != null) m.put("description", p.summary());
                });
        m.put("ageFacets", ageFacets);
        m.put("groupFacets", groupFacets);
        m.put("faqs", pagesOf(PageType.FAQ).stream().map(this::link).toList());
        m.put("plans", pagesOf(PageType.PLAN).stream().map(this::link).toList());
        m.put("actionPlans", pagesOf(PageType.HANDLEPLAN).stream().map(this::link).toList());
        m.put("news", newsNewestFirst().stream().limit(3).toList());
        m.put("offerCount", offers.size());
        return new RenderJob("forside.ftlh", "/", m);
    }

    private List<Facet> ageFacets() {
        return settings.ageGroups().stream().map(b -> new Facet("alder", b.slug(), b.label(), base + Urls.ageBand(b.slug()),
                offers.stream().filter(o -> o.ageBands().contains(b.slug())).toList())).toList();
    }

    private List<Facet> groupFacets() {
        return pagesOf(PageType.MAALGRUPPE).stream().map(g -> new Facet("maalgruppe", g.slug(), g.title(),
                base + Urls.targetGroup(g.slug()),
                offers.stream().filter(o -> o.offer().targetGroups().contains(g.slug())).toList())).toList();
    }

    private List<Facet> areaFacets() {
        return settings.areas().stream().map(a -> new Facet("omraade", a, Labels.area(a), base + Urls.area(a),
                offers.stream().filter(o -> o.offer().areas().contains(a)).toList())).toList();
    }

    private List<Facet> referralFacets() {
        return List.of(
                new Facet("visitation", "nej", "Uden visitation", base + Urls.referral(false),
                        offers.stream().filter(o -> !o.offer().referralRequired()).toList()),
                new Facet("visitation", "ja", "Kræver visitation", base + Urls.referral(true),
                        offers.stream().filter(o -> o.offer().referralRequired()).toList()));
    }

    private List<RenderJob> offerOverviews() {
        List<RenderJob> jobs = new ArrayList<>();
        List<Link> crumbs = List.of(home());
        Map<String, Object> all = model("Alle tilbud", crumbs);
        all.put("headTitle", "Alle tilbud – Tilbud – " + settings.owner());
        all.put("offers", offers);
        all.put("ageFacets", ageFacets);
        all.put("groupFacets", groupFacets);
        all.put("areaFacets", areaFacets.stream().filter(f -> f.count() > 0).toList());
        all.put("referralFacets", referralFacets);
        jobs.add(new RenderJob("tilbudsoversigt.ftlh", "/tilbud/", all));
        List<Link> offerCrumbs = List.of(home(), new Link("Tilbud", base + "/tilbud/"));
        List<Facet> facets = new ArrayList<>(ageFacets);
        facets.addAll(areaFacets);
        facets.addAll(referralFacets);
        for (Facet f : facets) {
            String heading = switch (f.kind()) {
                case "alder" -> "Tilbud for " + f.label();
                case "omraade" -> "Tilbud inden for " + f.label().toLowerCase(Locale.ROOT);
                default -> "Tilbud " + f.label().toLowerCase(Locale.ROOT);
            };
            Map<String, Object> m = model(heading, offerCrumbs);
            m.put("headTitle", heading + " – Tilbud – " + settings.owner());
            m.put("facet", f);
            m.put("offers", f.offers());
            jobs.add(new RenderJob("tilbudsliste.ftlh", f.url().substring(base.length()), m));
        }
        return jobs;
    }

    private RenderJob listJob(PageType type, List<Page> pages) {
        Map<String, Object> m = model(type.pluralLabel(), List.of(home()));
        m.put("headTitle", type.pluralLabel() + " – " + settings.owner());
        m.put("pages", pages);
        m.put("pageType", type);
        return new RenderJob(type == PageType.NYHED ? "nyheder.ftlh" : "liste.ftlh", Urls.overview(type), m);
    }

    private RenderJob glossaryIndex() {
        Map<String, List<Page>> letters = new TreeMap<>(DANISH);
        for (Page term : pagesOf(PageType.BEGREB)) {
            String first = Character.toString(term.title().codePointAt(0)).toUpperCase(Locale.forLanguageTag("da-DK"));
            if (term.title().toLowerCase(Locale.ROOT).startsWith("aa")) first = "Å";
            letters.computeIfAbsent(first, k -> new ArrayList<>()).add(term);
        }
        Map<String, Object> m = model("Begreber A–Å", List.of(home()));
        m.put("headTitle", "Begreber A–Å – " + settings.owner());
        Set<String> ids = new HashSet<>();
        m.put("letters", letters.entrySet().stream().map(e -> new Letter(e.getKey(), letterId(e.getKey(), ids), e.getValue()))
                .collect(Collectors.toList()));
        return new RenderJob("begreber.ftlh", "/begreber/", m);
    }

    /** A letter of the A–Å glossary and its terms. */
    public record Letter(String letter, String id, List<Page> terms) {}

    /** A unique anchor for a letter: Ω and Ж both slugify to nothing, Æ and Ä both to "ae". */
    private static String letterId(String letter, Set<String> used) {
        String slug = dk.tilbudsoversigt.content.Slugs.slugify(letter);
        if (slug.isEmpty()) slug = "u" + letter.codePoints().mapToObj(Integer::toHexString).collect(Collectors.joining("-"));
        String id = "bogstav-" + slug;
        for (int n = 2; !used.add(id); n++) id = "bogstav-" + slug + "-" + n;
        return id;
    }

    /** Dates as Danish readers and as machines read them; used from the templates. */
    public static final class Dates {
        private static final String[] MONTHS = {"januar", "februar", "marts", "april", "maj", "juni", "juli",
                "august", "september", "oktober", "november", "december"};

        public String danish(LocalDate date) {
            return date == null ? "" : date.getDayOfMonth() + ". " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
        }

        public String iso(LocalDate date) {
            return date == null ? "" : date.toString();
        }
    }
}
