package dev.galley.lambda;

import dev.galley.emulator.NotificationSink;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;

/**
 * The bursts against LocalStack, wherever a Docker engine runs (skipped elsewhere). LocalStack cannot call
 * back into this JVM, so the test announces each of its writes with the notification S3 would send.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackBurstTest extends BurstEndToEndTest {

    @Container
    private static final LocalStackContainer LOCALSTACK = LocalStack.s3();

    @Override
    protected S3Endpoint endpoint() {
        return S3Endpoint.of(LOCALSTACK);
    }

    @Override
    protected boolean routeNotifications(String bucket, NotificationSink sink) {
        return false;
    }
}
