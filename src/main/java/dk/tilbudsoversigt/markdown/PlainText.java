package dk.tilbudsoversigt.markdown;

import java.util.Set;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;

/**
 * Renders a text node with no backslash escape, entity or carriage return in it (nearly all of
 * them) as its characters with {@code & < > "} escaped. flexmark's own rendering passes every
 * character through three copies (unescaping, line ends, escaping by regex) that change
 * nothing in such a text: at 10,000 pages that was half the time of rendering. Any other
 * text is left to flexmark.
 */
final class PlainText implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(Text.class, (text, context, html) -> {
            String chars = text.getChars().toString();
            if (isPlain(chars)) html.raw(escaped(chars));
            else context.delegateRender();
        }));
    }

    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '&' || c == '\r') return false;
        }
        return true;
    }

    /** As flexmark's {@code Escaping.escapeHtml(s, false)}. */
    static String escaped(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            String entity = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (entity == null && out == null) continue;
            if (out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (entity != null) out.append(entity);
            else out.append(s.charAt(i));
        }
        return out == null ? s : out.toString();
    }
}
