package dk.tilbudsoversigt.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML front matter read into a small tree that remembers the line of every key and value,
 * so that problems can name the line. Jackson's tree model forgets locations, hence this.
 */
public final class Yaml {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
    /** Lists and maps inside each other; the deepest field of any page type is three levels down. */
    private static final int MAX_DEPTH = 20;

    private Yaml() {}

    public sealed interface Node permits Scalar, Sequence, Mapping {
        int line();
    }

    /** A scalar; {@code kind} tells whether YAML read it as text, number, boolean or null. */
    public record Scalar(String text, Kind kind, int line) implements Node {
        public enum Kind { TEXT, INTEGER, DECIMAL, BOOLEAN, NULL }
    }

    public record Sequence(List<Node> items, int line) implements Node {}

    public record Entry(String key, int line, Node value) {}

    public record Mapping(Map<String, Entry> entries, int line) implements Node {}

    /**
     * Parses YAML text whose first line is line {@code firstLine} of the file.
     * Returns null for an empty document.
     */
    public static Node parse(String text, int firstLine) throws LineException {
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) return null;
            Node node = read(parser, firstLine, 1);
            if (parser.nextToken() != null) {
                throw new LineException("forsiden indeholder mere end ét YAML-dokument", lineOf(parser, firstLine));
            }
            return node;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? firstLine : firstLine + Math.max(0, e.getLocation().getLineNr() - 1);
            throw new LineException("YAML kan ikke læses: " + firstSentence(e.getOriginalMessage()), line);
        } catch (IOException | RuntimeException e) {
            throw new LineException("YAML kan ikke læses: " + firstSentence(String.valueOf(e.getMessage())), firstLine);
        }
    }

    private static Node read(YAMLParser p, int firstLine, int depth) throws IOException, LineException {
        int line = lineOf(p, firstLine);
        if (depth > MAX_DEPTH) {
            throw new LineException("forsiden har lister og nøgler inde i hinanden i over " + MAX_DEPTH + " niveauer; skriv den mere fladt", line);
        }
        if (p.getCurrentAnchor() != null || p.isCurrentAlias()) {
            throw new LineException("YAML-ankre og -aliaser (& og *) bruges ikke i forsiden; skriv værdien ud", line);
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    int keyLine = lineOf(p, firstLine);
                    if (p.isCurrentAlias()) {
                        throw new LineException("YAML-ankre og -aliaser (& og *) bruges ikke i forsiden; skriv værdien ud", keyLine);
                    }
                    p.nextToken();
                    Node value = read(p, firstLine, depth + 1);
                    if (entries.containsKey(key)) {
                        throw new LineException("nøglen '" + key + "' står to gange (også i linje "
                                + entries.get(key).line() + ")", keyLine);
                    }
                    entries.put(key, new Entry(key, keyLine, value));
                }
                return new Mapping(entries, line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, firstLine, depth + 1));
                }
                return new Sequence(items, line);
            }
            case VALUE_STRING -> {
                return new Scalar(p.getText(), Scalar.Kind.TEXT, line);
            }
            case VALUE_NUMBER_INT -> {
                return new Scalar(p.getText(), Scalar.Kind.INTEGER, line);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Scalar(p.getText(), Scalar.Kind.DECIMAL, line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(p.getText(), Scalar.Kind.BOOLEAN, line);
            }
            case VALUE_NULL -> {
                return new Scalar("", Scalar.Kind.NULL, line);
            }
            default -> throw new LineException("uventet YAML-indhold", line);
        }
    }

    private static int lineOf(JsonParser p, int firstLine) {
        return firstLine + Math.max(0, p.currentTokenLocation().getLineNr() - 1);
    }

    private static String firstSentence(String message) {
        if (message == null) return "ukendt fejl";
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl).strip() : m;
    }

    /** Characters that never make a plain text span lines or change its meaning by themselves. */
    public static boolean plainChar(int c) {
        return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F) && c != 0x2028 && c != 0x2029 && c != 0xFEFF
                && !Character.isSurrogate((char) c);
    }

    /** {@code s} as a double-quoted YAML scalar that {@link #parse} reads back as the same text. */
    public static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pair) {
                        b.append(c).append(s.charAt(++i));
                    } else if (plainChar(c)) {
                        b.append(c);
                    } else {
                        b.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
