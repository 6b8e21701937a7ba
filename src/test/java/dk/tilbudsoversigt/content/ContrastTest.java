package dk.tilbudsoversigt.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContrastTest {
    @Test
    void ratiosAreThoseOfWcag() {
        assertEquals(21.0, Contrast.ratio(0x000000, Contrast.WHITE), 1e-9);
        assertEquals(1.0, Contrast.ratio(0x0b4f8a, 0x0b4f8a), 1e-9);
        // #767676 is the well-known lightest grey that passes on white; #777777 just fails
        assertTrue(Contrast.ratio(0x767676, Contrast.WHITE) >= 4.5);
        assertTrue(Contrast.ratio(0x777777, Contrast.WHITE) < 4.5);
    }

    @Test
    void shortAndLongHexAreTheSameColourAndOtherSpellingsAreRefused() {
        assertEquals(0xaabbcc, Contrast.parse("#abc"));
        assertEquals(0xaabbcc, Contrast.parse("#AABBCC"));
        assertEquals(-1, Contrast.parse("aabbcc"));
        assertEquals(-1, Contrast.parse("#aabbc"));
        assertEquals(-1, Contrast.parse("rød"));
    }

    @Test
    void aRatioJustBelowTheLimitIsNeverShownAsTheLimit() {
        assertEquals("4,4:1", Contrast.danish(4.49));
        assertEquals("4,5:1", Contrast.danish(4.5));
    }

    @Test
    void theSuggestedDarkerShadePassesOnBothBackgrounds() {
        for (int colour : new int[] {0xffcc00, 0x66aadd, 0xff0000, 0xffffff}) {
            int shade = Contrast.darkEnough(colour);
            assertTrue(Contrast.againstBackgrounds(shade) >= Contrast.MINIMUM, Contrast.hex(shade));
        }
    }
}
