package dev.galley.site;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InterfaceTextTest {

    /** A key's format is kept between calls: the second call on a thread must fill in its own arguments, not the first's. */
    @Test
    void aKeptFormatFillsInEachCallsArguments() {
        InterfaceText english = InterfaceText.of("en");

        assertEquals("7 min read", english.format("readingTime", 7));
        assertEquals("12 min read", english.format("readingTime", 12));
        assertEquals("no articles", english.format("tagArticleCount", 0));
        assertEquals("1 article", english.format("tagArticleCount", 1));
        assertEquals("1,200 articles", english.format("tagArticleCount", 1200));
    }

    @Test
    void formatsAreKeptPerSiteLanguageAndOverride() {
        InterfaceText english = InterfaceText.of("en");
        InterfaceText german = InterfaceText.of("de");
        InterfaceText owners = InterfaceText.of("en", Map.of("readingTime", "{0,number,integer}-minute read"));

        assertEquals("3 min read", english.format("readingTime", 3));
        assertEquals("3 Min. Lesezeit", german.format("readingTime", 3));
        assertEquals("3-minute read", owners.format("readingTime", 3));
        assertEquals("4 min read", english.format("readingTime", 4));
    }

    /** Sixteen page writers format at once: each thread's formats are its own, so no text takes another's number. */
    @Test
    void formatsOnManyThreadsAtOnceEachGetTheirOwnNumbers() throws Exception {
        InterfaceText english = InterfaceText.of("en");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> texts = new ArrayList<>();
            for (int minutes = 1; minutes <= 2_000; minutes++) {
                int n = minutes;
                texts.add(pool.submit(() -> english.format("readingTime", n)));
            }
            for (int minutes = 1; minutes <= 2_000; minutes++) {
                assertEquals(String.format(java.util.Locale.ENGLISH, "%,d min read", minutes), texts.get(minutes - 1).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
