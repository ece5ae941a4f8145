package dev.galley.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.galley.aws.WakeEvent;
import dev.galley.aws.s3.S3Failure;
import dev.galley.aws.s3.S3Observer;
import dev.galley.publish.Manifest;
import dev.galley.publish.RefreshRequests;
import dev.galley.publish.StatePieces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handler fed by the FIFO queue: SQS batches whose bodies are EventBridge's S3 events, answered with
 * {@code batchItemFailures} (ReportBatchItemFailures).
 */
class QueueBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestS3 S3PROXY = TestS3.s3proxy();

    private SiteBuckets buckets;
    /** Keys of the content bucket whose every request fails as a dropped connection would. */
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    /** Keys whose writes (PUT) fail as a dropped connection would; reads go through. */
    private final Set<String> unwritable = ConcurrentHashMap.newKeySet();
    /** The function's writes of the manifest. */
    private final AtomicInteger manifestWrites = new AtomicInteger();
    private PublishHandler handler;
    private final RecordingContext logs = new RecordingContext();

    @BeforeEach
    void createBucketsAndHandler() {
        buckets = SiteBuckets.create(S3PROXY.endpoint());
        S3Observer faults = new S3Observer() {
            @Override
            public void sending(S3Exchange exchange) {
                if (unreachable.contains(exchange.key())) {
                    throw S3Failure.unanswered("connection reset (test) for " + exchange.key(), null);
                }
                if (exchange.operation().equals("PutObject")) {
                    if (unwritable.contains(exchange.key())) {
                        throw S3Failure.unanswered("connection reset (test) writing " + exchange.key(), null);
                    }
                    if (exchange.key().equals(StatePieces.ROOT)) {
                        manifestWrites.incrementAndGet();
                    }
                }
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
        return delete(buckets, key);
    }

    private static String upload(SiteBuckets into, String key, byte[] bytes) {
        into.upload(key, bytes);
        String etag = into.s3.headObject(r -> r.bucket(into.content).key(key)).eTag().replace("\"", "");
        return Events.eventBridge(into.content, key, etag, SiteBuckets.nextSequencer());
    }

    private static String delete(SiteBuckets into, String key) {
        into.delete(key);
        return Events.eventBridge(into.content, key, "", SiteBuckets.nextSequencer());
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
    void theAwsFixturesReadAsACreateThenADeleteOfTheKeyAsWritten() throws IOException {
        List<QueuedChange> batch = QueuedChange.fromEvent(dev.galley.tree.TreeReader.readJson(Events.fixture("sqs-fifo-eventbridge.json").toString()), "amzn-s3-demo-bucket1", "");

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
    void aWakeUpOnTheQueueRepublishesItsKeyAsTheBucketHoldsItNow() throws IOException {
        String create = upload("later.md", SiteBuckets.article("Later", "2026-03-01"));
        assertEquals(List.of(), handleBatch(create));
        buckets.delete("later.md");  // no notification: only the wake-up tells the function

        assertEquals(List.of(), handleBatch(WakeEvent.json("later.md", java.time.Instant.parse("2026-03-02T00:00:00Z"))));

        assertFalse(published("later"));
        assertTrue(logs.lines().stream().anyMatch(l -> l.path("key").asText().equals("later.md") && l.path("woken").asBoolean()
                && l.path("outcome").asText().equals("unpublished")), logs.lines().toString());
    }

    @Test
    void aRebuildOnTheQueueReRendersTheSiteAndTheBatchsChangesStillReport() throws IOException {
        String create = upload("kept.md", SiteBuckets.article("Kept", "2026-03-01"));
        assertEquals(List.of(), handleBatch(create));
        buckets.upload("site.yaml", "title: Renamed blog\n");  // its notification is lost: a hand-run rebuild fixes that
        String other = upload("other.md", SiteBuckets.article("Other", "2026-03-02"));

        assertEquals(List.of(), handleBatch(other, "{\"action\":\"rebuild\"}"));

        assertTrue(buckets.siteText("articles/kept/index.html").contains("Renamed blog"));
        assertTrue(published("other"));
        assertEquals("published", buckets.tags("other.md").get("galley-status"));
        assertTrue(logs.lines().stream().anyMatch(l -> l.path("outcome").asText().equals("rebuilt")), logs.lines().toString());
    }

    @Test
    void twoRefreshesInOneBatchWriteThePagesOwedOnceAndNeitherComesBack() throws IOException {
        List<String> asked = new ArrayList<>();
        handler.leavePagesToRefreshesThrough(asked::add);
        assertEquals(List.of(), handleBatch(upload("first.md", SiteBuckets.article("First", "2026-03-01"))));  // a new site: at once
        assertEquals(List.of(), handleBatch(upload("second.md", SiteBuckets.article("Second", "2026-03-02"))));
        assertTrue(published("second"));
        assertFalse(buckets.siteText("index.html").contains("/articles/second/"), "the home page waits for the refresh");
        assertEquals(1, asked.size());

        assertEquals(List.of(), handleBatch(RefreshRequests.BODY, RefreshRequests.BODY));

        assertTrue(buckets.siteText("index.html").contains("/articles/second/"));
        assertEquals(1, asked.size(), "nothing is owed any more");
        assertFalse(buckets.siteText(StatePieces.ROOT).contains("\"owed\""), buckets.siteText(StatePieces.ROOT));
    }

    @Test
    void aRefreshWithAnUploadBehindItLeavesThePagesToTheRefreshTheUploadAsksFor() throws IOException {
        List<String> asked = new ArrayList<>();
        handler.leavePagesToRefreshesThrough(asked::add);
        assertEquals(List.of(), handleBatch(upload("first.md", SiteBuckets.article("First", "2026-03-01"))));
        assertEquals(List.of(), handleBatch(upload("second.md", SiteBuckets.article("Second", "2026-03-02"))));

        assertEquals(List.of(), handleBatch(RefreshRequests.BODY, upload("third.md", SiteBuckets.article("Third", "2026-03-03"))));

        assertFalse(buckets.siteText("index.html").contains("/articles/second/"), "uploads still arriving: the paying waits");
        assertEquals(2, Set.copyOf(asked).size(), "a new refresh, behind the upload");
        assertEquals(List.of(), handleBatch(RefreshRequests.BODY));
        assertTrue(buckets.siteText("index.html").contains("/articles/second/"));
        assertTrue(buckets.siteText("index.html").contains("/articles/third/"));
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
        assertEquals(List.of("skipped", "skipped"), logs.recordLines().stream().map(l -> l.path("outcome").asText()).toList());
    }

    // --- a batch is one commit ---

    private static final String KEPT = """
            ---
            title: "Zero-downtime migrations: moving a live database without losing sleep"
            date: 2026-03-10
            tags: [PostgreSQL, DevOps]
            ---
            Adding a column with a default used to rewrite the whole table.

            ```sql title="migrate_users_table.sql"
            ALTER TABLE users ADD COLUMN email_verified boolean DEFAULT false;
            ```
            """;

    private static String post(String title, String date, String tags, String body) {
        return "---\ntitle: " + title + "\ndate: " + date + "\ntags: [" + tags + "]\n---\n" + body + "\n";
    }

    /** A PNG's signature and header chunk: what Galley checks of an image. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    /** The site the bucket starts with: four articles, published one at a time. */
    private static List<String> seed(SiteBuckets into) {
        return List.of(
                upload(into, "kept.md", KEPT.getBytes(StandardCharsets.UTF_8)),
                upload(into, "edited.md", post("Profiling Go services in production", "2026-02-01", "Go, DevOps",
                        "We run `pprof` behind an authenticated endpoint.").getBytes(StandardCharsets.UTF_8)),
                upload(into, "deleted.md", post("Why we left Kubernetes", "2026-01-15", "DevOps, Architecture",
                        "Three engineers, forty services, one cluster too many.").getBytes(StandardCharsets.UTF_8)),
                upload(into, "renamed.md", post("Rust error handling", "2025-12-01", "Rust",
                        "`anyhow` in binaries, `thiserror` in libraries.").getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * New, edited (twice), deleted, renamed (a new slug: its old URL redirects), rejected, draft, a duplicate URL, an
     * image, and a file named twice: every kind of change, written to the bucket before any is published.
     */
    private static List<String> mixedChanges(SiteBuckets into) {
        byte[] fresh = post("Backpressure in async Rust", "2026-03-20", "Rust, Architecture",
                "A bounded channel is the simplest way to say no. ![queue](diagram.png)").getBytes(StandardCharsets.UTF_8);
        return List.of(
                upload(into, "fresh.md", fresh),
                upload(into, "edited.md", post("Profiling Go services in production", "2026-02-01", "Go, DevOps",
                        "We run `pprof` behind an authenticated endpoint. Edited once.").getBytes(StandardCharsets.UTF_8)),
                delete(into, "deleted.md"),
                upload(into, "fresh-copy.md", post("Backpressure in async Rust, again", "2026-03-21", "Rust", "A copy under the same slug.")
                        .replace("tags: [Rust]\n", "tags: [Rust]\nslug: fresh\n").getBytes(StandardCharsets.UTF_8)),
                upload(into, "broken.md", "---\ntitle: Broken\ndate: someday\n---\nNo date.\n".getBytes(StandardCharsets.UTF_8)),
                upload(into, "renamed.md", post("Rust error handling", "2025-12-01", "Rust",
                        "`anyhow` in binaries, `thiserror` in libraries.").replace("tags: [Rust]\n", "tags: [Rust]\nslug: rust-errors\n")
                        .getBytes(StandardCharsets.UTF_8)),
                upload(into, "diagram.png", PNG),
                upload(into, "draft.md", post("Notes on CRDTs", "2026-03-01", "Architecture", "Unfinished.")
                        .replace("tags:", "draft: true\ntags:").getBytes(StandardCharsets.UTF_8)),
                upload(into, "edited.md", post("Profiling Go services in production", "2026-02-02", "Go, DevOps, Performance",
                        "We run `pprof` behind an authenticated endpoint. Edited twice.").getBytes(StandardCharsets.UTF_8)),
                upload(into, "fresh.md", fresh));
    }

    /**
     * Every object of the site bucket with its bytes; the manifest as its entries without their S3 sequencers, which
     * differ between two buckets, and without its revision, which counts commits.
     */
    private static Map<String, String> siteObjects(SiteBuckets of) {
        Map<String, String> objects = new TreeMap<>();
        for (String path : of.sitePaths("")) {
            // The record of pending writes stays once committed, and records what the last commit changed: one or many.
            if (!path.startsWith(StatePieces.FOLDER) && !path.equals("_galley/pending-writes.json")) {
                objects.put(path, new String(of.siteBytes(path).orElseThrow(), StandardCharsets.UTF_8));
            }
        }
        objects.put(StatePieces.ROOT, of.manifest().entries().values().stream()
                .map(e -> new Manifest.Entry(e.sourceKey(), e.sourceEtag(), "", e.article(), e.formerPaths())).toList().toString());
        return objects;
    }

    /** What each content file's tags tell its author. */
    private static Map<String, Map<String, String>> statuses(SiteBuckets of) {
        Map<String, Map<String, String>> statuses = new TreeMap<>();
        of.s3.listObjectsV2Paginator(r -> r.bucket(of.content)).contents().forEach(object -> statuses.put(object.key(), of.tags(object.key())));
        return statuses;
    }

    @Test
    void aBatchEndsInTheSameSiteAsItsChangesPublishedOneAtATime() throws IOException {
        try (SiteBuckets oneByOne = SiteBuckets.create(S3PROXY.endpoint())) {
            PublishHandler single = new PublishHandler(oneByOne.config, oneByOne.newClient());
            Function<String, String> alone = body -> SiteBuckets.handle(single, Events.queueBatch(List.of(body)), new RecordingContext());
            for (String body : seed(buckets)) {
                assertEquals(List.of(), handleBatch(body));
            }
            seed(oneByOne).forEach(alone::apply);

            assertEquals(List.of(), handleBatch(mixedChanges(buckets).toArray(String[]::new)));
            mixedChanges(oneByOne).forEach(alone::apply);

            Map<String, String> batched = siteObjects(buckets);
            Map<String, String> expected = siteObjects(oneByOne);
            assertEquals(expected.keySet(), batched.keySet());
            expected.forEach((path, bytes) -> assertEquals(bytes, batched.get(path), path));
            assertEquals(statuses(oneByOne), statuses(buckets));
            // The mix did what it says, so the comparison above compares something.
            assertTrue(batched.containsKey("articles/fresh/index.html") && batched.containsKey("media/diagram.png"), batched.keySet().toString());
            assertTrue(batched.get("articles/edited/index.html").contains("Edited twice."));
            assertFalse(batched.containsKey("articles/deleted/index.html"));
            assertTrue(batched.containsKey("articles/rust-errors/index.html"));
            assertEquals("rejected", buckets.tags("fresh-copy.md").get("galley-status"), "the URL is fresh.md's, the first to claim it");
            assertEquals("rejected", buckets.tags("broken.md").get("galley-status"));
            assertEquals("draft", buckets.tags("draft.md").get("galley-status"));
        }
    }

    @Test
    void aBatchIsOneCommitOfTheManifestAndOneLogLine() throws IOException {
        for (String body : seed(buckets)) {
            handleBatch(body);
        }
        long revision = buckets.manifest().revision();
        manifestWrites.set(0);
        int batchesBefore = logs.batchLines().size();
        int recordsBefore = logs.recordLines().size();

        assertEquals(List.of(), handleBatch(mixedChanges(buckets).toArray(String[]::new)));

        assertEquals(1, manifestWrites.get(), "the manifest is written once for the batch");
        assertEquals(revision + 1, buckets.manifest().revision());
        List<JsonNode> batches = logs.batchLines().subList(batchesBefore, logs.batchLines().size());
        assertEquals(1, batches.size(), logs.lines().toString());
        assertEquals(10, batches.get(0).path("records").asInt());
        assertEquals(8, batches.get(0).path("keys").asInt(), "fresh.md and edited.md are each named twice");
        assertEquals(1, batches.get(0).path("commits").asInt());
        assertEquals(10, logs.recordLines().size() - recordsBefore, "one line per record");
    }

    @Test
    void aRetryableFailureMidBatchHandsBackExactlyTheRecordsNotCommitted() throws IOException {
        String first = upload("first.md", SiteBuckets.article("First", "2026-03-01"));
        String second = upload("second.md", SiteBuckets.article("Second", "2026-03-02"));
        String third = upload("third.md", SiteBuckets.article("Third", "2026-03-03"));
        String firstAgain = upload("first.md", SiteBuckets.article("First, edited", "2026-03-01"));
        unreachable.add("third.md");

        assertEquals(List.of("m-3", "m-4"), handleBatch(first, second, third, firstAgain));

        assertEquals(1, manifestWrites.get(), "first and second are one commit");
        assertTrue(published("first") && published("second"));
        assertTrue(buckets.siteText("articles/first/index.html").contains("First, edited"), "a sync publishes what the file holds now");
        assertFalse(published("third"));
        unreachable.clear();
        assertEquals(List.of(), handleBatch(third, firstAgain));
        assertTrue(published("third"));
    }

    @Test
    void aCommitThatFailsHandsBackTheWholeBatchAndItsRedeliveryFinishesIt() throws IOException {
        String first = upload("first.md", SiteBuckets.article("First", "2026-03-01"));
        String second = upload("second.md", SiteBuckets.article("Second", "2026-03-02"));
        unwritable.add(StatePieces.ROOT);

        assertEquals(List.of("m-1", "m-2"), handleBatch(first, second));

        // The commit comes last: the pages were written, an index page links only pages that exist, and nothing is
        // committed, so the delivery again redoes every write.
        assertEquals(List.of(), buckets.sitePaths(StatePieces.ROOT), "nothing is committed");
        for (String slug : buckets.siteBytes("index.html").map(SiteBuckets::linkedArticles).orElse(Set.of())) {
            assertTrue(published(slug), "the home page links " + slug + ", which has no page");
        }
        assertFalse(buckets.tags("first.md").containsKey("galley-status"), "no status before the commit");
        unwritable.clear();
        assertEquals(List.of(), handleBatch(first, second));
        assertEquals(Set.of("first", "second"), SiteBuckets.linkedArticles(buckets.siteBytes("index.html").orElseThrow()));
    }
}
