package dev.galley.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.galley.emulator.EmbeddedS3;
import dev.galley.emulator.FaultKind;
import dev.galley.emulator.FaultPlan;
import dev.galley.aws.WakeEvent;
import dev.galley.publish.DraftLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import com.sun.net.httpserver.HttpServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end-to-end suite against the file that is deployed: {@code target/galley-lambda.jar}, shrunk by ProGuard,
 * in its own JVM with nothing else on the class path (see {@link DeploymentJarRunner}). A class that the
 * shrinking dropped but a real request needs fails here, not on Lambda. The function gets its credentials as
 * under SnapStart: from a local container-credentials endpoint, with no keys in its environment.
 */
class DeploymentJarPublishIT extends PublishEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Path.of("target/galley-lambda.jar");

    private static final String CREDENTIALS_TOKEN = "token-" + System.nanoTime();

    @RegisterExtension
    static final TestS3 S3PROXY = TestS3.s3proxy(builder -> builder
            .faults(FaultPlan.builder().rate(0.3).seed(7).kinds(FaultKind.INTERNAL_ERROR, FaultKind.SLOW_DOWN).enabledAtStart(false).build()));
    private static EmbeddedS3 server;
    private static RecordingCloudFront cloudFront;
    private static HttpServer credentials;
    private static final AtomicInteger CREDENTIALS_SERVED = new AtomicInteger();
    private static Process function;
    private static PrintStream requests;
    private static BufferedReader answers;
    /** moto_server, for the scheduler's side of wake-ups; null where it is not installed. */
    private static MotoServer moto;
    private static String motoMissing;
    private static SchedulerClient scheduler;
    private static final String SCHEDULE_GROUP = "galley-deployment-jar";
    private static final String DRAFT_KEY = "a-draft-key-the-function-reads-from-secrets-manager";

    @BeforeAll
    static void startServerAndFunction() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run after package: " + JAR.toAbsolutePath());
        server = S3PROXY.embedded();
        credentials = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        credentials.createContext("/credentials", exchange -> {
            boolean authorized = CREDENTIALS_TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            // No session token, unlike Lambda's: S3Proxy refuses requests that carry x-amz-security-token.
            byte[] body = ("{\"AccessKeyId\":\"" + server.accessKey() + "\",\"SecretAccessKey\":\"" + server.secretKey()
                    + "\",\"Expiration\":\"" + Instant.now().plusSeconds(3600) + "\"}").getBytes(StandardCharsets.UTF_8);
            if (authorized) {
                CREDENTIALS_SERVED.incrementAndGet();
            }
            exchange.sendResponseHeaders(authorized ? 200 : 403, authorized ? body.length : -1);
            exchange.getResponseBody().write(authorized ? body : new byte[0]);
            exchange.close();
        });
        credentials.start();
        cloudFront = new RecordingCloudFront();
        MotoServer.Started started = MotoServer.start();
        moto = started.server();
        motoMissing = started.whyNot();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", JAR + File.pathSeparator + "target/test-classes", DeploymentJarRunner.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().putAll(Map.of(
                "AWS_REGION", server.region(),
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + credentials.getAddress().getPort() + "/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", CREDENTIALS_TOKEN,
                "GALLEY_S3_ENDPOINT", server.endpoint().toString(),
                "GALLEY_DISTRIBUTION_ID", "E2DEPLOYMENTJAR",
                // The SDK's own per-service endpoint setting: the shrunk CloudFront client talks to the recorder.
                "AWS_ENDPOINT_URL_CLOUDFRONT", cloudFront.endpoint().toString()));
        if (moto != null) {
            scheduler = SchedulerClients.create(server.region(), StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                    Optional.of(moto.endpoint()));
            scheduler.createScheduleGroup(r -> r.name(SCHEDULE_GROUP));
            builder.environment().putAll(Map.of(
                    "GALLEY_SCHEDULE_GROUP", SCHEDULE_GROUP,
                    "GALLEY_SCHEDULER_ROLE_ARN", "arn:aws:iam::123456789012:role/galley-scheduler",
                    "GALLEY_WAKE_TARGET_ARN", "arn:aws:lambda:us-east-1:123456789012:function:galley-publish-test:live",
                    // The shrunk scheduler client talks to moto_server.
                    "AWS_ENDPOINT_URL_SCHEDULER", moto.endpoint().toString()));
            try (SecretsManagerClient secrets = SecretsManagerClients.create(server.region(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), Optional.of(moto.endpoint()))) {
                String arn = secrets.createSecret(r -> r.name("galley-deployment-jar-draft-key").secretString(DRAFT_KEY)).arn();
                // The shrunk Secrets Manager client reads the draft key from moto_server.
                builder.environment().putAll(Map.of("GALLEY_DRAFT_KEY_SECRET", arn,
                        "AWS_ENDPOINT_URL_SECRETS_MANAGER", moto.endpoint().toString()));
            }
        }
        function = builder.start();
        requests = new PrintStream(function.getOutputStream(), true, StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(function.getInputStream(), StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopFunctionAndServer() throws Exception {
        requests.close();
        function.waitFor();
        credentials.stop(0);
        cloudFront.close();
        if (moto != null) {
            scheduler.close();
            moto.close();
        }
    }

    @Override
    protected S3Endpoint endpoint() {
        return S3PROXY.endpoint();
    }

    @Override
    JsonNode handle(String event) throws Exception {
        requests.println(contentBucket + " " + siteBucket + " " + JSON.readTree(event).toString());
        String answer = answers.readLine();
        if (answer == null || !answer.startsWith("OK ")) {
            throw new IllegalStateException("the deployment jar failed: " + answer);
        }
        return JSON.readTree(answer.substring(3));
    }

    // The deployment jar runs on the real clock in its own JVM: the suite's injected-time tests cannot drive it.

    @Test
    @Disabled("time cannot be injected into the deployment jar's JVM; mustSetMoveAndDropWakeUpsWithTheShrunkSchedulerClient covers the jar")
    @Override
    void aScheduledPostGoesLiveAtItsTimeWithNoUpload() {
    }

    @Test
    @Disabled("time cannot be injected into the deployment jar's JVM; mustSetMoveAndDropWakeUpsWithTheShrunkSchedulerClient covers the jar")
    @Override
    void anExpiringPostGoesDownAtItsExpiryWithNoUpload() {
    }

    @Test
    @Disabled("time cannot be injected into the deployment jar's JVM; mustSetMoveAndDropWakeUpsWithTheShrunkSchedulerClient covers the jar")
    @Override
    void aWakeUpForAPostEditedOrDeletedSinceFollowsTheBucketAsItIsThen() {
    }

    @Test
    void mustSetMoveAndDropWakeUpsWithTheShrunkSchedulerClient() throws Exception {
        Assumptions.assumeTrue(moto != null, motoMissing);
        String name = dev.galley.aws.EventBridgeSchedule.scheduleName("embargo.md");

        assertEquals("scheduled", handle(upload("embargo.md", article("Embargo", "2099-01-01"))).path("embargo.md").asText());
        assertEquals("at(2099-01-01T00:00:00)", scheduler.getSchedule(r -> r.groupName(SCHEDULE_GROUP).name(name)).scheduleExpression());
        assertEquals("scheduled", handle(WakeEvent.json("embargo.md")).path("embargo.md").asText(), "a wake-up before the time holds it still");

        handle(upload("embargo.md", article("Embargo", "2099-02-01")));
        assertEquals("at(2099-02-01T00:00:00)", scheduler.getSchedule(r -> r.groupName(SCHEDULE_GROUP).name(name)).scheduleExpression());

        assertEquals("skipped", handle(delete("embargo.md")).path("embargo.md").asText());
        assertTrue(scheduler.listSchedules(r -> r.groupName(SCHEDULE_GROUP)).schedules().stream().noneMatch(s -> s.name().equals(name)));
    }

    @Test
    void mustShareADraftWithTheKeyTheShrunkSecretsManagerClientReads() throws Exception {
        Assumptions.assumeTrue(moto != null, motoMissing);
        String folder = DraftLinks.keyedBy(() -> DRAFT_KEY.getBytes(StandardCharsets.UTF_8)).path("review.md");

        assertEquals("draft", handle(upload("review.md", article("For review", "2026-03-10", "draft: true"))).path("review.md").asText());
        assertEquals("/" + folder, tags("review.md").get("galley-url"));
        assertTrue(site(folder + "index.html").contains("noindex, nofollow"));

        handle(delete("review.md"));
        assertTrue(!siteHas(folder + "index.html"));
    }

    @Test
    void mustLookForABrokenReplacementsLastGoodVersionWithTheShrunkS3Client() throws Exception {
        handle(upload("kept.md", article("Kept", "2026-02-01")));
        assertEquals("rejected", handle(upload("kept.md", "---\ntitle: Kept\ndate: someday\n---\n")).path("kept.md").asText());

        // The re-render lists the key's versions (ListObjectVersions) to find the published one; S3Proxy keeps none.
        JsonNode result = handle("{\"action\":\"rebuild\"}");

        assertEquals(1, result.path("rejected").asInt(), result.toString());
    }

    @Test
    void mustInvalidateTheDistributionAfterARebuildWithTheShrunkCloudFrontClient() throws Exception {
        upload("a.md", article("A", "2026-02-01"));
        int before = cloudFront.requests().size();

        JsonNode result = handle("{\"action\":\"rebuild\"}");

        assertTrue(result.path("invalidation").asText().length() > 0 && !result.path("invalidation").asText().startsWith("failed"),
                result.toString());
        assertEquals(before + 1, cloudFront.requests().size());
        assertEquals(List.of("/*"), cloudFront.requests().get(before).paths());
    }

    @Test
    void mustPrimeForSnapStartWithoutWritingAnythingAndPublishAfterTheRestore() throws Exception {
        handle(upload("before.md", article("Before", "2026-02-01")));
        Map<String, String> before = siteObjects();

        requests.println(contentBucket + " " + siteBucket + " CHECKPOINT");
        assertEquals("OK {}", answers.readLine());

        assertEquals(before, siteObjects());
        assertEquals("published", handle(upload("after.md", article("After", "2026-02-02"))).path("after.md").asText());
        assertTrue(site("index.html").contains("After"));
        assertTrue(CREDENTIALS_SERVED.get() > 0);
    }

    @Test
    void mustPublishThroughServerErrorsAndThrottlingWithTheDeploymentJar() throws Exception {
        String event = upload("retried.md", article("Retried", "2026-02-01", "tags: [Retry]"));
        server.faults().enable();
        String outcome = "";
        try {
            for (int invocation = 0; invocation < 10 && !outcome.equals("published"); invocation++) {
                try {
                    outcome = handle(event).path("retried.md").asText();
                } catch (IllegalStateException e) {
                    assertTrue(e.getMessage().contains("RetryableFailureException"), e.getMessage());  // Lambda would retry it
                }
            }
        } finally {
            server.faults().disable();
        }
        assertTrue(server.faults().injectedTotal() > 0);
        assertEquals("published", outcome);
        assertTrue(site("articles/retried/index.html").contains("Retried"));
        assertEquals("published", tags("retried.md").get("galley-status"));
    }
}
