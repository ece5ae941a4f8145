package dev.galley.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.galley.aws.s3.S3Failure;
import dev.galley.aws.s3.S3Observer;
import dev.galley.publish.AuthorHistory;
import dev.galley.publish.AuthorHistory.Operation;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The property of {@code SiteFromTheBucketProperties}, over S3 and through the handler: random author histories on a
 * versioned bucket of moto_server, their notifications delivered through queue batches shuffled and twice, while
 * one attempt in two meets a failed S3 request (before it is sent, or after it took effect with its answer
 * lost), the handed-back records redelivered as SQS does, after the author's next operations. The settled site and
 * status tags are what a queued full re-render of the final bucket makes of it. Fewer histories than in memory: each
 * costs a few seconds.
 */
class SiteFromTheBucketOverS3Properties {

    private static final int HISTORIES = Integer.getInteger("galley.s3.histories", 10);
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestS3 MOTO = TestS3.moto();

    static LongStream seeds() {
        return LongStream.range(0, HISTORIES);
    }

    @ParameterizedTest(name = "history {0}")
    @MethodSource("seeds")
    void theSettledSiteIsWhatAFullReRenderOfTheBucketMakesDespiteFaults(long seed) throws IOException {
        AuthorHistory.assertSettlesAsAReRender(AuthorHistory.random(new Random(seed), 10), history -> differenceFromAReRender(history, seed));
    }

    /** Plays the history with faults on; what a full re-render then changes, or null. */
    private static String differenceFromAReRender(List<Operation> history, long seed) {
        try (SiteBuckets buckets = SiteBuckets.create(MOTO.endpoint())) {
            buckets.s3.putBucketVersioning(r -> r.bucket(buckets.content).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            Faults faults = new Faults(new Random(seed * 17 + 3));
            PublishHandler handler = new PublishHandler(buckets.config, buckets.newClient(faults));
            Random delivery = new Random(seed * 31 + 7);
            AuthorHistory.Bucket bucket = new AuthorHistory.Bucket() {
                @Override
                public void put(String key, String text) {
                    buckets.upload(key, text);
                }

                @Override
                public void delete(String key) {
                    buckets.delete(key);
                }
            };
            List<String> undelivered = new ArrayList<>();
            for (Operation operation : history) {
                operation.applyTo(bucket);
                undelivered.add(notification(buckets, operation.key()));
                if (delivery.nextInt(3) == 0) {
                    deliver(handler, undelivered, delivery, faults);
                }
            }
            for (int round = 0; !undelivered.isEmpty(); round++) {
                assertTrue(round < 20, "records handed back 20 times: " + undelivered);
                deliver(handler, undelivered, delivery, faults);
            }
            Map<String, String> settled = siteObjects(buckets);
            Map<String, Map<String, String>> settledTags = statusTags(buckets);

            assertEquals(List.of(), handedBack(handler, List.of("{\"action\":\"rebuild\"}")), "the re-render failed");

            Map<String, String> rebuilt = siteObjects(buckets);
            if (!settled.keySet().equals(rebuilt.keySet())) {
                return "the site's files " + settled.keySet() + " differ from a full re-render's " + rebuilt.keySet();
            }
            for (String path : settled.keySet()) {
                if (!settled.get(path).equals(rebuilt.get(path))) {
                    return path + " differs from a full re-render's";
                }
            }
            Map<String, Map<String, String>> rebuiltTags = statusTags(buckets);
            return settledTags.equals(rebuiltTags) ? null : "the status tags " + settledTags + " differ from a full re-render's " + rebuiltTags;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The notification S3 sends through EventBridge for what the key now holds. */
    private static String notification(SiteBuckets buckets, String key) {
        String etag;
        try {
            etag = buckets.s3.headObject(r -> r.bucket(buckets.content).key(key)).eTag().replace("\"", "");
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException gone) {
            etag = "";
        }
        return Events.eventBridge(buckets.content, key, etag, SiteBuckets.nextSequencer());
    }

    /**
     * Delivers in shuffled batches; {@code sent} is left holding the records handed back, which SQS delivers again,
     * here after the author's next operations (a batch whose commit failed, then the file deleted, say).
     */
    private static void deliver(PublishHandler handler, List<String> sent, Random random, Faults faults) throws IOException {
        List<String> again = new ArrayList<>();
        for (List<String> batch : AuthorHistory.deliveries(sent, random)) {
            faults.on();
            List<String> failed = handedBack(handler, batch);
            faults.off();
            for (int i = 0; i < batch.size(); i++) {
                if (failed.contains("m-" + (i + 1))) {
                    again.add(batch.get(i));
                }
            }
        }
        sent.clear();
        sent.addAll(again);
    }

    private static List<String> handedBack(PublishHandler handler, List<String> bodies) throws IOException {
        JsonNode response = JSON.readTree(SiteBuckets.handle(handler, Events.queueBatch(bodies), new RecordingContext()));
        List<String> ids = new ArrayList<>();
        response.path("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
        return ids;
    }

    /** What readers can be served: not Galley's own state under {@code _galley/}. */
    private static Map<String, String> siteObjects(SiteBuckets buckets) {
        Map<String, String> all = new TreeMap<>();
        for (String path : buckets.sitePaths("")) {
            if (!path.startsWith("_galley/")) {
                all.put(path, buckets.siteBytes(path).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("(gone)"));
            }
        }
        return all;
    }

    private static Map<String, Map<String, String>> statusTags(SiteBuckets buckets) {
        Map<String, Map<String, String>> all = new TreeMap<>();
        buckets.contentFiles().keySet().forEach(key -> all.put(key, new TreeMap<>(buckets.tags(key))));
        return all;
    }

    /**
     * While on, one attempt in two meets one failed request, the first to thirtieth it makes: half fail before being
     * sent, half after taking effect with their answer lost. Several faults an attempt would leave a re-render of
     * the site (a hundred requests and more) failing every time.
     */
    private static final class Faults implements S3Observer {
        /** The attempts sent that are to fail once their answer is in. */
        private final Set<S3Exchange> failAfter = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        private final Random random;
        private int requestsLeft;
        private boolean after;

        Faults(Random random) {
            this.random = random;
        }

        synchronized void on() {
            requestsLeft = random.nextBoolean() ? 1 + random.nextInt(30) : 0;
            after = random.nextBoolean();
        }

        synchronized void off() {
            requestsLeft = 0;
        }

        private synchronized boolean failsNow() {
            return requestsLeft > 0 && --requestsLeft == 0;
        }

        @Override
        public void sending(S3Exchange exchange) {
            if (failsNow()) {
                if (!after) {
                    throw S3Failure.unanswered("connection reset before sending (injected)", null);
                }
                failAfter.add(exchange);
            }
        }

        @Override
        public void received(S3Exchange exchange, int status, long bodyBytes) {
            if (failAfter.remove(exchange)) {
                throw S3Failure.unanswered("connection reset after the request took effect (injected)", null);
            }
        }
    }
}
