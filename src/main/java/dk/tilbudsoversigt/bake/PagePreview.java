package dk.tilbudsoversigt.bake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.site.Checked;
import dk.tilbudsoversigt.site.RenderJob;
import dk.tilbudsoversigt.site.SiteModel;

/** One page rendered with the site's real templates into a string, for the browser editor's live preview. */
public final class PagePreview {
    private PagePreview() {}

    /**
     * @param checked the site with the edited page in it, drafts included
     * @return the page's HTML, or null when the page has no file of its own or cannot be rendered yet
     */
    public static String render(Path siteFolder, Checked checked, String file) {
        Path temp = null;
        try {
            RenderJob job = new SiteModel(checked).pageJob(file);
            if (job == null) return null;
            temp = Files.createTempDirectory("tilbudsoversigt-visning");
            JBakeRenderer renderer = new JBakeRenderer(siteFolder, temp, List.of(job),
                    SiteBuilder.shared(checked.content().settings(), new Assets(siteFolder)));
            if (!SiteBuilder.render(renderer, job, new Problems())) return null;
            return Files.readString(temp.resolve(JBakeRenderer.outputFile(job.path())), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return null; // content with errors may not make a model yet; the editor shows the errors instead
        } finally {
            if (temp != null) Publisher.discard(temp);
        }
    }
}
