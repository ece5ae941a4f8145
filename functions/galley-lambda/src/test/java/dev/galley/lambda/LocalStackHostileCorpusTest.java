package dev.galley.lambda;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;

/** The hostile corpus against LocalStack, wherever a Docker engine runs (skipped elsewhere). */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackHostileCorpusTest extends HostileCorpusTest {

    @Container
    private static final LocalStackContainer LOCALSTACK = LocalStack.s3();

    @Override
    protected S3Endpoint endpoint() {
        return S3Endpoint.of(LOCALSTACK);
    }
}
