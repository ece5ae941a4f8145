package dev.galley.emulator;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The queue delivery on ElasticMQ, in process: runs on every machine. */
class ElasticMqQueueDeliveryTest extends QueueDeliveryTest {

    private static EmbeddedSqs sqs;

    @BeforeAll
    static void startSqs() {
        sqs = EmbeddedSqs.start();
    }

    @AfterAll
    static void stopSqs() {
        sqs.close();
    }

    @Override
    protected URI sqsEndpoint() {
        return sqs.endpoint();
    }
}
