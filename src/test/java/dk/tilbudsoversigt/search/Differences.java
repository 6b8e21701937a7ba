package dk.tilbudsoversigt.search;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Compares Lucene's results with analyse.js's, input by input, and names the first inputs that differ. */
final class Differences {
    private static final int SHOWN = 10;

    private Differences() {
    }

    static void assertSame(String what, List<String> inputs, List<?> lucene, List<?> js) {
        assertSame(what, null, inputs, lucene, js);
    }

    /** As above, each input named (e.g. path:line) in the message. */
    static void assertSame(String what, List<String> names, List<String> inputs, List<?> lucene, List<?> js) {
        if (inputs.size() != lucene.size() || inputs.size() != js.size()) {
            fail(what + ": " + inputs.size() + " inputs, " + lucene.size() + " Lucene results, " + js.size() + " JavaScript results");
        }
        StringBuilder message = new StringBuilder();
        int count = 0;
        for (int i = 0; i < inputs.size(); i++) {
            if (!lucene.get(i).equals(js.get(i))) {
                if (++count <= SHOWN) {
                    message.append("\n  ").append(names == null ? "" : names.get(i) + ": ").append(visible(inputs.get(i)))
                            .append(lucene.get(i) instanceof List<?> l && js.get(i) instanceof List<?> j ? tokens(l, j)
                                    : ": Lucene " + visible(lucene.get(i)) + ", analyse.js " + visible(js.get(i)));
                }
            }
        }
        if (count > 0) {
            fail(what + ": " + count + " of " + inputs.size() + " inputs differ; the first:" + message);
        }
    }

    /** Where two token lists part, with two tokens of context before. */
    private static String tokens(List<?> lucene, List<?> js) {
        int at = 0;
        while (at < lucene.size() && at < js.size() && lucene.get(at).equals(js.get(at))) {
            at++;
        }
        int from = Math.max(0, at - 2);
        return ": from token " + from + ", Lucene " + window(lucene, from) + ", analyse.js " + window(js, from);
    }

    private static String window(List<?> tokens, int from) {
        List<String> shown = tokens.subList(Math.min(from, tokens.size()), Math.min(from + 5, tokens.size())).stream()
                .map(Differences::visible).toList();
        return "[" + String.join(", ", shown) + (from + 5 < tokens.size() ? ", …]" : "]");
    }

    /** The value quoted, with control, format and non-ASCII space characters as \\uXXXX, and long text shortened. */
    static String visible(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 300) {
            text = text.substring(0, 300) + "…(" + text.length() + " chars)";
        }
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean invisible = Character.isISOControl(c) || type == Character.FORMAT || type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || (Character.isSpaceChar(c) && c != ' ') || type == Character.SURROGATE;
            out.append(!invisible ? Character.toString(c) : c > 0xFFFF ? String.format("\\u{%X}", c) : String.format("\\u%04X", c));
        });
        return out.append('"').toString();
    }
}
