package dev.galley.lambda;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The hostile corpus against the embedded S3 server. */
class EmbeddedS3HostileCorpusTest extends HostileCorpusTest {

    @RegisterExtension
    static final TestS3 S3PROXY = TestS3.s3proxy();

    @Override
    protected S3Endpoint endpoint() {
        return S3PROXY.endpoint();
    }
}
