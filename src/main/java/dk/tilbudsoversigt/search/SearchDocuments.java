package dk.tilbudsoversigt.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;

import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.markdown.Heading;
import dk.tilbudsoversigt.markdown.RenderedBody;
import dk.tilbudsoversigt.markdown.Section;
import dk.tilbudsoversigt.site.Checked;
import dk.tilbudsoversigt.site.Urls;

/** The documents of the search: every page in file order, each FAQ page followed by its questions. */
public final class SearchDocuments {
    private SearchDocuments() {}

    /**
     * How much a page of each type counts, whatever the words: news is of its day and "other
     * pages" are about the site, so offers, answers, terms, target groups and plans go first
     * when the words match about as well.
     */
    static double prior(PageType type) {
        return switch (type) {
            case NYHED -> 0.6;
            case SIDE -> 0.8;
            default -> 1.0;
        };
    }

    public static List<SearchDocument> of(Checked checked) {
        String base = checked.content().settings().basePath();
        Map<String, Page> groups = new LinkedHashMap<>();
        for (Page p : checked.pages()) {
            if (p.type() == PageType.MAALGRUPPE) groups.put(p.slug(), p);
        }
        List<SearchDocument> docs = new ArrayList<>();
        for (Page page : checked.pages()) {
            RenderedBody body = checked.bodies().getOrDefault(page.file(), RenderedBody.EMPTY);
            String url = base + Urls.of(page);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(Fields.TITLE.field(), page.title());
            fields.put(Fields.KEYWORDS.field(), join(page.keywords(), page.synonyms()));
            fields.put(Fields.HEADINGS.field(), String.join("\n", body.headings().stream().map(Heading::text).toList()));
            fields.put(Fields.SUMMARY.field(), page.summary() == null ? "" : page.summary());
            // a FAQ page's answers are documents of their own; the page itself is found by its title, intro and questions
            fields.put(Fields.BODY.field(), page.type() == PageType.FAQ ? Jsoup.parseBodyFragment(body.intro()).text() : body.text());
            if (page.details() instanceof Page.Offer offer) {
                List<String> names = new ArrayList<>();
                for (String slug : offer.targetGroups()) {
                    Page group = groups.get(slug);
                    if (group == null) continue;
                    names.add(group.title());
                    names.addAll(group.synonyms());
                }
                fields.put(Fields.GROUPS.field(), String.join("\n", names));
                docs.add(new SearchDocument(url, page.title(), page.summary(), page.type().typeName(), fields,
                        body.text(), offer.targetGroups(), offer.age().min(), offer.age().max(), offer.referralRequired(),
                        prior(page.type())));
            } else {
                docs.add(new SearchDocument(url, page.title(), page.summary() == null ? "" : page.summary(),
                        page.type().typeName(), fields, body.text(), List.of(), null, null, null, prior(page.type())));
            }
            if (page.type() == PageType.FAQ) {
                for (Section s : body.sections()) {
                    String answer = s.text();
                    Map<String, String> q = new LinkedHashMap<>();
                    q.put(Fields.TITLE.field(), s.heading());
                    q.put(Fields.HEADINGS.field(), page.title()); // the page the question stands under
                    q.put(Fields.BODY.field(), answer);
                    docs.add(new SearchDocument(url + "#" + s.id(), s.heading(), shorten(answer, 200),
                            page.type().typeName(), q, answer, List.of(), null, null, null, prior(page.type())));
                }
            }
        }
        return docs;
    }

    private static String join(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return String.join("\n", all);
    }

    /** At most {@code max} characters, cut at a word and marked with an ellipsis. */
    static String shorten(String text, int max) {
        if (text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }
}
