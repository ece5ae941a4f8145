package dev.galley.lambda;

import dev.galley.emulator.EmbeddedS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The hostile corpus against the embedded S3 server. */
class EmbeddedS3HostileCorpusTest extends HostileCorpusTest {

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
    protected PublishEndToEndTest.Endpoint endpoint() {
        return PublishEndToEndTest.Endpoint.of(server);
    }
}
