package dk.tilbudsoversigt.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.tilbudsoversigt.content.Yaml.Mapping;
import dk.tilbudsoversigt.content.Yaml.Node;
import dk.tilbudsoversigt.content.Yaml.Scalar;
import dk.tilbudsoversigt.content.Yaml.Sequence;

/**
 * Typed access to one mapping of front matter. Every getter reports what is wrong with its
 * key (missing, wrong kind of value) to {@code problems} and returns null or a default.
 */
final class FrontMatter {
    private final Mapping map;
    private final String file;
    private final String prefix;
    private final int fallbackLine;
    private final Problems problems;
    private final Map<String, Integer> lines;

    FrontMatter(Mapping map, String file, String prefix, int fallbackLine, Problems problems, Map<String, Integer> lines) {
        this.map = map;
        this.file = file;
        this.prefix = prefix;
        this.fallbackLine = fallbackLine;
        this.problems = problems;
        this.lines = lines;
        for (Yaml.Entry e : map.entries().values()) {
            lines.put(prefix + e.key(), e.line());
        }
    }

    /** Reports every key that is not in {@code allowed}, naming the allowed keys and the nearest. */
    void allowOnly(Collection<String> allowed, String what) {
        for (Yaml.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                problems.error(file, e.line(), "ukendt nøgle '" + prefix + e.key() + "'." + Suggestions.didYouMean(e.key(), allowed)
                        + " Tilladte nøgler " + what + ": " + String.join(", ", allowed) + ".");
            }
        }
    }

    boolean has(String key) {
        Yaml.Entry e = map.entries().get(key);
        return e != null && !(e.value() instanceof Scalar s && s.kind() == Scalar.Kind.NULL);
    }

    /** The line of item {@code n} (from 1) of the list under {@code key}. */
    int lineOfItem(String key, int n) {
        return lines.getOrDefault(prefix + key + "." + n, line(key));
    }

    int line(String key) {
        Yaml.Entry e = map.entries().get(key);
        return e == null ? fallbackLine : e.line();
    }

    private Node value(String key, boolean required, String example) {
        Yaml.Entry e = map.entries().get(key);
        if (e == null || (e.value() instanceof Scalar s && s.kind() == Scalar.Kind.NULL)) {
            if (required) {
                problems.error(file, e == null ? fallbackLine : e.line(), "'" + prefix + key + "' mangler"
                        + (e == null ? "" : " en værdi") + (example == null ? "" : "; skriv f.eks. " + example));
            }
            return null;
        }
        return e.value();
    }

    String text(String key, boolean required, int maxLength, String example) {
        Node node = value(key, required, example);
        if (node == null) return null;
        if (!(node instanceof Scalar s)) {
            problems.error(file, node.line(), "'" + prefix + key + "' skal være en tekst, ikke en liste eller nøgler");
            return null;
        }
        String text = s.text().strip();
        if (text.codePoints().allMatch(c -> Character.isSpaceChar(c) || Character.isWhitespace(c))) {
            // no-break spaces alone look empty too
            if (required) problems.error(file, s.line(), "'" + prefix + key + "' må ikke være tom");
            return null;
        }
        if (maxLength > 0 && text.length() > maxLength) {
            problems.error(file, s.line(), "'" + prefix + key + "' er " + text.length() + " tegn; højst " + maxLength + " er tilladt");
        }
        return text;
    }

    LocalDate date(String key, boolean required) {
        Node node = value(key, required, "2024-05-31");
        if (node == null) return null;
        if (node instanceof Scalar s && s.text().strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(s.text().strip());
            } catch (DateTimeParseException e) {
                problems.error(file, s.line(), "'" + prefix + key + "': " + s.text() + " er ikke en dato, der findes");
                return null;
            }
        }
        problems.error(file, node.line(), "'" + prefix + key + "' skal være en dato skrevet som ÅÅÅÅ-MM-DD, f.eks. 2024-05-31");
        return null;
    }

    Boolean bool(String key, boolean required) {
        Node node = value(key, required, "true eller false");
        if (node == null) return null;
        if (node instanceof Scalar s && s.kind() == Scalar.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text().toLowerCase());
        }
        problems.error(file, node.line(), "'" + prefix + key + "' skal være true eller false");
        return null;
    }

    Integer wholeNumber(String key, boolean required, int min, int max) {
        Node node = value(key, required, null);
        if (node == null) return null;
        if (node instanceof Scalar s && s.kind() == Scalar.Kind.INTEGER) {
            try {
                int n = Integer.parseInt(s.text());
                if (n >= min && n <= max) return n;
            } catch (NumberFormatException ignored) {
                // too large for an int: reported below
            }
        }
        problems.error(file, node.line(), "'" + prefix + key + "' skal være et helt tal fra " + min + " til " + max);
        return null;
    }

    /** A list of texts; a single text is taken as a list of one. */
    List<String> texts(String key, boolean required) {
        Node node = value(key, required, "[første, anden]");
        if (node == null) return List.of();
        List<String> out = new ArrayList<>();
        if (node instanceof Scalar s) {
            if (!s.text().isBlank()) out.add(s.text().strip());
            lines.put(prefix + key + ".1", s.line());
        } else if (node instanceof Sequence seq) {
            int i = 0;
            for (Node item : seq.items()) {
                i++;
                if (item instanceof Scalar s && s.kind() != Scalar.Kind.NULL && !s.text().isBlank()) {
                    out.add(s.text().strip());
                    lines.put(prefix + key + "." + out.size(), s.line());
                } else {
                    problems.error(file, item.line(), "punkt " + i + " i '" + prefix + key + "' skal være en tekst");
                }
            }
        } else {
            problems.error(file, node.line(), "'" + prefix + key + "' skal være en liste");
        }
        if (required && out.isEmpty() && !(node instanceof Mapping)) {
            problems.error(file, node.line(), "'" + prefix + key + "' skal have mindst ét punkt");
        }
        return List.copyOf(out);
    }

    /** The nested mapping under {@code key}, or null (reported) when it is something else. */
    FrontMatter mapping(String key, boolean required, String example) {
        Node node = value(key, required, example);
        if (node == null) return null;
        if (node instanceof Mapping m) {
            return new FrontMatter(m, file, prefix + key + ".", line(key), problems, lines);
        }
        problems.error(file, node.line(), "'" + prefix + key + "' skal have under-nøgler, f.eks. " + example);
        return null;
    }

    /** The mappings of a list of mappings ({@code items:}). */
    List<FrontMatter> mappings(String key, boolean required, String example) {
        Node node = value(key, required, example);
        if (node == null) return List.of();
        if (!(node instanceof Sequence seq)) {
            problems.error(file, node.line(), "'" + prefix + key + "' skal være en liste, hvor hvert punkt begynder med '- '");
            return List.of();
        }
        List<FrontMatter> out = new ArrayList<>();
        int i = 0;
        for (Node item : seq.items()) {
            i++;
            if (item instanceof Mapping m) {
                out.add(new FrontMatter(m, file, prefix + key + "." + i + ".", item.line(), problems, lines));
            } else {
                problems.error(file, item.line(), "punkt " + i + " i '" + prefix + key + "' skal have nøgler, f.eks. " + example);
            }
        }
        if (required && seq.items().isEmpty()) {
            problems.error(file, node.line(), "'" + prefix + key + "' skal have mindst ét punkt");
        }
        return out;
    }

    /** A text that must be one of {@code allowed}. */
    String oneOf(String key, boolean required, List<String> allowed) {
        String value = text(key, required, 0, String.join(" eller ", allowed));
        if (value != null && !allowed.contains(value)) {
            problems.error(file, line(key), "'" + prefix + key + "' kan ikke være '" + value + "'; brug "
                    + String.join(", ", allowed) + "." + Suggestions.didYouMean(value, allowed));
            return null;
        }
        return value;
    }

    static Map<String, Integer> newLines() {
        return new LinkedHashMap<>();
    }
}
