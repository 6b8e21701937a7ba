package dk.tilbudsoversigt.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic sites for the benchmarks: N offers with varied Danish bodies (see {@link DanishText}),
 * target groups, FAQ pages whose anchors offers link to, glossary terms that the bodies name,
 * news and a front page. Written in this tool's format and as a Hugo site ({@link HugoSite}). The same N always gives the same site.
 */
public final class SyntheticSite {
    static final String BASE = "/handicap";
    static final String[][] AGE_BANDS = {{"0-5", "0", "5"}, {"6-12", "6", "12"}, {"13-17", "13", "17"}, {"18-64", "18", "64"}, {"65-", "65", ""}};
    private static final String FAQ_ANCHOR_HEADING = "Hvem kan få hjælp?";
    static final String FAQ_ANCHOR = "hvem-kan-faa-hjaelp";

    /** One synthetic offer; {@code ageMax} is null for "and older". */
    record Offer(int number, String title, String summary, LocalDate updated, List<Integer> groups,
                 int ageMin, Integer ageMax, boolean referral, List<String> areas, String unit, String body, String folder) {
        String slug() {
            return "tilbud-" + number;
        }

        /** The offer's file under content/: a sub-folder of tilbud/ ({@code folder}, "" or ending in /) only organises files. */
        String file() {
            return "tilbud/" + folder + slug() + ".md";
        }

        /** The age bands of site.properties that this offer's ages overlap. */
        List<String> bands() {
            List<String> out = new ArrayList<>();
            for (String[] band : AGE_BANDS) {
                int min = Integer.parseInt(band[1]);
                int max = band[2].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(band[2]);
                if (ageMin <= max && min <= (ageMax == null ? Integer.MAX_VALUE : ageMax)) out.add(band[0]);
            }
            return out;
        }
    }

    /** A page of questions and answers; every page's first question is {@link #FAQ_ANCHOR_HEADING}. */
    record Faq(int number, String title, String summary, String body) {
        String slug() {
            return "faq-" + number;
        }
    }

    record Term(int number, String title, String summary) {
        String slug() {
            return "begreb-" + number;
        }
    }

    record News(int number, String title, String summary, LocalDate date, String body) {
        String slug() {
            return "nyhed-" + number;
        }
    }

    /** Everything on a synthetic site. */
    record Model(List<Offer> offers, List<String> groups, List<Faq> faqs, List<Term> terms, List<News> news, String corpus) {}

    static final String[] GROUPS = {
        "Autisme", "ADHD", "Udviklingshæmning", "Fysisk handicap", "Erhvervet hjerneskade",
        "Psykisk sårbarhed", "Synshandicap", "Hørehandicap", "Pårørende", "Søskende"};

    // title, summary; the lower-cased title is the word that gets linked in offer bodies
    static final String[][] TERMS = {
        {"Visitation", "Kommunens vurdering af, hvilken hjælp du har brug for, og om du kan få den."},
        {"Bevilling", "Kommunens ja til en bestemt hjælp i et bestemt omfang."},
        {"Afgørelse", "Kommunens skriftlige svar på en ansøgning, med en begrundelse og en klagevejledning."},
        {"Sagsbehandler", "Den medarbejder i kommunen, der har din sag."},
        {"Handleplan", "En plan for, hvad der skal ske, hvem der gør det, og hvornår."},
        {"Partshøring", "Du får lov at se og kommentere oplysninger, før kommunen træffer en afgørelse."},
        {"Aktindsigt", "Din ret til at se de papirer, kommunen har om dig."},
        {"Bisidder", "En person, du tager med til møder med kommunen for at få støtte."},
        {"Klage", "Du kan klage, hvis du er uenig i en afgørelse."},
        {"Ankestyrelsen", "Den myndighed, der behandler klager over kommunens afgørelser."},
        {"Serviceloven", "Den lov, som de fleste sociale tilbud bygger på."},
        {"Merudgifter", "Ekstra udgifter, du har på grund af et handicap."},
        {"Funktionsnedsættelse", "En varig begrænsning i, hvad du kan fysisk eller psykisk."},
        {"Udredning", "En grundig undersøgelse af dine vanskeligheder og ressourcer."},
        {"Samtykke", "Din tilladelse til, at kommunen må hente eller dele oplysninger."},
        {"Socialpædagogisk støtte", "Støtte til at klare hverdagen, fx struktur, økonomi og kontakt med andre."},
        {"Koordinerende sagsbehandler", "En fast sagsbehandler, der samler trådene, når flere afdelinger er involveret."},
        {"Tabt arbejdsfortjeneste", "Dækning af løn, du mister, fordi du passer et barn med handicap hjemme."},
        {"Helhedsorienteret indsats", "Hjælp, hvor kommunens afdelinger arbejder sammen om hele familiens situation."},
        {"Visitationsudvalg", "Det udvalg i kommunen, der beslutter, hvem der får en plads i et tilbud."}};

    private static final String[] KINDS = {
        "Aflastning", "Støttekontaktperson", "Ledsageordning", "Bostøtte", "Samværstilbud", "Klubtilbud",
        "Familievejledning", "Forældrekursus", "Netværksgruppe", "Specialvejledning", "Fritidsaktiviteter",
        "Botræning", "Beskyttet beskæftigelse", "Hjælpemiddelrådgivning", "Kørsel til behandling"};
    static final String[] UNITS = {
        "Børn og Familie", "Voksenhandicapområdet", "Pædagogisk Psykologisk Rådgivning",
        "Hjælpemiddelcentret", "Ungeindsatsen", "Kultur og Fritid"};
    static final String[] AREAS = {"social", "skole", "fritid"};
    static final int[][] AGES = {{0, 5}, {0, 17}, {6, 17}, {13, 25}, {16, 25}, {18, 64}, {18, -1}, {65, -1}};

    private SyntheticSite() {}

    /** Writes a complete site folder in this tool's format with {@code offers} offers. */
    public static void write(Path folder, int offers) throws IOException {
        writeOurs(folder, generate(offers));
    }

    /** The same site every time for the same {@code n}: the random generator has a fixed seed. */
    static Model generate(int n) {
        Random random = new Random(20250101L);
        DanishText text = new DanishText(20250102L);
        List<Term> terms = new ArrayList<>();
        for (int k = 0; k < TERMS.length; k++) terms.add(new Term(k + 1, TERMS[k][0], TERMS[k][1]));
        for (int k = 0; k < 20; k++) {
            String name = text.commonCompound(k);
            terms.add(new Term(TERMS.length + k + 1, Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    text.sentence(random)));
        }
        List<Faq> faqs = new ArrayList<>();
        for (int k = 1; k <= Math.max(5, n / 100); k++) {
            String topic = KINDS[random.nextInt(KINDS.length)].toLowerCase();
            StringBuilder body = new StringBuilder();
            body.append(text.paragraph(random, 2)).append("\n\n## ").append(FAQ_ANCHOR_HEADING).append("\n\n")
                    .append(text.paragraph(random, 3)).append("\n\n");
            Set<String> questions = new LinkedHashSet<>();
            while (questions.size() < 5 + random.nextInt(5)) {
                String q = text.phrase(random).replaceAll("[,.;:]", "");
                questions.add("Hvordan " + (q.isEmpty() ? "søger jeg" : Character.toLowerCase(q.charAt(0)) + q.substring(1)) + "?");
            }
            for (String q : questions) body.append("## ").append(q).append("\n\n").append(text.paragraph(random, 2 + random.nextInt(3))).append("\n\n");
            faqs.add(new Faq(k, "Spørgsmål og svar om " + topic + " (" + k + ")", "Svar på det, familier ofte spørger om " + topic + ".", body.toString()));
        }
        List<News> news = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            news.add(new News(k, "Nyt fra " + text.place(random), text.sentence(random), LocalDate.of(2025, k, 1 + k),
                    text.paragraph(random, 4)));
        }
        List<Offer> offers = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String kind = KINDS[random.nextInt(KINDS.length)];
            String title = kind + " i " + text.place(random);
            int g1 = random.nextInt(GROUPS.length);
            int g2 = (g1 + 1 + random.nextInt(GROUPS.length - 1)) % GROUPS.length;
            int[] age = AGES[random.nextInt(AGES.length)];
            Set<String> areas = new LinkedHashSet<>();
            areas.add(AREAS[random.nextInt(AREAS.length)]);
            areas.add(AREAS[random.nextInt(AREAS.length)]);
            boolean referral = random.nextBoolean();
            String summary = kind + " for " + GROUPS[g1].toLowerCase() + " og " + GROUPS[g2].toLowerCase()
                    + ". " + (referral ? "Tilbuddet kræver visitation fra kommunen." : "Du kan selv henvende dig.");
            int seeAlso = n == 1 ? 1 : 1 + (i + random.nextInt(n - 1)) % n;
            Faq faq = faqs.get(random.nextInt(faqs.size()));
            offers.add(new Offer(i, title, summary, LocalDate.of(2024, 1, 1).plusDays(random.nextInt(600)),
                    List.of(g1 + 1, g2 + 1), age[0], age[1] < 0 ? null : age[1], referral, List.copyOf(areas),
                    UNITS[random.nextInt(UNITS.length)],
                    body(random, text, List.of(GROUPS[g1], GROUPS[g2]), terms, seeAlso, i % 4 == 0 ? faq : null), ""));
        }
        return new Model(List.copyOf(offers), List.of(GROUPS), faqs, terms, news, text.describe());
    }

    private static String body(Random random, DanishText text, List<String> groups, List<Term> terms, int seeAlso, Faq faq) {
        StringBuilder b = new StringBuilder();
        b.append("## Hvad er tilbuddet?\n\n").append(text.paragraph(random, 4 + random.nextInt(3)))
                .append(" Det handler om ").append(term(random, terms)).append(".\n\nTilbuddet kan fx indeholde:\n\n");
        for (int i = 0; i < 4; i++) b.append("- ").append(text.phrase(random)).append('\n');
        b.append('\n').append(text.paragraph(random, 3)).append("\n\n");
        b.append("## Hvem kan få det?\n\nTilbuddet er for mennesker med ").append(groups.get(0).toLowerCase())
                .append(" eller ").append(groups.get(1).toLowerCase()).append(" og deres familier. ")
                .append(text.paragraph(random, 3)).append(" Spørg om ").append(term(random, terms)).append(".\n\n");
        b.append("## Sådan kommer du i gang\n\n").append(text.paragraph(random, 3))
                .append(" Læs også om et lignende tilbud: [se også](tilbud-").append(seeAlso).append(".md).");
        if (faq != null) b.append(" Se [svar på spørgsmål](../faq/").append(faq.slug()).append(".md#").append(FAQ_ANCHOR).append(").");
        b.append("\n\n### Hvis du er uenig\n\n").append(text.paragraph(random, 2)).append(' ')
                .append(term(random, terms)).append(" hjælper.\n");
        return b.toString();
    }

    /** A glossary term's name, as bodies mention it. */
    private static String term(Random random, List<Term> terms) {
        return terms.get(random.nextInt(terms.size())).title().toLowerCase();
    }

    /** The site in this tool's format: site.properties and content/ only (the default theme). */
    static void writeOurs(Path site, Model model) throws IOException {
        write(site.resolve("site.properties"), """
                site.title=Tilbudsoversigt for handicapområdet
                site.owner=Benchmark Kommune
                site.url=https://www.example.dk/handicap
                site.areas=social, skole, fritid
                site.age_groups=0-5, 6-12, 13-17, 18-64, 65-
                """);
        write(site.resolve("content/sider/forside.md"), "---\ntitle: Velkommen\nsummary: Find hjælp og tilbud.\n---\n"
                + "Her finder du kommunens tilbud til børn og voksne med handicap.\n");
        for (int k = 1; k <= model.groups().size(); k++) {
            String name = model.groups().get(k - 1);
            write(site.resolve("content/maalgrupper/gruppe-" + k + ".md"), "---\ntitle: " + q(name)
                    + "\nsummary: " + q("Børn, unge og voksne med " + name.toLowerCase() + " og deres familier.")
                    + "\n---\n\nHer kan du læse om hjælp til mennesker med " + name.toLowerCase()
                    + ". Kommunen ser på, hvordan du klarer dig i hverdagen, og hvad du selv ønsker.\n\n"
                    + "Herunder kan du se de tilbud, der passer til målgruppen.\n");
        }
        for (Term t : model.terms()) {
            write(site.resolve("content/begreber/" + t.slug() + ".md"), "---\ntitle: " + q(t.title())
                    + "\nsummary: " + q(t.summary()) + "\n---\n\n" + t.summary() + " Spørg din sagsbehandler, hvis du vil vide mere.\n");
        }
        for (Faq f : model.faqs()) {
            write(site.resolve("content/faq/" + f.slug() + ".md"), "---\ntitle: " + q(f.title()) + "\nsummary: " + q(f.summary())
                    + "\n---\n" + f.body());
        }
        for (News news : model.news()) {
            write(site.resolve("content/nyheder/" + news.slug() + ".md"), "---\ntitle: " + q(news.title()) + "\nsummary: "
                    + q(news.summary()) + "\ndate: " + news.date() + "\n---\n" + news.body() + "\n");
        }
        for (Offer o : model.offers()) {
            StringBuilder f = new StringBuilder("---\n");
            f.append("title: ").append(q(o.title())).append('\n');
            f.append("summary: ").append(q(o.summary())).append('\n');
            f.append("updated: ").append(o.updated()).append('\n');
            f.append("target_groups:\n");
            for (int g : o.groups()) f.append("  - gruppe-").append(g).append('\n');
            f.append("age: {min: ").append(o.ageMin()).append(o.ageMax() == null ? "" : ", max: " + o.ageMax()).append("}\n");
            f.append("referral_required: ").append(o.referral()).append('\n');
            f.append("areas:\n");
            for (String a : o.areas()) f.append("  - ").append(a).append('\n');
            f.append("contact:\n  unit: ").append(q("Benchmark Kommune, " + o.unit()))
                    .append("\n  url: \"https://www.example.dk/kontakt\"\n");
            f.append("---\n").append(o.body());
            write(site.resolve("content/" + o.file()), f.toString());
        }
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
