package dev.galley.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/queue-rebuild.sh (the deploy workflow's last step) with the real AWS CLI against moto_server's SQS: it
 * queues the rebuild in the publish queue's message group and passes only once the queue is empty and the
 * dead-letter queue did not grow. Only CloudFormation's stack outputs are answered by a stand-in. Skipped where
 * moto_server or the AWS CLI is missing.
 */
class QueueRebuildScriptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Process moto;
    private static String endpoint;

    @TempDir
    Path tmp;
    private String queue;
    private String deadLetters;

    @BeforeAll
    static void startMoto() throws Exception {
        Assumptions.assumeTrue(Processes.onPath("moto_server").isPresent() && Processes.onPath("aws").isPresent()
                && Processes.onPath("bash").isPresent(), "moto_server, aws or bash is not on PATH: the rebuild script was NOT tested");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        moto = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        endpoint = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); ; Thread.sleep(200)) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/")).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Assumptions.assumeTrue(moto.isAlive() && System.nanoTime() < deadline, "moto_server did not start");
            }
        }
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.destroy();
        }
    }

    @BeforeEach
    void createQueuesAndTheStackOutputs() throws IOException {
        String stage = "t" + UUID.randomUUID().toString().substring(0, 8);
        deadLetters = sqs("create-queue", "--queue-name", "galley-" + stage + "-publish-dlq.fifo", "--attributes", "FifoQueue=true")
                .path("QueueUrl").asText();
        queue = sqs("create-queue", "--queue-name", "galley-" + stage + "-publish.fifo", "--attributes", "FifoQueue=true")
                .path("QueueUrl").asText();
        // "aws" is the real CLI pointed at moto, except for the stack's outputs, which name these queues.
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, "#!/usr/bin/env bash\n"
                + "if [[ \"$1\" == cloudformation ]]; then\n"
                + "  case \"$*\" in *ContentChangesQueueUrl*) echo '" + queue + "' ;; *FailureQueueUrl*) echo '" + deadLetters + "' ;; esac\n"
                + "  exit 0\n"
                + "fi\n"
                + "exec '" + Processes.onPath("aws").orElseThrow() + "' --endpoint-url " + endpoint + " \"$@\"\n");
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Map<String, String> credentials() {
        return Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "eu-west-1");
    }

    private static JsonNode sqs(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("aws", "--endpoint-url", endpoint, "--region", "eu-west-1", "sqs"));
        command.addAll(List.of(args));
        Processes.Result r = Processes.run(command, null, credentials(), null, Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r.describe());
        return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
    }

    private CompletableFuture<Processes.Result> runScript(int timeoutSeconds) {
        Map<String, String> env = new HashMap<>(credentials());
        env.put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
        env.put("GALLEY_POLL_SECONDS", "1");
        Path script = Template.infrastructureDir().resolve("scripts/queue-rebuild.sh");
        return CompletableFuture.supplyAsync(() -> Processes.run(List.of("bash", script.toString(), "dev", "eu-west-1",
                Integer.toString(timeoutSeconds)), tmp, env, null, Duration.ofSeconds(timeoutSeconds + 60)));
    }

    /** Receives the one message the script queued, as the function's event source mapping would. */
    private JsonNode receive() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            JsonNode messages = sqs("receive-message", "--queue-url", queue, "--attribute-names", "All", "--wait-time-seconds", "1")
                    .path("Messages");
            if (!messages.isEmpty()) {
                return messages.get(0);
            }
        }
        throw new AssertionError("the script queued nothing");
    }

    @Test
    void theRebuildIsQueuedInTheOneMessageGroupAndPassesOnceTheQueueIsEmpty() throws Exception {
        CompletableFuture<Processes.Result> running = runScript(60);

        JsonNode message = receive();
        assertEquals("{\"action\":\"rebuild\"}", message.path("Body").asText());
        assertEquals("galley-content", message.path("Attributes").path("MessageGroupId").asText());
        assertTrue(!running.isDone(), "the script waits while the rebuild runs");
        sqs("delete-message", "--queue-url", queue, "--receipt-handle", message.path("ReceiptHandle").asText());

        Processes.Result r = running.get();
        assertEquals(0, r.exitCode(), r.describe());
    }

    @Test
    void aRebuildThatNeverLeavesTheQueueFailsTheDeployAfterTheTimeout() throws Exception {
        Processes.Result r = runScript(3).get();

        assertNotEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("still holds messages after 3 s"), r.describe());
    }

    @Test
    void aMessageThatReachesTheDeadLetterQueueMeanwhileFailsTheDeploy() throws Exception {
        CompletableFuture<Processes.Result> running = runScript(60);

        JsonNode message = receive();
        sqs("send-message", "--queue-url", deadLetters, "--message-body", message.path("Body").asText(),
                "--message-group-id", "galley-content", "--message-deduplication-id", "moved");
        sqs("delete-message", "--queue-url", queue, "--receipt-handle", message.path("ReceiptHandle").asText());

        Processes.Result r = running.get();
        assertNotEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("reached the dead-letter queue"), r.describe());
    }
}
