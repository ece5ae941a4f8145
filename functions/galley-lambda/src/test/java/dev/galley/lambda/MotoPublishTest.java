package dev.galley.lambda;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The end-to-end suite against moto_server: a second S3 written apart from S3Proxy, which enforces
 * {@code If-Match}/{@code If-None-Match} and keeps tags. Skipped where moto_server is not installed.
 */
class MotoPublishTest extends PublishEndToEndTest {

    @RegisterExtension
    static final TestS3 MOTO = TestS3.moto();

    @Override
    protected S3Endpoint endpoint() {
        return MOTO.endpoint();
    }
}
