package dev.galley.publish;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DraftLinksTest {

    private static final byte[] KEY = "k7Qp2xVb9LmN4rTz8WcY1dFh6JsA3eGu".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "Z0x9C8v7B6n5M4a3S2d1F0g9H8j7K6l5".getBytes(StandardCharsets.US_ASCII);

    private static String token(byte[] key, String sourceKey) {
        String path = DraftLinks.keyedBy(() -> key).path(sourceKey);
        return path.substring(DraftLinks.ROOT.length(), path.length() - 1);
    }

    @Test
    void theLinkDependsOnlyOnTheSourceKeyAndTheDraftKey() {
        assertEquals(token(KEY, "posts/zero-downtime.md"), token(KEY.clone(), "posts/zero-downtime.md"));
        assertNotEquals(token(KEY, "posts/zero-downtime.md"), token(KEY, "posts/zero-downtime-v2.md"), "a renamed source gets a new link");
        assertNotEquals(token(KEY, "posts/zero-downtime.md"), token(OTHER_KEY, "posts/zero-downtime.md"), "a new draft key changes every link");
    }

    @Test
    void theTokenIsALongUrlSafePathSegment() {
        String token = token(KEY, "posts/zero-downtime.md");
        assertEquals(32, token.length(), token);
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertEquals(DraftLinks.ROOT + token + "/", DraftLinks.keyedBy(() -> KEY).path("posts/zero-downtime.md"));
    }

    @Test
    void neighbouringSourceKeysGiveUnrelatedTokens() {
        Set<String> tokens = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> {
            String token = token(KEY, "posts/post-" + i + ".md");
            tokens.add(token);
            prefixes.add(token.substring(0, 4));
        });
        assertEquals(1000, tokens.size());
        assertTrue(prefixes.size() > 950, "tokens of similar names share no structure: " + prefixes.size() + " distinct prefixes");
    }

    @Test
    void theKeyIsAskedForOnceAndOnlyWhenALinkIsMade() {
        AtomicInteger asked = new AtomicInteger();
        DraftLinks links = DraftLinks.keyedBy(() -> {
            asked.incrementAndGet();
            return KEY;
        });
        assertTrue(links.shared());
        assertEquals(0, asked.get());
        links.path("a.md");
        links.path("b.md");
        assertEquals(1, asked.get());
    }

    @Test
    void aKeptKeyIsReadAgainOnceItsTimeIsUpSoARotationReachesEveryContainer() throws InterruptedException {
        byte[][] stored = {KEY};
        AtomicInteger asked = new AtomicInteger();
        DraftLinks links = DraftLinks.keyedBy(() -> {
            asked.incrementAndGet();
            return stored[0];
        }, java.time.Duration.ofSeconds(1));  // long enough for a loaded CI machine
        String before = links.path("a.md");
        stored[0] = OTHER_KEY;
        assertEquals(before, links.path("a.md"), "within its time the key read is used");
        Thread.sleep(1100);
        assertEquals(DraftLinks.keyedBy(() -> OTHER_KEY).path("a.md"), links.path("a.md"));
        assertEquals(2, asked.get());
    }

    @Test
    void aShortKeyIsRefused() {
        DraftLinks links = DraftLinks.keyedBy(() -> "short".getBytes(StandardCharsets.US_ASCII));
        assertTrue(assertThrows(IllegalStateException.class, () -> links.path("a.md")).getMessage().contains("at least 16"));
    }

    @Test
    void withoutAKeyDraftsAreNotShared() {
        assertFalse(DraftLinks.NONE.shared());
    }
}
