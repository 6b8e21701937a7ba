package dk.tilbudsoversigt.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.SiteSettings;
import dk.tilbudsoversigt.markdown.RenderedBody;
import dk.tilbudsoversigt.markdown.Section;

/** schema.org data as JSON-LD, escaped so that no text can close the script element it sits in. */
public final class JsonLd {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLd() {}

    static String faq(RenderedBody body) {
        List<Object> questions = new ArrayList<>();
        for (Section s : body.sections()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("@type", "Answer");
            answer.put("text", s.text());
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("@type", "Question");
            q.put("name", s.heading());
            q.put("acceptedAnswer", answer);
            questions.add(q);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "https://schema.org");
        root.put("@type", "FAQPage");
        root.put("mainEntity", questions);
        return write(root);
    }

    static String offer(Page page, SiteSettings settings) {
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("@type", "GovernmentOrganization");
        provider.put("name", settings.owner());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "https://schema.org");
        root.put("@type", "GovernmentService");
        root.put("name", page.title());
        root.put("description", page.summary());
        root.put("provider", provider);
        if (!settings.url().isEmpty()) root.put("url", settings.url() + Urls.of(page));
        return write(root);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
