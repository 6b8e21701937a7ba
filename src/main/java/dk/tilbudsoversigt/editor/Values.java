package dk.tilbudsoversigt.editor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;

/**
 * A page's front matter as the form shows it, key by key: text and dates as String, yes/no as
 * Boolean, lists as List of String, age and contact as maps, action items as a list of maps.
 * An absent value is null.
 */
final class Values {
    private Values() {}

    static Map<String, Object> of(Page page) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", page.title());
        v.put("summary", page.summary());
        v.put("status", page.draft() ? "draft" : "published");
        v.put("updated", date(page.updated()));
        v.put("keywords", page.keywords());
        v.put("related", page.related());
        v.put("glossary_links", page.glossaryLinks());
        Page.Details d = page.details();
        if (d instanceof Page.Offer o) {
                v.put("target_groups", o.targetGroups());
                Map<String, Object> age = new LinkedHashMap<>();
                age.put("min", o.age().min());
                age.put("max", o.age().max());
                v.put("age", age);
                v.put("referral_required", o.referralRequired());
                v.put("areas", o.areas());
                v.put("legal_basis", o.legalBasis());
                v.put("price", o.price());
                Page.Contact c = o.contact();
                Map<String, Object> contact = new LinkedHashMap<>();
                put(contact, "unit", c.unit());
                put(contact, "name", c.name());
                put(contact, "phone", c.phone());
                put(contact, "email", c.email());
                put(contact, "address", c.address());
                put(contact, "hours", c.hours());
                put(contact, "url", c.url());
                v.put("contact", contact);
                v.put("review_by", date(o.reviewBy()));
        } else if (d instanceof Page.TargetGroup || d instanceof Page.Term) {
            v.put("synonyms", page.synonyms());
        } else if (d instanceof Page.Plan p) {
            v.put("period", p.period());
            v.put("audience", p.audience());
        } else if (d instanceof Page.ActionPlan a) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (Page.ActionItem i : a.items()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    put(item, "nr", i.nr());
                    put(item, "title", i.title());
                    put(item, "description", i.description());
                    put(item, "deadline", i.deadline());
                    put(item, "status", i.status() == null ? null : i.status().key());
                    put(item, "note", i.note());
                    items.add(item);
                }
                v.put("items", items);
        } else if (d instanceof Page.News n) {
            v.put("date", date(n.date()));
        }
        return v;
    }

    /** What a submitted form says, field by field ("f.title", "f.contact.phone", "f.items.nr" once per row, ...). */
    static Map<String, Object> of(Form form, PageType type) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (FieldSpec f : FieldSpec.of(type)) {
            String name = "f." + f.key();
            Object value = switch (f.kind()) {
                case TEXT, TEXTAREA, DATE, STATUS, AUDIENCE -> text(form.get(name));
                case YES_NO -> switch (form.get(name)) {
                    case "ja" -> Boolean.TRUE;
                    case "nej" -> Boolean.FALSE;
                    default -> null;
                };
                case ON_OFF -> form.has(name);
                case TARGET_GROUPS, AREAS, TEXTS, PAGES -> texts(form.all(name));
                case AGE -> {
                    Map<String, Object> age = new LinkedHashMap<>();
                    age.put("min", number(form.get(name + ".min")));
                    age.put("max", number(form.get(name + ".max")));
                    yield age;
                }
                case CONTACT -> {
                    Map<String, Object> contact = new LinkedHashMap<>();
                    for (String[] sub : FieldSpec.CONTACT) put(contact, sub[0], text(form.get(name + "." + sub[0])));
                    yield contact;
                }
                case ITEMS -> {
                    List<Map<String, Object>> items = new ArrayList<>();
                    List<String> numbers = form.all(name + ".nr");
                    for (int i = 0; i < numbers.size(); i++) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        for (String key : FieldSpec.ITEM_KEYS) {
                            List<String> column = form.all(name + "." + key);
                            put(item, key, i < column.size() ? text(column.get(i)) : null);
                        }
                        if (!item.isEmpty()) items.add(item);
                    }
                    yield items;
                }
            };
            v.put(f.key(), value);
        }
        return v;
    }

    /** A value as the file should hold it: absent when empty, maps without their empty entries. */
    static Object forFile(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                Object f = forFile(v);
                if (f != null) out.put(k.toString(), f);
            });
            return out.isEmpty() ? null : out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                Object f = forFile(o);
                if (f != null) out.add(f);
            }
            return out.isEmpty() ? null : out;
        }
        return value;
    }

    /** Ticked boxes come in the site's order; the file keeps its own order, new ones at the end. */
    static Object inOrderOf(Object now, Object was) {
        if (!(now instanceof List<?> ticked) || !(was instanceof List<?> before)) return now;
        List<Object> out = new ArrayList<>();
        for (Object o : before) if (ticked.contains(o) && !out.contains(o)) out.add(o);
        for (Object o : ticked) if (!out.contains(o)) out.add(o);
        return out;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) map.put(key, value);
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String text(String s) {
        String t = s == null ? "" : s.strip();
        return t.isEmpty() ? null : t;
    }

    private static List<String> texts(List<String> all) {
        return all.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A whole number as a number, anything else as the text typed, so that the check names it. */
    private static Object number(String s) {
        String t = text(s);
        if (t == null) return null;
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            return t;
        }
    }
}
