package dev.galley.aws;

import dev.galley.publish.RefreshRequests;
import dev.galley.publish.StoreException;
import dev.galley.aws.sqs.SqsHttp;
import software.amazon.awssdk.utils.Lazy;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Refreshes as messages on the publish queue, in its one message group, so each comes after every change queued
 * before it (docs/queueing.md, <em>Refreshes</em>). The deduplication id is the debt's round
 * ({@link RefreshRequests#request}), never the body's: the queue deduplicates EventBridge's events by content, which
 * would keep one refresh of five minutes and drop the later ones, whose place at the end of the line is the point.
 */
public final class SqsRefreshRequests implements RefreshRequests {

    private final Lazy<SqsHttp> client;
    private final String queueUrl;

    /**
     * @param clientFactory builds the client at the first refresh asked for, once per container
     * @param queueUrl      the publish queue
     */
    public SqsRefreshRequests(Supplier<SqsHttp> clientFactory, String queueUrl) {
        this.client = new Lazy<>(clientFactory);
        this.queueUrl = queueUrl;
    }

    @Override
    public void request(String deduplicationId) {
        try {
            client.getValue().sendMessage(queueUrl, EventBridgeSchedule.MESSAGE_GROUP, deduplicationId, BODY);
        } catch (IOException e) {
            // Retryable all: the batch is handed back, and delivered again it finds its commit done and asks again.
            throw new StoreException("asking for a refresh on " + queueUrl + " failed: " + e.getMessage(), true, e);
        }
    }
}
