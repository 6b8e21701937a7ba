package dk.tilbudsoversigt.word;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WordPasteTest {
    static String sample(String name) throws IOException {
        try (InputStream in = WordPasteTest.class.getResourceAsStream("/word/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void dump() throws IOException {
        for (String s : new String[] {"word-clipboard.html", "google-docs-clipboard.html", "libreoffice-clipboard.html", "web-page.html"}) {
            WordPaste.Result r = WordPaste.convert(sample(s), 2);
            System.out.println("=== " + s + "\n" + r.markdown() + "--- report\n" + String.join("\n", r.report()) + "\n--- images " + r.leftOutImages());
        }
    }
}
