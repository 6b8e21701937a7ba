package dk.tilbudsoversigt.bake;

import dk.tilbudsoversigt.content.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.content.SiteSettings;
import dk.tilbudsoversigt.search.LiveIndex;
import dk.tilbudsoversigt.site.Checked;
import dk.tilbudsoversigt.site.RenderJob;

/**
 * The preview's output folder: which model each file was last written from, single files
 * rendered into a staging folder beside it and moved into place (so that the server never
 * reads half a file), and the search index rebuilt in the background, the latest request
 * winning.
 */
final class PreviewOutput implements AutoCloseable {
    private static final long INDEX_DEBOUNCE_MS = 150;
    /** How long after a rebuild the search index still waits: the open page reloads meanwhile. */
    private static final long AFTER_REBUILD_NANOS = 450_000_000L;

    private final Path site;
    private final Path output;
    private final Path staging;
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-index");
        t.setDaemon(true);
        return t;
    });
    /**
     * Where the search index's parallel work runs: one thread, so that however long the index
     * of a large site takes, a save always has a core of its own (in the shared pool the index's
     * tasks queued ahead of the save's).
     */
    private final ForkJoinPool indexWorkers = new ForkJoinPool(1, pool -> {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setName("search-index-worker");
        t.setDaemon(true);
        return t;
    }, null, false);
    private volatile boolean closed;
    /** When the last rebuild of saved files ended: the browser reloads the saved page just after. */
    private volatile long lastRebuildEnded = System.nanoTime() - AFTER_REBUILD_NANOS;
    private final AtomicReference<Checked> pendingIndex = new AtomicReference<>();
    /** Whether saved pages are being rebuilt: the search index pauses meanwhile (both cores go to the page being saved). */
    private volatile boolean rebuilding;
    /** The search index, kept between saves and written into the output's soeg/ (only on the index worker). */
    private final LiveIndex liveIndex = new LiveIndex();
    private JBakeRenderer renderer;
    private final Map<String, RenderJob> written = new HashMap<>();
    /** Files beside the pages (paths in content/) whose copies are in the output, stale ones of deleted files included. */
    private final Set<String> copies = new HashSet<>();
    private final Map<String, Problem> problems = new TreeMap<>();
    private boolean stale = true;

    PreviewOutput(Path site, Path output) {
        this.site = site;
        this.output = output;
        this.staging = output.resolveSibling("." + output.getFileName() + ".trin");
    }

    /** True until a whole site has been written, and again when only a whole new site can bring it up to date. */
    boolean stale() {
        return stale;
    }

    /** The templates or files that could not be written by the latest write. */
    Collection<Problem> problems() {
        return problems.values();
    }

    /** Forgets what was written: the next write must be a whole site. */
    void forget() {
        written.clear();
        problems.clear();
        renderer = null;
        stale = true;
    }

    /** Writes a whole site into a fresh folder and swaps it in, as a build does; -1 when it failed (see problems). */
    int replaceAll(Checked checked, List<RenderJob> jobs, List<Problem> known) {
        problems.clear();
        SiteBuilder.Result result = SiteBuilder.publish(site, output, checked, jobs, false, stage -> { });
        if (!result.ok()) {
            for (Problem p : result.problems().errors()) {
                if (!known.contains(p)) problems.put(p.toString(), p);
            }
            return -1;
        }
        copies.clear(); // a whole new folder: its copies are the site's attachments, no others
        liveIndex.folderReplaced(); // no search files in it yet: all are written again
        copies.addAll(checked.content().attachments());
        if (!newRenderer(jobs, checked.content().settings())) return -1;
        written.clear();
        for (RenderJob job : jobs) written.put(job.path(), job);
        stale = false;
        requestSearchIndex(checked);
        return result.files();
    }

    /** Starts a write of single files. */
    void begin() {
        problems.clear();
    }

    /** Whether the file of this job was last written from the same model. */
    boolean unchanged(RenderJob job) {
        return job.equals(written.get(job.path()));
    }

    /**
     * Makes sure the renderer knows the templates of {@code jobs}, if need be with a new one set
     * up for {@code all} jobs; false (and stale) when it cannot be made.
     */
    boolean knows(List<RenderJob> jobs, Supplier<List<RenderJob>> all, SiteSettings settings) {
        if (jobs.stream().allMatch(renderer::knows)) return true;
        if (newRenderer(all.get(), settings)) return true;
        stale = true;
        return false;
    }

    private boolean newRenderer(List<RenderJob> jobs, SiteSettings settings) {
        try {
            Files.createDirectories(staging);
            renderer = new JBakeRenderer(site, staging, jobs, SiteBuilder.shared(settings, new Assets(site, settings)));
            return true;
        } catch (Exception e) {
            problems.put("templates", Problem.error("templates", 1, "skabelonerne kunne ikke indlæses: " + SiteBuilder.rootMessage(e)));
            return false;
        }
    }

    /** Renders the jobs in parallel and moves each file into place; returns the URL paths written. */
    Set<String> write(List<RenderJob> jobs) {
        return write(jobs.parallelStream(), jobs, () -> false);
    }

    /**
     * Renders the jobs one after the other, leaving one core to the browser that reloads a saved
     * page and to the search index, and stops when {@code stop} says so; returns the URL paths written.
     */
    Set<String> writeInTurn(List<RenderJob> jobs, java.util.function.BooleanSupplier stop) {
        return write(jobs.stream(), jobs, stop);
    }

    private Set<String> write(Stream<RenderJob> each, List<RenderJob> jobs, java.util.function.BooleanSupplier stop) {
        Map<String, Problem> failed = new ConcurrentHashMap<>();
        Set<String> done = ConcurrentHashMap.newKeySet();
        each.forEach(job -> {
            if (stop.getAsBoolean()) return;
            Problems found = new Problems();
            String file = JBakeRenderer.outputFile(job.path());
            if (!SiteBuilder.render(renderer, job, found)) {
                failed.put(job.path(), found.errors().get(0));
                return;
            }
            try {
                Path target = output.resolve(file);
                Files.createDirectories(target.getParent());
                Folders.replace(staging.resolve(file), target);
                done.add(job.path());
            } catch (IOException e) {
                failed.put(job.path(), Problem.error(job.path(), 1, "siden kunne ikke skrives: " + e.getMessage()));
            }
        });
        for (RenderJob job : jobs) {
            if (done.contains(job.path())) written.put(job.path(), job);
            else written.remove(job.path());
        }
        problems.putAll(failed);
        return new TreeSet<>(done);
    }

    /** Deletes the files of every written path not in {@code paths}; returns those paths. */
    Set<String> keepOnly(Set<String> paths) {
        Set<String> gone = new TreeSet<>();
        for (String path : List.copyOf(written.keySet())) {
            if (!paths.contains(path)) {
                delete(output.resolve(JBakeRenderer.outputFile(path)));
                written.remove(path);
                gone.add(path);
            }
        }
        return gone;
    }

    /** Whether the output has a file at {@code path} that is not a copy of a file beside the pages: a page, an asset, the index. */
    boolean holdsOtherThanACopy(String path) {
        return !copies.contains(path) && Files.exists(output.resolve(path), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Removes the copy of a file beside the pages that was deleted. */
    void removeAttachment(String inContent) {
        delete(output.resolve(inContent));
        copies.remove(inContent);
    }

    /** Copies a changed file that sits beside the pages over its earlier copy; false when that failed. */
    boolean attachment(String file, String inContent) {
        Path target = output.resolve(inContent);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".", ".ny");
            Files.copy(site.resolve(file), temp, StandardCopyOption.REPLACE_EXISTING);
            Folders.replace(temp, target);
            copies.add(inContent);
            return true;
        } catch (IOException e) {
            problems.put(file, Problem.error(file, 1, "filen kunne ikke kopieres: " + e.getMessage()));
            return false;
        }
    }

    /** Asks for a new search index; a request that arrives while one waits replaces it. */
    void requestSearchIndex(Checked checked) {
        if (pendingIndex.getAndSet(checked) == null) indexer.submit(this::writeSearchIndex);
    }

    /** A rebuild of saved files begins: a search index being written pauses until their own pages are written and reloaded. */
    void rebuildStarted() {
        rebuilding = true;
    }

    /** The saved files' own pages are written (or the rebuild ended without them); called more than once, the first counts. */
    void rebuildEnded() {
        if (!rebuilding) return;
        lastRebuildEnded = System.nanoTime();
        rebuilding = false;
    }

    /** Waits until the search index requested so far is written (one given up for a rebuild is written again). */
    void awaitSearchIndex() throws InterruptedException {
        try {
            do {
                indexer.submit(() -> { }).get();
            } while (pendingIndex.get() != null);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void writeSearchIndex() {
        try {
            Thread.sleep(INDEX_DEBOUNCE_MS);
        } catch (InterruptedException e) {
            return;
        }
        if (pauseForRebuilds()) return;
        Checked checked = pendingIndex.getAndSet(null);
        if (checked == null) return;
        try {
            // not given up for a newer save (under saves seconds apart it would never end): it
            // ends, and the newest content is indexed next
            indexWorkers.submit(() -> liveIndex.update(checked, output, this::pauseForRebuilds)).get();
        } catch (ExecutionException e) {
            // the next change writes the index again; the preview's search only lags behind until then
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits while saved files are rebuilt and their pages reload; true (give up) when the preview is closing. */
    private boolean pauseForRebuilds() {
        try {
            while (!closed && (rebuilding || System.nanoTime() - lastRebuildEnded < AFTER_REBUILD_NANOS)) Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return closed;
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

    @Override
    public void close() {
        closed = true;
        indexer.shutdownNow();
        indexWorkers.shutdownNow();
        try {
            indexer.awaitTermination(5, TimeUnit.SECONDS);
            Folders.deleteTree(staging);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the staging folder sits in a temporary folder anyway
        }
    }
}
