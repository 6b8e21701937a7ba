package dk.tilbudsoversigt.editor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dk.tilbudsoversigt.content.LineException;
import dk.tilbudsoversigt.content.Yaml;

/**
 * A page file's text kept exactly as it is on disk (byte-order mark, line endings, comments,
 * quoting, key order), with its front matter values read by the content module's YAML reader.
 * A changed field replaces only that key's lines; a new key goes at the end of the front matter.
 */
public final class PageText {
    private static final String BOM = "\uFEFF";

    private final String text;
    private final boolean bom;
    /** Every line with its own line ending ("" on a last line without one). */
    private final List<String> lines;
    private final List<String> endings;
    /** Index of the closing --- line, or -1 when the file has no front matter. */
    private final int close;
    private final Yaml.Mapping mapping;
    private final Map<String, Object> fields;

    private PageText(String text, boolean bom, List<String> lines, List<String> endings, int close, Yaml.Mapping mapping) {
        this.text = text;
        this.bom = bom;
        this.lines = lines;
        this.endings = endings;
        this.close = close;
        this.mapping = mapping;
        Map<String, Object> f = new LinkedHashMap<>();
        if (mapping != null) mapping.entries().forEach((k, e) -> f.put(k, value(e.value())));
        this.fields = Collections.unmodifiableMap(f);
    }

    /** A page file whose front matter cannot be read; {@code line} is the file's line (from 1). */
    public static final class Unreadable extends RuntimeException {
        public final int line;

        Unreadable(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    /**
     * Reads a page's text as it is on disk (not normalised). A text without a front matter has
     * no fields and is all body.
     *
     * @throws Unreadable when the front matter is not closed or its YAML cannot be read
     */
    public static PageText parse(String text) {
        Objects.requireNonNull(text, "text");
        boolean bom = text.startsWith(BOM);
        String rest = bom ? text.substring(1) : text;
        List<String> lines = new ArrayList<>();
        List<String> endings = new ArrayList<>();
        split(rest, lines, endings);
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return new PageText(text, bom, lines, endings, -1, null);
        }
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            String row = lines.get(i).stripTrailing();
            if (row.equals("---") || row.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) throw new Unreadable("forsiden er ikke afsluttet: skriv en linje med --- efter den sidste nøgle", 1);
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i < close; i++) yaml.append(lines.get(i)).append('\n');
        Yaml.Node root;
        try {
            root = Yaml.parse(yaml.toString(), 2);
        } catch (LineException e) {
            throw new Unreadable(e.getMessage(), e.line);
        }
        if (root != null && !(root instanceof Yaml.Mapping)) {
            throw new Unreadable("forsiden skal bestå af nøgler med værdier (title: ...)", root.line());
        }
        Yaml.Mapping mapping = root == null ? new Yaml.Mapping(Map.of(), 2) : (Yaml.Mapping) root;
        return new PageText(text, bom, lines, endings, close, mapping);
    }

    private static void split(String s, List<String> lines, List<String> endings) {
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                lines.add(s.substring(start, i));
                endings.add(s.substring(i, end));
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
            endings.add("");
        }
    }

    /**
     * The front matter as the content module reads it: texts (dates too, as "2024-05-31"),
     * Integer/Long/BigInteger, BigDecimal, Boolean, null, List and Map (in file order).
     */
    public Map<String, Object> fields() {
        return fields;
    }

    public boolean hasFrontMatter() {
        return close >= 0;
    }

    /** The text after the front matter, with line endings made '\n' (as the content module reads it). */
    public String body() {
        StringBuilder b = new StringBuilder();
        for (int i = close + 1; i < lines.size(); i++) {
            b.append(lines.get(i));
            if (!endings.get(i).isEmpty()) b.append('\n');
        }
        return b.toString();
    }

    /** The 1-based line of the file where the body begins. */
    public int bodyLine() {
        return close + 2;
    }

    /** The whole text, byte for byte what was parsed when nothing was changed. */
    public String text() {
        return text;
    }

    /**
     * This text with {@code key} set to {@code value}, or removed when {@code value} is null.
     * Values: String, Number, Boolean, LocalDate, List and Map of those. When the value is the
     * one the file has already, the text is returned unchanged.
     */
    public PageText withField(String key, Object value) {
        Objects.requireNonNull(key, "key");
        Object wanted = value == null ? null : model(value);
        boolean present = fields.containsKey(key);
        if (present && Objects.equals(wanted, fields.get(key))) return this;
        if (!present && value == null) return this;
        if (!hasFrontMatter()) {
            String eol = endings.isEmpty() || endings.get(0).isEmpty() ? "\n" : endings.get(0);
            List<String> out = new ArrayList<>();
            out.add("---");
            out.addAll(YamlWriter.entry(key, value, "", YamlWriter.Style.DEFAULT));
            out.add("---");
            String head = String.join(eol, out) + eol;
            return checked(parse((bom ? BOM : "") + head + (bom ? text.substring(1) : text)), key, wanted);
        }
        if (!blockLayout()) return checked(rewriteAll(key, value), key, wanted);
        String indent = keyIndent();
        List<String> newLines = new ArrayList<>(lines.subList(0, lines.size()));
        List<String> newEndings = new ArrayList<>(endings);
        String eol = endings.get(0).isEmpty() ? "\n" : endings.get(0);
        if (present) {
            int[] span = span(key);
            List<String> replacement = value == null ? List.of()
                    : YamlWriter.entry(key, value, indent, style(key, span));
            replace(newLines, newEndings, span[0], span[1], replacement, eol);
        } else {
            List<String> added = YamlWriter.entry(key, value, indent, YamlWriter.Style.DEFAULT);
            replace(newLines, newEndings, close, close, added, eol);
        }
        return checked(parse(join(newLines, newEndings)), key, wanted);
    }

    /** This text with the body replaced; its line endings become the file's own. */
    public PageText withBody(String body) {
        Objects.requireNonNull(body, "body");
        String normalised = body.replace("\r\n", "\n").replace('\r', '\n');
        if (normalised.equals(body())) return this;
        String eol = endings.isEmpty() || endings.get(0).isEmpty() ? "\n" : endings.get(0);
        StringBuilder b = new StringBuilder(bom ? BOM : "");
        for (int i = 0; i <= close; i++) {
            b.append(lines.get(i));
            b.append(endings.get(i).isEmpty() ? eol : endings.get(i));
        }
        b.append(normalised.replace("\n", eol));
        return parse(b.toString());
    }

    /**
     * This text with one item of the list (or single text) under {@code key} changed from
     * {@code from} to {@code to} in place, on its own line, whatever its quoting. Both must be
     * texts that need no quoting or escaping (slugs, folder/slug).
     */
    PageText withListItemReplaced(String key, String from, String to) {
        Yaml.Entry entry = mapping == null ? null : mapping.entries().get(key);
        if (entry == null) return this;
        List<Yaml.Node> items = entry.value() instanceof Yaml.Sequence seq ? seq.items() : List.of(entry.value());
        List<String> newLines = new ArrayList<>(lines);
        boolean changed = false;
        java.util.regex.Pattern token = java.util.regex.Pattern.compile(
                "(?<![A-Za-z0-9_/.-])" + java.util.regex.Pattern.quote(from) + "(?![A-Za-z0-9_/.-])");
        for (Yaml.Node item : items) {
            if (item instanceof Yaml.Scalar s && s.kind() == Yaml.Scalar.Kind.TEXT && s.text().strip().equals(from)) {
                int index = s.line() - 1;
                String line = newLines.get(index);
                int colon = index == entry.line() - 1 ? line.indexOf(':') + 1 : 0; // never the key itself
                String replaced = line.substring(0, colon) + token.matcher(line.substring(colon))
                        .replaceAll(java.util.regex.Matcher.quoteReplacement(to));
                if (!replaced.equals(line)) {
                    newLines.set(index, replaced);
                    changed = true;
                }
            }
        }
        return changed ? parse(join(newLines, endings)) : this;
    }

    private PageText checked(PageText result, String key, Object wanted) {
        Object now = result.fields.get(key);
        if (!Objects.equals(now, wanted) || (wanted == null && result.fields.containsKey(key))) {
            throw new IllegalStateException("the value written for " + key + " reads back as " + now + ", not " + wanted);
        }
        return result;
    }

    /** Keys in block style, one per line in increasing order, each at the same indentation. */
    private boolean blockLayout() {
        int last = 0;
        String indent = null;
        for (Yaml.Entry e : mapping.entries().values()) {
            if (e.line() <= last) return false;
            last = e.line();
            String line = lines.get(e.line() - 1);
            String own = line.substring(0, line.length() - line.stripLeading().length());
            if (indent == null) indent = own;
            if (!own.equals(indent) || line.stripLeading().startsWith("{") || line.stripLeading().startsWith("?")) return false;
        }
        return true;
    }

    private String keyIndent() {
        for (Yaml.Entry e : mapping.entries().values()) {
            String line = lines.get(e.line() - 1);
            return line.substring(0, line.length() - line.stripLeading().length());
        }
        return "";
    }

    /** Lines [from, to) of the file that hold {@code key} and its value; comments and blank lines after it are not its own. */
    private int[] span(String key) {
        List<Yaml.Entry> entries = new ArrayList<>(mapping.entries().values());
        int start = -1;
        int end = close;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(key)) {
                start = entries.get(i).line() - 1;
                if (i + 1 < entries.size()) end = entries.get(i + 1).line() - 1;
            }
        }
        while (end - 1 > start) {
            String row = lines.get(end - 1);
            if (row.isBlank() || row.startsWith("#")) end--;
            else break;
        }
        return new int[] {start, end};
    }

    /** Keeps a list or map in the style the file writes it in: flow ([a, b]) or block, with its item indentation. */
    private YamlWriter.Style style(String key, int[] span) {
        Yaml.Entry e = mapping.entries().get(key);
        Yaml.Node v = e.value();
        boolean collection = v instanceof Yaml.Sequence || v instanceof Yaml.Mapping;
        if (collection && v.line() == e.line()) return YamlWriter.Style.FLOW;
        if (v instanceof Yaml.Sequence seq && !seq.items().isEmpty()) {
            String row = lines.get(seq.items().get(0).line() - 1);
            String keyRow = lines.get(span[0]);
            int keyIndent = keyRow.length() - keyRow.stripLeading().length();
            int dash = row.indexOf('-');
            if (dash >= keyIndent) return new YamlWriter.Style(false, " ".repeat(dash - keyIndent));
        }
        return YamlWriter.Style.DEFAULT;
    }

    /** For a front matter written as one flow mapping ({title: ..., ...}): written out again in block style. */
    private PageText rewriteAll(String key, Object value) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        if (value == null) all.remove(key);
        else all.put(key, value);
        String eol = endings.get(0).isEmpty() ? "\n" : endings.get(0);
        List<String> out = new ArrayList<>();
        all.forEach((k, v) -> out.addAll(YamlWriter.entry(k, v, "", YamlWriter.Style.DEFAULT)));
        List<String> newLines = new ArrayList<>(lines);
        List<String> newEndings = new ArrayList<>(endings);
        replace(newLines, newEndings, 1, close, out, eol);
        return parse(join(newLines, newEndings));
    }

    private static void replace(List<String> lines, List<String> endings, int from, int to, List<String> with, String eol) {
        for (int i = from; i < to; i++) {
            lines.remove(from);
            endings.remove(from);
        }
        lines.addAll(from, with);
        endings.addAll(from, Collections.nCopies(with.size(), eol));
    }

    private String join(List<String> lines, List<String> endings) {
        StringBuilder b = new StringBuilder(bom ? BOM : "");
        for (int i = 0; i < lines.size(); i++) b.append(lines.get(i)).append(endings.get(i));
        return b.toString();
    }

    /** A YAML node as a plain Java value. */
    private static Object value(Yaml.Node node) {
        if (node instanceof Yaml.Sequence seq) {
            List<Object> out = new ArrayList<>();
            for (Yaml.Node item : seq.items()) out.add(value(item));
            return Collections.unmodifiableList(out);
        }
        if (node instanceof Yaml.Mapping map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.entries().forEach((k, e) -> out.put(k, value(e.value())));
            return Collections.unmodifiableMap(out);
        }
        Yaml.Scalar s = (Yaml.Scalar) node;
        return switch (s.kind()) {
            case TEXT -> s.text();
            case NULL -> null;
            case BOOLEAN -> Boolean.parseBoolean(s.text().toLowerCase());
            case INTEGER -> integer(s.text());
            case DECIMAL -> decimal(s.text());
        };
    }

    private static Object integer(String text) {
        try {
            BigInteger n = new BigInteger(text.replace("_", "").replaceFirst("^\\+", ""));
            if (n.bitLength() < 32) return n.intValue();
            if (n.bitLength() < 64) return n.longValue();
            return n;
        } catch (NumberFormatException e) {
            return text; // 0x1F and the like: the content module reads no such numbers
        }
    }

    private static Object decimal(String text) {
        try {
            return new BigDecimal(text.replace("_", ""));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** What {@link #fields()} holds once {@code v} is written and read back. */
    static Object model(Object v) {
        if (v == null) return null;
        if (v instanceof String || v instanceof Boolean) return v;
        if (v instanceof LocalDate d) return d.toString();
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            return integer(v.toString());
        }
        if (v instanceof Number n) return decimal(YamlWriter.decimal(n));
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) out.add(model(item));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> {
                if (x != null) out.put(String.valueOf(k), model(x));
            });
            return Collections.unmodifiableMap(out);
        }
        throw new IllegalArgumentException("a front matter value cannot be a " + v.getClass().getSimpleName());
    }
}
