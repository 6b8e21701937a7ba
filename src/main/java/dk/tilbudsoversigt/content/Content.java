package dk.tilbudsoversigt.content;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything read from a site folder.
 *
 * @param pages       every page, drafts included, sorted by file
 * @param attachments files under content/ that are not pages (images beside a page), relative to content/
 */
public record Content(SiteSettings settings, List<Page> pages, List<String> attachments) {

    public Map<String, Page> byFile() {
        return pages.stream().collect(Collectors.toMap(Page::file, Function.identity(), (a, b) -> a));
    }

    public List<Page> ofType(PageType type) {
        return pages.stream().filter(p -> p.type() == type).toList();
    }
}
