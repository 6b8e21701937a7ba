package dk.tilbudsoversigt.bake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;

import dk.tilbudsoversigt.cache.BuildCache;
import dk.tilbudsoversigt.cache.InputKey;
import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.content.SiteSettings;
import dk.tilbudsoversigt.site.Checked;
import dk.tilbudsoversigt.site.Labels;
import dk.tilbudsoversigt.site.RenderJob;
import dk.tilbudsoversigt.site.SiteModel;
import dk.tilbudsoversigt.search.SearchIndexWriter;

/** The whole build: check, model, bake into a temporary folder, copy files, publish. */
public final class SiteBuilder {

    /** What a build did: its problems, and on success what it wrote; {@code fromCache}: the files of an identical earlier build. */
    public record Result(Problems problems, Map<PageType, Integer> pagesByType, int files, boolean fromCache) {
        public Result(Problems problems, Map<PageType, Integer> pagesByType, int files) {
            this(problems, pagesByType, files, false);
        }

        public boolean ok() {
            return !problems.hasErrors();
        }
    }

    /** The points a build passes; a failure at any of them leaves the earlier site as it was. */
    enum Stage {
        /** Content read and checked; nothing written yet. */
        CHECKED,
        /** Every page rendered into the temporary folder. */
        RENDERED,
        /** The temporary folder complete, about to replace the output. */
        WRITTEN,
        /** The earlier site moved aside, the new one not yet in its place. */
        SWAPPING
    }

    /** Called at each {@link Stage}; tests use it to make files vanish or writes fail at a chosen point. */
    @FunctionalInterface
    interface Probe {
        void reached(Stage stage) throws IOException;
    }

    private SiteBuilder() {}

    public static Result build(Path siteFolder, Path output, boolean includeDrafts) {
        return build(siteFolder, output, includeDrafts, false, stage -> { });
    }

    /**
     * As {@link #build(Path, Path, boolean)}; with {@code cached}, an unchanged site takes the
     * files of its last successful build from the {@link BuildCache} beside the output.
     */
    public static Result build(Path siteFolder, Path output, boolean includeDrafts, boolean cached) {
        return build(siteFolder, output, includeDrafts, cached, stage -> { });
    }

    static Result build(Path siteFolder, Path output, boolean includeDrafts, Probe probe) {
        return build(siteFolder, output, includeDrafts, false, probe);
    }

    static Result build(Path siteFolder, Path output, boolean includeDrafts, boolean cached, Probe probe) {
        String unrecovered = null;
        try {
            Publisher.recover(output); // a build killed mid-swap left the old site beside the output
        } catch (IOException e) {
            unrecovered = "det tidligere site ved siden af kunne ikke lægges tilbage: " + e.getMessage();
        }
        Cached cache = cached ? Cached.of(siteFolder, output, includeDrafts) : null;
        if (cache != null && unrecovered == null && OutputFolder.refusal(siteFolder, output) == null) {
            Result restored = cache.publish(output);
            if (restored != null) return restored;
        }
        Checked checked = Checked.run(siteFolder, includeDrafts);
        Problems problems = checked.problems();
        if (unrecovered != null) problems.warning(output.toString(), 1, unrecovered);
        if (checked.content() == null || problems.hasErrors()) return new Result(problems, Map.of(), 0);
        String refusal = OutputFolder.refusal(siteFolder, output);
        if (refusal != null) {
            problems.error(output.toString(), 1, refusal);
            return new Result(problems, Map.of(), 0);
        }
        return publish(siteFolder, output, checked, () -> new SiteModel(checked).jobs(), true, cache, probe);
    }

    /** The build cache of one build: where it is and the key of this build's input. */
    private record Cached(BuildCache cache, String key) {
        /** Null when the input has no key (it could not be read, or holds symbolic links). */
        static Cached of(Path siteFolder, Path output, boolean includeDrafts) {
            try {
                String key = InputKey.of(siteFolder, includeDrafts ? "drafts" : "");
                return key == null ? null : new Cached(BuildCache.beside(output), key);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Publishes the cached files of this input; null when there are none that check out. */
        Result publish(Path output) {
            Path outputAbs = output.toAbsolutePath().normalize();
            Path temp = null;
            try {
                temp = Publisher.temporaryFolder(outputAbs);
                BuildCache.Summary summary = cache.restore(key, temp);
                if (summary == null) return null;
                Publisher.publish(temp, outputAbs, () -> { });
                temp = null;
                Problems problems = new Problems();
                summary.warnings().forEach(w -> problems.warning(w.file(), w.line(), w.message()));
                Map<PageType, Integer> counts = new EnumMap<>(PageType.class);
                summary.pages().forEach((type, n) -> counts.put(PageType.valueOf(type), n));
                return new Result(problems, counts, summary.files(), true);
            } catch (IOException | RuntimeException e) {
                return null; // the build builds instead
            } finally {
                if (temp != null) Publisher.discard(temp);
            }
        }

        void store(Path built, List<String> files, Result result) {
            Map<String, Integer> pages = new LinkedHashMap<>();
            result.pagesByType().forEach((type, n) -> pages.put(type.name(), n));
            cache.store(key, built, files, new BuildCache.Summary(result.problems().warnings(), pages, files.size()));
        }
    }

    /**
     * Writes every file of a checked site without errors into a temporary folder beside
     * {@code output} and swaps it in when all is written.
     */
    static Result publish(Path siteFolder, Path output, Checked checked, List<RenderJob> jobs, boolean searchIndex, Probe probe) {
        return publish(siteFolder, output, checked, () -> jobs, searchIndex, null, probe);
    }

    /** As above, the jobs worked out while the search index is already being written (it needs only {@code checked}). */
    private static Result publish(Path siteFolder, Path output, Checked checked, java.util.function.Supplier<List<RenderJob>> modelled,
                                  boolean searchIndex, Cached cache, Probe probe) {
        Problems problems = checked.problems();
        Path outputAbs = output.toAbsolutePath().normalize();
        Path temp = null;
        CompletableFuture<Void> index = null;
        try {
            probe.reached(Stage.CHECKED);
            temp = Publisher.temporaryFolder(outputAbs);
            // the search index needs no rendered page: it is built beside the pages, in a pool of its
            // own, whose workers wait for its parallel steps without spinning (a plain thread waiting
            // for a parallel stream helps by polling, and took a core from the pages)
            Path folder = temp;
            ForkJoinPool indexPool = searchIndex ? new ForkJoinPool(Runtime.getRuntime().availableProcessors()) : null;
            index = !searchIndex ? CompletableFuture.completedFuture(null) : CompletableFuture.runAsync(() -> {
                try {
                    writeSearchIndex(checked, folder);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, indexPool);
            if (indexPool != null) index.whenComplete((done, failed) -> indexPool.shutdown());
            List<RenderJob> jobs = modelled.get();
            Assets assets = new Assets(siteFolder, checked.content().settings());
            JBakeRenderer renderer = new JBakeRenderer(siteFolder, temp, jobs, shared(checked.content().settings(), assets));
            Problems renderProblems = new Problems();
            jobs.parallelStream().forEach(job -> render(renderer, job, renderProblems));
            try {
                index.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
                throw e;
            }
            if (renderProblems.hasErrors()) {
                problems.addAll(renderProblems);
                return new Result(problems, Map.of(), 0);
            }
            probe.reached(Stage.RENDERED);
            assets.writeTo(temp);
            if (!copyAttachments(siteFolder, checked.content().attachments(), temp, problems)) {
                return new Result(problems, Map.of(), 0);
            }
            List<String> files;
            try (Stream<Path> walk = Files.walk(temp)) {
                Path lock = temp.resolve(Publisher.LOCK);
                Path root = temp;
                files = walk.filter(p -> Files.isRegularFile(p) && !p.equals(lock)).map(p -> ContentLoader.relative(root, p)).sorted().toList();
            }
            Map<PageType, Integer> counts = new EnumMap<>(PageType.class);
            for (Page p : checked.pages()) counts.merge(p.type(), 1, Integer::sum);
            Result result = new Result(problems, counts, files.size());
            probe.reached(Stage.WRITTEN);
            if (cache != null) cache.store(temp, files, result);
            Publisher.publish(temp, outputAbs, () -> probe.reached(Stage.SWAPPING));
            temp = null;
            return result;
        } catch (IOException e) {
            problems.error(output.toString(), 1, "sitet kunne ikke skrives: " + e.getMessage());
            return new Result(problems, Map.of(), 0);
        } catch (Exception e) {
            problems.error("templates", 1, "skabelonerne kunne ikke indlæses: " + rootMessage(e));
            return new Result(problems, Map.of(), 0);
        } finally {
            if (index != null) {
                try {
                    index.join(); // before its folder goes, when the pages failed first
                } catch (RuntimeException ignored) {
                    // the build has failed already; this is only the index of it
                }
            }
            if (temp != null) Publisher.discard(temp);
        }
    }

    /** Renders one file; a template error becomes a problem at the template's file and line. */
    static boolean render(JBakeRenderer renderer, RenderJob job, Problems problems) {
        try {
            renderer.render(job);
            return true;
        } catch (Exception e) {
            reportTemplateError(job, e, problems);
            return false;
        }
    }

    /** The search index, under soeg/ in {@code folder}. */
    static void writeSearchIndex(Checked checked, Path folder) throws IOException {
        SearchIndexWriter.write(checked, folder);
    }

    /** As {@link #writeSearchIndex(Checked, Path)}, given up soon after {@code stop} says so. */
    static void writeSearchIndex(Checked checked, Path folder, java.util.function.BooleanSupplier stop) throws IOException {
        SearchIndexWriter.write(checked, folder, stop);
    }

    /** What every template sees: settings, labels and the asset URLs with their hashes. */
    static Map<String, Object> shared(SiteSettings settings, Assets assets) {
        Map<String, Object> shared = new LinkedHashMap<>();
        shared.put("site", settings);
        shared.put("base", settings.basePath());
        shared.put("css", settings.basePath() + "/" + assets.url("css/site.css"));
        shared.put("printCss", settings.basePath() + "/" + assets.url("css/print.css"));
        shared.put("icon", settings.basePath() + "/" + Brand.ICON_ICO);
        if (assets.svgIcon() != null) shared.put("svgIcon", settings.basePath() + "/" + assets.svgIcon());
        if (settings.logo() != null) shared.put("logo", settings.basePath() + "/" + settings.logo());
        shared.put("filterJs", settings.basePath() + "/" + assets.url("js/filtre.js"));
        shared.put("searchPageJs", settings.basePath() + "/" + assets.url("js/soegeside.js"));
        shared.put("videoJs", settings.basePath() + "/" + assets.url("js/video.js"));
        shared.put("readAloudJs", settings.basePath() + "/" + assets.url("js/laesop.js"));
        shared.put("dates", new SiteModel.Dates());
        shared.put("labels", new Labels.ForTemplates());
        shared.put("statementUrl", settings.accessibilityStatement() != null
                ? settings.accessibilityStatement() : settings.basePath() + "/was/");
        return shared;
    }

    private static void reportTemplateError(RenderJob job, Throwable e, Problems problems) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof ParseException pe) {
                problems.error("templates/" + pe.getTemplateName(), pe.getLineNumber(), "skabelonen kan ikke læses: " + firstLine(pe.getEditorMessage()));
                return;
            }
            if (cause instanceof TemplateException te) {
                problems.error("templates/" + (te.getTemplateSourceName() == null ? job.template() : te.getTemplateSourceName()),
                        te.getLineNumber() == null ? 1 : te.getLineNumber(),
                        "fejl under opbygning af " + job.path() + ": " + firstLine(te.getMessageWithoutStackTop()));
                return;
            }
            cause = cause.getCause();
        }
        problems.error("templates/" + job.template(), 1, "fejl under opbygning af " + job.path() + ": " + rootMessage(e));
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return firstLine(String.valueOf(t.getMessage()));
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl > 0 ? t.substring(0, nl) : t;
    }

    /** Copies the files beside the pages; false (reported per file) when one vanished or would replace a file of the site. */
    private static boolean copyAttachments(Path siteFolder, List<String> attachments, Path output, Problems problems) throws IOException {
        boolean ok = true;
        for (String rel : attachments) {
            String file = ContentLoader.CONTENT + "/" + rel;
            Path target = output.resolve(rel);
            if (Files.exists(target)) {
                problems.error(file, 1, "filen ville erstatte sitets egen /" + rel + "; giv den et andet navn");
                ok = false;
                continue;
            }
            Files.createDirectories(target.getParent());
            try {
                Files.copy(siteFolder.resolve(ContentLoader.CONTENT).resolve(rel), target);
            } catch (NoSuchFileException e) {
                problems.error(file, 1, "filen forsvandt, mens sitet blev bygget; byg sitet igen");
                ok = false;
            }
        }
        return ok;
    }
}
