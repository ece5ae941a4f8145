package dev.galley.aws.s3;

import dev.galley.lambda.TestS3;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SiteBucketEncodingContractTest} against moto_server; skipped where it is not installed. */
class SiteBucketEncodingOverMotoTest extends SiteBucketEncodingContractTest {

    @RegisterExtension
    static final TestS3 MOTO = TestS3.moto().inRegion("eu-west-1");

    @Override
    protected TestS3 server() {
        return MOTO;
    }
}
