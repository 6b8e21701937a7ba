package dk.tilbudsoversigt.editor;

import static dk.tilbudsoversigt.editor.Html.esc;
import static dk.tilbudsoversigt.editor.Html.url;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import dk.tilbudsoversigt.bake.PagePreview;
import dk.tilbudsoversigt.content.Content;
import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.serve.Mount;
import dk.tilbudsoversigt.site.Labels;
import dk.tilbudsoversigt.site.Urls;
import dk.tilbudsoversigt.word.ImportException;
import dk.tilbudsoversigt.word.WordImport;
import dk.tilbudsoversigt.word.WordPaste;

/**
 * The browser editor, mounted in the preview under {@value #PREFIX}: the list of pages, the
 * form of one page, its live check and preview, and the actions on files (save, create,
 * duplicate, rename, trash, restore, upload). It writes only through {@link SiteFiles}.
 */
public final class Editor implements Mount {
    public static final String PREFIX = "/_rediger/";
    static final long FORM_LIMIT = 6L * 1024 * 1024;
    static final long UPLOAD_LIMIT = SiteFiles.MAX_UPLOAD_BYTES + 1024 * 1024;
    static final long WORD_LIMIT = 51L * 1024 * 1024;
    private static final Set<String> IMAGE_TYPES = Set.of("png", "jpg", "jpeg", "gif", "webp", "avif");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What every editor page needs to know. */
    record Context(String base, String secret, String folder, String siteTitle) {}

    private final Path site;
    private final SiteFiles files;
    private final Guard guard = new Guard();

    public Editor(Path site) {
        this.site = site;
        this.files = new SiteFiles(site);
    }

    /** The per-run secret that requests changing files carry; tests read it from a page. */
    String secret() {
        return guard.secret();
    }

    @Override
    public String banner(String base, String page) {
        return "<link rel=\"stylesheet\" href=\"" + EditorAssets.url(base, "bjaelke.css") + "\">"
                + "<nav class=\"rediger-bjaelke\" aria-label=\"Forhåndsvisning\"><a href=\"" + base + PREFIX + "rediger?adresse=" + url(page)
                + "\">Rediger siden</a> <a href=\"" + base + PREFIX + "\">Alle sider</a></nav>";
    }

    @Override
    public void handle(HttpExchange exchange, String base, String rest) throws IOException {
        String refused = Guard.refusedHost(exchange);
        if (refused != null) {
            send(exchange, 403, "text/plain; charset=utf-8", "Afvist: " + refused);
            return;
        }
        Context ctx = new Context(base, guard.secret(), site.toAbsolutePath().normalize().toString(), siteTitle());
        String method = exchange.getRequestMethod();
        try {
            if (method.equals("GET") || method.equals("HEAD")) {
                get(exchange, ctx, rest, Form.query(exchange.getRequestURI().getRawQuery()));
            } else if (method.equals("POST")) {
                post(exchange, ctx, rest);
            } else {
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                send(exchange, 405, "text/plain; charset=utf-8", "Metoden er ikke tilladt");
            }
        } catch (RefusedPath e) {
            error(exchange, ctx, 400, e.getMessage());
        } catch (Form.TooLarge e) {
            error(exchange, ctx, 413, "Det sendte er for stort. En side må højst fylde 5 MB og en fil " + (SiteFiles.MAX_UPLOAD_BYTES >> 20) + " MB.");
        }
    }

    private void get(HttpExchange exchange, Context ctx, String rest, Form query) throws IOException {
        switch (rest) {
            case "" -> {
                if (!exchange.getRequestURI().getPath().endsWith("/")) {
                    redirect(exchange, ctx.base() + PREFIX);
                    return;
                }
                html(exchange, 200, ListPage.html(ctx, query, ListPage.load(site), trashed(), Messages.of(query)));
            }
            case "side" -> {
                String file = query.get("fil");
                String text = files.read(file);
                html(exchange, 200, form(ctx, file, text, SiteFiles.version(text), null, Messages.of(query)));
            }
            case "rediger" -> redirect(exchange, editAddress(ctx, query.get("adresse")));
            case "visning" -> {
                String file = query.get("fil");
                DraftCheck check = DraftCheck.of(site, file, files.read(file));
                html(exchange, 200, preview(ctx, check, file));
            }
            case "vejledning" -> html(exchange, 200, Guide.html(ctx));
            default -> {
                String name = rest.startsWith("filer/") ? rest.substring("filer/".length()) : "";
                byte[] bytes = EditorAssets.bytes(name);
                if (bytes == null) {
                    error(exchange, ctx, 404, "Siden findes ikke i redigeringen.");
                    return;
                }
                send(exchange, 200, EditorAssets.type(name), bytes,
                        EditorAssets.current(name, exchange.getRequestURI().getRawQuery()) ? "max-age=31536000, immutable" : "no-store");
            }
        }
    }

    private void post(HttpExchange exchange, Context ctx, String rest) throws IOException {
        String refused = Guard.refusedOrigin(exchange);
        if (refused != null) {
            send(exchange, 403, "text/plain; charset=utf-8", "Afvist: " + refused);
            return;
        }
        Form form = Form.body(exchange, rest.equals("upload") ? UPLOAD_LIMIT : rest.equals("importer-word") ? WORD_LIMIT : FORM_LIMIT);
        String given = exchange.getRequestHeaders().getFirst(Guard.HEADER);
        if (!guard.accepts(given != null ? given : form.get(Guard.FIELD))) {
            send(exchange, 403, "text/plain; charset=utf-8", "Afvist: forespørgslen mangler redigeringens nøgle. Åbn siden igen fra redigeringen.");
            return;
        }
        boolean script = given != null;
        String list = ctx.base() + PREFIX;
        try {
            switch (rest) {
                case "tjek" -> json(exchange, check(ctx, form));
                case "gem" -> save(exchange, ctx, form);
                case "gem-tekst" -> {
                    String file = form.get("fil");
                    files.resolve(file);
                    write(exchange, ctx, file, form.get("tekst"), form.get("version"), form.get("tekst"), "gemt");
                }
                case "ny" -> {
                    PageType type = PageType.byTypeName(form.get("type")).orElseThrow(() -> new RefusedPath("ukendt sidetype"));
                    String file = NewPage.create(files, type, form.get("navn").strip());
                    redirect(exchange, list + "side?fil=" + url(file) + "&besked=oprettet");
                }
                case "kopier" -> {
                    String file = Duplicate.page(files, form.get("fil"), form.get("navn").strip());
                    redirect(exchange, list + "side?fil=" + url(file) + "&besked=kopieret");
                }
                case "omdoeb" -> {
                    List<String> changed = Rename.slug(files, form.get("fil"), form.get("navn").strip());
                    redirect(exchange, list + "side?fil=" + url(changed.get(1)) + "&besked=omdoebt&antal=" + (changed.size() - 2));
                }
                case "slet" -> {
                    files.trash(form.get("fil"));
                    redirect(exchange, list + "?besked=slettet#papirkurv");
                }
                case "gendan" -> {
                    files.restore(form.get("navn"));
                    redirect(exchange, list + "?besked=gendannet");
                }
                case "upload" -> upload(exchange, ctx, form, script);
                case "word-indsaet" -> {
                    String page = form.get("fil").isEmpty() ? null : form.get("fil");
                    if (page != null) files.resolve(page);
                    WordPaste.Result pasted = WordPaste.convert(form.get("html"), 2, ContentLoader.load(site, new Problems()), page);
                    json(exchange, Map.of("markdown", pasted.markdown(), "rapport", pasted.report(), "billeder", pasted.leftOutImages()));
                }
                case "importer-word" -> importWord(exchange, ctx, form);
                default -> error(exchange, ctx, 404, "Siden findes ikke i redigeringen.");
            }
        } catch (Conflict e) {
            error(exchange, ctx, 409, "Filen er ændret imens. Åbn siden igen, og prøv igen.");
        } catch (RefusedPath e) {
            if (script) {
                json(exchange, 400, Map.of("fejl", e.getMessage()));
            } else {
                error(exchange, ctx, 400, e.getMessage());
            }
        }
    }

    /** The form's fields written into the file's text: only the changed fields' lines change. */
    static String compose(String disk, Page before, PageType type, Map<String, Object> values, String body) {
        PageText text = PageText.parse(disk);
        Map<String, Object> old = before == null ? Map.of() : Values.of(before);
        for (FieldSpec f : FieldSpec.of(type)) {
            if (!values.containsKey(f.key())) continue;
            Object was = Values.forFile(old.get(f.key()));
            Object now = Values.forFile(values.get(f.key()));
            if (f.kind() == FieldSpec.Kind.TARGET_GROUPS || f.kind() == FieldSpec.Kind.AREAS) now = Values.inOrderOf(now, was);
            if (before != null && java.util.Objects.equals(now, was)) continue;
            text = text.withField(f.key(), now);
        }
        return text.withBody(body).text();
    }

    /** The unsaved text of a submitted form, built on the file as it is on disk. */
    private String submitted(Form form) throws IOException {
        String file = form.get("fil");
        String disk = files.read(file);
        PageType type = PagePaths.type(file);
        Page before = DraftCheck.parse(site, file, disk);
        Map<String, Object> values = Values.of(form, type);
        if (form.get("handling").equals("kladde")) values.put("status", "draft");
        return compose(disk, before, type, values, form.get("body"));
    }

    private Map<String, Object> check(Context ctx, Form form) throws IOException {
        String file = form.get("fil");
        String text = submitted(form);
        DraftCheck check = DraftCheck.of(site, file, text);
        PageType type = PagePaths.type(file);
        List<Map<String, Object>> problems = new ArrayList<>();
        for (Placement.Placed p : Placement.of(check.problems(), check.page(), text, fieldKeys(type))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("felt", p.field());
            m.put("html", PageForm.item(p));
            m.put("fejl", !p.problem().warning());
            problems.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        long errors = check.problems().stream().filter(p -> !p.warning()).count();
        out.put("antal", check.problems().isEmpty() ? "Ingen fejl eller advarsler." : PageForm.count(errors, check.problems().size() - errors));
        out.put("problemer", problems);
        out.put("visning", preview(ctx, check, file));
        return out;
    }

    private void save(HttpExchange exchange, Context ctx, Form form) throws IOException {
        String file = form.get("fil");
        String text = submitted(form);
        boolean draft = form.get("handling").equals("kladde");
        DraftCheck check = DraftCheck.of(site, file, text);
        if (check.hasErrors() && !draft) {
            long errors = check.problems().stream().filter(p -> !p.warning()).count();
            html(exchange, 422, form(ctx, file, text, form.get("version"), form,
                    "Ikke gemt: siden har " + errors + " fejl. Ret dem, eller gem siden som kladde.", check));
            return;
        }
        write(exchange, ctx, file, text, form.get("version"), text, draft && check.hasErrors() ? "kladde-fejl" : draft ? "kladde" : "gemt");
    }

    private void write(HttpExchange exchange, Context ctx, String file, String text, String version, String mine, String message) throws IOException {
        try {
            files.write(file, text, version);
            redirect(exchange, ctx.base() + PREFIX + "side?fil=" + url(file) + "&besked=" + message);
        } catch (Conflict c) {
            html(exchange, 409, ConflictPage.html(ctx, file, mine, c.textOnDisk(), c.versionOnDisk()));
        }
    }

    private void upload(HttpExchange exchange, Context ctx, Form form, boolean script) throws IOException {
        Form.Upload upload = form.upload("fil");
        if (upload == null) throw new RefusedPath("vælg en fil at lægge op");
        String name = upload.fileName().toLowerCase(Locale.ROOT);
        boolean image = IMAGE_TYPES.contains(name.substring(name.lastIndexOf('.') + 1));
        String alt = form.get("alt").strip();
        if (image && alt.isEmpty()) throw new RefusedPath("et billede skal have en alternativ tekst: beskriv, hvad billedet viser");
        String rel = files.upload(upload.fileName(), upload.bytes());
        String page = form.get("side");
        if (!page.isEmpty()) files.resolve(page);
        String from = page.isEmpty() ? "content/tilbud" : page.substring(0, page.lastIndexOf('/'));
        String link = PageForm.relative(Path.of(from), rel);
        String markdown = image ? "![" + alt.replace("]", "") + "](" + link + ")" : "[" + name + "](" + link + ")";
        if (script) {
            json(exchange, Map.of("sti", rel, "markdown", markdown));
        } else {
            html(exchange, 200, ListPage.html(ctx, Form.query(""), ListPage.load(site), trashed(),
                    "Lagt op som " + rel + ". Sæt den ind i en side i content/<mappe>/ med: " + markdown));
        }
    }

    /** A Word document as a new draft page: written only when the import has no errors, then shown in the form with the report. */
    private void importWord(HttpExchange exchange, Context ctx, Form form) throws IOException {
        Form.Upload upload = form.upload("dokument");
        if (upload == null) throw new RefusedPath("vælg et Word-dokument (.docx) at importere");
        PageType type = PageType.byTypeName(form.get("type")).orElse(PageType.PLAN);
        try {
            WordImport.Imported imported = WordImport.read(upload.bytes(), upload.fileName(), site, type, null,
                    java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")));
            if (!imported.ok()) {
                error(exchange, ctx, 422, "Dokumentet er ikke importeret: " + String.join(" ", imported.errors()));
                return;
            }
            WordImport.write(imported, site);
            String text = files.read(imported.pageFile());
            html(exchange, 200, form(ctx, imported.pageFile(), text, SiteFiles.version(text), null,
                    "Importeret fra Word som kladde. Tjek siden, og gem den. " + String.join(". ", imported.report()) + "."));
        } catch (ImportException e) {
            error(exchange, ctx, 400, e.getMessage());
        }
    }

    private String form(Context ctx, String file, String text, String version, Form submitted, String message) {
        return form(ctx, file, text, version, submitted, message, DraftCheck.of(site, file, text));
    }

    /** The form of {@code file} with {@code text}, whose check has been made already. */
    private String form(Context ctx, String file, String text, String version, Form submitted, String message, DraftCheck check) {
        PageType type = PagePaths.type(file);
        if (check.page() == null) return RawPage.html(ctx, file, text, version, check.problems(), message);
        Map<String, Object> values = submitted != null ? Values.of(submitted, type) : Values.of(check.page());
        String body = submitted != null ? submitted.get("body") : check.page().markdown();
        List<Placement.Placed> placed = Placement.of(check.problems(), check.page(), text, fieldKeys(type));
        return PageForm.html(ctx, new PageForm.Editing(file, type, version, values, body, placed, message, choices(check.checked() == null ? null : check.checked().content())));
    }

    private static Set<String> fieldKeys(PageType type) {
        return FieldSpec.of(type).stream().map(FieldSpec::key).collect(Collectors.toSet());
    }

    /** What the form offers to pick from: the site's target groups, areas, pages, glossary terms and images. */
    PageForm.Choices choices(Content content) {
        List<PageForm.Choice> groups = new ArrayList<>();
        List<PageForm.Choice> pages = new ArrayList<>();
        List<PageForm.Choice> terms = new ArrayList<>();
        List<PageForm.Choice> areas = new ArrayList<>();
        if (content != null) {
            java.text.Collator danish = java.text.Collator.getInstance(Locale.forLanguageTag("da-DK"));
            List<Page> sorted = new ArrayList<>(content.pages());
            sorted.sort((a, b) -> danish.compare(a.title(), b.title()));
            for (Page p : sorted) {
                pages.add(new PageForm.Choice(p.key(), p.title() + " (" + p.type().label() + ")", p.file()));
                if (p.type() == PageType.MAALGRUPPE) groups.add(new PageForm.Choice(p.slug(), p.title(), p.file()));
                if (p.type() == PageType.BEGREB) terms.add(new PageForm.Choice(p.key(), p.title(), p.file()));
            }
            for (String a : content.settings().areas()) areas.add(new PageForm.Choice(a, Labels.area(a), null));
        }
        List<PageForm.Choice> images = new ArrayList<>();
        try (var walk = java.nio.file.Files.walk(site.resolve("assets"))) {
            walk.map(p -> ContentLoader.relative(site, p)).filter(f -> IMAGE_TYPES.contains(f.substring(f.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)))
                    .sorted().forEach(f -> images.add(new PageForm.Choice(f, f.substring("assets/".length()), f)));
        } catch (IOException | RuntimeException ignored) {
            // no assets folder: nothing to pick yet
        }
        return new PageForm.Choices(groups, areas, pages, terms, images);
    }

    /** The page rendered with the site's templates, or a note why it cannot be yet. */
    private String preview(Context ctx, DraftCheck check, String file) {
        String html = check.checked() == null || check.page() == null ? null : PagePreview.render(site, check.checked(), file);
        if (html != null) return html;
        return "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Forhåndsvisning</title></head><body><main><p>"
                + (check.page() == null ? "Forhåndsvisningen vises, når sidens felter kan læses." : "Forhåndsvisningen vises, når fejlene er rettet.")
                + "</p></main></body></html>";
    }

    private String editAddress(Context ctx, String address) {
        Content content = ContentLoader.load(site, new Problems());
        String path = address == null || address.isEmpty() ? "/" : address;
        if (content != null) {
            for (Page p : content.pages()) {
                if (Urls.of(p).equals(path)) return ctx.base() + PREFIX + "side?fil=" + url(p.file());
            }
            for (PageType t : PageType.values()) {
                if (path.startsWith(Urls.overview(t))) return ctx.base() + PREFIX + "?type=" + t.folder();
            }
        }
        return ctx.base() + PREFIX;
    }

    private List<String> trashed() {
        try {
            return files.trashed().stream().map(Trashed::id).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private String siteTitle() {
        try {
            dk.tilbudsoversigt.content.SiteSettings s = dk.tilbudsoversigt.content.SettingsReader.read(site, new Problems());
            return s == null ? "sitet" : s.title();
        } catch (RuntimeException e) {
            return "sitet";
        }
    }

    private void error(HttpExchange exchange, Context ctx, int status, String message) throws IOException {
        html(exchange, status, Html.page(ctx, "Det gik ikke", null, "<h1>Det gik ikke</h1><p role=\"alert\">" + esc(message)
                + "</p><p><a href=\"" + ctx.base() + PREFIX + "\">Tilbage til alle sider</a></p>"));
    }

    private static void json(HttpExchange exchange, Object value) throws IOException {
        json(exchange, 200, value);
    }

    private static void json(HttpExchange exchange, int status, Object value) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value));
    }

    private static void html(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().set("Location", to);
        exchange.sendResponseHeaders(303, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        send(exchange, status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        send(exchange, status, type, body, "no-store");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, String caching) throws IOException {
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", caching);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "same-origin"); // "no-referrer" would make the browser send Origin: null, which the guard refuses
        h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'self'");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) exchange.getResponseBody().write(body);
    }
}
