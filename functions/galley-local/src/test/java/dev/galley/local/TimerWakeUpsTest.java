package dev.galley.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The preview's timer sends the same wake event the scheduler does, once per file, when the clock reaches its time. */
class TimerWakeUpsTest {

    private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration TICK = Duration.ofMillis(10);

    private final MovableClock clock = new MovableClock(START);
    private final BlockingQueue<String> woken = new LinkedBlockingQueue<>();

    @Test
    void aWakeUpComesOnceWhenTheClockReachesItsLatestTime() throws Exception {
        try (TimerWakeUps wakeUps = new TimerWakeUps(clock, TICK, Duration.ofMinutes(1), woken::add)) {
            wakeUps.wakeAt("posts/a.md", START.plusSeconds(60));
            wakeUps.wakeAt("posts/b.md", START.plusSeconds(60));
            wakeUps.wakeAt("posts/b.md", START.plusSeconds(3600));

            assertNull(woken.poll(100, TimeUnit.MILLISECONDS), "nothing before its time");
            clock.set(START.plusSeconds(60));
            assertEquals("{\"action\":\"wake\",\"key\":\"posts/a.md\"}", woken.poll(10, TimeUnit.SECONDS));
            assertNull(woken.poll(100, TimeUnit.MILLISECONDS), "b was moved later, and a comes once");
            clock.set(START.plusSeconds(7200));
            assertEquals("{\"action\":\"wake\",\"key\":\"posts/b.md\"}", woken.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aCancelledWakeUpNeverComesAndAFailedOneIsTriedAgain() throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        try (TimerWakeUps wakeUps = new TimerWakeUps(clock, TICK, Duration.ofSeconds(10), event -> {
            if (failures.isEmpty()) {
                failures.add(event);
                throw new IllegalStateException("S3 is down");
            }
            woken.add(event);
        })) {
            wakeUps.wakeAt("gone.md", START.plusSeconds(5));  // not due yet, so no tick can race the cancel
            wakeUps.cancel("gone.md");
            wakeUps.wakeAt("flaky.md", START);

            assertNull(woken.poll(200, TimeUnit.MILLISECONDS), "the failed one waits for its retry");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (failures.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);  // a loaded machine may not have ticked yet
            }
            assertEquals(1, failures.size());
            clock.set(START.plusSeconds(10));
            assertEquals("{\"action\":\"wake\",\"key\":\"flaky.md\"}", woken.poll(10, TimeUnit.SECONDS));
            assertNull(woken.poll(100, TimeUnit.MILLISECONDS), "gone.md never comes");
        }
    }
}
