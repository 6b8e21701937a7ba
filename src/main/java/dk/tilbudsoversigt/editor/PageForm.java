package dk.tilbudsoversigt.editor;

import static dk.tilbudsoversigt.editor.Html.esc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.tilbudsoversigt.content.ActionStatus;
import dk.tilbudsoversigt.content.PageType;

/**
 * The form of one page, generated from {@link FieldSpec}: a control per front-matter field, the
 * body with its toolbar and live preview, each problem beside its field, and the help panel.
 * Without JavaScript it is a plain form that the server checks and shows again.
 */
final class PageForm {
    /** Something to pick: a target group, an area, a page, a glossary term, an image. */
    record Choice(String value, String label, String file) {}

    /** What the form offers to pick from, read from the site. */
    record Choices(List<Choice> groups, List<Choice> areas, List<Choice> pages, List<Choice> terms, List<Choice> images) {}

    /** One page being edited. */
    record Editing(String file, PageType type, String version, Map<String, Object> values, String body,
                   List<Placement.Placed> problems, String message, Choices choices) {}

    private static final int EMPTY_ROWS = 2;

    private PageForm() {}

    static String html(Editor.Context ctx, Editing e) {
        String action = ctx.base() + Editor.PREFIX;
        String title = (String) e.values().getOrDefault("title", e.file());
        StringBuilder s = new StringBuilder();
        s.append("<h1>Redigér: <span id=\"side-titel\">").append(esc(title == null ? e.file() : title)).append("</span></h1>");
        s.append("<p class=\"fil\">").append(esc(e.type().label())).append(" · <code>").append(esc(e.file())).append("</code></p>");
        s.append("<div id=\"besked\" role=\"status\" aria-live=\"polite\">");
        if (e.message() != null) s.append("<p class=\"besked\">").append(esc(e.message())).append("</p>");
        s.append("</div>");
        s.append("<div class=\"redigering\"><form id=\"side-form\" class=\"side-form\" method=\"post\" novalidate action=\"").append(action)
                .append("gem\" data-tjek=\"").append(action).append("tjek\" data-upload=\"").append(action).append("upload\" data-word=\"").append(action).append("word-indsaet\">");
        s.append(Html.secretField(ctx));
        s.append("<input type=\"hidden\" name=\"fil\" value=\"").append(esc(e.file())).append("\">");
        s.append("<input type=\"hidden\" name=\"version\" value=\"").append(esc(e.version())).append("\">");
        s.append(summary(e));
        for (FieldSpec f : FieldSpec.of(e.type())) s.append(field(f, e));
        s.append(body(ctx, e));
        s.append("<div class=\"gem\"><button type=\"submit\" name=\"handling\" value=\"gem\" id=\"gem\">Gem</button> ")
                .append("<button type=\"submit\" name=\"handling\" value=\"kladde\" id=\"gem-kladde\">Gem som kladde</button>")
                .append("<p class=\"hjaelp\">En side med fejl kan gemmes som kladde. Den kommer ikke med på det offentlige site.</p></div>");
        s.append("</form>");
        s.append("<section class=\"visning\" aria-labelledby=\"visning-titel\"><h2 id=\"visning-titel\">Sådan ser siden ud</h2>")
                .append("<p class=\"hjaelp\" id=\"visning-hjaelp\">Forhåndsvisningen følger med, mens du skriver. Uden JavaScript: gem siden og ")
                .append("<a href=\"").append(ctx.base()).append("/\">se den på sitet</a>.</p>")
                .append("<iframe id=\"visning\" title=\"Forhåndsvisning af siden\" sandbox=\"allow-same-origin\" src=\"")
                .append(action).append("visning?fil=").append(Html.url(e.file())).append("\"></iframe></section></div>");
        s.append(helpPanel(ctx, e.type()));
        s.append(pageActions(ctx, e));
        return Html.page(ctx, title == null ? e.file() : title, "rediger.js", s.toString());
    }

    /** The problems that belong to no field, and a count of all of them. */
    private static String summary(Editing e) {
        StringBuilder s = new StringBuilder("<div id=\"problemer\" class=\"problemer-samlet\" aria-live=\"polite\">");
        long errors = e.problems().stream().filter(p -> !p.problem().warning()).count();
        long warnings = e.problems().size() - errors;
        if (!e.problems().isEmpty()) {
            s.append("<p class=\"").append(errors > 0 ? "fejl" : "advarsel").append("\">").append(count(errors, warnings)).append("</p>");
        }
        s.append("<ul id=\"fejl-side\">");
        for (Placement.Placed p : e.problems()) if (p.field().isEmpty()) s.append(item(p));
        return s.append("</ul></div>").toString();
    }

    static String count(long errors, long warnings) {
        return errors + " fejl og " + warnings + (warnings == 1 ? " advarsel" : " advarsler") + " på siden.";
    }

    static String item(Placement.Placed p) {
        String where = p.field().equals("body") ? "Brødtekst, linje " + p.bodyLine() + ": " : "";
        return "<li class=\"" + (p.problem().warning() ? "advarsel" : "fejl") + "\">" + (p.problem().warning() ? "Advarsel: " : "Fejl: ")
                + esc(where + p.problem().message()) + "</li>";
    }

    private static String problems(String id, String key, Editing e) {
        StringBuilder s = new StringBuilder("<ul class=\"felt-fejl\" id=\"" + id + "-fejl\">");
        for (Placement.Placed p : e.problems()) if (p.field().equals(key)) s.append(item(p));
        return s.append("</ul>").toString();
    }

    private static boolean invalid(String key, Editing e) {
        return e.problems().stream().anyMatch(p -> p.field().equals(key) && !p.problem().warning());
    }

    private static String field(FieldSpec f, Editing e) {
        String id = f.id();
        String name = "f." + f.key();
        Object value = e.values().get(f.key());
        String described = id + "-hjaelp " + id + "-fejl";
        String label = esc(f.label()) + " <span class=\"noegle\">(" + esc(f.key()) + ")</span>" + (f.required() ? " <span class=\"paakraevet\">påkrævet</span>" : "");
        // the field's problems come right after its label and hint, where they are seen before the control
        String hint = "<span class=\"hjaelp\" id=\"" + id + "-hjaelp\">" + esc(f.hint()) + "</span>" + problems(id, f.key(), e);
        String aria = " aria-describedby=\"" + described + (f.max() > 0 ? " " + id + "-taeller" : "") + "\""
                + (f.required() ? " aria-required=\"true\"" : "") + (invalid(f.key(), e) ? " aria-invalid=\"true\"" : "");
        // a group (fieldset) may not carry aria-required; its legend says "påkrævet"
        String group = aria.replace(" aria-required=\"true\"", "");
        StringBuilder s = new StringBuilder("<div class=\"felt\" id=\"" + id + "-boks\" data-felt=\"" + esc(f.key()) + "\">");
        switch (f.kind()) {
            case TEXT, DATE -> {
                s.append("<label for=\"").append(id).append("\">").append(label).append("</label>").append(hint);
                s.append("<input id=\"").append(id).append("\" name=\"").append(name).append("\" type=\"")
                        .append(f.kind() == FieldSpec.Kind.DATE ? "date" : "text").append("\" value=\"").append(esc(value)).append("\"")
                        .append(f.max() > 0 ? " data-max=\"" + f.max() + "\"" : "").append(aria).append(">");
                s.append(counter(f, value));
            }
            case TEXTAREA -> {
                s.append("<label for=\"").append(id).append("\">").append(label).append("</label>").append(hint);
                s.append("<textarea id=\"").append(id).append("\" name=\"").append(name).append("\" rows=\"3\" data-max=\"").append(f.max())
                        .append("\"").append(aria).append(">\n").append(esc(value)).append("</textarea>");
                s.append(counter(f, value));
            }
            case STATUS -> {
                s.append("<label for=\"").append(id).append("\">").append(label).append("</label>").append(hint);
                s.append("<select id=\"").append(id).append("\" name=\"").append(name).append("\"").append(aria).append(">")
                        .append(option("published", "Udgivet", value)).append(option("draft", "Kladde", value)).append("</select>");
            }
            case AUDIENCE -> {
                s.append("<label for=\"").append(id).append("\">").append(label).append("</label>").append(hint);
                s.append("<select id=\"").append(id).append("\" name=\"").append(name).append("\"").append(aria).append(">")
                        .append(option("", "Vælg", value)).append(option("boern", "Børn", value)).append(option("voksne", "Voksne", value))
                        .append(option("alle", "Alle", value)).append("</select>");
            }
            case YES_NO -> {
                s.append("<fieldset").append(group).append("><legend>").append(label).append("</legend>").append(hint);
                s.append(radio(id + "-ja", name, "ja", "Ja", Boolean.TRUE.equals(value)));
                s.append(radio(id + "-nej", name, "nej", "Nej", Boolean.FALSE.equals(value)));
                s.append("</fieldset>");
            }
            case ON_OFF -> {
                s.append("<input type=\"checkbox\" id=\"").append(id).append("\" name=\"").append(name).append("\" value=\"ja\"")
                        .append(!Boolean.FALSE.equals(value) ? " checked" : "").append(aria).append("> <label for=\"").append(id).append("\">")
                        .append(label).append("</label>").append(hint);
            }
            case TARGET_GROUPS, AREAS -> {
                List<Choice> choices = f.kind() == FieldSpec.Kind.AREAS ? e.choices().areas() : e.choices().groups();
                List<?> chosen = value instanceof List<?> l ? l : List.of();
                s.append("<fieldset").append(group).append("><legend>").append(label).append("</legend>").append(hint).append("<ul class=\"valg\">");
                int i = 0;
                for (Choice c : choices) {
                    String cid = id + "-" + (++i);
                    s.append("<li><input type=\"checkbox\" id=\"").append(cid).append("\" name=\"").append(name).append("\" value=\"")
                            .append(esc(c.value())).append("\"").append(chosen.contains(c.value()) ? " checked" : "").append("> <label for=\"")
                            .append(cid).append("\">").append(esc(c.label())).append("</label></li>");
                }
                for (Object o : chosen) { // a value the site does not know: kept, so the check can name it
                    if (choices.stream().noneMatch(c -> c.value().equals(o))) {
                        String cid = id + "-" + (++i);
                        s.append("<li><input type=\"checkbox\" id=\"").append(cid).append("\" name=\"").append(name).append("\" value=\"")
                                .append(esc(o)).append("\" checked> <label for=\"").append(cid).append("\">").append(esc(o))
                                .append(" (findes ikke)</label></li>");
                    }
                }
                if (choices.isEmpty()) s.append("<li>Sitet har ingen at vælge imellem endnu.</li>");
                s.append("</ul></fieldset>");
            }
            case AGE -> {
                Map<?, ?> age = value instanceof Map<?, ?> m ? m : Map.of();
                s.append("<fieldset").append(group).append("><legend>").append(label).append("</legend>").append(hint);
                s.append("<span class=\"tal\"><label for=\"").append(id).append("-min\">Fra (år)</label><input type=\"number\" min=\"0\" max=\"120\" id=\"")
                        .append(id).append("-min\" name=\"").append(name).append(".min\" value=\"").append(esc(age.get("min"))).append("\"></span>");
                s.append("<span class=\"tal\"><label for=\"").append(id).append("-max\">Til (år)</label><input type=\"number\" min=\"0\" max=\"120\" id=\"")
                        .append(id).append("-max\" name=\"").append(name).append(".max\" value=\"").append(esc(age.get("max"))).append("\"></span>");
                s.append("</fieldset>");
            }
            case CONTACT -> {
                Map<?, ?> contact = value instanceof Map<?, ?> m ? m : Map.of();
                s.append("<fieldset").append(group).append("><legend>").append(label).append("</legend>").append(hint);
                for (String[] sub : FieldSpec.CONTACT) {
                    String sid = id + "-" + sub[0];
                    s.append("<p><label for=\"").append(sid).append("\">").append(esc(sub[1])).append("</label><input id=\"").append(sid)
                            .append("\" name=\"").append(name).append(".").append(sub[0]).append("\" value=\"").append(esc(contact.get(sub[0])))
                            .append("\" data-max=\"").append(sub[2]).append("\"")
                            .append(sub[0].equals("email") ? " type=\"email\" autocomplete=\"off\"" : sub[0].equals("url") ? " type=\"url\"" : "")
                            .append("></p>");
                }
                s.append("</fieldset>");
            }
            case TEXTS, PAGES -> {
                List<?> items = value instanceof List<?> l ? l : List.of();
                s.append("<fieldset class=\"liste\"").append(group).append(" data-liste=\"").append(id).append("\"><legend>").append(label)
                        .append("</legend>").append(hint).append("<ol class=\"raekker\">");
                int n = 0;
                for (Object item : items) s.append(listRow(f, e, id, ++n, String.valueOf(item)));
                for (int k = 0; k < EMPTY_ROWS; k++) s.append(listRow(f, e, id, ++n, ""));
                s.append("</ol><template>").append(listRow(f, e, id, 0, "")).append("</template>")
                        .append("<button type=\"button\" class=\"tilfoej\" hidden>Tilføj ").append(esc(f.label().toLowerCase(java.util.Locale.ROOT)))
                        .append("</button></fieldset>");
            }
            case ITEMS -> {
                List<?> items = value instanceof List<?> l ? l : List.of();
                s.append("<fieldset class=\"liste\"").append(group).append(" data-liste=\"").append(id).append("\"><legend>").append(label)
                        .append("</legend>").append(hint).append("<ol class=\"raekker punkter\">");
                int n = 0;
                for (Object item : items) s.append(itemRow(id, ++n, item instanceof Map<?, ?> m ? m : Map.of()));
                for (int k = 0; k < 1; k++) s.append(itemRow(id, ++n, Map.of()));
                s.append("</ol><template>").append(itemRow(id, 0, Map.of())).append("</template>")
                        .append("<button type=\"button\" class=\"tilfoej\" hidden>Tilføj punkt</button></fieldset>");
            }
        }
        return s.append("</div>").toString();
    }

    private static String counter(FieldSpec f, Object value) {
        if (f.max() <= 0) return "";
        int length = value == null ? 0 : value.toString().length();
        return "<span class=\"taeller\" id=\"" + f.id() + "-taeller\">" + length + " af højst " + f.max() + " tegn</span>";
    }

    private static String option(String value, String label, Object current) {
        return "<option value=\"" + esc(value) + "\"" + (value.equals(current == null ? "" : current.toString()) ? " selected" : "") + ">" + esc(label) + "</option>";
    }

    private static String radio(String id, String name, String value, String label, boolean checked) {
        return "<span class=\"radio\"><input type=\"radio\" id=\"" + id + "\" name=\"" + name + "\" value=\"" + value + "\"" + (checked ? " checked" : "")
                + "> <label for=\"" + id + "\">" + label + "</label></span>";
    }

    /** One row of a list editor; number 0 is the template JavaScript copies (it renumbers). */
    private static String listRow(FieldSpec f, Editing e, String id, int n, String value) {
        String rid = id + "-" + n;
        String rowLabel = f.label() + " " + (n == 0 ? "" : n);
        StringBuilder s = new StringBuilder("<li><label class=\"skjult\" for=\"" + rid + "\">" + esc(rowLabel) + "</label>");
        if (f.kind() == FieldSpec.Kind.PAGES) {
            s.append("<select id=\"").append(rid).append("\" name=\"f.").append(f.key()).append("\">").append(option("", "Ingen", value));
            boolean known = value.isEmpty();
            for (Choice c : e.choices().pages()) {
                if (c.file().equals(e.file())) continue;
                known |= c.value().equals(value);
                s.append(option(c.value(), c.label(), value));
            }
            if (!known) s.append(option(value, value + " (findes ikke)", value));
            s.append("</select>");
        } else {
            s.append("<input id=\"").append(rid).append("\" name=\"f.").append(f.key()).append("\" value=\"").append(esc(value)).append("\">");
        }
        return s.append(" <button type=\"button\" class=\"fjern\" hidden aria-label=\"Fjern ").append(esc(rowLabel)).append("\">Fjern</button></li>").toString();
    }

    private static String itemRow(String id, int n, Map<?, ?> item) {
        String rid = id + "-" + n;
        StringBuilder s = new StringBuilder("<li><fieldset><legend>Punkt " + (n == 0 ? "" : n) + "</legend>");
        String[][] parts = {{"nr", "Nummer"}, {"title", "Titel"}, {"description", "Beskrivelse"}, {"deadline", "Frist"}, {"note", "Note"}};
        for (String[] p : parts) {
            String pid = rid + "-" + p[0];
            s.append("<p><label for=\"").append(pid).append("\">").append(p[1]).append("</label>");
            if (p[0].equals("description") || p[0].equals("note")) {
                s.append("<textarea rows=\"2\" id=\"").append(pid).append("\" name=\"f.items.").append(p[0]).append("\">\n").append(esc(item.get(p[0]))).append("</textarea>");
            } else {
                s.append("<input id=\"").append(pid).append("\" name=\"f.items.").append(p[0]).append("\" value=\"").append(esc(item.get(p[0]))).append("\">");
            }
            s.append("</p>");
            if (p[0].equals("deadline")) {
                String sid = rid + "-status";
                Object current = item.get("status");
                s.append("<p><label for=\"").append(sid).append("\">Status</label><select id=\"").append(sid).append("\" name=\"f.items.status\">")
                        .append(option("", "Ingen", current));
                for (ActionStatus a : ActionStatus.values()) s.append(option(a.key(), a.label(), current));
                s.append("</select></p>");
            }
        }
        return s.append("<button type=\"button\" class=\"fjern\" hidden>Fjern punkt</button></fieldset></li>").toString();
    }

    private static String body(Editor.Context ctx, Editing e) {
        StringBuilder s = new StringBuilder("<div class=\"felt brødtekst\" id=\"felt-body-boks\" data-felt=\"body\">");
        s.append("<label for=\"body\">Brødtekst</label><span class=\"hjaelp\" id=\"body-hjaelp\">Markdown: ## overskrift, **fed**, - punkt. "
                + "Værktøjerne herunder skriver det for dig. Tekst sat ind fra Word, Google Docs eller en hjemmeside bliver til Markdown.</span>");
        s.append(problems("body", "body", e));
        s.append("<div id=\"word-rapport\" class=\"word-rapport\" role=\"status\" aria-live=\"polite\"></div>");
        s.append("<div role=\"toolbar\" id=\"vaerktoejer\" class=\"vaerktoejer\" aria-label=\"Formatering af brødteksten\" aria-controls=\"body\" hidden>");
        s.append("<button type=\"button\" data-indsaet=\"overskrift\">Overskrift</button>");
        s.append("<button type=\"button\" data-indsaet=\"fed\">Fed</button>");
        s.append("<button type=\"button\" data-indsaet=\"liste\">Punktliste</button>");
        s.append("<span class=\"vaelg\"><label for=\"link-side\">Link til side</label><select id=\"link-side\">").append(option("", "Vælg en side", ""));
        Path here = Path.of(e.file()).getParent();
        for (Choice c : e.choices().pages()) {
            if (c.file().equals(e.file())) continue;
            s.append(option(relative(here, c.file()), c.label(), ""));
        }
        s.append("</select><button type=\"button\" data-indsaet=\"link\">Indsæt link</button></span>");
        s.append("<span class=\"vaelg\"><label for=\"link-begreb\">Link til begreb</label><select id=\"link-begreb\">").append(option("", "Vælg et begreb", ""));
        for (Choice c : e.choices().terms()) s.append(option(relative(here, c.file()), c.label(), ""));
        s.append("</select><button type=\"button\" data-indsaet=\"begreb\">Indsæt begreb</button></span>");
        s.append("<button type=\"button\" data-indsaet=\"billede\" aria-expanded=\"false\" aria-controls=\"billede-panel\">Billede</button>");
        s.append("</div>");
        s.append("<div id=\"billede-panel\" class=\"billede-panel\" hidden><fieldset><legend>Indsæt billede</legend>");
        s.append("<p><label for=\"billede-fil\">Billede fra sitet</label><select id=\"billede-fil\">").append(option("", "Vælg et billede", ""));
        for (Choice c : e.choices().images()) s.append(option(relative(here, c.file()), c.label(), ""));
        s.append("</select></p><p><label for=\"billede-upload\">Eller læg et nyt billede op</label><input type=\"file\" id=\"billede-upload\" accept=\"image/png,image/jpeg,image/gif,image/webp,image/avif\"></p>");
        s.append("<p><label for=\"billede-alt\">Alternativ tekst (påkrævet)</label><input id=\"billede-alt\" aria-describedby=\"billede-alt-hjaelp billede-fejl\">"
                + "<span class=\"hjaelp\" id=\"billede-alt-hjaelp\">Beskriv, hvad billedet viser. Uden alternativ tekst kan billedet ikke sættes ind.</span></p>");
        s.append("<p id=\"billede-fejl\" class=\"felt-fejl\" role=\"alert\"></p>");
        s.append("<p><button type=\"button\" id=\"billede-indsaet\">Sæt billedet ind</button></p></fieldset></div>");
        s.append("<textarea id=\"body\" name=\"body\" rows=\"24\" spellcheck=\"true\" aria-describedby=\"body-hjaelp body-fejl\"")
                .append(invalid("body", e) ? " aria-invalid=\"true\"" : "").append(">\n").append(esc(e.body())).append("</textarea>");
        return s.append("</div>").toString();
    }

    /** The Markdown path from the page's folder to another file of the site. */
    static String relative(Path from, String file) {
        return from.relativize(Path.of(file)).toString().replace('\\', '/');
    }

    private static String helpPanel(Editor.Context ctx, PageType type) {
        String guide = ctx.base() + Editor.PREFIX + "vejledning#";
        StringBuilder s = new StringBuilder("<aside class=\"hjaelp-panel\" aria-labelledby=\"hjaelp-titel\"><h2 id=\"hjaelp-titel\">Hjælp til felterne</h2><ul>");
        List<String> seen = new ArrayList<>();
        for (FieldSpec f : FieldSpec.of(type)) {
            s.append("<li><a href=\"").append(guide).append(f.guide()).append("\">").append(esc(f.label())).append("</a></li>");
            seen.add(f.key());
        }
        s.append("<li><a href=\"").append(guide).append(FieldSpec.BODY_GUIDE).append("\">Brødtekst</a></li>");
        s.append("<li><a href=\"").append(guide).append("billeder-og-filer\">Billeder og filer</a></li>");
        s.append("<li><a href=\"").append(guide).append("rediger-i-browseren\">Redigér i browseren</a></li>");
        return s.append("</ul></aside>").toString();
    }

    /** Duplicate, change the address, delete: each its own small form. */
    private static String pageActions(Editor.Context ctx, Editing e) {
        String action = ctx.base() + Editor.PREFIX;
        String slug = e.file().substring(e.file().lastIndexOf('/') + 1).replaceAll("\\.md$", "");
        String hidden = Html.secretField(ctx) + "<input type=\"hidden\" name=\"fil\" value=\"" + esc(e.file()) + "\">";
        return "<section class=\"side-handlinger\" aria-labelledby=\"handlinger-titel\"><h2 id=\"handlinger-titel\">Flere muligheder</h2>"
                + "<form id=\"omdoeb\" class=\"boks\" method=\"post\" action=\"" + action + "omdoeb\">" + hidden
                + "<h3>Skift adresse</h3><p><label for=\"omdoeb-navn\">Nyt filnavn</label><input id=\"omdoeb-navn\" name=\"navn\" value=\"" + esc(slug)
                + "\" aria-describedby=\"omdoeb-hjaelp\"><span class=\"hjaelp\" id=\"omdoeb-hjaelp\">Links til siden fra andre sider bliver rettet med det samme.</span></p>"
                + "<p><button type=\"submit\">Skift adresse</button></p></form>"
                + "<form id=\"kopier\" class=\"boks\" method=\"post\" action=\"" + action + "kopier\">" + hidden
                + "<h3>Lav en kopi</h3><p><label for=\"kopier-navn\">Kopiens filnavn</label><input id=\"kopier-navn\" name=\"navn\" value=\"" + esc(slug + "-kopi")
                + "\"></p><p><button type=\"submit\">Lav kopi</button></p></form>"
                + "<form id=\"slet\" class=\"boks\" method=\"post\" action=\"" + action + "slet\">" + hidden
                + "<h3>Slet siden</h3><p>Siden lægges i papirkurven, hvor du kan gendanne den.</p><p><button type=\"submit\">Læg i papirkurven</button></p></form>"
                + "</section>";
    }
}
