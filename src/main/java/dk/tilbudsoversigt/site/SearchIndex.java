package dk.tilbudsoversigt.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.markdown.RenderedBody;
import dk.tilbudsoversigt.markdown.Section;

/**
 * The documents of the first, simple browser search (assets/js/soeg.js): every page, and
 * every FAQ question as a document of its own that links to its anchor.
 */
public final class SearchIndex {
    private static final int TEXT_LIMIT = 2000;

    private SearchIndex() {}

    public static String json(Checked checked) {
        String base = checked.content().settings().basePath();
        List<Object> docs = new ArrayList<>();
        for (Page page : checked.pages()) {
            RenderedBody body = checked.bodies().getOrDefault(page.file(), RenderedBody.EMPTY);
            Map<String, Object> doc = doc(page, base + Urls.of(page), page.title(), page.summary(), body.text());
            List<String> keywords = new ArrayList<>(page.keywords());
            keywords.addAll(page.synonyms());
            doc.put("keywords", keywords);
            if (page.details() instanceof Page.Offer offer) {
                doc.put("targetGroups", offer.targetGroups());
                doc.put("ageMin", offer.age().min());
                if (offer.age().max() != null) doc.put("ageMax", offer.age().max());
                doc.put("referral", offer.referralRequired());
            }
            docs.add(doc);
            if (page.type() == PageType.FAQ) {
                for (Section s : body.sections()) {
                    Map<String, Object> q = doc(page, base + Urls.of(page) + "#" + s.id(), s.heading(), shorten(s.text(), 200), s.text());
                    q.put("keywords", List.of());
                    docs.add(q);
                }
            }
        }
        return JsonLd.write(docs);
    }

    private static Map<String, Object> doc(Page page, String url, String title, String summary, String text) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("url", url);
        doc.put("title", title);
        doc.put("summary", summary == null ? "" : summary);
        doc.put("type", page.type().typeName());
        doc.put("text", shorten(text, TEXT_LIMIT));
        return doc;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
