package dk.tilbudsoversigt.search;

import java.util.List;

/** Text where word breaking is easy to get wrong, as it turns up on a Danish municipality's site. */
final class TrickyStrings {
    static final List<String> ALL = List.of(
            // numbers, dates, times, amounts, paragraphs
            "1.000 kr.", "3,5 %", "2020-2023", "§ 84, stk. 1", "§§ 41-43", "1.1.2024", "01-01-2024", "kl. 10.30",
            "10:30", "12/5", "1'000", "1\u202F000", "+45 89 15 15 15", "nr.5", "3.-4. klasse", "0-5 år", "1½ time",
            "m² og °C", "100%", "€ 50", "1.000.000,50", "3,5,7", "1..2", "1.", ".5", "4.a", "a1.2", "1.a", "x1,2y",
            // abbreviations, apostrophes, quotes
            "f.eks.", "bl.a.", "jf.", "ca.", "osv.", "H.C. Andersen", "U.S.A.", "e.g. i.e.", "a.b.c.d",
            "Andersen's bog", "Andersens' bøger", "rock'n'roll", "O'Brien", "siger’", "bog’s", "’citat’",
            "\"citat\"", "“citat”", "«citat»", "'enkelt'", "it''s", "a'", "'a", "a.'b", "a'.b",
            // letters and separators
            "e-mail", "e‑mail", "Randers–Aarhus", "a:b", "kl:10", "k:a", "a::b", "a·b", "Æblegrød ÆØÅ æøå ÄÖÜ äöü é è ê",
            "naïve café", "cafe\u0301 ne\u0301e", "\u0301accent", "a\u00ADb", "fami\u00ADlie\u00AD", "a\u200Bb", "a\u200Cb",
            "a\u200Db", "a\u2060b", "\uFEFFa", "a\u00A0b", "a\tb\nc\r\nd\re", "a_b", "__init__", "_", "a__", "_1_", "x_y.z",
            "snake_case_1", "a\u203Fb", "ªº µ", "ß straße", "İstanbul ΣΟΦΟΣ", "Ελληνικά", "Русский язык", "ʼokina ʻokina",
            // links and addresses
            "https://www.randers.dk/handicap?x=1&y=2#top", "www.randers.dk", "info@randers.dk", "mailto:info@kk.dk",
            "sundhed.dk/borger", "C:\\Users\\x", "[link](../tilbud/aflastning.md)", "<a href=\"x\">y</a>", "#overskrift",
            "**fed** _kursiv_ `kode`", "- [ ] punkt", "| a | b |", "{{< x >}}", "@bruger", "#hashtag", "a&b", "a+b", "a=b",
            // emoji
            "👍", "👍🏽", "👍🏽👍", "🏽", "❤️", "❤\uFE0E", "❤️‍🔥", "👨‍👩‍👧‍👦", "👨\u200D", "\u200D👨", "👨\u200D\u200D👩",
            "🇩🇰", "🇩🇰🇸🇪", "🇩", "🇩🇰🇸", "1️⃣", "#️⃣", "*⃣", "1⃣2", "©", "® ™", "©2024", "Ⓜ", "ℹ️", "〰", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "☺x",
            "a👍b", "😀😀", "🙂\u0301", "👩🏽‍💻", "x\uFE0F", "\uFE0F",
            // other scripts
            "漢字テスト", "ひらがな", "カタカナー", "ｶﾀｶﾅ", "한국어 텍스트", "ภาษาไทย", "ພາສາລາວ", "עברית צה\"ל א'", "שלום' x", "ם\" x", "א'ב", "א\"ב\"ג", "a'א'", "a_א'", "a_א\"ב", "العربية ١٢٣",
            "हिन्दी", "１２３", "Ⅻ", "x²",
            // long tokens are cut at 255 chars
            "a".repeat(300), "a".repeat(254) + ".b", "a".repeat(254) + "e\u0301x", "1".repeat(600), "ab_".repeat(120),
            "a".repeat(255) + " b", "😀".repeat(200), "a".repeat(254) + "𝐀𝐀", "𝐀".repeat(130), "a".repeat(253) + "e\u0301\u0301b");

    private TrickyStrings() {
    }
}
