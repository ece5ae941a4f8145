package dev.galley.aws.s3;

import dev.galley.lambda.TestS3;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SiteBucketEncodingContractTest} against S3Proxy in process. */
class SiteBucketEncodingOverS3ProxyTest extends SiteBucketEncodingContractTest {

    @RegisterExtension
    static final TestS3 S3PROXY = TestS3.s3proxy();

    @Override
    protected TestS3 server() {
        return S3PROXY;
    }
}
