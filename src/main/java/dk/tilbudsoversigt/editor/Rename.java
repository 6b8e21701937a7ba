package dk.tilbudsoversigt.editor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.tilbudsoversigt.content.ContentLoader;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.content.SettingsReader;
import dk.tilbudsoversigt.content.SiteSettings;
import dk.tilbudsoversigt.site.Urls;

/**
 * Gives a page a new address (slug, or sub-folder within its type's folder) and, in the same
 * save, updates every reference to it in the other pages: {@code related}, an offer's
 * {@code target_groups}, and links in the bodies (relative .md links and links by URL). Only
 * the lines that name the page change. All files are written, or none.
 */
public final class Rename {
    private Rename() {}

    /** Renames within the page's folder: content/tilbud/aflastning.md → content/tilbud/NEWSLUG.md. */
    public static List<String> slug(SiteFiles files, String from, String newSlug) throws IOException, Conflict {
        PagePaths.requireValidSlug(newSlug);
        return page(files, from, PagePaths.folder(from) + "/" + newSlug + ".md");
    }

    /**
     * Moves the page {@code from} to {@code to} (both site-relative) and rewrites the references.
     *
     * @return every file changed: the old and the new path of the page first, then the pages whose references changed
     * @throws Conflict when a file changed on disk while the rename ran; nothing is written then
     */
    public static List<String> page(SiteFiles files, String from, String to) throws IOException, Conflict {
        PageType type = PagePaths.type(from);
        if (!files.exists(from)) throw new RefusedPath(from + " findes ikke");
        PageType newType = PagePaths.type(to);
        if (newType != type) {
            throw new RefusedPath("en side kan ikke skifte type ved at blive omdøbt (" + from + " er " + type.label().toLowerCase()
                    + "); opret en ny side af den type i stedet");
        }
        String oldSlug = PagePaths.slug(from);
        String newSlug = PagePaths.slug(to);
        PagePaths.requireValidSlug(newSlug);
        if (from.equals(to)) return List.of();
        if (files.exists(to)) throw new RefusedPath("der ligger allerede en fil på " + to);
        if (type == PageType.SIDE && !oldSlug.equals(newSlug)
                && (oldSlug.equals(Urls.FRONT_PAGE_SLUG) || newSlug.equals(Urls.FRONT_PAGE_SLUG))) {
            throw new RefusedPath("forsiden (content/sider/" + Urls.FRONT_PAGE_SLUG + ".md) har altid adressen /; den kan ikke omdøbes, og en anden side kan ikke omdøbes til den");
        }
        PagePaths.requireFreeSlug(files, type, newSlug, from);

        Plan plan = plan(files, type, from, to);
        Map<String, String> expected = new LinkedHashMap<>(plan.expected);
        expected.put(to, null);
        files.writeAll(plan.writes, expected, from);
        List<String> changed = new ArrayList<>(List.of(from, to));
        changed.addAll(plan.others);
        return changed;
    }

    /**
     * The pages that refer to {@code page} (related, target_groups, links in the body): what a
     * rename would change, and what would have a broken link if the page went to the trash.
     */
    public static List<String> referencesTo(SiteFiles files, String page) throws IOException {
        PageType type = PagePaths.type(page);
        if (!files.exists(page)) throw new RefusedPath(page + " findes ikke");
        // any other address will do: only the pages that name this one change
        return plan(files, type, page, PagePaths.folder(page) + "/" + PagePaths.slug(page) + "-0.md").others;
    }

    private record Plan(Map<String, String> writes, Map<String, String> expected, List<String> others) {}

    private static Plan plan(SiteFiles files, PageType type, String from, String to) throws IOException {
        String oldSlug = PagePaths.slug(from);
        String newSlug = PagePaths.slug(to);
        BodyLinks links = new BodyLinks(from, to, Urls.of(type, oldSlug), Urls.of(type, newSlug), siteUrl(files));
        String oldRelated = type.folder() + "/" + oldSlug;
        String newRelated = type.folder() + "/" + newSlug;
        boolean slugChanged = !oldSlug.equals(newSlug);

        Map<String, String> writes = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (String rel : files.pages()) {
            boolean moved = rel.equals(from);
            String text;
            try {
                text = files.read(rel);
            } catch (IOException e) {
                if (moved) throw e;
                continue; // not UTF-8 or too large: the build reports it, and it is not rewritten blind
            }
            PageText page;
            try {
                page = PageText.parse(text);
            } catch (PageText.Unreadable e) {
                if (moved) throw new RefusedPath(from + ":" + e.line + ": " + e.getMessage() + "; ret fejlen, før siden omdøbes");
                continue; // its own error is reported by the build; it cannot be changed safely
            }
            if (slugChanged) {
                page = page.withListItemReplaced("related", oldRelated, newRelated);
                if (type == PageType.MAALGRUPPE && rel.startsWith(ContentLoader.CONTENT + "/" + PageType.TILBUD.folder() + "/")) {
                    page = page.withListItemReplaced("target_groups", oldSlug, newSlug);
                }
            }
            String target = moved ? to : rel;
            page = page.withBody(links.rewrite(page.body(), rel, target));
            if (moved || !page.text().equals(text)) {
                writes.put(target, page.text());
                expected.put(rel, SiteFiles.version(text));
                if (!moved) others.add(rel);
            }
        }
        return new Plan(writes, expected, others);
    }

    private static String siteUrl(SiteFiles files) {
        SiteSettings settings = SettingsReader.read(files.folder(), new Problems());
        return settings == null ? null : settings.url();
    }
}
