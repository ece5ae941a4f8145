package dev.galley.lambda;

import dev.galley.emulator.NotificationSink;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;

import java.util.Map;

/**
 * The bursts against LocalStack, wherever a Docker engine runs (skipped elsewhere). LocalStack cannot call
 * back into this JVM, so the test announces each of its writes with the notification S3 would send.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackBurstTest extends BurstEndToEndTest {

    @Container
    private static final LocalStackContainer LOCALSTACK = new LocalStackContainer("localstack/localstack:4.4.0")
            .withServices("s3")
            .withEnv(Map.of("LOCALSTACK_AUTH_TOKEN", System.getenv().getOrDefault("LOCALSTACK_AUTH_TOKEN", "")));

    @Override
    protected PublishEndToEndTest.Endpoint endpoint() {
        return new PublishEndToEndTest.Endpoint(LOCALSTACK.getEndpoint(), LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey(),
                LOCALSTACK.getRegion());
    }

    @Override
    protected boolean routeNotifications(String bucket, NotificationSink sink) {
        return false;
    }
}
