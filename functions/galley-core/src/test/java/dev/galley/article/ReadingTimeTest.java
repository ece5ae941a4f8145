package dev.galley.article;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadingTimeTest {

    /** At one word a minute the minutes are the words. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ASCII words between spaces                   | Expand, migrate, contract: three deploys.     | 5
            tabs and runs of spaces                      | 'one\ttwo\t\tthree    four'                   | 4
            curly quotes and dashes inside words         | “Three deploys” — no downtime’s cost          | 6
            a no-break space between words               | 'ten\u00a0minutes'                             | 2
            an em space between words                    | 'ten\u2003minutes'                             | 2
            an emoji outside the BMP is a word           | shipped 🚀 friday                             | 3
            an emoji glued to a word is part of it       | shipped🚀 friday                              | 2
            a lone high surrogate is a word of its own   | 'a \ud83d b'                                   | 3
            """)
    void wordsAreCountedBetweenWhiteSpace(String rule, String text, int words) {
        ReadingTime time = new ReadingTime();
        time.add(text);

        assertEquals(words, time.minutes(1));
    }

    /** CJK text is read at 500 characters a minute: 500 of them are one minute, one more makes two. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Japanese katakana                 | コ
            the prolonged sound mark          | ー
            a Chinese ideograph               | 代
            Korean Hangul                     | 코
            a CJK ideograph outside the BMP   | '\ud840\udc0b'
            """)
    void cjkCharactersAreCountedOneByOne(String rule, String character) {
        ReadingTime fiveHundred = new ReadingTime();
        fiveHundred.add(character.repeat(500));
        ReadingTime fiveHundredAndOne = new ReadingTime();
        fiveHundredAndOne.add(character.repeat(501));

        assertEquals(1, fiveHundred.minutes(1_000_000));
        assertEquals(2, fiveHundredAndOne.minutes(1_000_000));
    }
}
