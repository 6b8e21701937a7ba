package dk.tilbudsoversigt.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void aRangeIsTheBytesFromItsFirstToItsLastIncluded() {
        ByteRange r = ByteRange.of("bytes=2-5", 10);
        assertEquals(new ByteRange(2, 6), r);
        assertEquals("bytes 2-5/10", r.header(10));
        assertEquals("[2, 3, 4, 5]", java.util.Arrays.toString(r.slice(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})));
    }

    @Test
    void openAndSuffixRangesEndAtTheFile() {
        assertEquals(new ByteRange(7, 10), ByteRange.of("bytes=7-", 10));
        assertEquals(new ByteRange(6, 10), ByteRange.of("bytes=-4", 10));
        assertEquals(new ByteRange(0, 10), ByteRange.of("bytes=-40", 10));
        assertEquals(new ByteRange(8, 10), ByteRange.of("bytes=8-400", 10), "a range past the end stops at it");
    }

    @Test
    void whatIsNotOneUnderstoodRangeGetsTheWholeFile() {
        assertNull(ByteRange.of(null, 10));
        assertNull(ByteRange.of("bytes=0-1,4-5", 10), "several ranges");
        assertNull(ByteRange.of("items=0-1", 10));
        assertNull(ByteRange.of("bytes=12-14", 10), "beyond the file");
        assertNull(ByteRange.of("bytes=5-2", 10));
        assertNull(ByteRange.of("bytes=a-b", 10));
        assertNull(ByteRange.of("bytes=", 10));
    }
}
