package dk.tilbudsoversigt.editor;

import dk.tilbudsoversigt.content.Folders;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.Slugs;
import dk.tilbudsoversigt.content.TextFiles;

/**
 * The only way the editor touches a site folder: paths under content/ and assets/ only, saves
 * that are atomic and refused when the file changed since it was read, a trash folder instead
 * of deleting, and uploads checked for what they really are.
 */
public final class SiteFiles {
    /** The trash, at the site folder's root: outside content/ and assets/, so no build reads it. */
    public static final String TRASH = ".papirkurv";
    /** Where uploaded files go. */
    public static final String UPLOADS = "assets/filer";
    public static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    private static final String RECORD = "kilde.properties";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");
    /** One lock per site folder in this JVM, so that two saves of one file never interleave. */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();
    /** Names Windows keeps for devices, with any extension: a site folder is often shared with Windows machines. */
    private static final Pattern WINDOWS_DEVICES = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    private final Path root;
    private final Object lock;

    public SiteFiles(Path siteFolder) {
        this.root = siteFolder.toAbsolutePath().normalize();
        this.lock = LOCKS.computeIfAbsent(root, r -> new Object());
    }

    public Path folder() {
        return root;
    }

    /**
     * The file a site-relative, '/'-separated path names, when it lies under content/ or assets/
     * (symbolic links followed) and is spelt plainly.
     *
     * @throws RefusedPath for every other path, with the reason in Danish
     */
    public Path resolve(String rel) {
        if (rel == null || rel.isEmpty()) throw new RefusedPath("der er ikke angivet nogen fil");
        if (rel.length() > 1000) throw new RefusedPath("stien er for lang");
        for (int i = 0; i < rel.length(); i++) {
            char c = rel.charAt(i);
            if (c == 0) throw new RefusedPath("stien indeholder et NUL-tegn og kan ikke bruges");
            if (Character.isISOControl(c)) throw new RefusedPath("stien indeholder et styretegn og kan ikke bruges");
            if (Character.getType(c) == Character.FORMAT) throw new RefusedPath("stien indeholder et usynligt tegn (f.eks. en retningsmarkør) og kan ikke bruges");
        }
        if (rel.indexOf('\\') >= 0) throw new RefusedPath("stien " + rel + " bruger \\; skriv stier med /, f.eks. content/tilbud/aflastning.md");
        if (rel.indexOf('%') >= 0) throw new RefusedPath("stien " + rel + " indeholder %-koder; skriv stien som den er");
        if (rel.startsWith("/")) throw new RefusedPath("stien " + rel + " er absolut; skriv den fra site-mappen, f.eks. content/tilbud/aflastning.md");
        if (rel.indexOf(':') >= 0) throw new RefusedPath("stien " + rel + " indeholder et kolon (som i et drevbogstav C:); det er ikke tilladt");
        String[] parts = rel.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) throw new RefusedPath("stien " + rel + " har en tom del (// eller / til sidst)");
            if (part.equals(".") || part.equals("..")) throw new RefusedPath("stien " + rel + " må ikke indeholde . eller ..; filer uden for content/ og assets/ kan ikke redigeres");
            if (part.startsWith(".")) throw new RefusedPath("stien " + rel + " peger på en skjult fil eller mappe (navnet begynder med punktum)");
            if (part.endsWith(".") || part.endsWith(" ") || part.startsWith(" ")) throw new RefusedPath("en del af stien " + rel + " begynder eller ender med mellemrum eller punktum");
            if (WINDOWS_DEVICES.matcher(part).matches()) throw new RefusedPath("navnet " + part + " i stien " + rel + " er reserveret i Windows og kan ikke bruges");
        }
        if (parts.length < 2 || !(parts[0].equals(ContentLoader.CONTENT) || parts[0].equals("assets"))) {
            throw new RefusedPath("kun filer under content/ og assets/ kan redigeres, ikke " + rel);
        }
        Path path = root.resolve(rel).normalize();
        if (!path.startsWith(root.resolve(parts[0]))) throw new RefusedPath("stien " + rel + " peger uden for site-mappen");
        Path existing = path;
        while (!existing.equals(root) && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        if (!existing.equals(root)) {
            try {
                Path real = existing.toRealPath();
                Path allowed = root.toRealPath().resolve(parts[0]);
                if (!real.startsWith(allowed)) {
                    throw new RefusedPath(rel + " er en genvej (symbolsk link) til noget uden for " + parts[0] + "/; den kan ikke redigeres her");
                }
            } catch (IOException e) {
                throw new RefusedPath(rel + " er en genvej (symbolsk link), der ikke fører nogen steder hen");
            }
        }
        return path;
    }

    public boolean exists(String rel) {
        return Files.exists(resolve(rel), LinkOption.NOFOLLOW_LINKS);
    }

    /** The file's text exactly as it is on disk (byte-order mark and line endings kept). */
    public String read(String rel) throws IOException {
        return decode(rel, readBytes(resolve(rel), rel));
    }

    /**
     * The link to write in the body of page {@code fromPage} for the file {@code target} (both
     * site-relative), e.g. from content/tilbud/aflastning.md to assets/filer/kort.png: ../../assets/filer/kort.png.
     */
    public static String relativeLink(String fromPage, String target) {
        int slash = fromPage.lastIndexOf('/');
        Path dir = Path.of(slash < 0 ? "" : fromPage.substring(0, slash));
        return dir.relativize(Path.of(target)).toString().replace('\\', '/');
    }

    /** The version of a text: SHA-256 of its UTF-8 bytes, in hex. */
    public static String version(String text) {
        return version(text.getBytes(StandardCharsets.UTF_8));
    }

    static String version(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Saves a page atomically (a crash leaves the old file or the new one, never half of one).
     *
     * @param expectedVersion the {@link #version} of the text the editor opened; null for a
     *                        new file, which must not exist yet
     * @throws Conflict when the file on disk is not that version any more
     */
    public void write(String rel, String text, String expectedVersion) throws IOException, Conflict {
        Path path = resolve(rel);
        requirePage(rel);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > TextFiles.MAX_BYTES) {
            throw new RefusedPath(rel + " kan ikke gemmes: en side må højst fylde " + (TextFiles.MAX_BYTES / (1024 * 1024)) + " MB");
        }
        synchronized (lock) {
            byte[] now = Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? readBytes(path, rel) : null;
            if (expectedVersion == null ? now != null : now == null || !version(now).equals(expectedVersion)) {
                throw new Conflict(rel, now == null ? null : lenient(now));
            }
            Files.createDirectories(path.getParent());
            writeAtomically(path, bytes);
        }
    }

    /** Every page under content/ (files ending in .md, hidden ones skipped), sorted. */
    public List<String> pages() throws IOException {
        Path content = root.resolve(ContentLoader.CONTENT);
        if (!Files.isDirectory(content)) return List.of();
        try (Stream<Path> walk = Files.walk(content)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> ContentLoader.relative(root, p))
                    .filter(rel -> rel.endsWith(".md") && !rel.contains("/."))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Moves a file to the trash folder and returns the id that {@link #restore} takes. */
    public String trash(String rel) throws IOException {
        Path path = resolve(rel);
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) throw new RefusedPath(rel + " findes ikke eller er ikke en fil");
        synchronized (lock) {
            Path trash = root.resolve(TRASH);
            Files.createDirectories(trash);
            Instant when = Instant.now();
            String name = path.getFileName().toString();
            String stem = Slugs.slugify(name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
            String base = ID_TIME.format(when) + "-" + (stem.isEmpty() ? "fil" : stem);
            Path dir = null;
            String id = null;
            for (int n = 1; dir == null; n++) {
                id = n == 1 ? base : base + "-" + n;
                try {
                    dir = Files.createDirectory(trash.resolve(id));
                } catch (FileAlreadyExistsException e) {
                    // another file of that name went to the trash this second
                }
            }
            Properties record = new Properties();
            record.setProperty("sti", rel);
            record.setProperty("slettet", when.toString());
            try (var out = Files.newBufferedWriter(dir.resolve(RECORD), StandardCharsets.UTF_8)) {
                record.store(out, "Hvor filen i denne mappe lå, og hvornår den blev lagt i papirkurven");
            }
            try {
                Folders.replace(path, dir.resolve(name));
            } catch (IOException e) {
                Files.deleteIfExists(dir.resolve(RECORD));
                Files.deleteIfExists(dir);
                throw e;
            }
            return id;
        }
    }

    /** What is in the trash, newest first. */
    public List<Trashed> trashed() throws IOException {
        Path trash = root.resolve(TRASH);
        if (!Files.isDirectory(trash, LinkOption.NOFOLLOW_LINKS)) return List.of();
        List<Trashed> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(trash)) {
            for (Path dir : dirs.sorted().toList()) {
                Trashed t = record(dir);
                if (t != null) out.add(t);
            }
        }
        out.sort(Comparator.comparing(Trashed::when).reversed().thenComparing(Trashed::id));
        return out;
    }

    /** Puts a file from the trash back where it was; refused when something is there now. */
    public void restore(String id) throws IOException {
        if (id == null || !id.matches("\\d{8}-\\d{6}-[a-z0-9-]+")) throw new RefusedPath("der er ingen fil i papirkurven med id " + id);
        synchronized (lock) {
            Path dir = root.resolve(TRASH).resolve(id);
            Trashed t = record(dir);
            if (t == null) throw new RefusedPath("der er ingen fil i papirkurven med id " + id);
            Path target = resolve(t.path());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new RefusedPath("der ligger allerede en fil på " + t.path() + "; omdøb eller slet den først, og gendan så igen");
            }
            Path file = dir.resolve(target.getFileName().toString());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) throw new RefusedPath("filen med id " + id + " mangler i papirkurven");
            Files.createDirectories(target.getParent());
            Folders.replace(file, target);
            Files.deleteIfExists(dir.resolve(RECORD));
            Files.deleteIfExists(dir);
        }
    }

    private Trashed record(Path dir) {
        Path file = dir.resolve(RECORD);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return null;
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            String path = p.getProperty("sti");
            String when = p.getProperty("slettet");
            if (path == null || when == null) return null;
            return new Trashed(dir.getFileName().toString(), path, Instant.parse(when));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Stores an uploaded file under {@value #UPLOADS} with a safe name of its own (never over
     * another file) and returns its site-relative path.
     *
     * @throws RefusedPath for files that could run code on the site, that are not what their
     *                     name says, or that are too large
     */
    public String upload(String fileName, byte[] bytes) throws IOException {
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw new RefusedPath(name + " fylder " + (bytes.length / (1024 * 1024)) + " MB; en fil må højst fylde "
                    + (MAX_UPLOAD_BYTES / (1024 * 1024)) + " MB");
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        Uploads.check(name, extension, bytes);
        String stem = Slugs.slugify(dot < 0 ? name : name.substring(0, dot));
        if (stem.length() > 80) stem = stem.substring(0, 80).replaceAll("-+$", "");
        if (stem.isEmpty()) stem = "fil";
        synchronized (lock) {
            Path dir = resolve(UPLOADS);
            Files.createDirectories(dir);
            String chosen = stem + "." + extension;
            for (int n = 2; Files.exists(dir.resolve(chosen), LinkOption.NOFOLLOW_LINKS); n++) chosen = stem + "-" + n + "." + extension;
            writeAtomically(dir.resolve(chosen), bytes);
            return UPLOADS + "/" + chosen;
        }
    }

    /**
     * Saves several pages at once: every new text is written to a temporary file first, then
     * all are moved into place; when a move fails, the files already moved get their old text back.
     *
     * @param writes   path → new text
     * @param expected path → version it must still have (null: must not exist)
     * @param remove   a path to delete once the rest is in place, or null
     */
    void writeAll(Map<String, String> writes, Map<String, String> expected, String remove) throws IOException, Conflict {
        Map<Path, byte[]> staged = new LinkedHashMap<>();
        for (Map.Entry<String, String> w : writes.entrySet()) {
            requirePage(w.getKey());
            staged.put(resolve(w.getKey()), w.getValue().getBytes(StandardCharsets.UTF_8));
        }
        Path removed = remove == null ? null : resolve(remove);
        synchronized (lock) {
            for (Map.Entry<String, String> e : expected.entrySet()) {
                Path p = resolve(e.getKey());
                byte[] now = Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? readBytes(p, e.getKey()) : null;
                if (e.getValue() == null ? now != null : now == null || !version(now).equals(e.getValue())) {
                    throw new Conflict(e.getKey(), now == null ? null : lenient(now));
                }
            }
            Map<Path, Path> temps = new LinkedHashMap<>();
            try {
                for (Map.Entry<Path, byte[]> s : staged.entrySet()) {
                    Files.createDirectories(s.getKey().getParent());
                    temps.put(s.getKey(), temporary(s.getKey(), s.getValue()));
                }
                Map<Path, byte[]> before = new LinkedHashMap<>();
                try {
                    for (Map.Entry<Path, Path> t : temps.entrySet()) {
                        Path target = t.getKey();
                        before.put(target, Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(target) : null);
                        Folders.replace(t.getValue(), target);
                    }
                    if (removed != null && !staged.containsKey(removed)) Files.delete(removed);
                } catch (IOException | RuntimeException e) {
                    for (Map.Entry<Path, byte[]> b : before.entrySet()) {
                        try {
                            if (b.getValue() == null) Files.deleteIfExists(b.getKey());
                            else writeAtomically(b.getKey(), b.getValue());
                        } catch (IOException suppressed) {
                            e.addSuppressed(suppressed);
                        }
                    }
                    throw e;
                }
            } finally {
                for (Path t : temps.values()) Files.deleteIfExists(t);
            }
        }
    }

    private static void requirePage(String rel) {
        if (!rel.startsWith(ContentLoader.CONTENT + "/") || !rel.endsWith(".md")) {
            throw new RefusedPath("kun sider (filer med .md under content/) kan gemmes her; billeder og dokumenter lægges op for sig, ikke " + rel);
        }
    }

    private static byte[] readBytes(Path path, String rel) throws IOException {
        if (!Files.isRegularFile(path)) throw new NoSuchFileException(rel, null, rel + " findes ikke");
        if (Files.size(path) > TextFiles.MAX_BYTES) {
            throw new IOException(rel + " er for stor; en side må højst fylde " + (TextFiles.MAX_BYTES / (1024 * 1024)) + " MB");
        }
        return Files.readAllBytes(path);
    }

    private static String decode(String rel, byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(rel + " er ikke gemt som UTF-8; åbn den i en teksteditor og gem den som UTF-8");
        }
    }

    private static String lenient(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Writes through a temporary file in the same folder, flushed to disk, then renamed over the target. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = temporary(target, bytes);
        try {
            Folders.replace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path temporary(Path target, byte[] bytes) throws IOException {
        // a hidden name: the content loader and the asset copy skip it if a build runs meanwhile
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".gemmes");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) out.write(buffer);
                out.force(true);
            }
            try {
                Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE);
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the temporary file has the folder's default rights
            }
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
