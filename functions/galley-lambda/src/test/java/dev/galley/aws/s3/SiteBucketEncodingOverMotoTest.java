package dev.galley.aws.s3;

import dev.galley.lambda.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link SiteBucketEncodingContractTest} against moto_server; skipped where it is not installed. */
class SiteBucketEncodingOverMotoTest extends SiteBucketEncodingContractTest {

    private static MotoServer moto;

    @BeforeAll
    static void startServer() throws Exception {
        moto = MotoServer.startOrSkip();
    }

    @AfterAll
    static void stopServer() {
        if (moto != null) {
            moto.close();
        }
    }

    @Override
    protected S3HttpContractTest.Server server() {
        return new S3HttpContractTest.Server(moto.endpoint(), "test", "test", "eu-west-1");
    }
}
