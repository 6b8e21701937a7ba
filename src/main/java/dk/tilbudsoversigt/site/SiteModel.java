package dk.tilbudsoversigt.site;

import java.text.CollationKey;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dk.tilbudsoversigt.content.ActionStatus;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.SiteSettings;
import dk.tilbudsoversigt.markdown.RenderedBody;

/**
 * Turns checked content into the files of the site: URLs, listings, facets, feed and sitemap.
 * A model built with the previous build's model reuses its unchanged offer cards and title
 * sort keys, so that an incremental rebuild finds unchanged listings equal at once.
 */
public final class SiteModel {
    private static final Collator DANISH = Collator.getInstance(Locale.forLanguageTag("da-DK"));

    private final Checked checked;
    private final SiteSettings settings;
    private final String base;
    /** Until the lists are worked out (then let go, so that a preview's models do not hold on to each other). */
    private SiteModel previous;
    private final Map<String, Page> byKey = new HashMap<>();
    private final Map<String, Page> byFile = new HashMap<>();
    private Lists lists;
    private Map<String, List<String>> relatedBy;

    /**
     * Everything that needs all pages in order: worked out when first needed, so that the
     * preview writes a saved page's own file before it sorts 10,000 offers.
     */
    private final class Lists {
        final Map<String, CollationKey> titleKeys = new HashMap<>();
        final List<Page> sorted;
        final Map<PageType, List<Page>> byType = new EnumMap<>(PageType.class);
        final Map<String, OfferCard> cards = new HashMap<>();
        final Map<String, List<OfferCard>> offersByGroup = new HashMap<>();
        final List<OfferCard> offers;
        final List<Facet> ageFacets;
        final List<Facet> groupFacets;
        final List<Facet> areaFacets;
        final List<Facet> referralFacets;
        /** The offers file's text, for overviews in pages; null for a shorter list. */
        final String offerJson;

        Lists(Lists before) {
            this.sorted = sortedByTitle(checked.pages(), before, titleKeys);
            for (PageType type : PageType.values()) byType.put(type, new ArrayList<>());
            for (Page p : sorted) byType.get(p.type()).add(p);
            byType.replaceAll((type, pages) -> List.copyOf(pages));
            this.offers = byType.get(PageType.TILBUD).stream().map(p -> card(p, before)).toList();
            for (OfferCard card : offers) {
                cards.put(card.page().file(), card);
                for (String group : new LinkedHashSet<>(card.offer().targetGroups())) offersByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(card);
            }
            this.ageFacets = facets("alder", settings.ageGroups().stream().map(SiteSettings.AgeBand::slug).toList(), OfferCard::ageBands);
            this.groupFacets = groupFacets();
            this.areaFacets = facets("omraade", settings.areas(), o -> o.offer().areas());
            this.referralFacets = referralFacets();
            this.offerJson = Pager.count(offers.size()) > 1 ? offerJson(before) : null;
        }

        /** The offers file's text; after an earlier build with the very same offer cards, its text. */
        private String offerJson(Lists before) {
            boolean same = before != null && before.offerJson != null && before.offers.size() == offers.size();
            for (int i = 0; same && i < offers.size(); i++) same = before.offers.get(i) == offers.get(i);
            return same ? before.offerJson : OfferData.json(offers);
        }

        /** One facet per value, each with the offers that have it, in one pass over the offers. */
        private List<Facet> facets(String kind, List<String> values, java.util.function.Function<OfferCard, List<String>> of) {
            Map<String, List<OfferCard>> byValue = new HashMap<>();
            for (String v : values) byValue.put(v, new ArrayList<>());
            for (OfferCard o : offers) {
                List<String> own = of.apply(o);
                for (int i = 0; i < own.size(); i++) {
                    List<OfferCard> list = byValue.get(own.get(i));
                    if (list != null && own.indexOf(own.get(i)) == i) list.add(o); // once, however often it is named
                }
            }
            List<Facet> out = new ArrayList<>();
            for (String v : values) {
                switch (kind) {
                    case "alder" -> settings.ageGroups().stream().filter(b -> b.slug().equals(v)).findFirst().ifPresent(b ->
                            out.add(new Facet(kind, v, b.label(), base + Urls.ageBand(v), List.copyOf(byValue.get(v)))));
                    default -> out.add(new Facet(kind, v, Labels.area(v), base + Urls.area(v), List.copyOf(byValue.get(v))));
                }
            }
            return List.copyOf(out);
        }

        private List<Facet> groupFacets() {
            return byType.get(PageType.MAALGRUPPE).stream().map(g -> new Facet("maalgruppe", g.slug(), g.title(),
                    base + Urls.targetGroup(g.slug()), offersIn(g.slug()))).toList();
        }

        /** The offers of a target group, by title. */
        List<OfferCard> offersIn(String group) {
            return List.copyOf(offersByGroup.getOrDefault(group, List.of()));
        }

        private List<Facet> referralFacets() {
            List<OfferCard> without = new ArrayList<>();
            List<OfferCard> with = new ArrayList<>();
            for (OfferCard o : offers) (o.offer().referralRequired() ? with : without).add(o);
            return List.of(new Facet("visitation", "nej", "Uden visitation", base + Urls.referral(false), List.copyOf(without)),
                    new Facet("visitation", "ja", "Kræver visitation", base + Urls.referral(true), List.copyOf(with)));
        }
    }

    public SiteModel(Checked checked) {
        this(checked, null);
    }

    /** @param previous the model of the previous build of the same site, or null */
    public SiteModel(Checked checked, SiteModel previous) {
        this.checked = checked;
        this.settings = checked.content().settings();
        this.base = settings.basePath();
        this.previous = previous != null && previous.settings.equals(settings) ? previous : null;
        for (Page p : checked.pages()) {
            byKey.put(p.key(), p);
            byFile.put(p.file(), p);
        }
    }

    private Lists lists() {
        if (lists == null) {
            lists = new Lists(previous == null ? null : previous.lists);
            previous = null;
        }
        return lists;
    }

    /** Every file of the site. */
    public List<RenderJob> jobs() {
        List<RenderJob> jobs = new ArrayList<>();
        for (Page page : checked.pages()) {
            if (hasOwnFile(page)) jobs.add(pageJob(page));
        }
        jobs.addAll(listingJobs());
        return jobs;
    }

    /** The own file of the page in this content file, or null when the page is not in the build or has none. */
    public RenderJob pageJob(String file) {
        Page page = byFile.get(file);
        return page != null && hasOwnFile(page) ? pageJob(page) : null;
    }

    /** The files that are no single page's own: front page, overviews, facet pages, glossary, feed, sitemap, ... */
    public List<RenderJob> listingJobs() {
        List<RenderJob> jobs = new ArrayList<>();
        jobs.add(frontPage());
        jobs.addAll(offerOverviews());
        jobs.addAll(targetGroupPages());
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
        search.put("groups", lists().groupFacets);
        search.put("ownSearchField", true);
        jobs.add(new RenderJob("soeg.ftlh", "/soeg/", search));
        jobs.add(new RenderJob("was.ftlh", "/was/", model("Tilgængelighedserklæring", List.of(home()))));
        jobs.add(new RenderJob("404.ftlh", "/404.html", model("Siden findes ikke", List.of(home()))));
        Map<String, Object> feed = model("Nyheder", List.of());
        feed.put("news", newsNewestFirst());
        jobs.add(new RenderJob("feed.ftlx", "/nyheder/feed.xml", feed));
        Map<String, Object> sitemap = model("Sitemap", List.of());
        List<String> urls = new ArrayList<>(pagePaths());
        for (RenderJob job : jobs) urls.add(job.path());
        sitemap.put("urls", urls.stream().filter(p -> p.endsWith("/")).sorted().toList());
        jobs.add(new RenderJob("sitemap.ftlx", "/sitemap.xml", sitemap));
        jobs.add(new RenderJob("robots.ftl", "/robots.txt", model("robots", List.of())));
        return jobs;
    }

    /** The URL paths of the pages' own files. */
    public List<String> pagePaths() {
        return checked.pages().stream().filter(SiteModel::hasOwnFile).map(Urls::of).toList();
    }

    /**
     * The files of the pages whose own file shows something of {@code page}: its title in their
     * "Se også" links, a target group's offers, an offer's target groups. Keep in step with pageJob.
     */
    public Set<String> readersOf(String file) {
        Set<String> readers = new TreeSet<>();
        Page page = byFile.get(file);
        if (page == null) return readers;
        if (relatedBy == null) {
            Map<String, List<String>> index = new HashMap<>();
            for (Page p : checked.pages()) {
                for (String key : p.related()) index.computeIfAbsent(key, k -> new ArrayList<>()).add(p.file());
            }
            relatedBy = index;
        }
        readers.addAll(relatedBy.getOrDefault(page.key(), List.of()));
        if (page.type() == PageType.MAALGRUPPE) {
            for (OfferCard card : lists().offersByGroup.getOrDefault(page.slug(), List.of())) readers.add(card.page().file());
        }
        if (page.details() instanceof Page.Offer offer) {
            for (String group : offer.targetGroups()) {
                Page g = byKey.get(PageType.MAALGRUPPE.folder() + "/" + group);
                if (g != null) readers.add(g.file());
            }
        }
        return readers;
    }

    private static boolean hasOwnFile(Page page) {
        return !(page.type() == PageType.SIDE && Urls.FRONT_PAGE_SLUG.equals(page.slug()));
    }

    /** The pages of a type that this build writes (drafts too, with --drafts), by title. */
    private List<Page> pagesOf(PageType type) {
        return lists().byType.get(type);
    }

    /**
     * Sorted by title in Danish order (then by key); each title's collation key is computed once.
     * After an earlier build, the pages start in its order, which the sort then only mends.
     */
    private List<Page> sortedByTitle(List<Page> pages, Lists before, Map<String, CollationKey> titleKeys) {
        for (Page p : pages) {
            titleKeys.computeIfAbsent(p.title(), t -> {
                CollationKey known = before == null ? null : before.titleKeys.get(t);
                return known != null ? known : DANISH.getCollationKey(t);
            });
        }
        List<Page> start = pages;
        if (before != null) {
            start = new ArrayList<>(pages.size());
            Set<String> placed = new HashSet<>();
            for (Page was : before.sorted) {
                Page now = byFile.get(was.file());
                if (now != null && placed.add(now.file())) start.add(now);
            }
            for (Page p : pages) {
                if (placed.add(p.file())) start.add(p);
            }
        }
        List<Page> out = new ArrayList<>(start);
        out.sort((a, b) -> {
            int c = titleKeys.get(a.title()).compareTo(titleKeys.get(b.title()));
            return c != 0 ? c : a.key().compareTo(b.key());
        });
        return out;
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

    /** An offer's card; before the lists are worked out, made from the page alone (equal to the one they will hold). */
    private OfferCard cardOf(Page page) {
        if (lists != null) return lists.cards.get(page.file());
        return card(page, previous == null ? null : previous.lists);
    }

    private OfferCard card(Page page, Lists before) {
        Page.Offer offer = page.offer();
        OfferCard known = before == null ? null : before.cards.get(page.file());
        if (known != null && known.page() == page && sameGroupPages(offer)) return known;
        List<Link> groups = offer.targetGroups().stream().map(s -> byKey.get("maalgrupper/" + s))
                .filter(g -> g != null).map(this::link).toList();
        if (known != null && known.page() == page && known.targetGroups().equals(groups)) return known;
        List<String> bands = settings.ageGroups().stream()
                .filter(b -> offer.age().overlaps(b.min(), b.max())).map(SiteSettings.AgeBand::slug).toList();
        return new OfferCard(page, base + Urls.of(page), groups, bands,
                String.join(" ", offer.targetGroups()), String.join(" ", offer.areas()), String.join(" ", bands));
    }

    /** Whether the offer's target groups are the very pages of the previous build. */
    private boolean sameGroupPages(Page.Offer offer) {
        for (String slug : offer.targetGroups()) {
            String key = PageType.MAALGRUPPE.folder() + "/" + slug;
            if (previous == null || byKey.get(key) != previous.byKey.get(key)) return false;
        }
        return true;
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
            case TILBUD -> m.put("card", cardOf(page));
            case MAALGRUPPE -> putPage(m, lists().offersIn(page.slug()), base + Urls.of(page), 1);
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
        m.put("ageFacets", lists().ageFacets);
        m.put("groupFacets", lists().groupFacets);
        m.put("faqs", pagesOf(PageType.FAQ).stream().map(this::link).toList());
        m.put("plans", pagesOf(PageType.PLAN).stream().map(this::link).toList());
        m.put("actionPlans", pagesOf(PageType.HANDLEPLAN).stream().map(this::link).toList());
        m.put("news", newsNewestFirst().stream().limit(3).toList());
        m.put("offerCount", lists().offers.size());
        return new RenderJob("forside.ftlh", "/", m);
    }

    private List<RenderJob> offerOverviews() {
        List<RenderJob> jobs = new ArrayList<>();
        List<Link> crumbs = List.of(home());
        Lists l = lists();
        List<OfferCard> offers = l.offers;
        int pages = Pager.count(offers.size());
        String data = l.offerJson;
        for (int n = 1; n <= pages; n++) {
            String title = n == 1 ? "Alle tilbud" : "Alle tilbud, side " + n + " af " + pages;
            Map<String, Object> all = model(title, n == 1 ? crumbs : List.of(home(), new Link("Alle tilbud", base + "/tilbud/")));
            all.put("headTitle", title + " – Tilbud – " + settings.owner());
            putPage(all, offers, base + "/tilbud/", n);
            all.put("ageFacets", l.ageFacets);
            all.put("groupFacets", l.groupFacets);
            all.put("areaFacets", l.areaFacets.stream().filter(f -> f.count() > 0).toList());
            all.put("referralFacets", l.referralFacets);
            // a fixed URL: a version in it would change all the overview's pages whenever one offer changes
            if (data != null) all.put("offerData", base + OfferData.PATH);
            jobs.add(new RenderJob("tilbudsoversigt.ftlh", Pager.path("/tilbud/", n), all));
        }
        if (data != null) jobs.add(new RenderJob("tilbudsdata.ftl", OfferData.PATH, Map.of("json", data)));
        List<Link> offerCrumbs = List.of(home(), new Link("Tilbud", base + "/tilbud/"));
        List<Facet> facets = new ArrayList<>(l.ageFacets);
        facets.addAll(l.areaFacets);
        facets.addAll(l.referralFacets);
        for (Facet f : facets) {
            String heading = switch (f.kind()) {
                case "alder" -> "Tilbud for " + f.label();
                case "omraade" -> "Tilbud inden for " + f.label().toLowerCase(Locale.ROOT);
                default -> "Tilbud " + f.label().toLowerCase(Locale.ROOT);
            };
            jobs.addAll(listPages(heading, offerCrumbs, f, f.offers(), f.url().substring(base.length()), 1));
        }
        return jobs;
    }

    /** Pages 2 and on of the target groups with long lists (page 1 is the group's own page). */
    private List<RenderJob> targetGroupPages() {
        List<RenderJob> jobs = new ArrayList<>();
        for (Page group : pagesOf(PageType.MAALGRUPPE)) {
            List<OfferCard> list = lists().offersIn(group.slug());
            if (Pager.count(list.size()) == 1) continue;
            List<Link> crumbs = List.of(home(), new Link(PageType.MAALGRUPPE.pluralLabel(), base + Urls.overview(PageType.MAALGRUPPE)), link(group));
            jobs.addAll(listPages("Tilbud til " + group.title(), crumbs, null, list, Urls.of(group), 2));
        }
        return jobs;
    }

    /** The pages of an offer list from page {@code from} on, each with the offers it shows and its place among the pages. */
    private List<RenderJob> listPages(String heading, List<Link> crumbs, Facet facet, List<OfferCard> list, String first, int from) {
        List<RenderJob> jobs = new ArrayList<>();
        int count = Pager.count(list.size());
        for (int n = from; n <= count; n++) {
            String title = count == 1 ? heading : heading + ", side " + n + " af " + count;
            Map<String, Object> m = model(title, crumbs);
            m.put("headTitle", title + " – Tilbud – " + settings.owner());
            if (facet != null) m.put("facet", facet);
            putPage(m, list, base + first, n);
            jobs.add(new RenderJob("tilbudsliste.ftlh", Pager.path(first, n), m));
        }
        return jobs;
    }

    /** Page {@code n} of an offer list: its offers, how many the whole list has and, when it has pages, where this one stands. */
    private static void putPage(Map<String, Object> m, List<OfferCard> list, String first, int n) {
        m.put("offers", Pager.page(list, n));
        m.put("total", list.size());
        m.put("pager", Pager.of(first, n, Pager.count(list.size())));
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
