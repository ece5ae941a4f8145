package dev.galley.lambda;

import dev.galley.aws.WakeEvent;
import dev.galley.publish.PublishSchedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scheduler whose time the test moves: it keeps the wake-ups the function sets, one per file as EventBridge
 * Scheduler does, and hands back the wake events that come due when time passes them; the test sends those
 * through the real handler. Its {@link #clock()} is the function's clock.
 */
final class SteppedScheduler implements PublishSchedule {

    private final Map<String, Instant> wakeUps = new ConcurrentHashMap<>();
    private volatile Instant now;

    SteppedScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public void wakeAt(String sourceKey, Instant at) {
        wakeUps.put(sourceKey, at);
    }

    @Override
    public void cancel(String sourceKey) {
        wakeUps.remove(sourceKey);
    }

    Map<String, Instant> wakeUps() {
        return Map.copyOf(wakeUps);
    }

    /** Moves time to {@code to}; the wake events due by then, earliest first, each run once and gone. */
    List<String> advanceTo(Instant to) {
        now = to;
        List<Map.Entry<String, Instant>> due = wakeUps.entrySet().stream().filter(e -> !e.getValue().isAfter(to))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder())).toList();
        due.forEach(e -> wakeUps.remove(e.getKey(), e.getValue()));
        return due.stream().map(e -> WakeEvent.json(e.getKey())).toList();
    }

    Clock clock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
