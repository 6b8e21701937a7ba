package dk.tilbudsoversigt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal valid site folder for tests: site.properties, one target group, one offer, one
 * glossary term and one FAQ page. Tests write it into a JUnit {@code @TempDir}, break one
 * thing with {@link #write} and look at what the generator reports.
 */
public final class TestSites {
    public static final String PROPERTIES_FILE = "site.properties";
    public static final String PROPERTIES = """
            site.title=Tilbudsoversigt for handicapområdet
            site.owner=Randers Kommune
            site.url=https://www.example.dk/handicap
            site.areas=social, skole, fritid
            """;

    public static final String GROUP_FILE = "content/maalgrupper/autisme.md";
    public static final String GROUP = """
            ---
            title: Autisme
            summary: Børn, unge og voksne med autisme.
            synonyms: [ASF]
            ---

            Autisme er en gennemgribende udviklingsforstyrrelse.
            """;

    public static final String OFFER_FILE = "content/tilbud/aflastning.md";
    public static final String OFFER = """
            ---
            title: Aflastning i weekenden
            summary: Aflastning for familier med et barn med handicap.
            updated: 2024-05-01
            target_groups:
              - autisme
            age:
              min: 0
              max: 17
            referral_required: true
            areas: [social]
            legal_basis:
              - Serviceloven § 84, stk. 1
            price: Gratis
            contact:
              unit: Børn og Familie
              phone: 89 15 15 15
              email: boern@example.dk
            review_by: 2099-12-31
            ---

            Aflastning giver familien et pusterum.

            ## Hvem kan få aflastning

            Familier med et barn med autisme.
            """;

    public static final String TERM_FILE = "content/begreber/visitation.md";
    public static final String TERM = """
            ---
            title: Visitation
            summary: Kommunens afgørelse om, hvilken hjælp en borger kan få.
            synonyms: [visiteret]
            ---

            Visitation er kommunens afgørelse efter en samtale.
            """;

    public static final String FAQ_FILE = "content/faq/hjaelp.md";
    public static final String FAQ = """
            ---
            title: Borgerguide
            summary: Svar på de spørgsmål, familier oftest stiller.
            ---

            ## Hvordan søger jeg om visitation?

            Du søger om visitation hos kommunen. Læs om [aflastning](../tilbud/aflastning.md).

            ## Hvem kan jeg kontakte?

            Ring til Børn og Familie. Visitation sker efter en samtale.
            """;

    /** Not part of the minimal site: valid pages of the other types, for tests that need them. */
    public static final String PLAN_FILE = "content/planer/handicappolitik.md";
    public static final String PLAN = """
            ---
            title: Handicappolitik 2020-2023
            summary: Kommunens mål for handicapområdet.
            period: 2020-2023
            audience: alle
            ---

            ## Bolig

            Alle skal have et godt sted at bo.
            """;

    public static final String ACTION_PLAN_FILE = "content/handleplaner/handleplan-2024.md";
    public static final String ACTION_PLAN = """
            ---
            title: Handleplan 2024
            summary: Status på kommunens indsatser for borgere med handicap.
            updated: 2024-05-01
            items:
              - nr: 1
                title: Flere aflastningspladser
                status: in_progress
              - nr: 2
                title: Ny hjemmeside
                description: Tilbuddene samles på én side.
                deadline: 2024-12-31
                status: done
                note: Åbnede i maj.
            ---

            Planen følges op hvert halve år.
            """;

    public static final String NEWS_FILE = "content/nyheder/nye-pladser.md";
    public static final String NEWS = """
            ---
            title: Nye aflastningspladser
            summary: Kommunen åbner ti nye pladser til aflastning.
            date: 2024-04-01
            ---

            Pladserne åbner til sommer.
            """;

    public static final String SIDE_FILE = "content/sider/om.md";
    public static final String SIDE = """
            ---
            title: Om tilbudsoversigten
            ---

            Her finder du kommunens tilbud.
            """;

    private TestSites() {}

    /** Writes the minimal valid site into {@code folder} and returns the folder. */
    public static Path minimal(Path folder) {
        write(folder, PROPERTIES_FILE, PROPERTIES);
        write(folder, GROUP_FILE, GROUP);
        write(folder, OFFER_FILE, OFFER);
        write(folder, TERM_FILE, TERM);
        write(folder, FAQ_FILE, FAQ);
        return folder;
    }

    /** Writes (or overwrites) {@code file}, relative to {@code folder}, as UTF-8; folders are made as needed. */
    public static Path write(Path folder, String file, String text) {
        Path path = folder.resolve(file);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }

    /** Writes raw bytes, for files that are not text. */
    public static Path writeBytes(Path folder, String file, byte[] bytes) {
        Path path = folder.resolve(file);
        try {
            Files.createDirectories(path.getParent());
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }

    /** Deletes {@code file} relative to {@code folder}. */
    public static void delete(Path folder, String file) {
        try {
            Files.delete(folder.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based number of the first line of {@code text} that contains {@code needle}. */
    public static int lineOf(String text, String needle) {
        String[] rows = text.split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].contains(needle)) return i + 1;
        }
        throw new IllegalArgumentException("no line contains '" + needle + "'");
    }

    /** {@code text} with {@code from} replaced by {@code to}; fails when {@code from} is not in it. */
    public static String replace(String text, String from, String to) {
        if (!text.contains(from)) throw new IllegalArgumentException("text does not contain '" + from + "'");
        return text.replace(from, to);
    }
}
