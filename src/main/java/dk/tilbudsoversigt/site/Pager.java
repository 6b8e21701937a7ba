package dk.tilbudsoversigt.site;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one page of a long offer list stands among its pages: the links "Forrige", "Næste" and
 * the page numbers (first, last and the two around the current one; gaps as "…"), and the
 * rel=prev/next links of the head. Lists of {@value #FROM} offers or more are split into pages
 * of {@value #SIZE}; shorter lists stay on one page, as the small sites most municipalities
 * have always showed them.
 *
 * @param number   this page, from 1
 * @param count    how many pages the list has
 * @param previous the URL of the page before, or null on the first
 * @param next     the URL of the page after, or null on the last
 */
public record Pager(int number, int count, String previous, String next, List<Number> numbers) {
    /** Offers on a page. */
    public static final int SIZE = 50;
    /** From this many offers a list is paginated. */
    public static final int FROM = 200;
    private static final int AROUND = 2;

    /** One entry of the page numbers: a link, the current page (url null, current) or a gap (url null, label "…"). */
    public record Number(String label, String url, boolean current) {}

    /** How many pages a list of {@code size} offers takes: one when shorter than {@value #FROM}. */
    public static int count(int size) {
        return size < FROM ? 1 : (size + SIZE - 1) / SIZE;
    }

    /**
     * Page {@code number} (from 1) of the list: the whole list when it is shorter than {@value #FROM}.
     * Only that page is copied (a listing's model holds one page, and a long list has hundreds).
     */
    public static <T> List<T> page(List<T> items, int number) {
        if (items.size() < FROM) return items;
        int from = (number - 1) * SIZE;
        return List.copyOf(items.subList(from, Math.min(items.size(), from + SIZE)));
    }

    /** The URL path of page {@code number} of the list whose first page is at {@code first} ("/tilbud/" → "/tilbud/side/2/"). */
    public static String path(String first, int number) {
        return number == 1 ? first : first + "side/" + number + "/";
    }

    /** Page {@code number} of {@code count}, for the list whose first page is at the URL {@code first} (base path included). */
    public static Pager of(String first, int number, int count) {
        List<Number> numbers = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= count; n++) {
            if (n != 1 && n != count && Math.abs(n - number) > AROUND) continue;
            if (last != 0 && n > last + 1) numbers.add(new Number("…", null, false));
            numbers.add(new Number(Integer.toString(n), n == number ? null : path(first, n), n == number));
            last = n;
        }
        return new Pager(number, count, number > 1 ? path(first, number - 1) : null,
                number < count ? path(first, number + 1) : null, List.copyOf(numbers));
    }

    /** Whether the list has more than one page (templates show the navigation only then). */
    public boolean paginated() {
        return count > 1;
    }
}
