package dev.galley.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.galley.emulator.EmbeddedS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handler fed by the FIFO queue: SQS batches whose bodies are EventBridge's S3 events, answered with
 * {@code batchItemFailures} (ReportBatchItemFailures).
 */
class QueueBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedS3 server;

    private SiteBuckets buckets;
    /** Keys of the content bucket whose every request fails as a dropped connection would. */
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    private PublishHandler handler;
    private final RecordingContext logs = new RecordingContext();

    @BeforeAll
    static void startServer() {
        server = EmbeddedS3.builder().inMemory().build().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createBucketsAndHandler() {
        buckets = SiteBuckets.create(PublishEndToEndTest.Endpoint.of(server));
        ExecutionInterceptor faults = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                context.request().getValueForField("Key", String.class).filter(unreachable::contains).ifPresent(key -> {
                    throw SdkClientException.create("connection reset (test) for " + key);
                });
            }
        };
        handler = new PublishHandler(buckets.config, buckets.newClient(faults));
    }

    @AfterEach
    void closeBuckets() {
        buckets.close();
    }

    private String upload(String key, String text) {
        buckets.upload(key, text);
        String etag = buckets.s3.headObject(r -> r.bucket(buckets.content).key(key)).eTag().replace("\"", "");
        return Events.eventBridge(buckets.content, key, etag, SiteBuckets.nextSequencer());
    }

    private String delete(String key) {
        buckets.delete(key);
        return Events.eventBridge(buckets.content, key, "", SiteBuckets.nextSequencer());
    }

    /** The message ids handed back to the queue. */
    private List<String> handleBatch(String... bodies) throws IOException {
        JsonNode response = JSON.readTree(SiteBuckets.handle(handler, Events.queueBatch(List.of(bodies)), logs));
        assertEquals(Set.of("batchItemFailures"), Set.copyOf(iterable(response.fieldNames())), response.toString());
        List<String> ids = new ArrayList<>();
        response.path("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
        return ids;
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private boolean published(String slug) {
        return buckets.siteBytes("articles/" + slug + "/index.html").isPresent();
    }

    @Test
    void theAwsFixturesReadAsACreateThenADeleteOfTheKeyAsWritten() {
        List<QueuedChange> batch = QueuedChange.fromEvent(Events.fixture("sqs-fifo-eventbridge.json"));

        assertEquals(List.of(
                new S3Notification("aws.s3", "ObjectCreated:PutObject", "amzn-s3-demo-bucket1", "example-key",
                        "b1946ac92492d2347c6235b4d2611184", "617f08299329d189"),
                new S3Notification("aws.s3", "ObjectRemoved:DeleteObject", "amzn-s3-demo-bucket1", "example-key", "",
                        "617f0837b476e463")),
                batch.stream().map(QueuedChange::change).toList());
        assertEquals(List.of("059f36b4-87a3-44ab-83d2-661975830a7d", "2e1424d4-f796-459a-8184-9c92662be6da"),
                batch.stream().map(QueuedChange::messageId).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"c++ and c#.md", "my post é.md", "100%25 done.md", "a+b=c.md"})
    void anEventBridgeKeyIsTheKeyItselfNotFormEncoded(String key) throws IOException {
        assertEquals(List.of(), handleBatch(upload(key, SiteBuckets.article("Encoded " + key, "2026-03-10"))));

        assertEquals("published", buckets.tags(key).get("galley-status"), key);
    }

    @Test
    void aBatchIsPublishedInOrderSoALaterDeleteOfTheSameFileWins() throws IOException {
        String create = upload("first.md", SiteBuckets.article("First", "2026-03-01"));
        String other = upload("second.md", SiteBuckets.article("Second", "2026-03-02"));
        String remove = delete("first.md");

        assertEquals(List.of(), handleBatch(create, other, remove));

        assertFalse(published("first"));
        assertTrue(published("second"));
        assertTrue(buckets.siteText("index.html").contains("/articles/second/"));
        assertFalse(buckets.siteText("index.html").contains("/articles/first/"));
    }

    @Test
    void aRetryableFailureHandsBackThatRecordAndEveryLaterOneUntouched() throws IOException {
        String first = upload("first.md", SiteBuckets.article("First", "2026-03-01"));
        String second = upload("second.md", SiteBuckets.article("Second", "2026-03-02"));
        String third = upload("third.md", SiteBuckets.article("Third", "2026-03-03"));
        unreachable.add("second.md");

        assertEquals(List.of("m-2", "m-3"), handleBatch(first, second, third));

        assertTrue(published("first"));
        assertFalse(published("second"));
        assertFalse(published("third"), "a record after the failed one waits for it");
        assertFalse(buckets.tags("third.md").containsKey("galley-status"), "nothing was done for the third record");

        unreachable.clear();
        assertEquals(List.of(), handleBatch(second, third));
        assertTrue(published("second"));
        assertTrue(published("third"));
    }

    @Test
    void anUnreadableMessageIsHandedBackAloneAndTheOthersArePublished() throws IOException {
        String notJson = "this is not JSON";
        String notS3 = "{\"version\":\"0\",\"detail-type\":\"EC2 Instance State-change Notification\",\"source\":\"aws.ec2\",\"detail\":{}}";
        String good = upload("good.md", SiteBuckets.article("Good", "2026-03-01"));

        assertEquals(List.of("m-1", "m-3"), handleBatch(notJson, good, notS3));

        assertTrue(published("good"));
        List<String> reasons = logs.lines().stream().filter(l -> l.path("outcome").asText().equals("failed"))
                .map(l -> l.path("reason").asText()).toList();
        assertEquals(2, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("message m-1: the body is not JSON"), reasons.toString());
        assertTrue(reasons.get(1).startsWith("message m-3: not an S3 event from EventBridge"), reasons.toString());
    }

    @Test
    void aBadArticleIsRejectedForItsAuthorNotHandedBackToTheQueue() throws IOException {
        String broken = upload("broken.md", "---\ntitle: Broken\ndate: someday\n---\n");
        String good = upload("good.md", SiteBuckets.article("Good", "2026-03-01"));

        assertEquals(List.of(), handleBatch(broken, good));

        assertEquals("rejected", buckets.tags("broken.md").get("galley-status"));
        assertTrue(published("good"));
    }

    @Test
    void otherS3EventsAndOtherBucketsAreSkippedNotHandedBack() throws IOException {
        String restore = upload("restored.md", SiteBuckets.article("Restored", "2026-03-01"))
                .replace("\"Object Created\"", "\"Object Restore Completed\"");
        String elsewhere = Events.eventBridge("someone-elses-bucket", "x.md", "0123", SiteBuckets.nextSequencer());

        assertEquals(List.of(), handleBatch(restore, elsewhere));

        assertFalse(published("restored"));
        assertEquals(List.of("skipped", "skipped"), logs.lines().stream().map(l -> l.path("outcome").asText()).toList());
    }
}
