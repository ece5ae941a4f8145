package dev.galley.lambda;

import dev.galley.emulator.DeliveryStats;
import dev.galley.emulator.LambdaStyleDelivery;
import dev.galley.emulator.NotificationSink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Notifications handled the way Lambda handles them: concurrent invocations on a pool of threads, each thread
 * a container with its own handler and S3 client; duplicates and reordering; a failed invocation retried
 * twice. An event that still fails is re-delivered until it succeeds, within a bound, as an operator
 * replaying the on-failure queue would.
 */
final class Invocations implements NotificationSink, AutoCloseable {

    private static final int MAX_REDELIVERIES = 5;

    final RecordingContext logs = new RecordingContext();
    private final LambdaStyleDelivery delivery;
    private final AtomicInteger containers = new AtomicInteger();
    private int redelivered;

    Invocations(SiteBuckets buckets, int threads, double duplicateProbability, Duration maxDelay) {
        ThreadLocal<PublishHandler> handlers = ThreadLocal.withInitial(() -> {
            containers.incrementAndGet();
            return buckets.newHandler();
        });
        this.delivery = LambdaStyleDelivery.builder(event -> SiteBuckets.handle(handlers.get(), event, logs))
                .threads(threads)
                .duplicateProbability(duplicateProbability)
                .maxDelay(maxDelay)
                .retryBackoff(Duration.ofMillis(20))
                .build();
    }

    @Override
    public void accept(String eventJson) {
        delivery.accept(eventJson);
    }

    /** Waits until every notification so far was handled successfully, re-delivering failed ones. */
    void awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int round = 0; ; round++) {
            if (!delivery.awaitQuiescence(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                throw new AssertionError("notifications still being handled after " + timeout + ": " + delivery.stats());
            }
            List<DeliveryStats.FailedEvent> failed = delivery.stats().failedEvents();
            if (failed.size() == redelivered) {
                return;
            }
            if (round == MAX_REDELIVERIES) {
                throw new AssertionError(failed.size() - redelivered + " events still fail after " + MAX_REDELIVERIES
                        + " re-deliveries; the last error: " + failed.get(failed.size() - 1).lastError());
            }
            for (DeliveryStats.FailedEvent event : new ArrayList<>(failed.subList(redelivered, failed.size()))) {
                delivery.accept(event.eventJson());
            }
            redelivered = failed.size();
        }
    }

    DeliveryStats stats() {
        return delivery.stats();
    }

    /** Events re-delivered after Lambda's own retries were used up. */
    int redelivered() {
        return redelivered;
    }

    /** How many handler instances (containers) were created. */
    int containers() {
        return containers.get();
    }

    @Override
    public void close() {
        delivery.close();
    }
}
