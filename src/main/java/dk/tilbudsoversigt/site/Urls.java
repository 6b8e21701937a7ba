package dk.tilbudsoversigt.site;

import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;

/**
 * The URL of every page, as a path below the site's base path, always ending in '/'.
 * The files are written as {@code <path>/index.html}.
 */
public final class Urls {
    public static final String FRONT_PAGE_SLUG = "forside";

    private Urls() {}

    /** "/tilbud/aflastning/"; a page in sider/ lives at "/slug/", sider/forside.md at "/". */
    public static String of(Page page) {
        return of(page.type(), page.slug());
    }

    /** The URL a page of {@code type} with {@code slug} has (or would have). */
    public static String of(PageType type, String slug) {
        if (type == PageType.SIDE) return FRONT_PAGE_SLUG.equals(slug) ? "/" : "/" + slug + "/";
        return "/" + type.folder() + "/" + slug + "/";
    }

    public static String overview(PageType type) {
        return "/" + type.folder() + "/";
    }

    public static String ageBand(String band) {
        return "/tilbud/alder/" + band + "/";
    }

    public static String area(String area) {
        return "/tilbud/omraade/" + area + "/";
    }

    public static String referral(boolean required) {
        return required ? "/tilbud/med-visitation/" : "/tilbud/uden-visitation/";
    }

    public static String targetGroup(String slug) {
        return "/maalgrupper/" + slug + "/";
    }
}
