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
     * @param deduplicationId the same for every batch that adds to a debt until a refresh meets it, then a new one
     *                        ({@link PagesOwed#refreshId}): the queue keeps one refresh behind them all. Never the
     *                        body's hash, which is the same for every refresh: a queue deduplicating by content would
     *                        swallow the refresh asked for behind later uploads
     * @throws StoreException when the request could not be sent, retryable or not
     */
    void request(String deduplicationId);
}
