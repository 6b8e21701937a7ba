package dk.tilbudsoversigt.media;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.tilbudsoversigt.content.Suggestions;

/**
 * A {@code ```video} block of a page body: {@code key: value} lines, a blank line, then the
 * transcript. It is read here and checked as far as it can be without the site's files.
 * <pre>
 * ```video
 * title: Sådan foregår en weekend i aflastning
 * file: ../../assets/video/aflastning.webm
 * captions: ../../assets/video/aflastning.vtt
 *
 * Fortæller: Velkommen til aflastningshuset.
 * ```
 * </pre>
 */
public final class VideoBlock {
    /** The info string that makes a fenced code block a video. */
    public static final String INFO = "video";
    static final List<String> KEYS = List.of("title", "file", "captions", "url");

    /** Where problems go: the line in the page file, and the message. */
    public interface Problems {
        void error(int line, String message);
    }

    /** A value of the block and the file line it is on. */
    public record Value(String text, int line) {}

    /**
     * A video block as written; exactly one of {@code file} and {@code external} is set.
     *
     * @param transcript paragraphs, each a list of lines
     */
    public record Video(Value title, Value file, Value captions, VideoHost.External external, List<List<String>> transcript, int line) {}

    private VideoBlock() {}

    /**
     * Reads a block whose opening fence is on line {@code line} of the page file; null when it
     * has errors that leave nothing to show (they are reported).
     */
    public static Video read(String content, int line, Problems problems) {
        String[] lines = content.split("\n", -1);
        Map<String, Value> values = new LinkedHashMap<>();
        int i = 0;
        boolean ok = true;
        for (; i < lines.length && !lines[i].isBlank(); i++) {
            int at = line + 1 + i;
            String text = lines[i].strip();
            int colon = text.indexOf(':');
            String key = colon < 0 ? "" : text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (colon < 0 || !key.matches("[a-z_]+")) {
                problems.error(at, "linjen \"" + shorten(text) + "\" i video-blokken skal have formen nøgle: værdi (title:, file:, captions: eller url:);"
                        + " teksten til videoen skrives efter en tom linje");
                ok = false;
                continue;
            }
            if (!KEYS.contains(key)) {
                problems.error(at, "ukendt nøgle " + key + ": i video-blokken; tilladte nøgler er " + String.join(", ", KEYS) + "."
                        + Suggestions.nearest(key, KEYS).map(s -> " Mente du " + s + "?").orElse(""));
                ok = false;
                continue;
            }
            if (values.containsKey(key)) {
                problems.error(at, "nøglen " + key + ": står to gange i video-blokken (første gang i linje " + values.get(key).line() + ")");
                ok = false;
                continue;
            }
            String value = unquote(text.substring(colon + 1).strip());
            if (value.isEmpty()) {
                problems.error(at, "nøglen " + key + ": i video-blokken har ingen værdi");
                ok = false;
                continue;
            }
            values.put(key, new Value(value, at));
        }
        List<List<String>> transcript = transcript(lines, i);
        Value title = values.get("title");
        Value file = values.get("file");
        Value captions = values.get("captions");
        Value url = values.get("url");
        if (title == null) {
            problems.error(line, "videoen mangler en titel: skriv title: og hvad videoen handler om, fx title: Sådan søger du om aflastning");
            ok = false;
        }
        if (transcript.isEmpty()) {
            problems.error(line, "videoen mangler en tekstudgave: skriv efter en tom linje i video-blokken alt det, der bliver sagt og vist"
                    + " i videoen, så den kan læses af dem, der ikke kan se eller høre den");
            ok = false;
        }
        VideoHost.External external = null;
        if (file != null && url != null) {
            problems.error(url.line(), "videoen har både file: og url:; brug file: til en videofil på sitet og url: til en video på YouTube,"
                    + " Vimeo, TwentyThree eller Dream Broker");
            return null;
        } else if (file == null && url == null) {
            problems.error(line, "videoen mangler en fil eller en adresse: skriv file: ../../assets/video/navn.webm for en videofil på sitet"
                    + " eller url: og adressen på videoen hos YouTube, Vimeo, TwentyThree eller Dream Broker");
            return null;
        } else if (url != null) {
            external = VideoHost.recognise(url.text());
            if (external == null) {
                problems.error(url.line(), "adressen " + url.text() + " er ikke en video hos YouTube, Vimeo, TwentyThree eller Dream Broker"
                        + " (med https://); læg videoen i assets/ og brug file:, eller brug adressen fra en af dem");
                ok = false;
            }
            if (captions != null) {
                problems.error(captions.line(), "captions: bruges kun til en videofil på sitet; en video hos " + (external == null ? "en videotjeneste"
                        : external.host().label()) + " får sine undertekster der");
                ok = false;
            }
        } else {
            String lower = file.text().toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".mp4") && !lower.endsWith(".webm")) {
                problems.error(file.line(), "videofilen " + file.text() + " skal være en .mp4- eller .webm-fil");
                ok = false;
            }
            if (captions == null) {
                problems.error(line, "videoen " + file.text() + " mangler undertekster: skriv captions: og stien til en WebVTT-fil (.vtt)"
                        + " med det, der bliver sagt, fx captions: ../../assets/video/navn.vtt");
                ok = false;
            } else if (!captions.text().toLowerCase(Locale.ROOT).endsWith(".vtt")) {
                problems.error(captions.line(), "underteksterne " + captions.text() + " skal være en WebVTT-fil, der ender på .vtt");
                ok = false;
            }
        }
        return ok ? new Video(title, file, captions, external, transcript, line) : null;
    }

    /** The paragraphs after the first blank line; lines keep their breaks. */
    private static List<List<String>> transcript(String[] lines, int from) {
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = from; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                if (!current.isEmpty()) paragraphs.add(List.copyOf(current));
                current = new ArrayList<>();
            } else {
                current.add(lines[i].strip());
            }
        }
        if (!current.isEmpty()) paragraphs.add(List.copyOf(current));
        return List.copyOf(paragraphs);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1).strip();
        }
        return value;
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
