package dev.galley.emulator;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The queue delivery on moto_server's SQS, a second implementation independent of ElasticMQ; skipped where
 * moto_server is not on the PATH.
 */
class MotoQueueDeliveryTest extends QueueDeliveryTest {

    private static Process moto;
    private static URI endpoint;

    @BeforeAll
    static void startMoto() throws Exception {
        Path executable = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (Files.isExecutable(candidate)) {
                executable = candidate;
                break;
            }
        }
        Assumptions.assumeTrue(executable != null, "moto_server is not on PATH: the queue delivery NOT checked against moto");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        moto = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        endpoint = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !moto.isAlive()) {
                    throw new IllegalStateException("moto_server did not start on port " + port);
                }
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (moto != null) {
            moto.destroy();
            moto.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Override
    @Disabled("moto_server 5.2.1 hands over a FIFO group's later message while an earlier one handed back is still "
            + "invisible (seen: handled a.md, c.md, b.md); AWS and ElasticMQ hold the group back, so this is checked on ElasticMQ")
    void aLaterRecordOfTheGroupWaitsUntilTheEarlierOneHandedBackIsDone() {
    }

    @Override
    protected URI sqsEndpoint() {
        return endpoint;
    }
}
