package dev.galley.emulator;

import java.net.URI;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * An SQS-compatible server in process (ElasticMQ) on a free port of 127.0.0.1: FIFO queues, visibility timeouts,
 * receive counts and redrive to a dead-letter queue, as {@link QueueDelivery} needs them. Any credentials and
 * region are accepted.
 */
public final class EmbeddedSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts a server and waits until it answers. */
    public static EmbeddedSqs start() {
        SQSRestServer server = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
        return new EmbeddedSqs(server, server.waitUntilStarted().localAddress().getPort());
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
