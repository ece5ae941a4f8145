package dev.galley.publish;

/**
 * Where a batch from the queue asks for the refresh that writes the pages it left owed ({@link DeferredPages}): on AWS a
 * message on the same FIFO queue, in the same message group, so it comes after every change queued before it.
 */
@FunctionalInterface
public interface RefreshRequests {

    /** The body of a refresh message on the queue. */
    String BODY = "{\"action\":\"refresh\"}";

    /**
     * Asks for one refresh.
     *
     * @param deduplicationId unique to the batch that asks (a queue that deduplicated refreshes by their bodies would
     *                        swallow all but one of five minutes' refreshes, and with them the last one's place in line)
     * @throws StoreException when the request could not be sent, retryable or not
     */
    void request(String deduplicationId);
}
