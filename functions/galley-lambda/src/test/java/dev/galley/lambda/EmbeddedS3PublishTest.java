package dev.galley.lambda;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The end-to-end suite against S3Proxy, started in process: runs on every machine, no Docker needed. */
class EmbeddedS3PublishTest extends PublishEndToEndTest {

    @RegisterExtension
    static final TestS3 S3PROXY = TestS3.s3proxy();

    @Override
    protected S3Endpoint endpoint() {
        return S3PROXY.endpoint();
    }
}
