package dev.galley.lambda;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The end-to-end suite against moto_server: a second S3 written apart from S3Proxy, which enforces
 * {@code If-Match}/{@code If-None-Match} and keeps tags. Skipped where moto_server is not installed.
 */
class MotoPublishTest extends PublishEndToEndTest {

    private static MotoServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MotoServer.startOrSkip();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Endpoint endpoint() {
        return new Endpoint(server.endpoint(), "test", "test", "us-east-1");
    }
}
