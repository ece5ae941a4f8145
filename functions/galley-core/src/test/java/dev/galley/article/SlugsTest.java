package dev.galley.article;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugsTest {

    @Test
    void mustLowercaseDropAccentsAndJoinWordsWithSingleHyphens() {
        assertEquals("release-engineering", Slugs.from("Release Engineering"));
        assertEquals("creme-brulee-2", Slugs.from("  Crème   Brûlée #2!! "));
        assertEquals("c-c-and-rust", Slugs.from("C/C++ and Rust"));
    }

    @Test
    void mustNeverProduceAPathSegmentThatEscapes() {
        assertEquals("etc-passwd", Slugs.from("../../etc/passwd"));
        assertEquals("2e-2e", Slugs.from("%2e%2e"));
        assertEquals("", Slugs.from("😀"));
    }

    @Test
    void mustCapTheLengthWithoutATrailingHyphen() {
        String slug = Slugs.from("a".repeat(79) + " b");
        assertTrue(slug.length() <= Slugs.MAX_LENGTH);
        assertFalse(slug.endsWith("-"));
    }

    @Test
    void mustAcceptOnlyLowercaseLettersDigitsAndInnerHyphens() {
        assertTrue(Slugs.isValid("zero-downtime-2026"));
        assertFalse(Slugs.isValid("Zero"));
        assertFalse(Slugs.isValid("a--b"));
        assertFalse(Slugs.isValid("a-"));
        assertFalse(Slugs.isValid(""));
        assertFalse(Slugs.isValid("a".repeat(81)));
    }
}
