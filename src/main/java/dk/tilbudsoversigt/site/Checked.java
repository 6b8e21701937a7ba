package dk.tilbudsoversigt.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dk.tilbudsoversigt.content.Content;
import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.content.SiteValidator;
import dk.tilbudsoversigt.markdown.BodyRenderer;
import dk.tilbudsoversigt.markdown.RenderedBody;

/**
 * A site folder loaded, validated and its bodies rendered: everything {@code check} does and
 * everything {@code build} needs before it writes a file.
 *
 * @param content null when site.properties could not be read
 * @param pages   the pages that will be published (drafts only with {@code includeDrafts})
 * @param bodies  rendered bodies of {@code pages}, by page file
 */
public record Checked(Content content, List<Page> pages, Map<String, RenderedBody> bodies, Problems problems) {

    public static Checked run(Path siteFolder, boolean includeDrafts) {
        Problems problems = new Problems();
        Content content = ContentLoader.load(siteFolder, problems);
        if (content == null) return new Checked(null, List.of(), Map.of(), problems);
        SiteValidator.validate(content, includeDrafts, problems);
        List<Page> pages = content.pages().stream().filter(p -> includeDrafts || !p.draft()).toList();
        Map<String, RenderedBody> bodies = new BodyRenderer(content, siteFolder, includeDrafts).renderAll(pages, problems);
        return new Checked(content, pages, bodies, problems);
    }
}
