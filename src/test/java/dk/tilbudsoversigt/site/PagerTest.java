package dk.tilbudsoversigt.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A long offer list is shown 50 to a page; a short one (under 200) on one page, as small sites always showed it. */
class PagerTest {
    @ParameterizedTest
    @CsvSource({"0, 1", "1, 1", "199, 1", "200, 4", "201, 5", "249, 5", "250, 5", "251, 6", "10000, 200"})
    void thePagesHoldEveryOfferOnceInOrderAtMostFiftyToAPage(int size, int pages) {
        List<Integer> offers = IntStream.range(0, size).boxed().toList();
        int count = Pager.count(size);
        assertEquals(pages, count);
        List<Integer> shown = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            List<Integer> page = Pager.page(offers, n);
            assertTrue(size < Pager.FROM || page.size() <= Pager.SIZE, "page " + n + " holds " + page.size());
            assertTrue(!page.isEmpty() || size == 0, "no empty page " + n + " of " + count);
            shown.addAll(page);
        }
        assertEquals(offers, shown);
        if (size < Pager.FROM) assertSame(offers, Pager.page(offers, 1), "a short list is shown as it is");
    }
}
