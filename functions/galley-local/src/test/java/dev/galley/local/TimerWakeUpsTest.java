package dev.galley.local;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The preview's timer sends the same wake event the scheduler does, once per file, at the file's latest time. */
class TimerWakeUpsTest {

    private final BlockingQueue<String> woken = new LinkedBlockingQueue<>();

    @Test
    void aWakeUpSendsTheWakeEventAtItsTimeAndSettingItAgainMovesIt() throws Exception {
        try (TimerWakeUps wakeUps = new TimerWakeUps(Clock.systemUTC(), Duration.ofMillis(50), woken::add)) {
            wakeUps.wakeAt("posts/a.md", Instant.now().plusMillis(50));
            wakeUps.wakeAt("posts/b.md", Instant.now().plusSeconds(60));
            wakeUps.wakeAt("posts/b.md", Instant.now().plusMillis(100));

            assertEquals(List.of("{\"action\":\"wake\",\"key\":\"posts/a.md\"}", "{\"action\":\"wake\",\"key\":\"posts/b.md\"}"),
                    List.of(woken.poll(10, TimeUnit.SECONDS), woken.poll(10, TimeUnit.SECONDS)));
            assertNull(woken.poll(300, TimeUnit.MILLISECONDS), "a moved wake-up comes once");
        }
    }

    @Test
    void aCancelledWakeUpNeverComesAndAFailedOneIsTriedAgain() throws Exception {
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TimerWakeUps wakeUps = new TimerWakeUps(Clock.systemUTC(), Duration.ofMillis(50), event -> {
            if (failures.isEmpty()) {
                failures.add(event);
                throw new IllegalStateException("S3 is down");
            }
            woken.add(event);
        })) {
            wakeUps.wakeAt("gone.md", Instant.now().plusMillis(50));
            wakeUps.cancel("gone.md");
            wakeUps.wakeAt("flaky.md", Instant.now());

            assertEquals("{\"action\":\"wake\",\"key\":\"flaky.md\"}",
                    woken.poll(10, TimeUnit.SECONDS));
            assertEquals(1, failures.size());
            assertNull(woken.poll(200, TimeUnit.MILLISECONDS), "gone.md never comes");
        }
    }
}
