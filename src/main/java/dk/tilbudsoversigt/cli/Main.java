package dk.tilbudsoversigt.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import java.time.LocalDate;
import java.time.ZoneId;

import dk.tilbudsoversigt.bake.IncrementalBuild;
import dk.tilbudsoversigt.bake.SiteBuilder;
import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.PageTemplates;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Slugs;
import dk.tilbudsoversigt.content.Suggestions;
import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.report.EditorReport;
import dk.tilbudsoversigt.report.GroupedProblems;
import dk.tilbudsoversigt.editor.Editor;
import dk.tilbudsoversigt.serve.PreviewServer;
import dk.tilbudsoversigt.serve.SystemBrowser;
import dk.tilbudsoversigt.site.Checked;
import dk.tilbudsoversigt.word.ImportException;
import dk.tilbudsoversigt.word.WordImport;

/** The command line: build and check. Exit 0 success, 1 content errors, 2 wrong usage. */
public final class Main {
    static final String USAGE = """
            Brug: java -jar tilbudsoversigt.jar KOMMANDO [TILVALG]
                  java -jar tilbudsoversigt.jar [--source MAPPE]   (i en site-mappe: åbner redigering i browseren)

            Kommandoer:
              build   bygger sitet til en mappe, klar til at kopiere til webhotellet
              check   tjekker alle sider og viser redaktørrapporten uden at bygge
              serve   viser sitet på din egen computer og bygger det igen, når du gemmer
              new     laver en ny side med alle felter udfyldt som eksempel
              import  laver en side af et Word-dokument (.docx)

            Skriv KOMMANDO --help for kommandoens tilvalg.
            """;
    static final String BUILD_USAGE = """
            Brug: java -jar tilbudsoversigt.jar build [--source MAPPE] [--output MAPPE] [--drafts] [--no-cache]

              --source MAPPE   site-mappen med site.properties og content/ (standard: .)
              --output MAPPE   hvor det byggede site skal ligge (standard: target/site)
              --drafts         tag kladder med (kun til forhåndsvisning, aldrig til udgivelse)
              --no-cache       byg alt forfra; ellers genbruges sidste byg (i .MAPPE.cache ved
                               siden af --output), når intet i site-mappen er ændret

            Ved fejl skrives hver fejl som sti:linje: besked, og et tidligere bygget site
            bliver liggende uændret. Afslutningskode 0: bygget, 1: fejl i indholdet, 2: forkert brug.
            """;
    static final String CHECK_USAGE = """
            Brug: java -jar tilbudsoversigt.jar check [--source MAPPE]

              --source MAPPE   site-mappen med site.properties og content/ (standard: .)

            Tjekker alt det, build tjekker, og viser desuden advarsler til redaktører: tilbud,
            der skulle have været gennemset (review_by), sider, som ingen anden side linker til,
            målgrupper uden tilbud og tekster, der er svære at læse (LIX). Fejl og advarsler
            vises samlet under hver fil, linje for linje. Skriver ingen filer.
            Afslutningskode 0: ingen fejl (advarsler er tilladt), 1: fejl i indholdet, 2: forkert brug.
            """;

    static final String NEW_USAGE = """
            Brug: java -jar tilbudsoversigt.jar new TYPE FILNAVN [--source MAPPE]

              TYPE             tilbud, maalgruppe, plan, handleplan, faq, begreb, nyhed eller side
              FILNAVN          sidens filnavn uden .md: små bogstaver a-z, tal og bindestreg
              --source MAPPE   site-mappen (standard: .)

            Skriver content/<mappe>/<FILNAVN>.md med alle felter udfyldt og forklaret.
            Siden er en kladde (status: draft), indtil du skifter til published.
            """;

    static final String IMPORT_USAGE = """
            Brug: java -jar tilbudsoversigt.jar import FIL.docx [--type TYPE] [--slug FILNAVN] [--source MAPPE] [--dry-run]

              --type TYPE      sidetypen (standard: plan); tilbud, maalgruppe, plan, handleplan, faq, begreb, nyhed eller side
              --slug FILNAVN   sidens filnavn uden .md (standard: lavet ud fra titlen)
              --source MAPPE   site-mappen (standard: .)
              --dry-run        vis rapporten og siden uden at skrive noget

            Skriver content/<mappe>/<FILNAVN>.md som kladde og dokumentets billeder i assets/billeder/.
            Rapporten fortæller, hvad der er ændret eller udeladt. Ved fejl skrives intet.
            Afslutningskode 0: importeret, 1: dokumentet kan ikke importeres, 2: forkert brug.
            """;

    static final String SERVE_USAGE = """
            Brug: java -jar tilbudsoversigt.jar serve [--source MAPPE] [--port N] [--no-open]

              --source MAPPE   site-mappen (standard: .)
              --port N         porten på 127.0.0.1 (standard: 8080)
              --no-open        åbn ikke browseren (til scripts og test)

            Bygger sitet med kladder, viser det på http://127.0.0.1:N/ og bygger igen, hver gang
            du gemmer en fil. Åbne sider opdaterer sig selv. Fejl vises i browseren. Stop med Ctrl+C.
            Siderne kan også redigeres i browseren på http://127.0.0.1:N/_rediger/ (kun fra din egen computer).
            Uden kommando, i en site-mappe, startes serve, og browseren åbner redigeringen.
            """;

    private Main() {}

    public static void main(String[] args) {
        Integer code = OwnJvm.run(args);
        System.exit(code != null ? code : run(args, stdout(), stderr()));
    }

    private static PrintStream stdout() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    private static PrintStream stderr() {
        return new PrintStream(System.err, true, StandardCharsets.UTF_8);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return dispatch(Arrays.asList(args), out, err);
        } catch (Arguments.UsageException e) {
            err.println("fejl: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        } catch (RuntimeException | Error e) {
            err.println("Der skete en intern fejl i Tilbudsoversigt (" + e.getClass().getSimpleName()
                    + "). Dit indhold er ikke ændret, og et tidligere bygget site er uændret.");
            return 1;
        }
    }

    private static int dispatch(List<String> args, PrintStream out, PrintStream err) throws Arguments.UsageException {
        List<String> started = startedWithoutCommand(args, Path.of(System.getProperty("user.dir")), jarFolder());
        if (started != null) return serve(started, out, err);
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            (args.isEmpty() ? err : out).print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        String usage = switch (command) {
            case "build" -> BUILD_USAGE;
            case "check" -> CHECK_USAGE;
            case "new" -> NEW_USAGE;
            case "serve" -> SERVE_USAGE;
            case "import" -> IMPORT_USAGE;
            default -> null;
        };
        if (usage != null && (rest.contains("--help") || rest.contains("-h"))) {
            out.print(usage);
            return 0;
        }
        return switch (command) {
            case "build" -> build(rest, out, err);
            case "check" -> check(rest, out, err);
            case "new" -> newPage(rest, out, err);
            case "serve" -> serve(rest, out, err);
            case "import" -> importWord(rest, out, err);
            default -> throw new Arguments.UsageException("ukendt kommando '" + command + "'");
        };
    }

    private static int build(List<String> args, PrintStream out, PrintStream err) throws Arguments.UsageException {
        Arguments a = Arguments.parse(args, Set.of("source", "output"), Set.of("drafts", "no-cache"));
        if (!a.words.isEmpty()) throw new Arguments.UsageException("build tager ikke argumentet '" + a.words.get(0) + "'");
        Path source = source(a);
        Path output = Path.of(a.get("output", "target/site"));
        long start = System.nanoTime();
        SiteBuilder.Result result = SiteBuilder.build(source, output, a.has("drafts"), !a.has("no-cache"));
        report(result.problems(), err);
        if (!result.ok()) return 1;
        long ms = (System.nanoTime() - start) / 1_000_000;
        String counts = result.pagesByType().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().typeName()).collect(Collectors.joining(", "));
        out.println("Bygget " + output + ": " + counts + "; " + result.files() + " filer" + (result.fromCache() ? " (uændret, fra sidste byg)" : "") + ", "
                + result.problems().warnings().size() + " advarsler, " + ms + " ms");
        return 0;
    }

    private static int check(List<String> args, PrintStream out, PrintStream err) throws Arguments.UsageException {
        Arguments a = Arguments.parse(args, Set.of("source"), Set.of());
        if (!a.words.isEmpty()) throw new Arguments.UsageException("check tager ikke argumentet '" + a.words.get(0) + "'");
        Checked checked = Checked.run(source(a), false);
        Problems problems = checked.problems();
        if (checked.content() != null) EditorReport.addWarnings(checked, problems);
        List<Problem> all = problems.all();
        err.print(GroupedProblems.format(all));
        if (problems.hasErrors()) {
            err.println();
            err.println(GroupedProblems.count(all) + ". Ret fejlene; advarslerne er gode råd, der ikke stopper en udgivelse.");
            return 1;
        }
        if (!all.isEmpty()) err.println();
        out.println("Ingen fejl i " + checked.pages().size() + " sider" + (all.isEmpty() ? "." : "; " + GroupedProblems.count(all) + "."));
        return 0;
    }

    private static int newPage(List<String> args, PrintStream out, PrintStream err) throws Arguments.UsageException {
        Arguments a = Arguments.parse(args, Set.of("source"), Set.of());
        if (a.words.size() != 2) throw new Arguments.UsageException("new skal have en type og et filnavn, f.eks. new tilbud aflastning");
        PageType type = PageType.byTypeName(a.words.get(0)).orElseThrow(() -> new Arguments.UsageException(
                "ukendt type '" + a.words.get(0) + "'." + Suggestions.didYouMean(a.words.get(0), PageType.typeNames())
                        + " Typer: " + String.join(", ", PageType.typeNames())));
        String slug = a.words.get(1).replaceAll("\\.md$", "");
        if (!Slugs.isValid(slug)) {
            throw new Arguments.UsageException("filnavnet '" + slug + "' må kun have små bogstaver a-z, tal og bindestreg; brug '"
                    + Slugs.slugify(slug) + "'");
        }
        Path source = source(a);
        Path file = source.resolve(ContentLoader.CONTENT).resolve(type.folder()).resolve(slug + ".md");
        if (Files.exists(file)) throw new Arguments.UsageException(file + " findes allerede; vælg et andet filnavn");
        List<String> groups;
        try (var walk = Files.exists(source.resolve("content/maalgrupper")) ? Files.walk(source.resolve("content/maalgrupper")) : java.util.stream.Stream.<Path>empty()) {
            groups = walk.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        } catch (java.io.IOException e) {
            groups = List.of();
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, PageTemplates.example(type, slug, groups, LocalDate.now(ZoneId.of("Europe/Copenhagen"))),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (java.io.IOException e) {
            err.println(file + ":1: filen kunne ikke skrives (" + e.getClass().getSimpleName() + ")");
            return 1;
        }
        out.println("Oprettet " + file + " (kladde). Ret eksemplet til, og skift status til published, når siden er færdig.");
        return 0;
    }

    /**
     * The serve arguments when the jar is started without a command (double-clicked, or
     * {@code java -jar} with at most {@code --source}) in or beside a site folder; else null.
     */
    static List<String> startedWithoutCommand(List<String> args, Path workingDir, Path jarFolder) {
        if (args.size() == 2 && args.get(0).equals("--source")) return List.of("--source", args.get(1));
        if (!args.isEmpty()) return null;
        for (Path folder : new Path[] {workingDir, jarFolder}) {
            if (folder != null && Files.isRegularFile(folder.resolve(dk.tilbudsoversigt.content.SettingsReader.FILE))) {
                return List.of("--source", folder.toString());
            }
        }
        return null;
    }

    /** The folder the running jar lies in, or null when run from classes. */
    private static Path jarFolder() {
        Path jar = jarFile();
        return jar == null ? null : jar.getParent();
    }

    /** The jar this class was loaded from; null when it runs from a classes folder (tests). */
    static Path jarFile() {
        try {
            Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toString().endsWith(".jar") ? code : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static int importWord(List<String> args, PrintStream out, PrintStream err) throws Arguments.UsageException {
        Arguments a = Arguments.parse(args, Set.of("source", "type", "slug"), Set.of("dry-run"));
        if (a.words.size() != 1) throw new Arguments.UsageException("import skal have ét Word-dokument, f.eks. import handicappolitik.docx");
        Path docx = Path.of(a.words.get(0));
        if (!Files.isRegularFile(docx)) throw new Arguments.UsageException("filen " + docx + " findes ikke");
        PageType type = PageType.byTypeName(a.get("type", "plan")).orElseThrow(() -> new Arguments.UsageException(
                "ukendt type '" + a.get("type", "") + "'." + Suggestions.didYouMean(a.get("type", ""), PageType.typeNames())
                        + " Typer: " + String.join(", ", PageType.typeNames())));
        String slug = a.has("slug") ? a.get("slug", "").replaceAll("\\.md$", "") : null;
        if (slug != null && !Slugs.isValid(slug)) {
            throw new Arguments.UsageException("filnavnet '" + slug + "' må kun have små bogstaver a-z, tal og bindestreg; brug '" + Slugs.slugify(slug) + "'");
        }
        Path source = source(a);
        try {
            WordImport.Imported imported = WordImport.read(docx, source, type, slug, LocalDate.now(ZoneId.of("Europe/Copenhagen")));
            for (String line : imported.report()) out.println("- " + line);
            for (String error : imported.errors()) err.println(error);
            if (!imported.ok()) {
                err.println(imported.errors().size() + " fejl. Intet er skrevet.");
                return 1;
            }
            if (a.has("dry-run")) {
                out.println();
                out.print(imported.pageText());
                out.println();
                out.println("Prøvekørsel: intet er skrevet (" + imported.pageFile() + " og " + imported.images().size() + " billeder).");
                return 0;
            }
            WordImport.write(imported, source);
            out.println("Importeret " + source.resolve(imported.pageFile()) + " (kladde)" + (imported.images().isEmpty() ? "" : " og "
                    + imported.images().size() + " billeder i " + source.resolve("assets/billeder")) + ". Tjek siden, og skift status til published.");
            return 0;
        } catch (ImportException e) {
            err.println("fejl: " + e.getMessage());
            return 1;
        }
    }

    private static int serve(List<String> args, PrintStream out, PrintStream err) throws Arguments.UsageException {
        Arguments a = Arguments.parse(args, Set.of("source", "port"), Set.of("no-open"));
        int port;
        try {
            port = Integer.parseInt(a.get("port", "8080"));
        } catch (NumberFormatException e) {
            throw new Arguments.UsageException("--port skal være et tal, f.eks. 8080");
        }
        try {
            PreviewServer server = new PreviewServer(source(a), port, step -> {
                if (step.errors().isEmpty()) {
                    if (step.files() > 0) out.println(updated(step));
                } else {
                    err.println(GroupedProblems.format(step.errors()) + GroupedProblems.count(step.errors()) + ". Ret fejlene og gem igen.");
                }
            });
            // Ctrl+C ends the JVM without returning here: close on the way out, so the preview's copy of the site goes too
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "luk-forhaandsvisning"));
            server.mount(Editor.PREFIX, new Editor(source(a)));
            for (Problem p : server.errors()) err.println(p);
            out.println("Forhåndsvisning: " + server.url() + "  (stop med Ctrl+C)");
            String editor = server.url() + Editor.PREFIX.substring(1);
            out.println("Site-mappen er " + source(a).toAbsolutePath().normalize() + ". Redigér siderne i browseren på " + editor);
            out.println("Stop programmet med Ctrl+C her eller ved at lukke vinduet. Dine filer er gemt, hver gang du trykker Gem.");
            if (!a.has("no-open") && !SystemBrowser.open(editor)) {
                out.println("Browseren kunne ikke åbnes. Åbn selv " + editor);
            }
            Thread.currentThread().join();
            return 0;
        } catch (java.io.IOException e) {
            err.println("fejl: kan ikke starte forhåndsvisningen på port " + port + " (" + e.getMessage() + ")");
            return 2;
        } catch (InterruptedException e) {
            return 0;
        }
    }

    /** The preview's line after a rebuild: how long it took and, when it wrote the saved page first, how soon that was there. */
    static String updated(IncrementalBuild.Step step) {
        String line = "Opdateret på " + step.nanos() / 1_000_000 + " ms: " + step.files() + (step.files() == 1 ? " fil" : " filer");
        return step.pageNanos() < 0 ? line : line + " (den gemte side efter " + step.pageNanos() / 1_000_000 + " ms)";
    }

    private static Path source(Arguments a) throws Arguments.UsageException {
        Path source = Path.of(a.get("source", "."));
        if (!Files.isDirectory(source)) throw new Arguments.UsageException("mappen " + source + " findes ikke");
        return source;
    }

    private static void report(Problems problems, PrintStream err) {
        List<Problem> all = problems.all();
        for (Problem p : all) err.println(p);
        int errors = problems.errors().size();
        int warnings = problems.warnings().size();
        if (errors > 0) {
            err.println(errors + " fejl, " + warnings + " advarsler. Intet er bygget; et tidligere bygget site er uændret.");
        }
    }

}
