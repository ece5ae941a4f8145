package dev.galley.local;

import dev.galley.aws.WakeEvent;
import dev.galley.publish.PublishSchedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The preview's wake-ups: what EventBridge Scheduler does on AWS, in the process. The due times are wall-clock
 * times, compared with the clock at every tick rather than turned into delays, so a laptop that slept past a
 * publish time catches up on waking (a delay would count only the time awake). At a file's time the same wake
 * event goes through the handler; one whose handling fails is tried again a little later, as the scheduler retries.
 */
final class TimerWakeUps implements PublishSchedule, AutoCloseable {

    private final Clock clock;
    private final Duration retryAfter;
    private final Consumer<String> handler;
    private final Map<String, Instant> due = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "galley-wake-ups");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param tick       how often the clock is looked at
     * @param retryAfter how long after a failed wake-up it is tried again
     * @param handler    runs a wake event, as the Lambda runtime would hand it to the function
     */
    TimerWakeUps(Clock clock, Duration tick, Duration retryAfter, Consumer<String> handler) {
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.handler = handler;
        timer.scheduleWithFixedDelay(this::wakeWhatIsDue, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void wakeAt(String sourceKey, Instant at) {
        due.put(sourceKey, at);
    }

    @Override
    public void cancel(String sourceKey) {
        due.remove(sourceKey);
    }

    private void wakeWhatIsDue() {
        Instant now = clock.instant();
        due.forEach((key, at) -> {
            if (!at.isAfter(now) && due.remove(key, at)) {
                wake(key, now);
            }
        });
    }

    /** @param now the tick's time, which the retry counts from (not the time the handler gave up) */
    private void wake(String sourceKey, Instant now) {
        try {
            handler.accept(WakeEvent.json(sourceKey));
        } catch (RuntimeException e) {
            System.err.println("the wake-up of " + sourceKey + " failed: " + e.getMessage() + "; trying again in " + retryAfter.toSeconds() + " s");
            due.putIfAbsent(sourceKey, now.plus(retryAfter));  // unless the handling set a newer one
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
