package dev.galley.aws.s3;

import dev.galley.emulator.EmbeddedS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link SiteBucketEncodingContractTest} against S3Proxy in process. */
class SiteBucketEncodingOverS3ProxyTest extends SiteBucketEncodingContractTest {

    private static EmbeddedS3 server;

    @BeforeAll
    static void startServer() {
        server = EmbeddedS3.builder().inMemory().build().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected S3HttpContractTest.Server server() {
        return new S3HttpContractTest.Server(server.endpoint(), server.accessKey(), server.secretKey(), server.region());
    }
}
