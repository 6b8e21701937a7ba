package dk.tilbudsoversigt.markdown;

import java.util.Locale;

/** Small facts about link targets. */
final class Links {
    private Links() {}

    /** True for javascript:, vbscript: and data: URLs, however they are disguised with case or blanks. */
    static boolean isScript(String url) {
        String squeezed = url.replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
        return squeezed.startsWith("javascript:") || squeezed.startsWith("vbscript:") || squeezed.startsWith("data:");
    }

    static boolean isExternal(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")
                || lower.startsWith("tel:") || lower.startsWith("//");
    }

    /** A scheme we neither allow nor resolve, such as file: or ftp:. */
    static boolean hasOtherScheme(String url) {
        return url.matches("(?i)[a-z][a-z0-9+.-]*:.*") && !isExternal(url);
    }
}
