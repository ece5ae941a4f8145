package dev.galley.emulator;

/**
 * A snapshot of what a {@link QueueDelivery} has done.
 *
 * @param sent              messages put on the queue (one per S3 notification)
 * @param batches           function invocations, one per batch received
 * @param failedInvocations invocations that threw (their whole batch came back)
 * @param handedBack        messages returned to the queue for a retry, reported failed or in a failed invocation
 * @param deleted           messages deleted after the function handled them
 * @param deadLettered      messages now in the dead-letter queue
 */
public record QueueStats(long sent, long batches, long failedInvocations, long handedBack, long deleted, long deadLettered) {
}
