package dk.tilbudsoversigt.bake;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dk.tilbudsoversigt.content.Content;
import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageReader;
import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.content.SettingsReader;
import dk.tilbudsoversigt.content.SiteSettings;
import dk.tilbudsoversigt.content.SiteValidator;
import dk.tilbudsoversigt.markdown.BodyRenderer;
import dk.tilbudsoversigt.markdown.Glossary;
import dk.tilbudsoversigt.markdown.Heading;
import dk.tilbudsoversigt.markdown.RenderedBody;
import dk.tilbudsoversigt.site.Checked;
import dk.tilbudsoversigt.site.RenderJob;
import dk.tilbudsoversigt.site.SiteModel;

/**
 * The preview's build: one full build kept in memory, after which a changed content file is
 * rebuilt with only what it touches. The file is read again; the cross-page checks run again
 * (they are cheap); the bodies that depend on it are rendered again (its own, those that link to
 * it when its anchors, draft state or existence changed, those that name a glossary term that
 * changed); then only the files whose model changed are written: the page, the listings and
 * facet pages that show it, the pages whose "Se også" links or target groups name it, the
 * front page, feed and sitemap when needed. Templates, assets or site.properties changing means
 * a full build. The search index is rebuilt in the background, the latest request winning.
 *
 * <p>After any series of changes without errors, the output is byte for byte what
 * {@link SiteBuilder#build} makes of the same folder. Not thread-safe: one watcher drives it.
 */
public final class IncrementalBuild implements AutoCloseable {
    private static final long INDEX_DEBOUNCE_MS = 150;

    /** Told which files were just written: URL paths below the base path, or null for all of them. */
    public interface Listener {
        void written(Set<String> paths);
    }

    /** What one build did: every problem of the site as it now is, and how many files it wrote. */
    public record Step(boolean full, List<Problem> problems, int files, long nanos) {
        public List<Problem> errors() {
            return problems.stream().filter(p -> !p.warning()).toList();
        }
    }

    /** A file to write, and the content file of the page it belongs to (null for listings). */
    private record Pending(RenderJob job, String file) {}

    /** What a link to a file depends on: whether it is a page, its draft state and anchors, or a file at all. */
    private record LinkFacts(boolean page, boolean draft, List<String> anchors, boolean file) {}

    private final Path site;
    private final Path siteAbs;
    private final Path output;
    private final Path staging;
    private final boolean includeDrafts;
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-index");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Checked> pendingIndex = new AtomicReference<>();
    private Set<String> indexFiles = Set.of();

    // the content as it now is
    private boolean loaded;
    private SiteSettings settings;
    private PageReader reader;
    private final TreeMap<String, Page> pages = new TreeMap<>();
    private final TreeSet<String> attachments = new TreeSet<>();
    private final Map<String, List<Problem>> loadProblems = new HashMap<>();
    private List<Problem> validationProblems = List.of();
    private final Map<String, RenderedBody> bodies = new HashMap<>();
    private final Map<String, List<Problem>> bodyProblems = new HashMap<>();
    private final Map<String, Set<String>> targets = new HashMap<>();
    private final Map<String, List<Heading>> headings = new ConcurrentHashMap<>();
    private List<Glossary.Term> terms = List.of();

    // the output as it now is
    private boolean outputStale = true;
    private SiteModel model;
    private JBakeRenderer renderer;
    private final Map<String, RenderJob> written = new HashMap<>();
    private final Map<String, Problem> renderProblems = new TreeMap<>();
    private final Set<String> dirtyPages = new TreeSet<>();
    private final Set<String> dirtyAttachments = new TreeSet<>();

    /** Builds nothing yet; call {@link #full} first. */
    public IncrementalBuild(Path siteFolder, Path output, boolean includeDrafts) {
        this.site = siteFolder;
        this.siteAbs = siteFolder.toAbsolutePath().normalize();
        this.output = output.toAbsolutePath().normalize();
        this.staging = this.output.resolveSibling("." + this.output.getFileName() + ".trin");
        this.includeDrafts = includeDrafts;
    }

    /** Everything from scratch: loads, checks and renders the whole site and, without errors, writes it. */
    public Step full(Listener listener) {
        long start = System.nanoTime();
        loaded = false;
        outputStale = true;
        model = null;
        renderer = null;
        pages.clear();
        attachments.clear();
        loadProblems.clear();
        validationProblems = List.of();
        bodies.clear();
        bodyProblems.clear();
        targets.clear();
        headings.clear();
        written.clear();
        renderProblems.clear();
        dirtyPages.clear();
        dirtyAttachments.clear();

        Problems loading = new Problems();
        Content content = ContentLoader.load(site, loading);
        loadProblems.putAll(byFile(loading.all()));
        if (content == null) return new Step(true, problems(), 0, System.nanoTime() - start);
        loaded = true;
        settings = content.settings();
        reader = new PageReader(settings);
        for (Page p : content.pages()) pages.put(p.file(), p);
        attachments.addAll(content.attachments());
        validate(content);
        BodyRenderer bodyRenderer = new BodyRenderer(content, site, includeDrafts, headings);
        Problems rendering = new Problems();
        List<Page> published = published(content);
        bodies.putAll(bodyRenderer.renderAll(published, rendering));
        bodyProblems.putAll(byFile(rendering.all()));
        for (Page p : published) targets.put(p.file(), bodyRenderer.targets(p.file()));
        terms = bodyRenderer.glossaryTerms();
        int files = hasContentErrors() ? 0 : writeAll(content, published, listener);
        return new Step(true, problems(), files, System.nanoTime() - start);
    }

    /**
     * Rebuilds what a change to these files or folders touches; a change outside content/ that
     * the build reads (site.properties, templates/, assets/) means a full build.
     */
    public Step update(Collection<Path> changed, Listener listener) {
        long start = System.nanoTime();
        Set<String> files = new TreeSet<>();
        for (Path path : changed) {
            Path abs = path.toAbsolutePath().normalize();
            if (!abs.startsWith(siteAbs)) continue;
            Path rel = siteAbs.relativize(abs);
            String first = rel.getNameCount() == 0 ? "" : rel.getName(0).toString();
            if (first.isEmpty() || first.equals("templates") || first.equals("assets")
                    || rel.getNameCount() == 1 && first.equals(SettingsReader.FILE)) {
                return full(listener);
            }
            if (!first.equals(ContentLoader.CONTENT)) continue;
            if (!loaded || rel.getNameCount() == 1 || !collect(abs, files)) return full(listener);
        }
        if (files.isEmpty()) return new Step(false, problems(), 0, System.nanoTime() - start);

        Map<String, Page> before = new HashMap<>();
        Map<String, LinkFacts> factsBefore = new HashMap<>();
        boolean filesChanged = false;
        for (String file : files) {
            factsBefore.put(file, facts(file, null));
            before.put(file, pages.get(file));
            boolean existed = pages.containsKey(file) || attachments.contains(inContent(file));
            read(file);
            filesChanged |= existed != (pages.containsKey(file) || attachments.contains(inContent(file)));
            if (!file.toLowerCase(Locale.ROOT).endsWith(".md")) dirtyAttachments.add(file);
        }

        Content content = content();
        validate(content);
        List<Page> published = published(content);
        Set<String> publishedFiles = new HashSet<>();
        for (Page p : published) publishedFiles.add(p.file());
        BodyRenderer bodyRenderer = new BodyRenderer(content, site, includeDrafts, headings);

        Set<String> toRender = new TreeSet<>();
        for (String file : files) {
            if (publishedFiles.contains(file)) toRender.add(file);
            if (!facts(file, bodyRenderer).equals(factsBefore.get(file))) {
                targets.forEach((page, linked) -> {
                    if (linked.contains(file)) toRender.add(page);
                });
            }
        }
        if (!bodyRenderer.glossaryTerms().equals(terms)) {
            toRender.addAll(namingChangedTerms(published, terms, bodyRenderer.glossaryTerms()));
            terms = bodyRenderer.glossaryTerms();
        }
        if (filesChanged) toRender.addAll(bodyProblems.keySet()); // "did you mean" hints may change
        toRender.retainAll(publishedFiles);

        Set<String> changedPages = new TreeSet<>();
        for (String file : files) {
            if (!Objects.equals(before.get(file), pages.get(file))) changedPages.add(file);
        }
        for (String file : List.copyOf(bodies.keySet())) {
            if (!publishedFiles.contains(file)) {
                bodies.remove(file);
                bodyProblems.remove(file);
                targets.remove(file);
                changedPages.add(file);
            }
        }
        Map<String, RenderedBody> rendered = new ConcurrentHashMap<>();
        Map<String, List<Problem>> renderedProblems = new ConcurrentHashMap<>();
        toRender.parallelStream().forEach(file -> {
            Problems problems = new Problems();
            rendered.put(file, bodyRenderer.render(pages.get(file), problems));
            renderedProblems.put(file, problems.all());
        });
        for (String file : toRender) {
            if (!rendered.get(file).equals(bodies.put(file, rendered.get(file)))) changedPages.add(file);
            if (renderedProblems.get(file).isEmpty()) bodyProblems.remove(file);
            else bodyProblems.put(file, renderedProblems.get(file));
            targets.put(file, bodyRenderer.targets(file));
        }
        dirtyPages.addAll(changedPages);

        int written = 0;
        if (!hasContentErrors()) {
            written = outputStale ? writeAll(content, published, listener) : writeChanged(content, published, files, listener);
        }
        return new Step(false, problems(), written, System.nanoTime() - start);
    }

    /** Every problem of the site as it now is, sorted by file and line. */
    public List<Problem> problems() {
        Problems all = new Problems();
        for (List<Problem> list : loadProblems.values()) list.forEach(p -> add(all, p));
        validationProblems.forEach(p -> add(all, p));
        for (List<Problem> list : bodyProblems.values()) list.forEach(p -> add(all, p));
        renderProblems.values().forEach(p -> add(all, p));
        return all.all();
    }

    /** Waits until the search index requested so far is written. */
    public void awaitSearchIndex() throws InterruptedException {
        try {
            indexer.submit(() -> { }).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        indexer.shutdownNow();
        try {
            indexer.awaitTermination(5, TimeUnit.SECONDS);
            Publisher.deleteTree(staging);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the staging folder sits in a temporary folder anyway
        }
    }

    /** Adds the content file(s) at {@code abs} to {@code files}; false when only a full build can tell what changed. */
    private boolean collect(Path abs, Set<String> files) {
        if (Files.isSymbolicLink(abs)) return false;
        if (Files.isDirectory(abs)) {
            if (abs.getFileName().toString().endsWith(".md")) return false;
            try (Stream<Path> walk = Files.walk(abs)) {
                for (Path p : walk.toList()) {
                    if (p.equals(abs)) continue;
                    if (Files.isSymbolicLink(p) || Files.isDirectory(p) && p.getFileName().toString().endsWith(".md")) return false;
                    if (Files.isRegularFile(p)) files.add(ContentLoader.relative(siteAbs, p));
                }
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        String file = ContentLoader.relative(siteAbs, abs);
        if (!Files.isDirectory(abs)) files.add(file);
        if (!Files.exists(abs)) {
            // a folder that is gone takes its files with it
            String prefix = file + "/";
            for (String known : pages.keySet()) if (known.startsWith(prefix)) files.add(known);
            for (String known : loadProblems.keySet()) if (known.startsWith(prefix)) files.add(known);
            for (String known : attachments) if (known.startsWith(inContent(prefix))) files.add(ContentLoader.CONTENT + "/" + known);
        }
        return true;
    }

    /** Reads one content file again, as ContentLoader.load would. */
    private void read(String file) {
        pages.remove(file);
        attachments.remove(inContent(file));
        loadProblems.remove(file);
        headings.remove(file);
        Path path = site.resolve(file);
        String name = path.getFileName().toString();
        if (name.startsWith(".") || !Files.isRegularFile(path)) return;
        if (name.toLowerCase(Locale.ROOT).endsWith(".md")) {
            Problems problems = new Problems();
            Page page = ContentLoader.readPage(reader, site, path, problems);
            if (page != null) pages.put(file, page);
            if (!problems.all().isEmpty()) loadProblems.put(file, problems.all());
        } else {
            attachments.add(inContent(file));
        }
    }

    private LinkFacts facts(String file, BodyRenderer bodyRenderer) {
        Page page = pages.get(file);
        if (page == null) {
            return new LinkFacts(false, false, List.of(), attachments.contains(inContent(file)) || loadProblems.containsKey(file));
        }
        List<Heading> hs = bodyRenderer == null ? headings.getOrDefault(file, List.of()) : bodyRenderer.headings(page);
        return new LinkFacts(true, page.draft(), hs.stream().map(Heading::id).toList(), true);
    }

    /** The pages that may name a term that came, went or changed: their text holds one of its names. */
    private Set<String> namingChangedTerms(List<Page> published, List<Glossary.Term> before, List<Glossary.Term> after) {
        Set<Glossary.Term> changed = new HashSet<>(before);
        changed.addAll(after);
        Set<Glossary.Term> same = new HashSet<>(before);
        same.retainAll(after);
        changed.removeAll(same);
        Set<String> names = new TreeSet<>();
        for (Glossary.Term t : changed) {
            for (String n : t.names()) names.add(n.toLowerCase(Locale.ROOT).strip());
        }
        Set<String> out = new TreeSet<>();
        for (Page p : published) {
            if (!p.glossaryLinks()) continue;
            String source = p.markdown().toLowerCase(Locale.ROOT);
            String text = bodies.getOrDefault(p.file(), RenderedBody.EMPTY).text().toLowerCase(Locale.ROOT);
            if (names.stream().anyMatch(n -> source.contains(n) || text.contains(n))) out.add(p.file());
        }
        return out;
    }

    private void validate(Content content) {
        Problems validation = new Problems();
        SiteValidator.validate(content, includeDrafts, validation);
        validationProblems = validation.all();
    }

    private Content content() {
        return new Content(settings, List.copyOf(pages.values()), List.copyOf(attachments));
    }

    private List<Page> published(Content content) {
        return content.pages().stream().filter(p -> includeDrafts || !p.draft()).toList();
    }

    private Checked checked(Content content, List<Page> published) {
        Map<String, RenderedBody> ordered = new LinkedHashMap<>();
        for (Page p : published) ordered.put(p.file(), bodies.getOrDefault(p.file(), RenderedBody.EMPTY));
        Problems all = new Problems();
        problems().forEach(p -> add(all, p));
        return new Checked(content, published, ordered, all);
    }

    /** Errors in the content itself; a template error found while writing is retried with the next change. */
    private boolean hasContentErrors() {
        return Stream.of(loadProblems.values().stream().flatMap(List::stream), validationProblems.stream(),
                bodyProblems.values().stream().flatMap(List::stream)).flatMap(s -> s).anyMatch(p -> !p.warning());
    }

    /** Writes the whole site into a fresh folder and swaps it in, as a build does. */
    private int writeAll(Content content, List<Page> published, Listener listener) {
        Checked checked = checked(content, published);
        SiteModel next = new SiteModel(checked, model);
        List<RenderJob> jobs = next.jobs();
        renderProblems.clear();
        SiteBuilder.Result result = SiteBuilder.publish(site, output, checked, jobs, false);
        if (!result.ok()) {
            for (Problem p : result.problems().errors()) {
                if (problems().stream().noneMatch(p::equals)) renderProblems.put(p.toString(), p);
            }
            return 0;
        }
        try {
            Files.createDirectories(staging);
            renderer = new JBakeRenderer(site, staging, jobs, SiteBuilder.shared(settings, new Assets(site)));
        } catch (Exception e) {
            renderProblems.put("templates", Problem.error("templates", 1, "skabelonerne kunne ikke indlæses: " + SiteBuilder.rootMessage(e)));
            return 0;
        }
        written.clear();
        for (RenderJob job : jobs) written.put(job.path(), job);
        model = next;
        outputStale = false;
        dirtyPages.clear();
        dirtyAttachments.clear();
        listener.written(null);
        requestSearchIndex(checked);
        return result.files();
    }

    /** Writes the files whose model changed: the saved pages' own first, then everything else. */
    private int writeChanged(Content content, List<Page> published, Set<String> saved, Listener listener) {
        renderProblems.clear();
        Checked checked = checked(content, published);
        SiteModel next = new SiteModel(checked, model);
        Set<String> affected = new TreeSet<>(dirtyPages);
        for (String file : dirtyPages) {
            affected.addAll(model.readersOf(file));
            affected.addAll(next.readersOf(file));
        }
        List<Pending> own = new ArrayList<>();
        List<Pending> rest = new ArrayList<>();
        for (String file : affected) {
            RenderJob job = next.pageJob(file);
            if (job != null && !job.equals(written.get(job.path()))) (saved.contains(file) ? own : rest).add(new Pending(job, file));
        }
        if (!knows(own, next)) return 0;
        dirtyPages.clear();
        int count = write(own, listener, Set.of());

        List<RenderJob> listings = next.listingJobs();
        for (RenderJob job : listings) {
            if (!job.equals(written.get(job.path()))) rest.add(new Pending(job, null));
        }
        Set<String> paths = new HashSet<>(next.pagePaths());
        for (RenderJob job : listings) paths.add(job.path());
        if (!knows(rest, next)) return count;
        Set<String> gone = new TreeSet<>();
        for (String path : List.copyOf(written.keySet())) {
            if (!paths.contains(path)) {
                delete(output.resolve(JBakeRenderer.outputFile(path)));
                written.remove(path);
                gone.add(path);
            }
        }
        for (String file : dirtyAttachments) {
            String rel = inContent(file);
            Path target = output.resolve(rel);
            try {
                if (attachments.contains(rel)) {
                    Files.createDirectories(target.getParent());
                    Path temp = Files.createTempFile(target.getParent(), ".", ".ny");
                    Files.copy(site.resolve(file), temp, StandardCopyOption.REPLACE_EXISTING);
                    move(temp, target);
                } else {
                    delete(target);
                }
                gone.add("/" + rel);
                count++;
            } catch (IOException e) {
                renderProblems.put(file, Problem.error(file, 1, "filen kunne ikke kopieres: " + e.getMessage()));
            }
        }
        dirtyAttachments.clear();
        count += write(rest, listener, gone);
        model = next;
        requestSearchIndex(checked);
        return count;
    }

    /** Whether the renderer knows the jobs' templates; if not, a new one is made. False when that fails. */
    private boolean knows(List<Pending> jobs, SiteModel next) {
        if (jobs.stream().allMatch(p -> renderer.knows(p.job()))) return true;
        try {
            renderer = new JBakeRenderer(site, staging, next.jobs(), SiteBuilder.shared(settings, new Assets(site)));
            return true;
        } catch (Exception e) {
            renderProblems.put("templates", Problem.error("templates", 1, "skabelonerne kunne ikke indlæses: " + SiteBuilder.rootMessage(e)));
            outputStale = true;
            return false;
        }
    }

    /** Renders jobs into the staging folder and moves each file into place; tells the listener. */
    private int write(List<Pending> jobs, Listener listener, Set<String> alsoChanged) {
        Map<String, Problem> failed = new ConcurrentHashMap<>();
        Set<String> done = ConcurrentHashMap.newKeySet();
        jobs.parallelStream().map(Pending::job).forEach(job -> {
            Problems problems = new Problems();
            String file = JBakeRenderer.outputFile(job.path());
            if (SiteBuilder.render(renderer, job, problems)) {
                try {
                    Path target = output.resolve(file);
                    Files.createDirectories(target.getParent());
                    move(staging.resolve(file), target);
                    done.add(job.path());
                } catch (IOException e) {
                    failed.put(job.path(), Problem.error(job.path(), 1, "siden kunne ikke skrives: " + e.getMessage()));
                }
            } else {
                failed.put(job.path(), problems.errors().get(0));
            }
        });
        for (Pending e : jobs) {
            RenderJob job = e.job();
            if (done.contains(job.path())) {
                written.put(job.path(), job);
            } else {
                written.remove(job.path());
                renderProblems.put(job.path(), failed.get(job.path()));
                if (e.file() != null) dirtyPages.add(e.file());
            }
        }
        Set<String> told = new TreeSet<>(done);
        told.addAll(alsoChanged);
        if (!told.isEmpty()) listener.written(told);
        return done.size();
    }

    /** Asks for a new search index; a request that arrives while one waits replaces it. */
    private void requestSearchIndex(Checked checked) {
        if (pendingIndex.getAndSet(checked) == null) indexer.submit(this::writeSearchIndex);
    }

    private void writeSearchIndex() {
        try {
            Thread.sleep(INDEX_DEBOUNCE_MS);
        } catch (InterruptedException e) {
            return;
        }
        Checked checked = pendingIndex.getAndSet(null);
        if (checked == null) return;
        Path temp = null;
        try {
            Files.createDirectories(staging);
            temp = Files.createTempDirectory(staging, "soeg-");
            SiteBuilder.writeSearchIndex(checked, temp);
            Set<String> files = new TreeSet<>();
            try (Stream<Path> walk = Files.walk(temp)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) files.add(ContentLoader.relative(temp, p));
            }
            for (String file : files) {
                Path target = output.resolve(file);
                Files.createDirectories(target.getParent());
                move(temp.resolve(file), target);
            }
            for (String old : indexFiles) {
                if (!files.contains(old)) delete(output.resolve(old));
            }
            indexFiles = files;
        } catch (IOException | RuntimeException e) {
            // the next change writes the index again; the preview's search only lags behind until then
        } finally {
            if (temp != null) {
                try {
                    Publisher.deleteTree(temp);
                } catch (IOException ignored) {
                    // inside the staging folder, which goes when the preview stops
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a file and the folders it leaves empty, up to the output folder. */
    private void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            for (Path dir = file.getParent(); dir != null && dir.startsWith(output) && !dir.equals(output); dir = dir.getParent()) {
                try (Stream<Path> list = Files.list(dir)) {
                    if (list.findAny().isPresent()) break;
                }
                Files.delete(dir);
            }
        } catch (IOException ignored) {
            // a file left behind in the preview is harmless; the next full build removes it
        }
    }

    private static String inContent(String file) {
        return file.startsWith(ContentLoader.CONTENT + "/") ? file.substring(ContentLoader.CONTENT.length() + 1) : file;
    }

    private static Map<String, List<Problem>> byFile(List<Problem> problems) {
        Map<String, List<Problem>> out = new HashMap<>();
        for (Problem p : problems) out.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p);
        return out;
    }

    private static void add(Problems problems, Problem p) {
        if (p.warning()) problems.warning(p.file(), p.line(), p.message());
        else problems.error(p.file(), p.line(), p.message());
    }
}
