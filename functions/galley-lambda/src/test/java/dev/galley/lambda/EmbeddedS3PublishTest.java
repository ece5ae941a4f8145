package dev.galley.lambda;

import dev.galley.emulator.EmbeddedS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The end-to-end suite against S3Proxy, started in process: runs on every machine, no Docker needed. */
class EmbeddedS3PublishTest extends PublishEndToEndTest {

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
    protected Endpoint endpoint() {
        return Endpoint.of(server);
    }
}
