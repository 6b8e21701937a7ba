package dk.tilbudsoversigt.markdown;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The raw HTML an editor may write in Markdown. Everything else is refused with a reason:
 * the built site runs under a Content-Security-Policy that allows no inline script or style.
 */
final class HtmlSafeList {
    private static final Set<String> ELEMENTS = Set.of("a", "abbr", "b", "br", "caption", "cite", "code", "dd", "del",
            "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i",
            "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary",
            "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul");
    private static final Set<String> GLOBAL_ATTRIBUTES = Set.of("title", "lang", "class", "id", "dir");
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "a", Set.of("href", "hreflang", "rel"),
            "img", Set.of("src", "alt", "width", "height"),
            "td", Set.of("colspan", "rowspan", "headers"),
            "th", Set.of("colspan", "rowspan", "scope", "headers", "abbr"),
            "time", Set.of("datetime"),
            "details", Set.of("open"),
            "ol", Set.of("start", "reversed", "type"),
            "q", Set.of("cite"),
            "abbr", Set.of("title"));
    private static final Set<String> WHY_NOT = Set.of("script", "iframe", "style", "object", "embed", "form", "input",
            "button", "link", "meta", "base", "frame", "frameset", "svg", "math", "applet", "textarea", "select");

    private HtmlSafeList() {}

    /** The first reason this piece of raw HTML is not allowed, or null when it is fine. */
    static String check(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        for (String tag : WHY_NOT) {
            if (lower.matches("(?s).*<\\s*" + tag + "[\\s>/].*")) {
                return "HTML-elementet <" + tag + "> er ikke tilladt; sitet kører uden indlejrede scripts, rammer og typografi";
            }
        }
        for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            String name = e.normalName();
            if (name.equals("body") || name.equals("#root")) continue;
            if (!ELEMENTS.contains(name)) {
                return "HTML-elementet <" + name + "> er ikke på listen over tilladt HTML; brug Markdown i stedet";
            }
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on")) {
                    return "HTML-attributten " + key + "= er ikke tilladt: sitet må ikke køre scripts fra siderne";
                }
                if (key.equals("style")) {
                    return "HTML-attributten style= er ikke tilladt; sitets udseende styres af dets CSS";
                }
                if (!GLOBAL_ATTRIBUTES.contains(key) && !ATTRIBUTES.getOrDefault(name, Set.of()).contains(key)) {
                    return "HTML-attributten " + key + "= er ikke tilladt på <" + name + ">";
                }
                if ((key.equals("href") || key.equals("src") || key.equals("cite")) && Links.isScript(a.getValue())) {
                    return "en javascript:-adresse er ikke tilladt";
                }
            }
        }
        return null;
    }
}
