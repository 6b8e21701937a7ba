package dk.tilbudsoversigt.editor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

/** What a browser submits for a form: its fields in document order, as a browser without JavaScript would send them. */
final class FormFields {
    private FormFields() {}

    static List<Map.Entry<String, String>> of(Element form) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Element el : form.select("input[name], textarea[name], select[name]")) {
            if (el.closest("template") != null) continue;
            String name = el.attr("name");
            switch (el.tagName()) {
                case "input" -> {
                    String type = el.attr("type").isEmpty() ? "text" : el.attr("type");
                    if ((type.equals("checkbox") || type.equals("radio")) && !el.hasAttr("checked")) continue;
                    if (type.equals("file") || type.equals("submit")) continue;
                    out.add(Map.entry(name, el.hasAttr("value") ? el.attr("value") : (type.equals("checkbox") ? "on" : "")));
                }
                case "textarea" -> out.add(Map.entry(name, el.wholeText().startsWith("\n") ? el.wholeText().substring(1) : el.wholeText()));
                default -> {
                    Element chosen = el.selectFirst("option[selected]");
                    if (chosen == null) chosen = el.selectFirst("option");
                    out.add(Map.entry(name, chosen == null ? "" : chosen.attr("value")));
                }
            }
        }
        return out;
    }

    static Form form(List<Map.Entry<String, String>> fields) {
        Form f = Form.query("");
        for (Map.Entry<String, String> e : fields) f.add(e.getKey(), e.getValue());
        return f;
    }

    static String encoded(List<Map.Entry<String, String>> fields) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : fields) {
            if (s.length() > 0) s.append('&');
            s.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return s.toString();
    }
}
