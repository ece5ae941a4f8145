package dev.galley.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A re-render fanned out as the state machine runs it: the writer starts it from a queued {@code {"action":"rebuild"}},
 * {@link RebuildStepHandler} takes each step from the events the state machine sends, chunks concurrently, and the
 * commit comes back to the writer through its queue. Over S3Proxy, and over moto where it is installed.
 */
class FannedOutRebuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestS3 S3PROXY = TestS3.s3proxy();
    @RegisterExtension
    static final TestS3 MOTO = TestS3.moto();

    @Test
    void aFannedOutReRenderOverS3ProxyWritesWhatOnePassWrites() throws IOException {
        fansOutToWhatOnePassWrites(S3PROXY.endpoint());
    }

    @Test
    void aFannedOutReRenderOverMotoWritesWhatOnePassWrites() throws Exception {
        fansOutToWhatOnePassWrites(MOTO.endpoint());
    }

    private static void fansOutToWhatOnePassWrites(S3Endpoint endpoint) throws IOException {
        try (SiteBuckets buckets = SiteBuckets.create(endpoint)) {
            buckets.upload("site.yaml", "title: Field notes\npageSize: 2\n");
            buckets.upload("posts/zero-downtime.md", SiteBuckets.article("Zero-downtime migrations", "2026-01-05", "tags: [PostgreSQL, DevOps]"));
            buckets.upload("posts/checklist.md", SiteBuckets.article("A release checklist", "2026-01-07", "tags: [DevOps]"));
            buckets.upload("posts/twin-a.md", SiteBuckets.article("Twin from A", "2026-01-09", "slug: twin"));
            buckets.upload("posts/twin-b.md", SiteBuckets.article("Twin from B", "2026-01-08", "slug: twin"));
            buckets.upload("posts/wip.md", SiteBuckets.article("Work in progress", "2026-01-10", "draft: true"));
            buckets.upload("posts/rust.md", SiteBuckets.article("Rust in production", "2026-01-02", "tags: [Rust]"));
            buckets.upload("posts/broken.md", "---\ntitle: Broken\ndate: someday\n---\nNo date.\n");
            RecordingContext logs = new RecordingContext();
            PublishHandler writer = buckets.newHandler();
            List<String> started = new CopyOnWriteArrayList<>();
            writer.fanOutThrough(started::add);

            JsonNode queued = JSON.readTree(SiteBuckets.handle(writer, Events.queueBatch(List.of("{\"action\":\"rebuild\"}")), logs));
            assertEquals(0, queued.path("batchItemFailures").size());
            assertEquals(1, started.size(), "the writer starts the state machine");
            assertEquals(List.of(), buckets.sitePaths("articles/"), "and renders nothing itself");
            String run = started.get(0);

            JsonNode plan = step(buckets, JSON.createObjectNode().put("step", "plan").put("run", run).put("chunkSize", 3));
            assertEquals(buckets.site, plan.path("bucket").asText());
            // The Distributed Map's ItemReader reads this array; its ItemSelector adds the step and the run.
            JsonNode chunks = JSON.readTree(buckets.siteBytes(plan.path("chunks").asText()).orElseThrow());
            assertEquals(3, chunks.size(), "7 articles in chunks of 3");
            for (String step : List.of("read", "render")) {
                List<ObjectNode> items = new ArrayList<>();
                chunks.forEach(chunk -> items.add(((ObjectNode) chunk.deepCopy()).put("step", step).put("run", run)));
                items.parallelStream().forEach(item -> step(buckets, item));
                if (step.equals("read")) {
                    step(buckets, JSON.createObjectNode().put("step", "list").put("run", run));
                }
            }
            indexParts(buckets, plan, run);
            // An edit while the chunks rendered: the commit publishes it as it is now.
            buckets.upload("posts/checklist.md", SiteBuckets.article("The release checklist, revised", "2026-01-01", "tags: [Ops]"));
            JsonNode commit = JSON.readTree(SiteBuckets.handle(writer,
                    Events.queueBatch(List.of("{\"action\":\"commit-rebuild\",\"run\":\"" + run + "\"}")), logs));

            assertEquals(0, commit.path("batchItemFailures").size(), logs.lines().toString());
            assertEquals(List.of(), buckets.sitePaths("_galley/rebuild/"), "the commit removes the run's records");
            assertTrue(buckets.siteText("articles/checklist/index.html").contains("The release checklist, revised"));
            assertTrue(buckets.siteText("articles/twin/index.html").contains("Twin from B"), "the earlier date owns the URL");
            Map<String, String> fannedOut = served(buckets);
            JsonNode onePass = JSON.readTree(SiteBuckets.handle(buckets.newHandler(), "{\"action\":\"rebuild\"}", logs));
            assertEquals(0, onePass.path("filesWritten").asInt() + onePass.path("pagesRemoved").asInt(),
                    "a one-pass re-render of the same bucket changes nothing: " + onePass);
            assertEquals(fannedOut, served(buckets));
            assertEquals("rejected", buckets.tags("posts/broken.md").get("galley-status"));
        }
    }

    @Test
    void aSiteConfigUploadFansOutAndArticlesUploadedMeanwhileArePublishedInOrder() throws IOException {
        try (SiteBuckets buckets = SiteBuckets.create(S3PROXY.endpoint())) {
            buckets.upload("site.yaml", "title: Field notes\npageSize: 2\n");
            buckets.upload("posts/zero-downtime.md", SiteBuckets.article("Zero-downtime migrations", "2026-01-05", "tags: [PostgreSQL, DevOps]"));
            buckets.upload("posts/checklist.md", SiteBuckets.article("A release checklist", "2026-01-07", "tags: [DevOps]"));
            buckets.upload("posts/rust.md", SiteBuckets.article("Rust in production", "2026-01-02", "tags: [Rust]"));
            RecordingContext logs = new RecordingContext();
            PublishHandler writer = buckets.newHandler();
            SiteBuckets.handle(writer, "{\"action\":\"rebuild\"}", logs);
            List<String> started = new CopyOnWriteArrayList<>();
            writer.fanOutThrough(started::add);

            // A new site.yaml and an article in one batch: the re-render is started, the article published at once.
            JsonNode batch = JSON.readTree(SiteBuckets.handle(writer, Events.queueBatch(List.of(
                    uploaded(buckets, "site.yaml", "title: Notes from the field\npageSize: 2\npermalink: /:year/:slug/\n"),
                    uploaded(buckets, "posts/backpressure.md", SiteBuckets.article("Backpressure in async Rust", "2026-01-09", "tags: [Rust]")))), logs));

            assertEquals(0, batch.path("batchItemFailures").size(), logs.lines().toString());
            assertEquals(1, started.size(), "the writer starts the state machine and renders nothing of the site itself");
            assertTrue(logs.lines().stream().anyMatch(l -> l.path("outcome").asText().equals("rebuild-started")), logs.lines().toString());
            assertTrue(buckets.siteText("articles/rust/index.html").contains("Field notes"), "the site is not re-rendered in the batch");
            assertTrue(buckets.siteBytes("2026/backpressure/index.html").isPresent(), "the article after site.yaml is published");
            String run = started.get(0);
            JsonNode plan = step(buckets, JSON.createObjectNode().put("step", "plan").put("run", run).put("chunkSize", 2));
            JsonNode chunks = JSON.readTree(buckets.siteBytes(plan.path("chunks").asText()).orElseThrow());
            for (String step : List.of("read", "render")) {
                List<ObjectNode> items = new ArrayList<>();
                chunks.forEach(chunk -> items.add(((ObjectNode) chunk.deepCopy()).put("step", step).put("run", run)));
                items.parallelStream().forEach(item -> step(buckets, item));
                if (step.equals("read")) {
                    step(buckets, JSON.createObjectNode().put("step", "list").put("run", run));
                }
            }
            indexParts(buckets, plan, run);
            // Uploaded once the index parts are written: published in its turn, and kept by the commit, which writes
            // the index pages again (this batch's may show the state before the re-render).
            JsonNode meanwhile = JSON.readTree(SiteBuckets.handle(writer, Events.queueBatch(List.of(
                    uploaded(buckets, "posts/bounded.md", SiteBuckets.article("Bounded queues", "2026-01-11", "tags: [Rust]")))), logs));
            assertEquals(0, meanwhile.path("batchItemFailures").size(), logs.lines().toString());
            assertTrue(buckets.siteBytes("2026/bounded/index.html").isPresent());

            JsonNode commit = JSON.readTree(SiteBuckets.handle(writer,
                    Events.queueBatch(List.of("{\"action\":\"commit-rebuild\",\"run\":\"" + run + "\"}")), logs));

            assertEquals(0, commit.path("batchItemFailures").size(), logs.lines().toString());
            assertTrue(buckets.siteText("2026/rust/index.html").contains("Notes from the field"));
            assertTrue(buckets.siteText("articles/rust/index.html").contains("/2026/rust/"), "the old URL leads to the new one");
            assertEquals("published", buckets.tags("site.yaml").get("galley-status"), "the author learns at the commit");
            Map<String, String> fannedOut = served(buckets);
            JsonNode onePass = JSON.readTree(SiteBuckets.handle(buckets.newHandler(), "{\"action\":\"rebuild\"}", logs));
            assertEquals(0, onePass.path("filesWritten").asInt() + onePass.path("pagesRemoved").asInt(),
                    "a one-pass re-render of the same bucket changes nothing: " + onePass);
            assertEquals(fannedOut, served(buckets));
        }
    }

    @Test
    void aBrokenSiteConfigIsRejectedAtOnceAndStartsNoReRender() throws IOException {
        try (SiteBuckets buckets = SiteBuckets.create(S3PROXY.endpoint())) {
            PublishHandler writer = buckets.newHandler();
            List<String> started = new CopyOnWriteArrayList<>();
            writer.fanOutThrough(started::add);
            RecordingContext logs = new RecordingContext();

            JsonNode batch = JSON.readTree(SiteBuckets.handle(writer, Events.queueBatch(List.of(
                    uploaded(buckets, "site.yaml", "title: [Field notes\n"))), logs));

            assertEquals(0, batch.path("batchItemFailures").size());
            assertEquals(List.of(), started);
            assertEquals("rejected", buckets.tags("site.yaml").get("galley-status"));
            assertTrue(logs.lines().stream().anyMatch(line -> line.path("siteConfigRejected").asBoolean()), logs.lines().toString());
        }
    }

    /** Uploads like an author; the EventBridge event S3 sends for it, as the queue delivers it. */
    private static String uploaded(SiteBuckets buckets, String key, String text) {
        buckets.upload(key, text);
        String etag = buckets.s3.headObject(r -> r.bucket(buckets.content).key(key)).eTag().replace("\"", "");
        return Events.eventBridge(buckets.content, key, etag, SiteBuckets.nextSequencer());
    }

    @Test
    void aCommitOfAnUnknownRunIsHandedBackAlone() throws IOException {
        try (SiteBuckets buckets = SiteBuckets.create(S3PROXY.endpoint())) {
            buckets.upload("posts/a.md", SiteBuckets.article("A", "2026-01-01"));
            String etag = buckets.s3.headObject(r -> r.bucket(buckets.content).key("posts/a.md")).eTag().replace("\"", "");
            JsonNode result = JSON.readTree(SiteBuckets.handle(buckets.newHandler(), Events.queueBatch(List.of(
                    "{\"action\":\"commit-rebuild\",\"run\":\"never-planned\"}",
                    Events.eventBridge(buckets.content, "posts/a.md", etag, SiteBuckets.nextSequencer()))), new RecordingContext()));
            assertEquals(List.of("m-1"), result.path("batchItemFailures").findValuesAsText("itemIdentifier"));
            assertTrue(buckets.siteBytes("articles/a/index.html").isPresent(), "the batch's other records go on");
        }
    }

    @Test
    void theStarterStartsOneExecutionNamedForTheRunInStepFunctions() throws Exception {
        S3Endpoint moto = MOTO.endpoint();
        try (SfnClient sfn = SfnClients.create(moto.region(), moto.credentials(), Optional.of(moto.uri()))) {
            String arn = sfn.createStateMachine(r -> r.name("galley-rebuild").roleArn("arn:aws:iam::123456789012:role/galley-rebuild")
                    .definition("{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}")).stateMachineArn();
            RebuildStarter starter = RebuildStarter.stepFunctions(arn, () -> SfnClients.create(moto.region(), moto.credentials(), Optional.of(moto.uri())));

            starter.start("rebuild-4a7c");

            List<ExecutionListItem> executions = sfn.listExecutions(r -> r.stateMachineArn(arn)).executions();
            assertEquals(List.of("rebuild-4a7c"), executions.stream().map(ExecutionListItem::name).toList());
            String input = sfn.describeExecution(r -> r.executionArn(executions.get(0).executionArn())).input();
            assertEquals("rebuild-4a7c", JSON.readTree(input).path("run").asText());
        }
    }

    /** The index map: its ItemReader reads the plan's list of parts, its ItemSelector adds the step and the run. */
    private static void indexParts(SiteBuckets buckets, JsonNode plan, String run) throws java.io.IOException {
        JsonNode parts = JSON.readTree(buckets.siteBytes(plan.path("indexParts").asText()).orElseThrow());
        assertTrue(parts.size() >= 1, parts.toString());
        List<ObjectNode> items = new ArrayList<>();
        parts.forEach(part -> items.add(((ObjectNode) part.deepCopy()).put("step", "index").put("run", run)));
        items.parallelStream().forEach(item -> step(buckets, item));
    }

    private static JsonNode step(SiteBuckets buckets, ObjectNode event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new RebuildStepHandler(buckets.newHandler()).handleRequest(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)), out,
                    new RecordingContext());
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every object a reader can be served, with its bytes. */
    private static Map<String, String> served(SiteBuckets buckets) {
        Map<String, String> all = new TreeMap<>();
        buckets.sitePaths("").stream().filter(path -> !path.startsWith("_galley/"))
                .forEach(path -> all.put(path, new String(buckets.siteBytes(path).orElseThrow(), StandardCharsets.UTF_8)));
        return all;
    }
}
