package dk.tilbudsoversigt.editor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.tilbudsoversigt.content.LineException;
import dk.tilbudsoversigt.content.Yaml;

/**
 * Writes front matter values the way editors write them by hand (plain where that reads back
 * the same, double-quoted otherwise). Whether a text may stay plain is decided by reading it
 * back with the content module's own YAML reader, so nothing is written that reads differently.
 */
final class YamlWriter {
    private YamlWriter() {}

    /** Flow ([a, b], {min: 0}) or block style, and the indentation of block list items or map keys below their key. */
    record Style(boolean flow, String itemIndent) {
        static final Style DEFAULT = new Style(false, "  ");
        static final Style FLOW = new Style(true, "  ");
    }

    /** The lines of {@code key: value} at {@code indent}, without line endings. */
    static List<String> entry(String key, Object value, String indent, Style style) {
        List<String> out = new ArrayList<>();
        if (style.flow && (value instanceof List<?> || value instanceof Map<?, ?>) && flowable(value)) {
            out.add(indent + key(key) + ": " + flow(value));
        } else {
            block(out, indent, key, value, style.itemIndent);
        }
        return out;
    }

    private static void block(List<String> out, String indent, String key, Object value, String itemIndent) {
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.add(indent + key(key) + ": []");
                return;
            }
            out.add(indent + key(key) + ":");
            for (Object item : list) item(out, indent + itemIndent, item);
        } else if (value instanceof Map<?, ?> map) {
            if (map.values().stream().allMatch(v -> v == null)) {
                out.add(indent + key(key) + ": {}");
                return;
            }
            out.add(indent + key(key) + ":");
            String childIndent = itemIndent.isEmpty() ? "  " : itemIndent;
            map.forEach((k, v) -> {
                if (v != null) block(out, indent + childIndent, String.valueOf(k), v, "  ");
            });
        } else {
            out.add(indent + key(key) + ": " + scalar(value, false));
        }
    }

    /** The lines of one block list item at {@code prefix} ("  " gives "  - ..."). */
    static List<String> item(String prefix, Object item) {
        List<String> out = new ArrayList<>();
        item(out, prefix, item);
        return out;
    }

    private static void item(List<String> out, String prefix, Object item) {
        if (item instanceof Map<?, ?> map && map.values().stream().anyMatch(v -> v != null)) {
            List<String> inner = new ArrayList<>();
            map.forEach((k, v) -> {
                if (v != null) block(inner, prefix + "  ", String.valueOf(k), v, "  ");
            });
            out.add(prefix + "- " + inner.get(0).substring(prefix.length() + 2));
            out.addAll(inner.subList(1, inner.size()));
        } else if (item instanceof Map<?, ?> || item instanceof List<?>) {
            out.add(prefix + "- " + flow(item));
        } else {
            out.add(prefix + "- " + scalar(item, false));
        }
    }

    private static boolean flowable(Object value) {
        if (value instanceof List<?> list) return list.stream().allMatch(v -> !(v instanceof List<?>) && !(v instanceof Map<?, ?>));
        if (value instanceof Map<?, ?> map) return map.values().stream().allMatch(v -> !(v instanceof List<?>) && !(v instanceof Map<?, ?>));
        return true;
    }

    private static String flow(Object value) {
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object item : list) parts.add(flow(item));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> {
                if (v != null) parts.add(key(String.valueOf(k)) + ": " + flow(v));
            });
            return "{" + String.join(", ", parts) + "}";
        }
        return scalar(value, true);
    }

    static String scalar(Object value, boolean inFlow) {
        if (value == null) return "null";
        if (value instanceof Boolean b) return b.toString();
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Number n) return decimal(n);
        if (value instanceof LocalDate d) return d.toString();
        if (value instanceof String s) return text(s, inFlow);
        throw new IllegalArgumentException("a front matter value cannot be a " + value.getClass().getSimpleName());
    }

    static String decimal(Number n) {
        if (n instanceof BigDecimal d) return d.toPlainString();
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException("a front matter number must be finite, not " + d);
        return BigDecimal.valueOf(d).toPlainString();
    }

    private static String key(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_-]*") ? key : Yaml.quoted(key);
    }

    /** Plain when the YAML reader reads the plain text back as that very text, double-quoted otherwise. */
    private static String text(String s, boolean inFlow) {
        if (!s.isEmpty() && s.chars().allMatch(Yaml::plainChar) && readsBack(s, inFlow)) return s;
        return Yaml.quoted(s);
    }

    private static boolean readsBack(String s, boolean inFlow) {
        String doc = inFlow ? "k: [" + s + "]\n" : "k: " + s + "\n";
        try {
            Yaml.Node root = Yaml.parse(doc, 1);
            if (!(root instanceof Yaml.Mapping m) || m.entries().size() != 1 || m.entries().get("k") == null) return false;
            Yaml.Node v = m.entries().get("k").value();
            if (inFlow) {
                if (!(v instanceof Yaml.Sequence seq) || seq.items().size() != 1) return false;
                v = seq.items().get(0);
            }
            return v instanceof Yaml.Scalar scalar && scalar.kind() == Yaml.Scalar.Kind.TEXT && scalar.text().equals(s);
        } catch (LineException e) {
            return false;
        }
    }
}
