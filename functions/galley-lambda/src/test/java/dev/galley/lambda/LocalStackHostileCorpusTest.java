package dev.galley.lambda;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;

import java.util.Map;

/** The hostile corpus against LocalStack, wherever a Docker engine runs (skipped elsewhere). */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackHostileCorpusTest extends HostileCorpusTest {

    @Container
    private static final LocalStackContainer LOCALSTACK = new LocalStackContainer("localstack/localstack:4.4.0")
            .withServices("s3")
            .withEnv(Map.of("LOCALSTACK_AUTH_TOKEN", System.getenv().getOrDefault("LOCALSTACK_AUTH_TOKEN", "")));

    @Override
    protected PublishEndToEndTest.Endpoint endpoint() {
        return new PublishEndToEndTest.Endpoint(LOCALSTACK.getEndpoint(), LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey(),
                LOCALSTACK.getRegion());
    }
}
