package dk.tilbudsoversigt.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dk.tilbudsoversigt.content.Content;
import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.PageTemplates;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.content.Slugs;
import dk.tilbudsoversigt.content.TextFiles;

/**
 * Import of a Word document (.docx) as a page of the site: {@link #read} makes the page file's
 * text, the images to write under assets/ and a report without writing anything; {@link #write}
 * then writes them all or, when anything fails, nothing.
 */
public final class WordImport {
    static final int TITLE_MAX = 120;
    static final int SUMMARY_MAX = 300;
    static final String IMAGE_FOLDER = "assets/billeder/";
    private static final Pattern PERIOD = Pattern.compile("\\b((?:19|20)\\d\\d)\\s*[-–—]\\s*((?:19|20)\\d\\d)\\b");

    /** An image to write: {@code file} relative to the site folder. */
    public record Image(String file, String alt, byte[] data) {}

    /**
     * What an import makes.
     *
     * @param pageFile the page, relative to the site folder (content/planer/handicappolitik.md)
     * @param pageText the whole file: front matter and body
     * @param errors   why it must not be written (an image without alternative text, ...); empty when it may
     */
    public record Imported(String pageFile, String pageText, List<Image> images, List<String> report, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private WordImport() {}

    /** Reads the document at {@code docx} for the site in {@code siteFolder}; {@code slug} may be null (then from the title). */
    public static Imported read(Path docx, Path siteFolder, PageType type, String slug, LocalDate today) throws ImportException {
        String name = docx.getFileName().toString();
        byte[] bytes;
        try {
            long size = Files.size(docx);
            if (size > DocxGate.MAX_FILE_BYTES) {
                throw new ImportException(name + ": dokumentet er for stort (" + size / (1024 * 1024) + " MB); der kan højst importeres "
                        + DocxGate.MAX_FILE_BYTES / (1024 * 1024) + " MB. Tag store billeder ud, eller del dokumentet op");
            }
            bytes = Files.readAllBytes(docx);
        } catch (IOException e) {
            throw new ImportException(name + ": filen kan ikke læses (" + e.getClass().getSimpleName() + ")");
        }
        return read(bytes, name, siteFolder, type, slug, today);
    }

    /** As {@link #read(Path, Path, PageType, String, LocalDate)}, for a document uploaded in the editor. */
    public static Imported read(byte[] docx, String name, Path siteFolder, PageType type, String slug, LocalDate today) throws ImportException {
        DocxGate.check(docx, name);
        Problems problems = new Problems();
        Content content = ContentLoader.load(siteFolder, problems);
        if (content == null) {
            throw new ImportException("site-mappen " + siteFolder + " kan ikke bruges: " + (problems.errors().isEmpty() ? "site.properties mangler" : problems.errors().get(0)));
        }
        Report report = new Report();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(docx))) {
            String mainType = pkg.getPartsByRelationshipType(org.apache.poi.openxml4j.opc.PackageRelationshipTypes.CORE_DOCUMENT).stream()
                    .findFirst().map(PackagePart::getContentType).orElse("");
            if (!mainType.contains("wordprocessingml") && !mainType.contains("ms-word")) {
                throw new ImportException(name + ": filen er ikke et Word-dokument (.docx)"
                        + (mainType.contains("spreadsheet") ? " men et regneark" : mainType.contains("presentation") ? " men en præsentation" : "")
                        + "; gem teksten som Word-dokument, og importer igen");
            }
            if (!pkg.getPartsByContentType("application/vnd.ms-office.vbaProject").isEmpty() || mainType.contains("macroEnabled")) {
                report.note("Dokumentets makroer (VBA) er ignoreret; de kommer aldrig med på sitet");
            }
            try (XWPFDocument doc = new XWPFDocument(pkg)) {
                return build(doc, name, siteFolder, content, type, slug, today, report);
            }
        } catch (ImportException e) {
            throw e;
        } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new ImportException(name + ": " + why(e));
        } catch (StackOverflowError e) {
            throw new ImportException(name + ": dokumentet er bygget for dybt op (lag i lag) til at kunne læses; gør det enklere i Word");
        }
    }

    private static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("zip bomb") || m.contains("max") && m.contains("size")) {
                return "dokumentet pakker sig ud til langt mere, end det fylder; det ligner en zip-bombe og importeres ikke";
            }
        }
        return "dokumentet kan ikke læses; det er måske beskadiget. Åbn det i Word, gem det igen som .docx, og importer igen";
    }

    private static Imported build(XWPFDocument doc, String name, Path siteFolder, Content content, PageType type, String slug, LocalDate today, Report report)
            throws ImportException {
        DocxReader reader = new DocxReader(doc, report);
        Document html = reader.read();
        List<String> errors = new ArrayList<>();

        String coreTitle = doc.getProperties().getCoreProperties().getTitle();
        String title = coreTitle != null && !coreTitle.isBlank() ? coreTitle.strip() : reader.titleFromStyle();
        Element first = html.body().selectFirst("h1, h2, h3, h4, h5, h6");
        if (first != null && (title == null || first.text().strip().equalsIgnoreCase(title))) {
            if (title == null) title = first.text().strip();
            first.remove();
        }
        if (title == null || title.isBlank()) {
            Element p = html.body().selectFirst("p");
            title = p != null && p.text().length() <= TITLE_MAX ? p.text().strip() : name.replaceAll("(?i)\\.docx?$", "");
            report.note("Dokumentet har ingen titel eller overskrift; titlen er sat til „" + Report.shorten(title) + "“: tjek den");
        }
        title = shorten(title.replaceAll("\\s+", " "), TITLE_MAX);

        String pageSlug = slug != null ? slug : Slugs.slugify(title);
        if (pageSlug.length() > 60) pageSlug = pageSlug.substring(0, 60).replaceAll("-[^-]*$", "");
        if (pageSlug.isEmpty()) pageSlug = "side";
        String pageFile = ContentLoader.CONTENT + "/" + type.folder() + "/" + pageSlug + ".md";

        List<ActionPlanTable.Item> items = null;
        if (type == PageType.HANDLEPLAN) {
            for (int i = 0; i < reader.tables().size() && items == null; i++) {
                items = ActionPlanTable.read(reader.tables().get(i));
                if (items != null) {
                    Element t = html.body().selectFirst("table[data-table=" + i + "]");
                    if (t != null) t.remove();
                    report.note("Handleplanens " + items.size() + " punkter er taget fra tabellen med kolonnerne nr, titel og status");
                    for (ActionPlanTable.Item item : items) {
                        if (item.status() == null && item.statusText() != null) {
                            report.count("punkt, hvis status ikke kunne genkendes, har fået status udeladt", "punkter, hvis status ikke kunne genkendes, har fået status udeladt",
                                    "nr. " + item.nr() + ": „" + item.statusText() + "“");
                        }
                    }
                }
            }
            if (items == null) {
                errors.add(pageFile + ":1: dokumentet har ingen tabel med kolonnerne Nr, Titel (eller Indsats) og Status, som kan blive handleplanens punkter;"
                        + " tilføj tabellen i Word, eller importer dokumentet som en anden type (--type plan)");
            }
        }

        List<Image> images = new ArrayList<>();
        for (DocxReader.Picture picture : reader.pictures()) {
            String file = IMAGE_FOLDER + pageSlug + "-" + picture.number() + "." + picture.extension();
            Element img = html.body().selectFirst("img[src=billede:" + picture.number() + "]");
            if (img != null) img.attr("src", "../../" + file);
            images.add(new Image(file, picture.alt(), picture.data()));
            if (picture.alt().isEmpty()) {
                errors.add(pageFile + ":1: billede " + picture.number() + (picture.nameInDocument().isEmpty() ? "" : " (" + picture.nameInDocument() + ")")
                        + " " + picture.near() + " mangler en alternativ tekst. Højreklik på billedet i Word, vælg „Vis alternativ tekst“,"
                        + " skriv hvad billedet viser, gem, og importer igen");
            }
        }

        Cleaner cleaner = new Cleaner(report, true, new OwnLinks(content, pageFile, report));
        cleaner.clean(html);
        String summarySource = firstParagraph(html);
        HeadingLevels.apply(html.body(), 2, report);
        if (type == PageType.PLAN || type == PageType.FAQ) {
            List<String> sections = html.body().select("h2").eachText();
            if (!sections.isEmpty()) {
                report.note((type == PageType.PLAN ? "Indsatsområder" : "Spørgsmål") + " (overskrifter ##): " + String.join("; ", sections.stream().map(Report::shorten).toList()));
            }
        }
        String body = MarkdownWriter.write(html.body());

        String summary = summary(summarySource);
        String text = FrontMatterText.write(type, title, summary, summarySource.length() > summary.length(), today,
                period(title + " " + html.body().text(), today, type, report), audience(title + " " + summary, type, report),
                items, content, report) + "\n" + body;
        if (summary.isEmpty() && type.summaryRequired()) report.note("Dokumentet har intet afsnit at tage resuméet fra; skriv det selv");
        if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > TextFiles.MAX_BYTES) {
            errors.add(pageFile + ":1: teksten bliver over " + TextFiles.MAX_BYTES / (1024 * 1024) + " MB, mere end en side må fylde; del dokumentet op");
        }
        if (Files.exists(siteFolder.resolve(pageFile))) errors.add(pageFile + ":1: filen findes allerede; vælg et andet filnavn med --slug");
        return new Imported(pageFile, text, List.copyOf(images), report.lines(), List.copyOf(errors));
    }

    /** The text of the first paragraph that is not in a table or list. */
    private static String firstParagraph(Document html) {
        for (Element p : html.body().select("body > p")) {
            String t = p.text().strip();
            if (t.length() >= 2) return t;
        }
        return "";
    }

    /** One or two whole sentences within the limit; otherwise cut at a word, with "…". */
    static String summary(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        if (t.length() <= SUMMARY_MAX) return t;
        Matcher m = Pattern.compile("[.!?](\\s|$)").matcher(t);
        int end = -1;
        int sentences = 0;
        while (m.find() && m.start() < SUMMARY_MAX && sentences < 2) {
            end = m.start() + 1;
            sentences++;
        }
        if (end > 40) return t.substring(0, end);
        return shorten(t, SUMMARY_MAX);
    }

    static String shorten(String text, int max) {
        if (text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text.substring(0, cut) : text.substring(0, max - 1)).strip() + "…";
    }

    private static String period(String text, LocalDate today, PageType type, Report report) {
        if (type != PageType.PLAN) return null;
        Matcher m = PERIOD.matcher(text);
        if (m.find()) return m.group(1) + "-" + m.group(2);
        String guess = today.getYear() + "-" + (today.getYear() + 3);
        report.note("Planens periode står ikke i dokumentet; den er sat til " + guess + ": ret den (period)");
        return guess;
    }

    private static String audience(String text, PageType type, Report report) {
        if (type != PageType.PLAN) return null;
        String t = text.toLowerCase(Locale.ROOT);
        boolean children = t.contains("børn") || t.contains("unge");
        boolean adults = t.contains("voksne");
        String audience = children && !adults ? "boern" : adults && !children ? "voksne" : "alle";
        report.note("Planens målgruppe er sat til " + audience + " ud fra titel og resumé: tjek den (audience)");
        return audience;
    }

    /**
     * Writes the page and its images, or nothing: each goes to a temporary file beside its
     * place first, and only when all are written are they moved into place; a failure removes
     * what was moved and the folders that were made.
     */
    public static void write(Imported imported, Path siteFolder) throws ImportException {
        if (!imported.ok()) throw new ImportException(String.join("\n", imported.errors()));
        List<Path> targets = new ArrayList<>();
        List<byte[]> data = new ArrayList<>();
        targets.add(siteFolder.resolve(imported.pageFile()));
        data.add(imported.pageText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (Image image : imported.images()) {
            targets.add(siteFolder.resolve(image.file()));
            data.add(image.data());
        }
        for (Path t : targets) {
            if (Files.exists(t)) throw new ImportException(siteFolder.relativize(t) + " findes allerede; intet er skrevet. Vælg et andet filnavn med --slug");
        }
        List<Path> madeFolders = new ArrayList<>();
        List<Path> temporary = new ArrayList<>();
        List<Path> placed = new ArrayList<>();
        try {
            for (int i = 0; i < targets.size(); i++) {
                Path folder = targets.get(i).getParent();
                makeFolders(folder, madeFolders);
                Path temp = Files.createTempFile(folder, ".import-", ".tmp");
                temporary.add(temp);
                Files.write(temp, data.get(i));
            }
            for (int i = 0; i < targets.size(); i++) {
                move(temporary.get(i), targets.get(i));
                placed.add(targets.get(i));
            }
        } catch (IOException e) {
            for (Path p : placed) quietDelete(p);
            for (Path p : temporary) quietDelete(p);
            for (int i = madeFolders.size() - 1; i >= 0; i--) quietDelete(madeFolders.get(i));
            throw new ImportException((e instanceof FileAlreadyExistsException ? e.getMessage() + " findes allerede" : "filerne kunne ikke skrives ("
                    + e.getClass().getSimpleName() + ")") + "; intet er skrevet");
        }
    }

    private static void makeFolders(Path folder, List<Path> made) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path f = folder; f != null && !Files.isDirectory(f); f = f.getParent()) missing.add(0, f);
        for (Path f : missing) {
            Files.createDirectory(f);
            made.add(f);
        }
    }

    /** A move that never replaces a file that appeared meanwhile. */
    private static void move(Path from, Path to) throws IOException {
        if (Files.exists(to)) throw new FileAlreadyExistsException(to.toString());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void quietDelete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover empty folder or temporary file is reported by nothing and harms nothing
        }
    }

    /** The example front matter of {@code new TYPE}, for the fields a Word document cannot give. */
    static String templateFields(PageType type, String slug, List<String> groups, LocalDate today) {
        String example = PageTemplates.example(type, slug, groups, today);
        int start = example.indexOf("related: []\n");
        int end = example.indexOf("\n---\n", start);
        return start < 0 || end < 0 ? "" : example.substring(start + "related: []\n".length(), end + 1);
    }
}
