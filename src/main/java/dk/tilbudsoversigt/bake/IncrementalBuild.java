package dk.tilbudsoversigt.bake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
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
import dk.tilbudsoversigt.markdown.Outline;
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
 * front page, feed and sitemap when needed; an image or document added is copied, one deleted
 * removed. Templates, assets or site.properties changing, or an attachment added where the site
 * has a file of its own (a clash the full build names), means a full build. The search index is rebuilt in the background, the latest request winning.
 *
 * <p>After any series of changes without errors, the output is byte for byte what
 * {@link SiteBuilder#build} makes of the same folder. Not thread-safe: one watcher drives it.
 */
public final class IncrementalBuild implements AutoCloseable {
    /** Told which files were just written: URL paths below the base path, or null for all of them. */
    public interface Listener {
        void written(Set<String> paths);
    }

    /**
     * What one build did: every problem of the site as it now is, how many files it wrote, how
     * long it took, and how long until the saved pages' own files were written (-1 when it wrote
     * none of them first: a full build, or nothing saved).
     */
    public record Step(boolean full, List<Problem> problems, int files, long nanos, long pageNanos) {
        public List<Problem> errors() {
            return problems.stream().filter(p -> !p.warning()).toList();
        }
    }

    /** What a link to a file depends on: whether it is a page, its draft state and anchors (if they can be read), or a file at all. */
    private record LinkFacts(boolean page, boolean draft, List<String> anchors, boolean readable, boolean file) {}

    private final Path site;
    private final Path siteAbs;
    private final boolean includeDrafts;
    private final PreviewOutput out;

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
    private final Map<String, Outline> outlines = new ConcurrentHashMap<>();
    private List<Glossary.Term> terms = List.of();

    // what is not yet in the output: the model of the last write, pages and attachments changed since
    private SiteModel model;
    private final Set<String> dirtyPages = new TreeSet<>();
    private final Set<String> dirtyAttachments = new TreeSet<>();
    /** Attachments deleted since the last write, whose copies are still in the output. */
    private final Set<String> removedAttachments = new TreeSet<>();
    /** Whether the last write left files for later, as newer changes waited. */
    private boolean unfinished;
    /** When the saved pages' own files were written in the current rebuild (System.nanoTime), or -1. */
    private long pageWritten;

    /** Builds nothing yet; call {@link #full} first. */
    public IncrementalBuild(Path siteFolder, Path output, boolean includeDrafts) {
        this.site = siteFolder;
        this.siteAbs = siteFolder.toAbsolutePath().normalize();
        this.out = new PreviewOutput(siteFolder, output.toAbsolutePath().normalize());
        this.includeDrafts = includeDrafts;
    }

    /** Everything from scratch: loads, checks and renders the whole site and, without errors, writes it. */
    public Step full(Listener listener) {
        long start = System.nanoTime();
        loaded = false;
        out.forget();
        model = null;
        pages.clear();
        attachments.clear();
        loadProblems.clear();
        validationProblems = List.of();
        bodies.clear();
        bodyProblems.clear();
        targets.clear();
        outlines.clear();
        dirtyPages.clear();
        dirtyAttachments.clear();
        removedAttachments.clear();

        Problems loading = new Problems();
        Content content = ContentLoader.load(site, loading);
        loadProblems.putAll(byFile(loading.all()));
        if (content == null) return new Step(true, problems(), 0, System.nanoTime() - start, -1);
        loaded = true;
        settings = content.settings();
        reader = new PageReader(settings);
        for (Page p : content.pages()) pages.put(p.file(), p);
        attachments.addAll(content.attachments());
        validate(content);
        BodyRenderer bodyRenderer = new BodyRenderer(content, site, includeDrafts, outlines);
        Problems rendering = new Problems();
        List<Page> published = published(content);
        bodies.putAll(bodyRenderer.renderAll(published, rendering));
        bodyProblems.putAll(byFile(rendering.all()));
        for (Page p : published) targets.put(p.file(), bodyRenderer.targets(p.file()));
        terms = bodyRenderer.glossaryTerms();
        int files = hasContentErrors() ? 0 : writeAll(content, published, listener);
        return new Step(true, problems(), files, System.nanoTime() - start, -1);
    }

    /**
     * Rebuilds what a change to these files or folders touches; a change outside content/ that
     * the build reads (site.properties, templates/, assets/) means a full build.
     */
    public Step update(Collection<Path> changed, Listener listener) {
        return update(changed, listener, () -> false);
    }

    /**
     * As {@link #update(Collection, Listener)}; once the changed pages' own files are written,
     * the rest (listings, pages that show them) is left for the next update when {@code newer}
     * says that newer changes wait.
     */
    public Step update(Collection<Path> changed, Listener listener, BooleanSupplier newer) {
        out.rebuildStarted();
        try {
            return rebuild(changed, listener, newer);
        } finally {
            out.rebuildEnded();
        }
    }

    /**
     * Goes once through what a save of a page does, for a page that did not change: no file of
     * the preview changes and no page reloads. The preview does it after its first build, so
     * that the editor's first save finds the incremental paths run once already and is as quick
     * as the later ones (README, "Performance").
     */
    public void rehearse() {
        if (!loaded || pages.isEmpty() || hasContentErrors()) return;
        // the middle page: an offer on a site with many
        String file = List.copyOf(pages.keySet()).get(pages.size() / 2);
        rebuild(List.of(siteAbs.resolve(file)), paths -> { }, () -> false);
    }

    private Step rebuild(Collection<Path> changed, Listener listener, BooleanSupplier newer) {
        long start = System.nanoTime();
        pageWritten = -1;
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
        if (files.isEmpty() && !unfinished) return new Step(false, problems(), 0, System.nanoTime() - start, -1);

        Map<String, Page> before = new HashMap<>();
        Map<String, LinkFacts> factsBefore = new HashMap<>();
        boolean filesChanged = false;
        for (String file : files) {
            boolean attachment = isContentFile(file) && ContentLoader.kind(site, site.resolve(file), new Problems()) == ContentLoader.Kind.ATTACHMENT;
            boolean known = attachments.contains(inContent(file));
            // a new file beside the pages where the site already has a file of its own: the full build names the clash
            if (attachment && !known && out.holdsOtherThanACopy(inContent(file))) return full(listener);
            if (!attachment && known && Files.exists(site.resolve(file), LinkOption.NOFOLLOW_LINKS)) return full(listener);
            factsBefore.put(file, facts(file, null));
            before.put(file, pages.get(file));
            boolean existed = pages.containsKey(file) || attachments.contains(inContent(file));
            read(file);
            filesChanged |= existed != (pages.containsKey(file) || attachments.contains(inContent(file)));
            if (attachment && attachments.contains(inContent(file))) {
                dirtyAttachments.add(file);
                removedAttachments.remove(inContent(file));
            } else if (known) {
                dirtyAttachments.remove(file);
                removedAttachments.add(inContent(file));
            }
        }

        Content content = content();
        // the cross-page checks beside the bodies: both read the whole site, neither changes it
        CompletableFuture<Void> validating = CompletableFuture.runAsync(() -> validate(content));
        List<Page> published = published(content);
        Set<String> publishedFiles = new HashSet<>();
        for (Page p : published) publishedFiles.add(p.file());
        BodyRenderer bodyRenderer = new BodyRenderer(content, site, includeDrafts, outlines);

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
        validating.join();

        int written = 0;
        if (!hasContentErrors()) {
            written = out.stale() ? writeAll(content, published, listener) : writeChanged(content, published, files, listener, newer);
        }
        return new Step(false, problems(), written, System.nanoTime() - start, pageWritten < 0 ? -1 : pageWritten - start);
    }

    /**
     * Every problem of the site as it now is, sorted by file and line: those of the content and,
     * as in a build, which stops at content errors, those the last write found.
     */
    public List<Problem> problems() {
        Problems all = contentProblems();
        if (!all.hasErrors()) out.problems().forEach(p -> add(all, p));
        return all.all();
    }

    private Problems contentProblems() {
        Problems all = new Problems();
        for (List<Problem> list : loadProblems.values()) list.forEach(p -> add(all, p));
        validationProblems.forEach(p -> add(all, p));
        for (List<Problem> list : bodyProblems.values()) list.forEach(p -> add(all, p));
        return all;
    }

    /** Waits until the search index requested so far is written. */
    public void awaitSearchIndex() throws InterruptedException {
        out.awaitSearchIndex();
    }

    @Override
    public void close() {
        out.close();
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

    /** Whether ContentLoader.load would read this file: a regular, not hidden file. */
    private boolean isContentFile(String file) {
        Path path = site.resolve(file);
        return !path.getFileName().toString().startsWith(".") && Files.isRegularFile(path);
    }

    /** Reads one content file again, as ContentLoader.load would. */
    private void read(String file) {
        pages.remove(file);
        attachments.remove(inContent(file));
        loadProblems.remove(file);
        outlines.remove(file);
        if (!isContentFile(file)) return;
        Path path = site.resolve(file);
        Problems problems = new Problems();
        switch (ContentLoader.kind(site, path, problems)) {
            case PAGE -> {
                Page page = ContentLoader.readPage(reader, site, path, problems);
                if (page != null) pages.put(file, page);
            }
            case ATTACHMENT -> attachments.add(inContent(file));
            case REFUSED -> { }
        }
        if (!problems.all().isEmpty()) loadProblems.put(file, problems.all());
    }

    private LinkFacts facts(String file, BodyRenderer bodyRenderer) {
        Page page = pages.get(file);
        if (page == null) {
            return new LinkFacts(false, false, List.of(), false, attachments.contains(inContent(file)) || loadProblems.containsKey(file));
        }
        Outline outline = bodyRenderer == null ? outlines.get(file) : bodyRenderer.outline(page);
        if (outline == null) return new LinkFacts(true, page.draft(), null, false, true); // never needed so far
        return new LinkFacts(true, page.draft(), outline.ids(), outline.readable(), true);
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
        return new Checked(content, published, ordered, contentProblems());
    }

    /** Errors in the content itself; a template error found while writing is retried with the next change. */
    private boolean hasContentErrors() {
        return contentProblems().hasErrors();
    }

    /** Writes the whole site into a fresh folder and swaps it in, as a build does. */
    private int writeAll(Content content, List<Page> published, Listener listener) {
        Checked checked = checked(content, published);
        SiteModel next = new SiteModel(checked, model);
        int files = out.replaceAll(checked, next.jobs(), checked.problems().all());
        if (files < 0) return 0;
        model = next;
        dirtyPages.clear();
        dirtyAttachments.clear();
        removedAttachments.clear();
        unfinished = false;
        listener.written(null);
        return files;
    }

    /** Writes the files whose model changed: the saved pages' own first, then everything else. */
    private int writeChanged(Content content, List<Page> published, Set<String> saved, Listener listener, BooleanSupplier newer) {
        out.begin();
        Checked checked = checked(content, published);
        SiteModel next = new SiteModel(checked, model);
        // the saved pages' own files first, before anything that needs the whole site in order
        Map<String, RenderJob> own = new TreeMap<>();
        for (String file : dirtyPages) {
            RenderJob job = saved.contains(file) ? next.pageJob(file) : null;
            if (job != null && !out.unchanged(job)) own.put(file, job);
        }
        if (!out.knows(List.copyOf(own.values()), next::jobs, settings)) return 0;
        Set<String> dirty = new TreeSet<>(dirtyPages);
        dirtyPages.clear();
        out.requestSearchIndex(checked); // before the saved pages reload, so that whoever sees them can wait for it
        int count = write(own, Set.of(), listener, null);
        if (count > 0) pageWritten = System.nanoTime();
        out.rebuildEnded();

        Set<String> affected = new TreeSet<>(dirty);
        for (String file : dirty) {
            affected.addAll(model.readersOf(file));
            affected.addAll(next.readersOf(file));
        }
        affected.removeAll(own.keySet());
        Map<String, RenderJob> rest = new TreeMap<>();
        for (String file : affected) {
            RenderJob job = next.pageJob(file);
            if (job != null && !out.unchanged(job)) rest.put(file, job);
        }

        List<RenderJob> listings = new ArrayList<>();
        Set<String> paths = new HashSet<>(next.pagePaths());
        for (RenderJob job : next.listingJobs()) {
            paths.add(job.path());
            if (!out.unchanged(job)) listings.add(job);
        }
        List<RenderJob> all = new ArrayList<>(rest.values());
        all.addAll(listings);
        if (!out.knows(all, next::jobs, settings)) return count;
        Set<String> gone = out.keepOnly(paths);
        for (String file : dirtyAttachments) {
            if (out.attachment(file, inContent(file))) gone.add("/" + inContent(file));
        }
        for (String path : removedAttachments) {
            out.removeAttachment(path);
            gone.add("/" + path);
        }
        removedAttachments.clear();
        dirtyAttachments.clear();
        for (RenderJob job : listings) rest.put(job.path(), job); // keyed apart from content files: paths start with '/'
        count += write(rest, gone, listener, newer);
        unfinished = count < own.size() + rest.size() + gone.size() && newer.getAsBoolean();
        model = next;
        return count;
    }

    /**
     * Writes files, pages' own and listings, keyed by the page's content file or the listing's path;
     * a page whose file could not be written stays to be written. The listener hears of the files
     * written and of {@code alsoChanged}.
     */
    private int write(Map<String, RenderJob> jobs, Set<String> alsoChanged, Listener listener, BooleanSupplier stop) {
        List<RenderJob> list = List.copyOf(jobs.values());
        Set<String> done = stop == null ? out.write(list) : out.writeInTurn(list, stop);
        jobs.forEach((key, job) -> {
            if (!done.contains(job.path()) && !key.startsWith("/")) dirtyPages.add(key);
        });
        Set<String> told = new TreeSet<>(done);
        told.addAll(alsoChanged);
        if (!told.isEmpty()) listener.written(told);
        return done.size() + alsoChanged.size();
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
