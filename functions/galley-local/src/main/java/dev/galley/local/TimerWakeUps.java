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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The preview's wake-ups: what EventBridge Scheduler does on AWS, with a timer in the process. At a file's time,
 * the same wake event goes through the handler. A wake-up whose handling fails is tried again a little later, as the
 * scheduler retries an invocation that fails.
 */
final class TimerWakeUps implements PublishSchedule, AutoCloseable {

    private final Clock clock;
    private final Duration retryAfter;
    private final Consumer<String> handler;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "galley-wake-ups");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    /**
     * @param retryAfter how long after a failed wake-up it is tried again
     * @param handler    runs a wake event, as the Lambda runtime would hand it to the function
     */
    TimerWakeUps(Clock clock, Duration retryAfter, Consumer<String> handler) {
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.handler = handler;
    }

    @Override
    public void wakeAt(String sourceKey, Instant at) {
        // A millisecond late rather than early: the wake-up must find the time come.
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis() + 1);
        ScheduledFuture<?> previous = pending.put(sourceKey, timer.schedule(() -> wake(sourceKey), delay, TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    @Override
    public void cancel(String sourceKey) {
        ScheduledFuture<?> previous = pending.remove(sourceKey);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void wake(String sourceKey) {
        try {
            handler.accept(WakeEvent.json(sourceKey));
        } catch (RuntimeException e) {
            System.err.println("the wake-up of " + sourceKey + " failed: " + e.getMessage() + "; trying again in " + retryAfter.toSeconds() + " s");
            wakeAt(sourceKey, clock.instant().plus(retryAfter));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
