package dk.tilbudsoversigt.benchmark;

import static dk.tilbudsoversigt.benchmark.SyntheticSite.q;


import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The synthetic site as a Hugo site with templates comparable to ours: a page per offer with its
 * fact box, the offer overview listing every offer, a page per target group, age band, area and
 * referral listing its offers (Hugo taxonomies, as our facet pages), FAQ and glossary pages with
 * their lists, news, a front page with counts, and a render hook that turns links to .md files
 * into page URLs, as our build does. Hugo does not link glossary terms in bodies; ours does.
 */
final class HugoSite {
    private HugoSite() {}

    static void write(Path site, SyntheticSite.Model model) throws IOException {
        SyntheticSite.write(site.resolve("config.toml"), """
                baseURL = "https://www.example.dk/handicap/"
                languageCode = "da"
                title = "Tilbudsoversigt for handicapområdet"
                rssLimit = 20
                disableHugoGeneratorInject = true
                [params]
                  owner = "Benchmark Kommune"
                [taxonomies]
                  maalgruppe = "maalgrupper"
                  alder = "alder"
                  omraade = "omraade"
                  visitation = "visitation"
                [outputs]
                  home = ["HTML", "RSS"]
                  section = ["HTML"]
                  taxonomy = ["HTML"]
                  term = ["HTML"]
                  page = ["HTML"]
                """);
        layouts(site);
        SyntheticSite.write(site.resolve("content/_index.md"), "---\ntitle: Velkommen\n---\nHer finder du kommunens tilbud til børn og voksne med handicap.\n");
        section(site, "tilbud", "Alle tilbud");
        section(site, "faq", "Spørgsmål og svar");
        section(site, "begreber", "Begreber A–Å");
        section(site, "nyheder", "Nyheder");
        for (int k = 1; k <= model.groups().size(); k++) {
            String name = model.groups().get(k - 1);
            SyntheticSite.write(site.resolve("content/maalgrupper/gruppe-" + k + "/_index.md"), "---\ntitle: " + q(name)
                    + "\nsummary: " + q("Børn, unge og voksne med " + name.toLowerCase() + " og deres familier.")
                    + "\n---\n\nHer kan du læse om hjælp til mennesker med " + name.toLowerCase()
                    + ". Kommunen ser på, hvordan du klarer dig i hverdagen, og hvad du selv ønsker.\n\n"
                    + "Herunder kan du se de tilbud, der passer til målgruppen.\n");
        }
        for (SyntheticSite.Term t : model.terms()) {
            SyntheticSite.write(site.resolve("content/begreber/" + t.slug() + ".md"), "---\ntitle: " + q(t.title())
                    + "\nsummary: " + q(t.summary()) + "\n---\n\n" + t.summary() + " Spørg din sagsbehandler, hvis du vil vide mere.\n");
        }
        for (SyntheticSite.Faq f : model.faqs()) {
            SyntheticSite.write(site.resolve("content/faq/" + f.slug() + ".md"), "---\ntitle: " + q(f.title())
                    + "\nsummary: " + q(f.summary()) + "\n---\n" + f.body());
        }
        for (SyntheticSite.News n : model.news()) {
            SyntheticSite.write(site.resolve("content/nyheder/" + n.slug() + ".md"), "---\ntitle: " + q(n.title())
                    + "\nsummary: " + q(n.summary()) + "\ndate: " + n.date() + "\n---\n" + n.body() + "\n");
        }
        for (SyntheticSite.Offer o : model.offers()) {
            StringBuilder f = new StringBuilder("---\n");
            f.append("title: ").append(q(o.title())).append('\n');
            f.append("summary: ").append(q(o.summary())).append('\n');
            f.append("lastmod: ").append(o.updated()).append('\n');
            f.append("maalgrupper: [").append(o.groups().stream().map(g -> "gruppe-" + g).collect(Collectors.joining(", "))).append("]\n");
            f.append("alder: [").append(o.bands().stream().map(SyntheticSite::q).collect(Collectors.joining(", "))).append("]\n");
            f.append("omraade: [").append(String.join(", ", o.areas())).append("]\n");
            f.append("visitation: [").append(o.referral() ? "ja" : "nej").append("]\n");
            f.append("ages: ").append(q(o.ageMax() == null ? o.ageMin() + " år og derover" : o.ageMin() + "–" + o.ageMax() + " år")).append('\n');
            f.append("unit: ").append(q("Benchmark Kommune, " + o.unit())).append('\n');
            f.append("---\n").append(o.body());
            SyntheticSite.write(site.resolve("content/" + o.file()), f.toString());
        }
    }

    private static void section(Path site, String name, String title) throws IOException {
        SyntheticSite.write(site.resolve("content/" + name + "/_index.md"), "---\ntitle: " + q(title) + "\n---\n");
    }

    private static void layouts(Path site) throws IOException {
        SyntheticSite.write(site.resolve("layouts/_default/baseof.html"), """
                <!DOCTYPE html>
                <html lang="da">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; object-src 'none'">
                <title>{{ .Title }} – {{ site.Params.owner }}</title>
                <meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Title }}{{ end }}">
                <link rel="canonical" href="{{ .Permalink }}">
                <link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
                </head>
                <body>
                <a class="spring-over" href="#indhold">Gå til indholdet</a>
                <header class="sidehoved">
                  <p class="sitenavn"><a href="{{ "/" | relURL }}">{{ site.Title }}<span class="ejer">{{ site.Params.owner }}</span></a></p>
                  <form class="soegefelt" role="search" action="{{ "soeg/" | relURL }}" method="get">
                    <label for="soeg-top">Søg på sitet</label><input id="soeg-top" type="search" name="q"><button type="submit">Søg</button>
                  </form>
                  <nav aria-label="Hovedmenu"><ul>
                    <li><a href="{{ "tilbud/" | relURL }}">Tilbud</a></li>
                    <li><a href="{{ "maalgrupper/" | relURL }}">Målgrupper</a></li>
                    <li><a href="{{ "faq/" | relURL }}">Spørgsmål og svar</a></li>
                    <li><a href="{{ "begreber/" | relURL }}">Begreber A–Å</a></li>
                    <li><a href="{{ "nyheder/" | relURL }}">Nyheder</a></li>
                  </ul></nav>
                </header>
                {{ if not .IsHome }}<nav class="broedkrummer" aria-label="Brødkrummer"><ol><li><a href="{{ "/" | relURL }}">Forside</a></li>{{ with .Parent }}{{ if not .IsHome }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}<li><span aria-current="page">{{ .Title }}</span></li></ol></nav>{{ end }}
                <main id="indhold">
                {{ block "main" . }}{{ end }}
                </main>
                <footer class="sidefod"><h2>Kontakt {{ site.Params.owner }}</h2><ul><li>Kontakt {{ site.Params.owner }} for hjælp.</li></ul>
                <ul class="fodlinks"><li><a href="{{ "was/" | relURL }}">Tilgængelighedserklæring</a></li></ul></footer>
                </body>
                </html>
                """);
        SyntheticSite.write(site.resolve("layouts/partials/card.html"), """
                <li class="kort" data-alder="{{ delimit (.Params.alder | default slice) " " }}" data-maalgruppe="{{ delimit (.Params.maalgrupper | default slice) " " }}" data-omraade="{{ delimit (.Params.omraade | default slice) " " }}">
                  <h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
                  <p>{{ .Params.summary }}</p>
                  <p class="fakta-linje"><span>{{ .Params.ages }}</span> · <span>{{ if in .Params.visitation "ja" }}Kræver visitation{{ else }}Uden visitation{{ end }}</span></p>
                </li>
                """);
        SyntheticSite.write(site.resolve("layouts/_default/single.html"), """
                {{ define "main" }}
                <h1>{{ .Title }}</h1>
                <p class="manchet">{{ .Params.summary }}</p>
                {{ if eq .Section "tilbud" }}
                <section class="faktaboks"><h2>Kort om tilbuddet</h2><dl>
                  <dt>Målgruppe</dt><dd>{{ range $i, $t := .GetTerms "maalgrupper" }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</dd>
                  <dt>Alder</dt><dd>{{ .Params.ages }}</dd>
                  <dt>Visitation</dt><dd>{{ if in .Params.visitation "ja" }}Ja. Kommunen skal træffe en afgørelse.{{ else }}Nej.{{ end }}</dd>
                  <dt>Område</dt><dd>{{ range $i, $t := .GetTerms "omraade" }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</dd>
                </dl><h3>Kontakt</h3><ul class="kontaktliste"><li>{{ .Params.unit }}</li></ul>
                <p>Opdateret {{ .Lastmod.Format "2. January 2006" }}</p></section>
                {{ end }}
                <div class="broedtekst">{{ .Content }}</div>
                {{ end }}
                """);
        SyntheticSite.write(site.resolve("layouts/_default/list.html"), """
                {{ define "main" }}
                <h1>{{ .Title }}</h1>
                {{ .Content }}
                {{ if eq .Section "tilbud" }}
                <p class="manchet">{{ len .Pages }} tilbud.</p>
                <ul class="kortliste" id="tilbudsliste">{{ range .Pages.ByTitle }}{{ partial "card.html" . }}{{ end }}</ul>
                {{ else }}
                <ul>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Params.summary }}</p></li>{{ end }}</ul>
                {{ end }}
                {{ end }}
                """);
        SyntheticSite.write(site.resolve("layouts/_default/term.html"), """
                {{ define "main" }}
                <h1>{{ .Title }}</h1>
                <div class="broedtekst">{{ .Content }}</div>
                <section><h2>Tilbud ({{ len .Pages }})</h2>
                <ul class="kortliste">{{ range .Pages.ByTitle }}{{ partial "card.html" . }}{{ end }}</ul></section>
                {{ end }}
                """);
        SyntheticSite.write(site.resolve("layouts/_default/taxonomy.html"), """
                {{ define "main" }}
                <h1>{{ .Title }}</h1>
                <ul>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>{{ end }}</ul>
                {{ end }}
                """);
        SyntheticSite.write(site.resolve("layouts/index.html"), """
                {{ define "main" }}
                <h1>{{ site.Title }}</h1>
                {{ .Content }}
                <h2>Tilbud efter alder</h2>
                <ul>{{ range .Site.Taxonomies.alder.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
                <h2>Målgrupper</h2>
                <ul>{{ range .Site.Taxonomies.maalgrupper.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
                <h2>Nyheder</h2>
                <ul>{{ range first 3 (where .Site.RegularPages "Section" "nyheder").ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
                <p>{{ len (where .Site.RegularPages "Section" "tilbud") }} tilbud i alt.</p>
                {{ end }}
                """);
        SyntheticSite.write(site.resolve("layouts/404.html"), """
                {{ define "main" }}<h1>Siden findes ikke</h1>{{ end }}
                """);
        SyntheticSite.write(site.resolve("layouts/_default/_markup/render-link.html"), """
                {{- $u := urls.Parse .Destination -}}
                {{- $href := .Destination -}}
                {{- if and (not $u.IsAbs) (strings.HasSuffix $u.Path ".md") -}}
                  {{- with .Page.GetPage (strings.TrimSuffix ".md" $u.Path) -}}
                    {{- $href = .RelPermalink -}}
                    {{- with $u.Fragment }}{{ $href = printf "%s#%s" $href . }}{{ end -}}
                  {{- end -}}
                {{- end -}}
                <a href="{{ $href | safeURL }}">{{ .Text | safeHTML }}</a>
                {{- /* */ -}}
                """);
        SyntheticSite.write(site.resolve("static/css/site.css"), "body { font-family: sans-serif; max-width: 40em; margin: auto; }\n");
    }

    /** Hugo's own name for the files it was given, for messages. */
    static List<String> command(Path hugo, Path site, Path out) {
        return List.of(hugo.toString(), "--source", site.toString(), "--destination", out.toString(), "--quiet");
    }
}
