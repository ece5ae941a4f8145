package dev.galley.article;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeSampleTest {

    private static final String TWELVE_LINES = """
            SET lock_timeout = '2s';
            UPDATE users SET email_verified = true WHERE id < 1000;
            UPDATE users SET email_verified = true WHERE id < 2000;

            -- a blank line above counts as a line
            UPDATE users SET email_verified = true WHERE id < 3000;
            UPDATE users SET email_verified = true WHERE id < 4000;
            UPDATE users SET email_verified = true WHERE id < 5000;
            UPDATE users SET email_verified = true WHERE id < 6000;
            UPDATE users SET email_verified = true WHERE id < 7000;
            UPDATE users SET email_verified = true WHERE id < 8000;
            ALTER TABLE users VALIDATE CONSTRAINT chk_email;""";

    @Test
    void samplesAreEqualWhenEveryComponentIsAndHashAlike() {
        CodeSample sample = new CodeSample("a.sql", "sql", "SELECT 1;");
        assertEquals(sample, new CodeSample("a.sql", "sql", "SELECT 1;"));
        assertEquals(sample.hashCode(), new CodeSample("a.sql", "sql", "SELECT 1;").hashCode());
        assertEquals(new CodeSample(null, "", "x"), new CodeSample(null, "", "x"));
        for (CodeSample other : List.of(new CodeSample("b.sql", "sql", "SELECT 1;"), new CodeSample("a.sql", "python", "SELECT 1;"),
                new CodeSample("a.sql", "sql", "SELECT 2;"), new CodeSample(null, "sql", "SELECT 1;"))) {
            assertNotEquals(sample, other);
            assertNotEquals(other, sample);
        }
        assertNotEquals(sample, "SELECT 1;");
        assertNotEquals(sample, null);
    }

    @Test
    void aCardShowsTheFirstEightLinesAndCountsTheRest() {
        CodeSample sample = new CodeSample("backfill.sql", "sql", TWELVE_LINES);
        String[] lines = TWELVE_LINES.split("\n");
        assertEquals(String.join("\n", java.util.Arrays.copyOf(lines, CodeSample.CARD_LINES)), sample.cardCode());
        assertEquals(4, sample.linesLeftOut());
        String html = sample.cardHtml();
        assertTrue(html.contains("5000"), html);
        assertFalse(html.contains("6000"), html);
    }

    @Test
    void aSampleOfEightLinesOrFewerShowsWhole() {
        String eight = TWELVE_LINES.lines().limit(8).reduce((a, b) -> a + "\n" + b).orElseThrow();
        for (String code : new String[] {"x = 1", eight, eight + "\n", "one\n\n"}) {
            CodeSample sample = new CodeSample("a.py", "python", code);
            assertEquals(code, sample.cardCode(), code);
            assertEquals(0, sample.linesLeftOut(), code);
        }
    }

    @Test
    void aLineBreakThatEndsTheCodeStartsNoLine() {
        String nine = TWELVE_LINES.lines().limit(9).reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertEquals(1, new CodeSample("a.sql", "sql", nine + "\n").linesLeftOut());
        assertEquals(2, new CodeSample("a.sql", "sql", nine + "\n\n").linesLeftOut(), "a blank last line is a line");
    }
}
