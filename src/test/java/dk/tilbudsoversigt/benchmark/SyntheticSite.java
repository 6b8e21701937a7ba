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
 * Writes the two synthetic sites of the build benchmark: one in this tool's content format and
 * one in stock JBake's format, holding the same offers (titles, bodies, dates).
 */
final class SyntheticSite {

    /** One synthetic offer; {@code ageMax} is null for "and older". */
    record Offer(int number, String title, String summary, LocalDate updated, List<Integer> groups,
                 int ageMin, Integer ageMax, boolean referral, List<String> areas, String unit, String body) {
        String slug() {
            return "tilbud-" + number;
        }
    }

    private static final String[] GROUPS = {
        "Autisme", "ADHD", "Udviklingshæmning", "Fysisk handicap", "Erhvervet hjerneskade",
        "Psykisk sårbarhed", "Synshandicap", "Hørehandicap", "Pårørende", "Søskende"};

    // title, summary; the lower-cased title is the word that gets linked in offer bodies
    private static final String[][] TERMS = {
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
    private static final String[] PLACES = {
        "i Nordbyen", "i Vestbyen", "i Kristrup", "i Vorup", "i Havndal", "i Spentrup",
        "i Assentoft", "i Langå", "på Djursland", "i Dronningborg", "i Hornbæk", "i Romalt"};
    private static final String[] UNITS = {
        "Børn og Familie", "Voksenhandicapområdet", "Pædagogisk Psykologisk Rådgivning",
        "Hjælpemiddelcentret", "Ungeindsatsen", "Kultur og Fritid"};
    private static final String[] AREAS = {"social", "skole", "fritid"};
    private static final int[][] AGES = {{0, 5}, {0, 17}, {6, 17}, {13, 25}, {16, 25}, {18, 64}, {18, -1}, {65, -1}};

    private static final String[] ABOUT = {
        "Tilbuddet giver dig og din familie et fast holdepunkt i en travl hverdag.",
        "Du møder de samme medarbejdere hver gang, så du kan lære dem at kende.",
        "Vi tager udgangspunkt i det, du selv gerne vil, og i det, du er god til.",
        "Aktiviteterne foregår i små grupper, hvor der er ro og tid til den enkelte.",
        "Medarbejderne har erfaring med børn, unge og voksne med mange forskellige behov.",
        "Sammen laver vi aftaler om, hvad du skal arbejde med, og hvordan vi følger op.",
        "Tilbuddet ligger tæt på offentlig transport, og der er gode parkeringsforhold.",
        "Vi samarbejder med skole, arbejdsplads og pårørende, hvis du ønsker det.",
        "Du kan prøve tilbuddet et par gange, før du beslutter dig for, om det passer til dig.",
        "Der er mulighed for at deltage både om dagen og nogle aftener om ugen.",
        "Målet er, at du bliver så selvstændig som muligt og får et godt liv med andre.",
        "Mange deltagere fortæller, at de har fået nye venner og mere overskud i hverdagen."};
    private static final String[] ITEMS = {
        "hjælp til at planlægge ugen", "træning i at handle og lave mad", "ture ud af huset",
        "samtaler om det, der er svært", "støtte til kontakt med offentlige myndigheder",
        "fællesspisning og hyggeaftener", "rådgivning til pårørende", "træning i at bruge bus og tog",
        "hjælp til økonomi og post", "sport og bevægelse i trygge rammer"};
    private static final String[] WHO = {
        "Kommunen ser på din samlede situation og ikke kun på en diagnose.",
        "Du skal have en betydelig og varig funktionsnedsættelse for at kunne få tilbuddet.",
        "Din sagsbehandler hjælper dig med at finde ud af, om tilbuddet passer til dig.",
        "Før kommunen træffer en afgørelse, bliver du spurgt om dine ønsker og behov.",
        "Har du allerede en handleplan, bliver tilbuddet skrevet ind i den.",
        "Kommunen kan bede om en udredning, hvis der mangler oplysninger om dine behov.",
        "Du kan have en bisidder med til møderne, hvis du vil have støtte.",
        "Tilbuddet gives efter serviceloven, og hjælpen bliver tilpasset dine behov."};
    private static final String[] START = {
        "Kontakt os på telefon eller via hjemmesiden, så finder vi et tidspunkt til en første samtale.",
        "Til samtalen taler vi om, hvad du gerne vil have hjælp til, og hvad du forventer.",
        "Kommunen skal have dit samtykke, før vi må hente oplysninger fra fx læge eller skole.",
        "Du får en skriftlig afgørelse, når kommunen har behandlet din ansøgning.",
        "Der kan være ventetid i perioder, men vi giver dig altid besked om, hvornår du kan starte.",
        "Har du brug for hjælp til at søge, kan en pårørende eller en bisidder hjælpe dig."};
    private static final String[] DISAGREE = {
        "Er du uenig i kommunens afgørelse, kan du klage.",
        "Klagen sendes til kommunen, som ser på sagen igen, før den sendes videre til Ankestyrelsen.",
        "Du har ret til aktindsigt i de oplysninger, kommunen har brugt.",
        "Fristen for at klage står i klagevejledningen i afgørelsen."};

    private SyntheticSite() {}

    /** The same {@code n} offers every time: the random generator has a fixed seed. */
    static List<Offer> offers(int n) {
        Random random = new Random(20250101L);
        List<Offer> offers = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String kind = KINDS[random.nextInt(KINDS.length)];
            String title = kind + " " + PLACES[random.nextInt(PLACES.length)] + " (" + i + ")";
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
            offers.add(new Offer(i, title, summary, LocalDate.of(2024, 1, 1).plusDays(random.nextInt(600)),
                    List.of(g1 + 1, g2 + 1), age[0], age[1] < 0 ? null : age[1], referral, List.copyOf(areas),
                    UNITS[random.nextInt(UNITS.length)], body(random, List.of(GROUPS[g1], GROUPS[g2]), seeAlso)));
        }
        return offers;
    }

    private static String body(Random random, List<String> groups, int seeAlso) {
        StringBuilder b = new StringBuilder();
        List<String> about = pick(random, ABOUT, 8);
        b.append("## Hvad er tilbuddet?\n\n").append(String.join(" ", about.subList(0, 5)))
                .append("\n\nTilbuddet kan fx indeholde:\n\n");
        for (String item : pick(random, ITEMS, 4)) b.append("- ").append(item).append('\n');
        b.append('\n').append(String.join(" ", about.subList(5, 8))).append("\n\n");
        b.append("## Hvem kan få det?\n\nTilbuddet er for mennesker med ").append(groups.get(0).toLowerCase())
                .append(" eller ").append(groups.get(1).toLowerCase()).append(" og deres familier. ")
                .append(sentences(random, WHO, 4)).append("\n\n");
        b.append("## Sådan kommer du i gang\n\n").append(sentences(random, START, 4))
                .append(" Læs også om et lignende tilbud: [se også](tilbud-").append(seeAlso).append(".md).\n\n");
        b.append("### Hvis du er uenig\n\n").append(String.join(" ", DISAGREE)).append('\n');
        return b.toString();
    }

    private static String sentences(Random random, String[] pool, int count) {
        return String.join(" ", pick(random, pool, count));
    }

    private static List<String> pick(Random random, String[] pool, int count) {
        Set<String> picked = new LinkedHashSet<>();
        while (picked.size() < count) picked.add(pool[random.nextInt(pool.length)]);
        return List.copyOf(picked);
    }

    /** The site in this tool's format: site.properties and content/ only (the default theme). */
    static void writeOurs(Path site, List<Offer> offers) throws IOException {
        write(site.resolve("site.properties"), """
                site.title=Tilbudsoversigt for handicapområdet
                site.owner=Benchmark Kommune
                site.url=https://www.example.dk/handicap
                site.areas=social, skole, fritid
                site.age_groups=0-5, 6-12, 13-17, 18-64, 65-
                """);
        for (int k = 1; k <= GROUPS.length; k++) {
            String name = GROUPS[k - 1];
            write(site.resolve("content/maalgrupper/gruppe-" + k + ".md"), "---\ntitle: " + q(name)
                    + "\nsummary: " + q("Børn, unge og voksne med " + name.toLowerCase() + " og deres familier.")
                    + "\n---\n\nHer kan du læse om hjælp til mennesker med " + name.toLowerCase()
                    + ". Kommunen ser på, hvordan du klarer dig i hverdagen, og hvad du selv ønsker.\n\n"
                    + "Herunder kan du se de tilbud, der passer til målgruppen.\n");
        }
        for (int k = 1; k <= TERMS.length; k++) {
            write(site.resolve("content/begreber/begreb-" + k + ".md"), "---\ntitle: " + q(TERMS[k - 1][0])
                    + "\nsummary: " + q(TERMS[k - 1][1]) + "\n---\n\n" + TERMS[k - 1][1]
                    + " Spørg din sagsbehandler, hvis du vil vide mere.\n");
        }
        for (Offer o : offers) {
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
            write(site.resolve("content/tilbud/" + o.slug() + ".md"), f.toString());
        }
    }

    /** The same offers as a stock JBake 2.7 site: jbake.properties, Freemarker templates, pages. */
    static void writeJBake(Path site, List<Offer> offers) throws IOException {
        // only the keys that differ from JBake's default.properties, plus the template names spelled out
        write(site.resolve("jbake.properties"), """
                site.host=https://www.example.dk/handicap
                db.store=memory
                template.masterindex.file=index.ftl
                template.page.file=page.ftl
                template.post.file=post.ftl
                template.archive.file=archive.ftl
                template.feed.file=feed.ftl
                template.sitemap.file=sitemap.ftl
                template.tag.file=tags.ftl
                render.index=true
                render.archive=true
                render.feed=true
                render.sitemap=true
                render.tags=false
                render.tagsindex=false
                """);
        String head = "<!DOCTYPE html>\n<html lang=\"da\">\n<head><meta charset=\"utf-8\"><title>";
        String layout = "</title><link rel=\"stylesheet\" href=\"${content.rootpath}css/site.css\"></head>\n"
                + "<body><header>Tilbudsoversigt for handicapområdet</header>\n<main>\n";
        String foot = "</main>\n<footer>Benchmark Kommune</footer>\n</body>\n</html>\n";
        String page = head + "${content.title}" + layout + "<h1>${content.title}</h1>\n${content.body}\n" + foot;
        write(site.resolve("templates/page.ftl"), page);
        write(site.resolve("templates/post.ftl"), page);
        write(site.resolve("templates/index.ftl"), head + "Tilbud" + layout + "<h1>Alle tilbud</h1>\n<ul>\n"
                + "<#list published_pages as p><li><a href=\"${p.uri}\">${p.title}</a></li>\n</#list></ul>\n" + foot);
        write(site.resolve("templates/archive.ftl"), head + "Arkiv" + layout + "<ul>\n"
                + "<#list published_posts as p><li><a href=\"${p.uri}\">${p.title}</a></li>\n</#list></ul>\n" + foot);
        write(site.resolve("templates/feed.ftl"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Nyheder</title>
                <#list published_posts as p><entry><title>${p.title}</title><id>${config.site_host}/${p.uri}</id></entry>
                </#list></feed>
                """);
        write(site.resolve("templates/sitemap.ftl"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <#list published_content as c><url><loc>${config.site_host}/${c.uri}</loc></url>
                </#list></urlset>
                """);
        write(site.resolve("assets/css/site.css"), "body { font-family: sans-serif; max-width: 40em; margin: auto; }\n");
        for (Offer o : offers) {
            write(site.resolve("content/" + o.slug() + ".md"), "title=" + o.title() + "\ndate=" + o.updated()
                    + "\ntype=page\nstatus=published\n~~~~~~\n\n" + o.body());
        }
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
