package dev.galley.publish;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S3's rule for event sequencers of one key: right-pad the shorter with zeros, then compare the strings. */
class SourceChangeTest {

    @Test
    void mustOrderSequencersOfEqualLengthAsHexadecimal() {
        assertTrue(SourceChange.compareSequencers("0055AED6DCD90281E5", "0055AED6DCD90281E6") < 0);
        assertTrue(SourceChange.compareSequencers("0055AED6DCD90281F0", "0055AED6DCD90281E6") > 0);
        assertTrue(SourceChange.compareSequencers("0055AED6DCD902819F", "0055AED6DCD90281A0") < 0, "digits sort before letters");
    }

    @Test
    void mustRightPadTheShorterSequencerWithZerosBeforeComparing() {
        // As numbers FF < 100; S3 pads to FF0 and 100, and FF0 is the later event.
        assertTrue(SourceChange.compareSequencers("FF", "100") > 0);
        assertTrue(SourceChange.compareSequencers("100", "FF") < 0);
        assertTrue(SourceChange.compareSequencers("0055AED6DCD90282", "0055AED6DCD90281E6") > 0);
        assertTrue(SourceChange.compareSequencers("0055AED6DCD90281", "0055AED6DCD90281E6") < 0);
    }

    @Test
    void mustTreatSequencersThatDifferOnlyByTrailingZerosAsEqual() {
        assertEquals(0, SourceChange.compareSequencers("0055AED6DCD90281E5", "0055AED6DCD90281E500"));
        assertEquals(0, SourceChange.compareSequencers("0A", "0A"));
        assertEquals(0, SourceChange.compareSequencers("", "000"));
    }

    @Test
    void mustIgnoreTheCaseOfHexadecimalLetters() {
        assertEquals(0, SourceChange.compareSequencers("0055aed6dcd90281e5", "0055AED6DCD90281E5"));
        assertTrue(SourceChange.compareSequencers("0055aed6dcd90281e5", "0055AED6DCD90281E6") < 0);
    }
}
