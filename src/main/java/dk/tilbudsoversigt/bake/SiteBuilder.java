package dk.tilbudsoversigt.bake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import dk.tilbudsoversigt.site.SiteModel;
import dk.tilbudsoversigt.search.SearchIndexWriter;

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
        Path temp = null;
        try {
            temp = Publisher.temporaryFolder(outputAbs);
            List<RenderJob> jobs = new SiteModel(checked).jobs();
            Assets assets = new Assets(siteFolder);
            JBakeRenderer renderer = new JBakeRenderer(siteFolder, temp, jobs, shared(checked.content().settings(), assets));
            Problems renderProblems = new Problems();
            jobs.parallelStream().forEach(job -> {
                try {
                    renderer.render(job);
                } catch (Exception e) {
                    reportTemplateError(job, e, renderProblems);
                }
            });
            if (renderProblems.hasErrors()) {
                problems.addAll(renderProblems);
                return new Result(problems, Map.of(), 0);
            }
            assets.writeTo(temp);
            SearchIndexWriter.write(checked, temp);
            copyAttachments(siteFolder, checked.content().attachments(), temp);
            int files;
            try (Stream<Path> walk = Files.walk(temp)) {
                files = (int) walk.filter(Files::isRegularFile).count();
            }
            Publisher.publish(temp, outputAbs);
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

    /** What every template sees: settings, labels and the asset URLs with their hashes. */
    private static Map<String, Object> shared(SiteSettings settings, Assets assets) {
        Map<String, Object> shared = new LinkedHashMap<>();
        shared.put("site", settings);
        shared.put("base", settings.basePath());
        shared.put("css", settings.basePath() + "/" + assets.url("css/site.css"));
        shared.put("printCss", settings.basePath() + "/" + assets.url("css/print.css"));
        shared.put("filterJs", settings.basePath() + "/" + assets.url("js/filtre.js"));
        shared.put("searchPageJs", settings.basePath() + "/" + assets.url("js/soegeside.js"));
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

    private static String rootMessage(Throwable e) {
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

    private static void copyAttachments(Path siteFolder, List<String> attachments, Path output) throws IOException {
        for (String rel : attachments) {
            Path target = output.resolve(rel);
            Files.createDirectories(target.getParent());
            Files.copy(siteFolder.resolve(ContentLoader.CONTENT).resolve(rel), target);
        }
    }
}
