package dk.tilbudsoversigt.editor;

import static dk.tilbudsoversigt.editor.Html.esc;
import static dk.tilbudsoversigt.editor.Html.url;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.report.EditorReport;
import dk.tilbudsoversigt.site.Checked;

/**
 * Every page of the site by type, with its status, date and what {@code check} says about it;
 * filtered and sorted by plain links and a GET form, so it works without JavaScript.
 */
final class ListPage {
    private static final Collator DANISH = Collator.getInstance(Locale.forLanguageTag("da-DK"));
    static final Map<String, String> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("titel", "Titel");
        SORTS.put("status", "Status");
        SORTS.put("opdateret", "Sidst opdateret");
        SORTS.put("problemer", "Fejl og advarsler");
    }

    /** One row: a content file, its page when it could be read, and its problems. */
    record Row(String file, PageType type, String title, boolean draft, LocalDate updated, List<Problem> problems) {
        long errors() {
            return problems.stream().filter(p -> !p.warning()).count();
        }

        long warnings() {
            return problems.stream().filter(Problem::warning).count();
        }
    }

    private ListPage() {}

    /** The rows, and the problems that belong to no page (site.properties, a misplaced file). */
    record Listing(List<Row> rows, List<Problem> other) {}

    static Listing load(Path site) {
        Checked checked = Checked.run(site, true);
        List<Problem> all = new ArrayList<>(checked.problems().all());
        if (checked.content() != null) {
            dk.tilbudsoversigt.content.Problems report = new dk.tilbudsoversigt.content.Problems();
            EditorReport.addWarnings(checked, report);
            all.addAll(report.all());
        }
        Map<String, List<Problem>> byFile = new LinkedHashMap<>();
        for (Problem p : all) byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p);
        Map<String, Page> pages = checked.content() == null ? Map.of() : checked.content().byFile();
        List<Row> rows = new ArrayList<>();
        for (String file : markdownFiles(site)) {
            String folder = file.split("/")[1];
            PageType type = PageType.byFolder(folder).orElse(null);
            if (type == null) continue;
            Page page = pages.get(file);
            List<Problem> problems = byFile.getOrDefault(file, List.of()).stream().sorted().toList();
            LocalDate updated = page != null && page.updated() != null ? page.updated() : modified(site.resolve(file));
            rows.add(new Row(file, type, page == null ? file.substring(file.lastIndexOf('/') + 1) : page.title(),
                    page != null && page.draft(), updated, problems));
        }
        java.util.Set<String> files = new java.util.HashSet<>();
        for (Row r : rows) files.add(r.file());
        return new Listing(rows, all.stream().filter(p -> !files.contains(p.file())).sorted().toList());
    }

    static List<String> markdownFiles(Path site) {
        Path content = site.resolve(ContentLoader.CONTENT);
        if (!Files.isDirectory(content)) return List.of();
        try (Stream<Path> walk = Files.walk(content)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".md"))
                    .map(p -> ContentLoader.relative(site, p))
                    .filter(f -> f.split("/").length > 2 && !f.contains("/."))
                    .sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static LocalDate modified(Path file) {
        try {
            return LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.of("Europe/Copenhagen"));
        } catch (IOException e) {
            return null;
        }
    }

    static String html(Editor.Context ctx, Form query, Listing listing, List<String> trashed, String message) {
        List<Row> all = listing.rows();
        List<Problem> other = listing.other();
        String type = query.get("type");
        String status = query.get("status");
        String problems = query.get("problemer");
        String text = query.get("q").toLowerCase(Locale.ROOT);
        String sort = SORTS.containsKey(query.get("sort")) ? query.get("sort") : "titel";
        boolean down = query.get("retning").equals("ned");
        List<Row> rows = all.stream()
                .filter(r -> type.isEmpty() || r.type().folder().equals(type))
                .filter(r -> status.isEmpty() || (status.equals("kladde") == r.draft()))
                .filter(r -> problems.isEmpty() || (problems.equals("fejl") ? r.errors() > 0
                        : problems.equals("advarsler") ? r.warnings() > 0 : r.problems().isEmpty()))
                .filter(r -> text.isEmpty() || r.title().toLowerCase(Locale.ROOT).contains(text) || r.file().contains(text))
                .sorted(comparator(sort, down)).toList();
        String list = ctx.base() + Editor.PREFIX;
        StringBuilder s = new StringBuilder("<h1>Alle sider</h1>");
        if (message != null) s.append("<p class=\"besked\" role=\"status\">").append(esc(message)).append("</p>");
        if (!other.isEmpty()) {
            s.append("<section class=\"andre-fejl\" aria-labelledby=\"andre-fejl\"><h2 id=\"andre-fejl\">Fejl uden for siderne</h2><ul>");
            for (Problem p : other) s.append("<li>").append(esc(p.toString())).append("</li>");
            s.append("</ul></section>");
        }
        s.append("<div class=\"handlinger\" id=\"handlinger\">");
        s.append(newPageForm(ctx));
        s.append(uploadForm(ctx));
        s.append(wordImportForm(ctx));
        s.append("</div>");
        // filters: a GET form that works without JavaScript
        s.append("<form id=\"filtre\" class=\"filtre\" method=\"get\" action=\"").append(list).append("\"><h2>Find sider</h2>");
        s.append("<p><label for=\"filter-q\">Titel indeholder</label><input id=\"filter-q\" name=\"q\" type=\"search\" value=\"")
                .append(esc(query.get("q"))).append("\"></p>");
        s.append(select("filter-type", "type", "Type", type, typeOptions()));
        s.append(select("filter-status", "status", "Status", status, Map.of("", "Alle", "kladde", "Kladde", "udgivet", "Udgivet")));
        Map<String, String> problemOptions = new LinkedHashMap<>();
        problemOptions.put("", "Alle");
        problemOptions.put("fejl", "Med fejl");
        problemOptions.put("advarsler", "Med advarsler");
        problemOptions.put("ingen", "Uden fejl og advarsler");
        s.append(select("filter-problemer", "problemer", "Fejl og advarsler", problems, problemOptions));
        s.append("<input type=\"hidden\" name=\"sort\" value=\"").append(esc(sort)).append("\">");
        s.append("<input type=\"hidden\" name=\"retning\" value=\"").append(down ? "ned" : "op").append("\">");
        s.append("<p><button type=\"submit\">Vis</button> <a href=\"").append(list).append("\">Ryd filtre</a></p></form>");

        s.append("<p id=\"antal\" role=\"status\">").append(rows.size()).append(rows.size() == 1 ? " side" : " sider").append(" vises</p>");
        for (PageType t : PageType.values()) {
            List<Row> ofType = rows.stream().filter(r -> r.type() == t).toList();
            if (ofType.isEmpty()) continue;
            String id = "type-" + t.folder();
            s.append("<section aria-labelledby=\"").append(id).append("\"><h2 id=\"").append(id).append("\">")
                    .append(esc(t.pluralLabel())).append(" <span class=\"antal\">(").append(ofType.size()).append(")</span></h2>");
            s.append("<table class=\"sider\" id=\"sider-").append(t.folder()).append("\"><thead><tr>");
            for (Map.Entry<String, String> col : SORTS.entrySet()) {
                boolean current = col.getKey().equals(sort);
                String dir = current && !down ? "ned" : "op";
                s.append("<th scope=\"col\"").append(current ? " aria-sort=\"" + (down ? "descending" : "ascending") + "\"" : "").append(">")
                        .append("<a href=\"").append(list).append("?").append(keep(query, col.getKey(), dir)).append("\">")
                        .append(esc(col.getValue())).append(current ? (down ? " ▼" : " ▲") : "")
                        .append("<span class=\"skjult\">, sortér").append(dir.equals("ned") ? " faldende" : " stigende").append("</span></a></th>");
            }
            s.append("</tr></thead><tbody>");
            for (Row r : ofType) {
                s.append("<tr><td><a href=\"").append(list).append("side?fil=").append(url(r.file())).append("\">")
                        .append(esc(r.title())).append("</a><br><small>").append(esc(r.file())).append("</small></td>");
                s.append("<td>").append(r.draft() ? "Kladde" : "Udgivet").append("</td>");
                s.append("<td>").append(r.updated() == null ? "" : esc(r.updated())).append("</td><td>");
                if (r.problems().isEmpty()) {
                    s.append("Ingen");
                } else {
                    s.append("<ul class=\"problemer\">");
                    for (Problem p : r.problems()) {
                        s.append("<li class=\"").append(p.warning() ? "advarsel" : "fejl").append("\">")
                                .append(p.warning() ? "Advarsel" : "Fejl").append(", linje ").append(Math.max(1, p.line())).append(": ")
                                .append(esc(p.message())).append("</li>");
                    }
                    s.append("</ul>");
                }
                s.append("</td></tr>");
            }
            s.append("</tbody></table></section>");
        }
        s.append(trash(ctx, trashed));
        return Html.page(ctx, "Alle sider", "liste.js", s.toString());
    }

    private static Map<String, String> typeOptions() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("", "Alle");
        for (PageType t : PageType.values()) types.put(t.folder(), t.pluralLabel());
        return types;
    }

    private static String select(String id, String name, String label, String current, Map<String, String> options) {
        StringBuilder s = new StringBuilder("<p><label for=\"" + id + "\">" + esc(label) + "</label><select id=\"" + id + "\" name=\"" + name + "\">");
        Map<String, String> ordered = new LinkedHashMap<>();
        if (options.containsKey("")) ordered.put("", options.get(""));
        ordered.putAll(options);
        for (Map.Entry<String, String> o : ordered.entrySet()) {
            s.append("<option value=\"").append(esc(o.getKey())).append("\"").append(o.getKey().equals(current) ? " selected" : "")
                    .append(">").append(esc(o.getValue())).append("</option>");
        }
        return s.append("</select></p>").toString();
    }

    /** The query of a sort link: the filters kept, the sort changed. */
    private static String keep(Form query, String sort, String dir) {
        StringBuilder q = new StringBuilder();
        for (String key : List.of("q", "type", "status", "problemer")) {
            if (!query.get(key).isEmpty()) q.append(key).append('=').append(url(query.get(key))).append("&amp;");
        }
        return q.append("sort=").append(sort).append("&amp;retning=").append(dir).toString();
    }

    private static Comparator<Row> comparator(String sort, boolean down) {
        Comparator<Row> byTitle = (a, b) -> DANISH.compare(a.title(), b.title());
        Comparator<Row> c = switch (sort) {
            case "status" -> Comparator.comparing(Row::draft);
            case "opdateret" -> Comparator.comparing(Row::updated, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "problemer" -> Comparator.comparingLong(Row::errors).thenComparingLong(Row::warnings);
            default -> byTitle;
        };
        if (down) c = c.reversed();
        return c.thenComparing(byTitle).thenComparing(Row::file);
    }

    private static String newPageForm(Editor.Context ctx) {
        StringBuilder s = new StringBuilder("<form id=\"ny-side\" class=\"boks\" method=\"post\" action=\"" + ctx.base() + Editor.PREFIX
                + "ny\"><h2>Ny side</h2>" + Html.secretField(ctx));
        Map<String, String> types = new LinkedHashMap<>();
        for (PageType t : PageType.values()) types.put(t.typeName(), t.label());
        s.append(select("ny-type", "type", "Type", "tilbud", types));
        s.append("<p><label for=\"ny-navn\">Filnavn (bliver sidens adresse)</label>"
                + "<input id=\"ny-navn\" name=\"navn\" required pattern=\"[a-z0-9]+(-[a-z0-9]+)*\" aria-describedby=\"ny-navn-hjaelp\">"
                + "<span id=\"ny-navn-hjaelp\" class=\"hjaelp\">Små bogstaver a-z, tal og bindestreg, f.eks. aflastning-i-weekenden.</span></p>");
        s.append("<p><button type=\"submit\">Opret side</button></p></form>");
        return s.toString();
    }

    private static String uploadForm(Editor.Context ctx) {
        return "<form id=\"upload\" class=\"boks\" method=\"post\" enctype=\"multipart/form-data\" action=\"" + ctx.base() + Editor.PREFIX
                + "upload\"><h2>Læg et billede eller dokument op</h2>" + Html.secretField(ctx)
                + "<p><label for=\"upload-fil\">Fil</label><input id=\"upload-fil\" name=\"fil\" type=\"file\" required></p>"
                + "<p><label for=\"upload-alt\">Alternativ tekst (kræves for billeder)</label><input id=\"upload-alt\" name=\"alt\" "
                + "aria-describedby=\"upload-alt-hjaelp\"><span id=\"upload-alt-hjaelp\" class=\"hjaelp\">Beskriv, hvad billedet viser, for dem, der ikke kan se det.</span></p>"
                + "<p><button type=\"submit\">Læg op</button></p></form>";
    }

    /** Word documents become pages (dk.tilbudsoversigt.word); the page opens in the form afterwards. */
    private static String wordImportForm(Editor.Context ctx) {
        StringBuilder options = new StringBuilder();
        for (PageType t : PageType.values()) {
            options.append("<option value=\"").append(t.typeName()).append('"').append(t == PageType.PLAN ? " selected" : "").append('>')
                    .append(esc(t.label())).append("</option>");
        }
        return "<form id=\"importer-word\" class=\"boks\" method=\"post\" enctype=\"multipart/form-data\" action=\"" + ctx.base() + Editor.PREFIX
                + "importer-word\"><h2>Importer fra Word</h2>" + Html.secretField(ctx)
                + "<p><label for=\"word-dokument\">Word-dokument (.docx)</label><input id=\"word-dokument\" name=\"dokument\" type=\"file\" required"
                + " accept=\".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document\"></p>"
                + "<p><label for=\"word-type\">Sidetype</label><select id=\"word-type\" name=\"type\">" + options + "</select></p>"
                + "<p><button type=\"submit\">Importer fra Word</button></p></form>";
    }

    private static String trash(Editor.Context ctx, List<String> trashed) {
        StringBuilder s = new StringBuilder("<section id=\"papirkurv\" aria-labelledby=\"papirkurv-titel\"><h2 id=\"papirkurv-titel\">Papirkurv</h2>");
        if (trashed.isEmpty()) return s.append("<p>Papirkurven er tom.</p></section>").toString();
        s.append("<p>Slettede sider ligger i mappen <code>.papirkurv</code> i site-mappen, indtil du gendanner dem.</p><ul>");
        for (String t : trashed) {
            s.append("<li><form method=\"post\" action=\"").append(ctx.base()).append(Editor.PREFIX).append("gendan\">")
                    .append(Html.secretField(ctx)).append("<input type=\"hidden\" name=\"navn\" value=\"").append(esc(t)).append("\">")
                    .append(esc(t)).append(" <button type=\"submit\" aria-label=\"Gendan ").append(esc(t)).append("\">Gendan</button></form></li>");
        }
        return s.append("</ul></section>").toString();
    }
}
