package dev.galley.lambda;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;

import java.util.Map;

/**
 * The same end-to-end suite against LocalStack, wherever a Docker engine runs. Without Docker it is skipped,
 * and Surefire reports it as skipped. A LocalStack auth token is taken from LOCALSTACK_AUTH_TOKEN if set.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackPublishTest extends PublishEndToEndTest {

    @Container
    private static final LocalStackContainer LOCALSTACK = new LocalStackContainer("localstack/localstack:4.4.0")
            .withServices("s3")
            .withEnv(Map.of("LOCALSTACK_AUTH_TOKEN", System.getenv().getOrDefault("LOCALSTACK_AUTH_TOKEN", "")));

    @Override
    protected Endpoint endpoint() {
        return new Endpoint(LOCALSTACK.getEndpoint(), LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey(), LOCALSTACK.getRegion());
    }
}
