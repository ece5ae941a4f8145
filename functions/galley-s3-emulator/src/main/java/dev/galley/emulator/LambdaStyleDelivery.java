package dev.galley.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers S3 notifications to an {@link EventHandler} the way Lambda's asynchronous invocation does,
 * so consumers are tested against its guarantees rather than an idealised queue: events run on a pool
 * of threads, may arrive more than once and in any order, and a handler that throws is retried twice
 * more with a backoff before the event goes to the failed list (the on-failure destination).
 *
 * <p>The seed fixes every random choice (duplicate or not, each delay) for a given sequence of
 * notifications; it cannot fix how the pool's threads interleave.
 */
public final class LambdaStyleDelivery implements NotificationSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaStyleDelivery.class);

    private final EventHandler handler;
    private final double duplicateProbability;
    private final Duration maxDelay;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final SplittableRandom random;
    private final ScheduledThreadPoolExecutor pool;

    private final Object quiescence = new Object();
    private long pending;

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final List<DeliveryStats.FailedEvent> failedEvents = new ArrayList<>();

    private LambdaStyleDelivery(Builder builder) {
        this.handler = builder.handler;
        this.duplicateProbability = builder.duplicateProbability;
        this.maxDelay = builder.maxDelay;
        this.maxRetries = builder.maxRetries;
        this.retryBackoff = builder.retryBackoff;
        this.random = new SplittableRandom(builder.seed);
        this.pool = new ScheduledThreadPoolExecutor(builder.threads, daemonThreads());
        this.pool.setRemoveOnCancelPolicy(true);
    }

    public static Builder builder(EventHandler handler) {
        return new Builder(handler);
    }

    @Override
    public void accept(String eventJson) {
        received.incrementAndGet();
        int copies;
        long[] delaysMillis;
        synchronized (random) {
            copies = random.nextDouble() < duplicateProbability ? 2 : 1;
            delaysMillis = new long[copies];
            for (int i = 0; i < copies; i++) {
                delaysMillis[i] = maxDelay.isZero() ? 0 : random.nextLong(maxDelay.toMillis() + 1);
            }
        }
        if (copies > 1) {
            duplicates.addAndGet(copies - 1);
        }
        for (long delay : delaysMillis) {
            schedule(eventJson, 1, delay);
        }
    }

    /** Waits until no delivery is scheduled or running; false if that did not happen within the timeout. */
    public boolean awaitQuiescence(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (quiescence) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(quiescence, left);
            }
            return true;
        }
    }

    public DeliveryStats stats() {
        List<DeliveryStats.FailedEvent> failed;
        synchronized (failedEvents) {
            failed = List.copyOf(failedEvents);
        }
        return new DeliveryStats(received.get(), delivered.get(), duplicates.get(), failures.get(), retries.get(),
                failed);
    }

    /** Stops the pool; deliveries not yet run are dropped. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("event handlers still running after close()");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedule(String eventJson, int attempt, long delayMillis) {
        changePending(+1);
        try {
            pool.schedule(() -> invoke(eventJson, attempt), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            changePending(-1);
            LOG.debug("delivery closed; dropping an event");
        }
    }

    private void invoke(String eventJson, int attempt) {
        try {
            handler.handle(eventJson);
            delivered.incrementAndGet();
        } catch (Exception e) {
            failures.incrementAndGet();
            if (attempt <= maxRetries) {
                retries.incrementAndGet();
                // Scheduled before this attempt counts as done, so quiescence never shows in between.
                schedule(eventJson, attempt + 1, retryBackoff.toMillis() << (attempt - 1));
            } else {
                LOG.debug("event failed after {} attempts", attempt, e);
                synchronized (failedEvents) {
                    failedEvents.add(new DeliveryStats.FailedEvent(eventJson, attempt, e));
                }
            }
        } finally {
            changePending(-1);
        }
    }

    private void changePending(int delta) {
        synchronized (quiescence) {
            pending += delta;
            if (pending == 0) {
                quiescence.notifyAll();
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger ids = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "lambda-style-delivery-" + ids.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public static final class Builder {

        private final EventHandler handler;
        private int threads = 4;
        private double duplicateProbability;
        private Duration maxDelay = Duration.ZERO;
        private long seed = 1L;
        private int maxRetries = 2;
        private Duration retryBackoff = Duration.ofMillis(50);

        private Builder(EventHandler handler) {
            this.handler = Objects.requireNonNull(handler);
        }

        /** Concurrent handler invocations, like Lambda's concurrency. Defaults to 4. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Probability that a notification is delivered twice. Defaults to 0. */
        public Builder duplicateProbability(double probability) {
            if (!(probability >= 0.0 && probability <= 1.0)) {
                throw new IllegalArgumentException("probability must be within [0, 1], was " + probability);
            }
            this.duplicateProbability = probability;
            return this;
        }

        /** Each delivery waits a random time up to this bound, which reorders events. Defaults to none. */
        public Builder maxDelay(Duration maxDelay) {
            if (maxDelay.isNegative()) {
                throw new IllegalArgumentException("maxDelay must not be negative, was " + maxDelay);
            }
            this.maxDelay = maxDelay;
            return this;
        }

        /** Defaults to 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Re-deliveries after the handler throws; Lambda's asynchronous invocation makes 2. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Wait before the first retry, doubled for each further one. Defaults to 50 ms; Lambda waits about
         * a minute, then two, which no test wants to.
         */
        public Builder retryBackoff(Duration backoff) {
            if (backoff.isNegative()) {
                throw new IllegalArgumentException("backoff must not be negative, was " + backoff);
            }
            this.retryBackoff = backoff;
            return this;
        }

        public LambdaStyleDelivery build() {
            return new LambdaStyleDelivery(this);
        }
    }
}
