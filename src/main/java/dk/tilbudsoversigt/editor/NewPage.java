package dk.tilbudsoversigt.editor;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.PageTemplates;
import dk.tilbudsoversigt.content.PageType;

/** A new page of a type, from the same example page that the {@code new} command writes. */
public final class NewPage {
    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private NewPage() {}

    /** Writes content/&lt;folder&gt;/&lt;slug&gt;.md as a draft and returns that path. */
    public static String create(SiteFiles files, PageType type, String slug) throws IOException, Conflict {
        return create(files, type, slug, LocalDate.now(DANISH_TIME));
    }

    static String create(SiteFiles files, PageType type, String slug, LocalDate today) throws IOException, Conflict {
        PagePaths.requireValidSlug(slug);
        PagePaths.requireFreeSlug(files, type, slug, null);
        String prefix = ContentLoader.CONTENT + "/" + PageType.MAALGRUPPE.folder() + "/";
        List<String> groups = files.pages().stream().filter(p -> p.startsWith(prefix)).map(PagePaths::slug).sorted().toList();
        String rel = ContentLoader.CONTENT + "/" + type.folder() + "/" + slug + ".md";
        files.write(rel, PageTemplates.example(type, slug, groups, today), null);
        return rel;
    }
}
