package dev.galley.lambda;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;

/**
 * The same end-to-end suite against LocalStack, wherever a Docker engine runs. Without Docker it is skipped,
 * and Surefire reports it as skipped. A LocalStack auth token is taken from LOCALSTACK_AUTH_TOKEN if set.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackPublishTest extends PublishEndToEndTest {

    @Container
    private static final LocalStackContainer LOCALSTACK = LocalStack.s3();

    @Override
    protected S3Endpoint endpoint() {
        return S3Endpoint.of(LOCALSTACK);
    }
}
