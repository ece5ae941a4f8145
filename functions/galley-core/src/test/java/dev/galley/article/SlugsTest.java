package dev.galley.article;

import dev.galley.RecordingClassLoader;
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

    /** Runs inside a fresh class loader, so that every class it touches is loaded anew and recorded. */
    public static final class Scenario {

        public static String asciiTitle() {
            return Slugs.from("Zero-downtime migrations: expand, migrate, contract (2026)");
        }

        public static String accentedTitle() {
            return Slugs.from("Crème brûlée à la carte");
        }
    }

    @Test
    void mustLoadTheUnicodeNormaliserOnlyForTextBeyondAscii() throws Exception {
        try (RecordingClassLoader loader = new RecordingClassLoader()) {
            Class<?> scenario = loader.loadClass(Scenario.class.getName());
            assertEquals("zero-downtime-migrations-expand-migrate-contract-2026", scenario.getMethod("asciiTitle").invoke(null));
            assertTrue(loader.requested().contains(Slugs.class.getName()), "the scenario ran in the recording loader");
            assertFalse(loader.requested().contains("java.text.Normalizer"), "the normaliser loaded for ASCII text");
            assertEquals("creme-brulee-a-la-carte", scenario.getMethod("accentedTitle").invoke(null));
            assertTrue(loader.requested().contains("java.text.Normalizer"), "accents are dropped by the normaliser");
        }
    }
}
