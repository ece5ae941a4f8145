package dev.galley.emulator;

import java.util.List;

/**
 * A snapshot of what a {@link LambdaStyleDelivery} has done.
 *
 * @param received     notifications accepted from the emulator
 * @param delivered    handler invocations that returned normally, duplicates and retries included
 * @param duplicates   extra copies of a notification that were scheduled
 * @param failures     handler invocations that threw
 * @param retries      re-deliveries scheduled after a failure
 * @param failedEvents events that failed on every attempt, as an on-failure destination would hold them
 */
public record DeliveryStats(long received, long delivered, long duplicates, long failures, long retries,
        List<FailedEvent> failedEvents) {

    public DeliveryStats {
        failedEvents = List.copyOf(failedEvents);
    }

    /** An event that exhausted its attempts, with the last error the handler threw. */
    public record FailedEvent(String eventJson, int attempts, Throwable lastError) {
    }
}
