package dk.tilbudsoversigt.bake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;

import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.content.SiteSettings;
import dk.tilbudsoversigt.site.Checked;
import dk.tilbudsoversigt.site.Labels;
import dk.tilbudsoversigt.site.RenderJob;
import dk.tilbudsoversigt.site.SearchIndex;
import dk.tilbudsoversigt.site.SiteModel;

/** The whole build: check, model, bake into a temporary folder, copy files, publish. */
public final class SiteBuilder {

    /** What a build did: its problems, and on success what it wrote. */
    public record Result(Problems problems, Map<PageType, Integer> pagesByType, int files) {
        public boolean ok() {
            return !problems.hasErrors();
        }
    }

    private SiteBuilder() {}

    public static Result build(Path siteFolder, Path output, boolean includeDrafts) {
        Checked checked = Checked.run(siteFolder, includeDrafts);
        Problems problems = checked.problems();
        if (checked.content() == null || problems.hasErrors()) return new Result(problems, Map.of(), 0);
        Path outputAbs = output.toAbsolutePath().normalize();
        Path siteAbs = siteFolder.toAbsolutePath().normalize();
        if (outputAbs.equals(siteAbs) || outputAbs.startsWith(siteAbs.resolve(ContentLoader.CONTENT))
                || siteAbs.startsWith(outputAbs)) {
            problems.error(output.toString(), 1, "--output må ikke være site-mappen selv, ligge i content/ eller indeholde site-mappen");
            return new Result(problems, Map.of(), 0);
        }
        return publish(siteFolder, outputAbs, checked, new SiteModel(checked).jobs(), true);
    }

    /**
     * Writes every file of a checked site without errors into a temporary folder beside
     * {@code output} and swaps it in when all is written.
     */
    static Result publish(Path siteFolder, Path output, Checked checked, List<RenderJob> jobs, boolean searchIndex) {
        Problems problems = checked.problems();
        Path temp = null;
        try {
            temp = Publisher.temporaryFolder(output);
            Assets assets = new Assets(siteFolder);
            JBakeRenderer renderer = new JBakeRenderer(siteFolder, temp, jobs, shared(checked.content().settings(), assets));
            // the search index needs no rendered page: it is built beside the pages, on a thread of its own
            Path folder = temp;
            CompletableFuture<Void> index = !searchIndex ? CompletableFuture.completedFuture(null) : CompletableFuture.runAsync(() -> {
                try {
                    writeSearchIndex(checked, folder);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, task -> new Thread(task, "search-index").start());
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
            assets.writeTo(temp);
            copyAttachments(siteFolder, checked.content().attachments(), temp);
            int files;
            try (Stream<Path> walk = Files.walk(temp)) {
                files = (int) walk.filter(Files::isRegularFile).count();
            }
            Publisher.publish(temp, output);
            temp = null;
            Map<PageType, Integer> counts = new EnumMap<>(PageType.class);
            for (Page p : checked.pages()) counts.merge(p.type(), 1, Integer::sum);
            return new Result(problems, counts, files);
        } catch (IOException e) {
            problems.error(output.toString(), 1, "sitet kunne ikke skrives: " + e.getMessage());
            return new Result(problems, Map.of(), 0);
        } catch (Exception e) {
            problems.error("templates", 1, "skabelonerne kunne ikke indlæses: " + rootMessage(e));
            return new Result(problems, Map.of(), 0);
        } finally {
            if (temp != null) {
                try {
                    Publisher.deleteTree(temp);
                } catch (IOException ignored) {
                    // a leftover temporary folder is harmless; the next build makes a new one
                }
            }
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
        Files.createDirectories(folder.resolve("soeg"));
        Files.writeString(folder.resolve("soeg/indeks.json"), SearchIndex.json(checked));
    }

    /** What every template sees: settings, labels and the asset URLs with their hashes. */
    static Map<String, Object> shared(SiteSettings settings, Assets assets) {
        Map<String, Object> shared = new LinkedHashMap<>();
        shared.put("site", settings);
        shared.put("base", settings.basePath());
        shared.put("css", settings.basePath() + "/" + assets.url("css/site.css"));
        shared.put("printCss", settings.basePath() + "/" + assets.url("css/print.css"));
        shared.put("filterJs", settings.basePath() + "/" + assets.url("js/filtre.js"));
        shared.put("searchJs", settings.basePath() + "/" + assets.url("js/soeg.js"));
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

    static void copyAttachments(Path siteFolder, List<String> attachments, Path output) throws IOException {
        for (String rel : attachments) {
            Path target = output.resolve(rel);
            Files.createDirectories(target.getParent());
            Files.copy(siteFolder.resolve(ContentLoader.CONTENT).resolve(rel), target);
        }
    }
}
