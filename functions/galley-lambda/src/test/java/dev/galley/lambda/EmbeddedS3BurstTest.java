package dev.galley.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.aws.SqsRefreshRequests;
import dev.galley.emulator.EmbeddedS3;
import dev.galley.emulator.EmbeddedSqs;
import dev.galley.emulator.FaultKind;
import dev.galley.emulator.FaultPlan;
import dev.galley.emulator.NotificationSink;
import dev.galley.emulator.QueueDelivery;
import dev.galley.emulator.QueueStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bursts against the embedded S3 server, whose own notifications drive the function; plus what only it can
 * show: which notifications S3 sends, and the burst under injected faults.
 */
class EmbeddedS3BurstTest extends BurstEndToEndTest {

    private static final Map<String, NotificationSink> ROUTES = new ConcurrentHashMap<>();
    @RegisterExtension
    static final TestS3 S3PROXY = TestS3.s3proxy(builder -> builder
            .notifications(event -> ROUTES.forEach((bucket, sink) -> {
                if (event.contains("\"name\":\"" + bucket + "\"")) {
                    sink.accept(event);
                }
            }))
            .faults(FaultPlan.builder().rate(0.10).delay(Duration.ofMillis(300)).enabledAtStart(false).build()));
    private static EmbeddedSqs sqs;

    @AfterAll
    static void stopQueue() {
        if (sqs != null) {
            sqs.close();
        }
    }

    /**
     * Runs the writes through the deployed stack's path: EventBridge-shaped events on a FIFO queue (ElasticMQ), one
     * function taking batches of 10, handing back what a retry can fix and putting its refreshes on the same queue;
     * waits until the queue is drained, refreshes included.
     */
    private QueueStats burstThroughTheQueue(List<Runnable> writes, RecordingContext logs) throws Exception {
        if (sqs == null) {
            sqs = EmbeddedSqs.start();
        }
        PublishHandler function = buckets.newHandler();
        try (QueueDelivery queue = QueueDelivery.builder(event -> SiteBuckets.handle(function, event, logs), sqs.endpoint())
                .region(S3PROXY.endpoint().region()).visibilityTimeout(Duration.ofSeconds(1)).build()) {
            function.leavePagesToRefreshesThrough(new SqsRefreshRequests(() -> SqsClients.create(S3PROXY.endpoint().region(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("galley", "galley")), Optional.of(sqs.endpoint())), queue.queueUrl()));
            notifications(queue);
            try (ConsistencyObserver reader = new ConsistencyObserver(buckets)) {
                allAtOnce(writes);
                assertTrue(queue.awaitQuiescence(SETTLE), "the queue did not drain: " + queue.stats());
                reader.close();
                assertEquals(List.of(), reader.violations(), reader.toString());
            }
            return queue.stats();
        }
    }

    @Test
    void mustEndWithExactlyWhatTheContentBucketHoldsAfterAMixedBurstThroughTheFifoQueue() throws Exception {
        seed(60);
        List<Runnable> writes = new ArrayList<>();
        for (int i = 60; i < 80; i++) {
            int n = i;
            writes.add(() -> upload(post(n) + ".md", postText(n, "new")));
        }
        for (int i = 0; i < 30; i++) {
            int n = i;
            writes.add(() -> upload(post(n) + ".md", postText(n, "edited")));
        }
        for (int i = 30; i < 60; i++) {
            int n = i;
            writes.add(() -> delete(post(n) + ".md"));
        }
        Collections.shuffle(writes, new Random(4));

        QueueStats stats = burstThroughTheQueue(writes, new RecordingContext());

        assertEquals(50, buckets.manifest().entries().size());
        assertSiteShowsExactlyTheContentBucket();
        assertEquals(80, stats.sent(), "one message per write");
        assertEquals(0, stats.failedInvocations());
        assertEquals(0, stats.handedBack(), "without faults, nothing is handed back");
        assertEquals(0, stats.deadLettered());
        assertTrue(stats.batches() <= 80 && stats.batches() >= 8, "batches of 1 to 10: " + stats);
    }

    @Test
    void mustListEveryArticleOfABurstOf200UploadsThroughTheFifoQueue() throws Exception {
        List<Runnable> uploads = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            int n = i;
            uploads.add(() -> upload(post(n) + ".md", postText(n, "v1")));
        }

        QueueStats stats = burstThroughTheQueue(uploads, new RecordingContext());

        assertEquals(BURST, buckets.manifest().entries().size());
        assertEquals(BURST, buckets.homePageArticles().size());
        assertSiteShowsExactlyTheContentBucket();
        assertEquals(0, stats.failedInvocations(), stats.toString());
    }

    @Test
    void mustRemoveEveryArticleOfABurstOf200DeletesThroughTheFifoQueue() throws Exception {
        seed(BURST);
        List<Runnable> deletes = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            int n = i;
            deletes.add(() -> delete(post(n) + ".md"));
        }

        QueueStats stats = burstThroughTheQueue(deletes, new RecordingContext());

        assertTrue(buckets.manifest().entries().isEmpty(), buckets.manifest().entries().keySet().toString());
        assertEquals(java.util.Set.of(), buckets.homePageArticles());
        assertEquals(List.of(), buckets.sitePaths("articles/"));
        assertSiteShowsExactlyTheContentBucket();
        assertEquals(0, stats.failedInvocations(), stats.toString());
    }

    @Test
    void mustConvergeThroughTheFifoQueueUnderTenPercentFaults() throws Exception {
        List<Runnable> uploads = new ArrayList<>();
        // 30, not 200: one writer meets every 300 ms fault delay in turn.
        for (int i = 0; i < 30; i++) {
            int n = i;
            uploads.add(() -> upload(post(n) + ".md", postText(n, "v1")));
        }
        RecordingContext logs = new RecordingContext();
        EmbeddedS3 server = S3PROXY.embedded();
        server.faults().resetCounters();
        server.faults().enable();
        QueueStats stats;
        try {
            stats = burstThroughTheQueue(uploads, logs);
        } finally {
            server.faults().disable();
        }

        for (FaultKind kind : FaultKind.values()) {
            assertTrue(server.faults().injected(kind) > 0, "no " + kind + " was injected: " + server.faults().injectedByKind());
        }
        assertEquals(30, buckets.manifest().entries().size());
        assertSiteShowsExactlyTheContentBucket();
        assertEquals(0, stats.deadLettered(), stats.toString());
        for (JsonNode line : logs.recordLines()) {
            assertTrue(List.of("published", "unchanged", "failed-will-retry").contains(line.path("outcome").asText()), line.toString());
        }
    }

    @Override
    protected S3Endpoint endpoint() {
        return S3PROXY.endpoint();
    }

    @Override
    protected boolean routeNotifications(String bucket, NotificationSink sink) {
        ROUTES.put(bucket, sink);
        S3PROXY.embedded().enableNotifications(bucket);
        return true;
    }

    @Test
    void mustNotTriggerItselfWhenItTagsTheUploadsWithTheirStatus() throws Exception {
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        try (Invocations invocations = new Invocations(buckets, 1, 0, Duration.ZERO)) {  // one writer
            notifications(event -> {
                sent.add(event);
                invocations.accept(event);
            });
            upload("published.md", SiteBuckets.article("Published", "2026-03-10"));
            upload("draft.md", SiteBuckets.article("Draft", "2026-03-10", "draft: true"));
            upload("rejected.md", "---\ntitle: Broken\ndate: someday\n---\n");
            invocations.awaitAll(SETTLE);

            // Each upload was tagged over HTTP (PutObjectTagging), and S3 announced only the three uploads.
            assertEquals(3, sent.size(), sent.toString());
            assertTrue(sent.stream().allMatch(event -> event.contains("\"eventName\":\"ObjectCreated:Put\"")), sent.toString());
            assertEquals(3, invocations.stats().delivered());
            String publishedEtag = buckets.s3.headObject(r -> r.bucket(buckets.content).key("published.md")).eTag().replace("\"", "");
            assertEquals(Map.of("galley-status", "published", "galley-etag", publishedEtag, "galley-url", "/articles/published/"),
                    buckets.tags("published.md"));
            assertEquals("draft", buckets.tags("draft.md").get("galley-status"));
            assertTrue(buckets.tags("draft.md").get("galley-reason").contains("draft: true"), buckets.tags("draft.md").toString());
            assertEquals("rejected", buckets.tags("rejected.md").get("galley-status"));
            assertTrue(buckets.tags("rejected.md").get("galley-reason").startsWith("line 3: date someday is not a date"),
                    buckets.tags("rejected.md").toString());
            Map<String, String> outcomes = new ConcurrentHashMap<>();
            for (JsonNode line : invocations.logs.lines()) {
                outcomes.put(line.path("key").asText(), line.path("outcome").asText());
                assertTrue(line.path("durationMs").canConvertToLong(), line.toString());
            }
            assertEquals(Map.of("published.md", "published", "draft.md", "draft", "rejected.md", "rejected"), outcomes);
        }
    }
}
