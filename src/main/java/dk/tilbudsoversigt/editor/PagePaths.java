package dk.tilbudsoversigt.editor;

import java.io.IOException;
import java.util.List;

import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Slugs;
import dk.tilbudsoversigt.site.Urls;

/** Facts about a page's path (content/<folder>/.../<slug>.md): its type and slug, and whether a slug is free. */
final class PagePaths {
    private PagePaths() {}

    static PageType type(String rel) {
        String[] parts = rel.split("/");
        if (parts.length < 3 || !parts[0].equals(ContentLoader.CONTENT) || !rel.endsWith(".md")) {
            throw new RefusedPath(rel + " er ikke en side; en side ligger i en af mapperne content/"
                    + String.join(", content/", PageType.folders()) + " og ender på .md");
        }
        return PageType.byFolder(parts[1]).orElseThrow(() -> new RefusedPath("mappen content/" + parts[1]
                + "/ er ikke en sidetype; brug en af " + String.join(", ", PageType.folders())));
    }

    static String slug(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        return name.substring(0, name.length() - ".md".length());
    }

    static String folder(String rel) {
        return rel.substring(0, rel.lastIndexOf('/'));
    }

    static void requireValidSlug(String slug) {
        if (!Slugs.isValid(slug)) {
            String fixed = Slugs.slugify(slug);
            throw new RefusedPath("adressen '" + slug + "' må kun have små bogstaver a-z, tal og bindestreg"
                    + (fixed.isEmpty() ? "" : "; brug f.eks. '" + fixed + "'"));
        }
    }

    /** Refuses a slug that another page of the type has already (in any sub-folder): both would have one URL. */
    static void requireFreeSlug(SiteFiles files, PageType type, String slug, String except) throws IOException {
        List<String> same = files.pages().stream()
                .filter(p -> !p.equals(except) && p.startsWith(ContentLoader.CONTENT + "/" + type.folder() + "/") && slug(p).equals(slug))
                .toList();
        if (!same.isEmpty()) {
            throw new RefusedPath("der er allerede en side med adressen " + Urls.of(type, slug) + ": " + same.get(0) + "; vælg en anden adresse");
        }
    }
}
