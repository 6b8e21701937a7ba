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
        if (page.type() == PageType.SIDE) {
            return FRONT_PAGE_SLUG.equals(page.slug()) ? "/" : "/" + page.slug() + "/";
        }
        return "/" + page.type().folder() + "/" + page.slug() + "/";
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
