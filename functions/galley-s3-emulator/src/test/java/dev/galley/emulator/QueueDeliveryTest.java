package dev.galley.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 writes through the queue delivery, as the deployed stack delivers them: EventBridge-shaped events on a FIFO
 * queue, handed over in ordered batches, failed records retried after the visibility timeout, and a record that
 * keeps failing moved to the dead-letter queue. Subclasses choose the SQS server.
 */
abstract class QueueDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every record handed to the function, in the order of the invocations. */
    private final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    /** The keys of the records the function handled (did not hand back), in order. */
    private final List<String> handled = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
    /** Keys whose records the function cannot read: handed back alone, every time, as Galley's handler does. */
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
    private EmbeddedS3 s3;
    private S3Client client;
    private QueueDelivery delivery;

    protected abstract URI sqsEndpoint();

    /**
     * Starts S3 whose notifications go to a queue delivery. The function fails a record whose key has failures left
     * in {@link #failuresLeft} and, as Galley's handler does on a FIFO queue, hands back every later record with it;
     * a record of an {@link #unreadable} key is handed back alone.
     */
    private void start(int maxReceiveCount) {
        delivery = QueueDelivery.builder(this::handle, sqsEndpoint()).visibilityTimeout(Duration.ofSeconds(1))
                .maxReceiveCount(maxReceiveCount).build();
        s3 = EmbeddedS3.builder().inMemory().notifications(delivery).build();
        s3.enableNotifications("content");
        s3.start();
        s3.createBucket("content");
        client = S3Clients.standard(s3);
    }

    private String handle(String event) throws Exception {
        JsonNode records = JSON.readTree(event).path("Records");
        batchSizes.add(records.size());
        ObjectNode response = JSON.createObjectNode();
        var failures = response.putArray("batchItemFailures");
        boolean failing = false;
        for (JsonNode record : records) {
            received.add(record);
            String key = JSON.readTree(record.path("body").asText()).path("detail").path("object").path("key").asText();
            failing = failing || failuresLeft.getOrDefault(key, 0) > 0;
            if (unreadable.contains(key)) {
                failures.addObject().put("itemIdentifier", record.path("messageId").asText());
            } else if (failing) {
                failuresLeft.computeIfPresent(key, (k, left) -> left - 1);
                failures.addObject().put("itemIdentifier", record.path("messageId").asText());
            } else {
                handled.add(key);
            }
        }
        return response.toString();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (delivery != null) {
            delivery.close();
        }
    }

    private void put(String key) {
        client.putObject(b -> b.bucket("content").key(key), RequestBody.fromString("# " + key));
    }

    private void settle() throws InterruptedException {
        assertTrue(delivery.awaitQuiescence(Duration.ofSeconds(60)), "the queue did not drain: " + delivery.stats());
    }

    /**
     * The dead-letter queue's depth once it holds a message, or 0 after the timeout. moto takes the message off the
     * source queue a moment before it adds it to the dead-letter queue, so right after quiescence it can be in neither.
     */
    private long deadLetteredWithin(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count;
        while ((count = delivery.stats().deadLettered()) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return count;
    }

    private static JsonNode body(JsonNode record) {
        try {
            return JSON.readTree(record.path("body").asText());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> receivedKeys(Predicate<JsonNode> which) {
        synchronized (received) {
            return received.stream().map(QueueDeliveryTest::body).filter(which)
                    .map(b -> b.path("detail").path("object").path("key").asText()).toList();
        }
    }

    @Test
    void writesArriveAsEventBridgeEventsInBatchesOfAtMostTenInTheOrderTheyWereMade() throws Exception {
        start(5);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            keys.add(String.format("post %02d+c++.md", i));
            put(keys.get(i));
        }
        client.deleteObject(b -> b.bucket("content").key(keys.get(0)));
        settle();

        List<String> expected = new ArrayList<>(keys);
        expected.add(keys.get(0));
        assertEquals(expected, receivedKeys(b -> true), "one message per write, in order, the key as written");
        assertTrue(batchSizes.stream().allMatch(n -> n >= 1 && n <= 10), batchSizes.toString());
        JsonNode first = received.get(0);
        assertEquals("aws:sqs", first.path("eventSource").asText());
        assertEquals(QueueDelivery.MESSAGE_GROUP, first.path("attributes").path("MessageGroupId").asText());
        JsonNode created = body(first);
        assertEquals("Object Created", created.path("detail-type").asText());
        assertEquals("aws.s3", created.path("source").asText());
        assertEquals("content", created.path("detail").path("bucket").path("name").asText());
        assertEquals("PutObject", created.path("detail").path("reason").asText());
        assertTrue(created.path("detail").path("object").path("etag").asText().matches("[0-9a-f]{32}"), created.toString());
        JsonNode deleted = body(received.get(received.size() - 1));
        assertEquals("Object Deleted", deleted.path("detail-type").asText());
        assertEquals("DeleteObject", deleted.path("detail").path("reason").asText());
        assertEquals(new QueueStats(26, batchSizes.size(), 0, 0, 26, 0), delivery.stats());
    }

    @Test
    void aRecordHandedBackComesBackAndNothingHandledIsHandledAgain() throws Exception {
        start(5);
        failuresLeft.put("b.md", 1);
        for (String key : List.of("a.md", "b.md", "c.md")) {
            put(key);
        }
        settle();

        Map<String, Integer> deliveries = new TreeMap<>();
        receivedKeys(b -> true).forEach(k -> deliveries.merge(k, 1, Integer::sum));
        assertEquals(1, deliveries.get("a.md"));
        assertEquals(2, deliveries.get("b.md"));
        assertEquals(Set.of("a.md", "b.md", "c.md"), Set.copyOf(handled));
        assertEquals(3, handled.size(), "each record handled once: " + handled);
        assertEquals(0, delivery.stats().deadLettered());
    }

    @Test
    void aLaterRecordOfTheGroupWaitsUntilTheEarlierOneHandedBackIsDone() throws Exception {
        start(5);
        failuresLeft.put("b.md", 1);
        for (String key : List.of("a.md", "b.md", "c.md")) {
            put(key);
        }
        settle();

        assertEquals(List.of("a.md", "b.md", "c.md"), handled, "handled in the order written, the retry included");
        List<String> order = receivedKeys(b -> true);
        JsonNode retry = received.get(order.lastIndexOf("b.md"));
        assertEquals("2", retry.path("attributes").path("ApproximateReceiveCount").asText());
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterQueueAfterMaxReceiveCountAndTheRestIsPublished() throws Exception {
        start(2);
        unreadable.add("poison.md");
        for (String key : List.of("before.md", "poison.md", "after.md")) {
            put(key);
        }
        settle();

        List<String> poisonReceiveCounts;
        synchronized (received) {
            poisonReceiveCounts = received.stream()
                    .filter(r -> body(r).path("detail").path("object").path("key").asText().equals("poison.md"))
                    .map(r -> r.path("attributes").path("ApproximateReceiveCount").asText()).toList();
        }
        // The queue counts a receive whose answer never reached the poller (moto at load 15 to 40, once in 36 runs:
        // the function saw receive 1, moto moved the message at 2), as AWS may: the function sees the record at most
        // maxReceiveCount times, each time with the queue's own count.
        assertTrue(List.of(List.of("1", "2"), List.of("1"), List.of("2")).contains(poisonReceiveCounts),
                "received at most maxReceiveCount times, then moved: " + poisonReceiveCounts);
        assertEquals(List.of("before.md", "after.md"), handled, "the record after the poison one is published once it is gone");
        assertEquals(1, deadLetteredWithin(Duration.ofSeconds(10)));
        List<String> dead = delivery.deadLetters();
        assertEquals(1, dead.size());
        assertEquals("poison.md", JSON.readTree(dead.get(0)).path("detail").path("object").path("key").asText());
    }
}
