package dev.galley.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class LambdaStyleDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void everyEventIsDeliveredOnceWithoutDuplicatesOrFailures() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        try (LambdaStyleDelivery delivery = LambdaStyleDelivery.builder(handled::add).build()) {
            for (int i = 0; i < 50; i++) {
                delivery.accept("event-" + i);
            }

            assertTrue(delivery.awaitQuiescence(WAIT));
            assertEquals(50, handled.size());
            DeliveryStats stats = delivery.stats();
            assertEquals(50, stats.received());
            assertEquals(50, stats.delivered());
            assertEquals(0, stats.duplicates());
            assertEquals(0, stats.failures());
            assertEquals(0, stats.retries());
            assertTrue(stats.failedEvents().isEmpty());
        }
    }

    @Test
    void duplicatesArriveAtTheConfiguredRate() throws Exception {
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        try (LambdaStyleDelivery delivery = LambdaStyleDelivery
                .builder(event -> counts.computeIfAbsent(event, e -> new AtomicInteger()).incrementAndGet())
                .duplicateProbability(0.3).seed(7).threads(8).build()) {
            for (int i = 0; i < 1000; i++) {
                delivery.accept("event-" + i);
            }

            assertTrue(delivery.awaitQuiescence(WAIT));
            DeliveryStats stats = delivery.stats();
            long twice = counts.values().stream().filter(c -> c.get() == 2).count();
            assertEquals(1000, counts.size());
            assertEquals(stats.duplicates(), twice);
            assertEquals(1000 + stats.duplicates(), stats.delivered());
            assertTrue(twice > 240 && twice < 360, "duplicates: " + twice);
        }
    }

    @Test
    void randomDelaysReorderEvents() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        try (LambdaStyleDelivery delivery = LambdaStyleDelivery
                .builder(event -> order.add(Integer.parseInt(event)))
                .maxDelay(Duration.ofMillis(50)).threads(4).seed(3).build()) {
            List<Integer> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                sent.add(i);
                delivery.accept(Integer.toString(i));
            }

            assertTrue(delivery.awaitQuiescence(WAIT));
            assertEquals(40, order.size());
            assertNotEquals(sent, order);
        }
    }

    @Test
    void aHandlerThatFailsOnceIsRetriedAndSucceeds() throws Exception {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        try (LambdaStyleDelivery delivery = LambdaStyleDelivery.builder(event -> {
            if (attempts.computeIfAbsent(event, e -> new AtomicInteger()).incrementAndGet() == 1) {
                throw new IllegalStateException("cold start hiccup");
            }
        }).retryBackoff(Duration.ofMillis(10)).build()) {
            delivery.accept("flaky");

            assertTrue(delivery.awaitQuiescence(WAIT));
            DeliveryStats stats = delivery.stats();
            assertEquals(2, attempts.get("flaky").get());
            assertEquals(1, stats.delivered());
            assertEquals(1, stats.failures());
            assertEquals(1, stats.retries());
            assertTrue(stats.failedEvents().isEmpty());
        }
    }

    @Test
    void anEventThatAlwaysFailsIsTriedThreeTimesThenListedAsFailed() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (LambdaStyleDelivery delivery = LambdaStyleDelivery.builder(event -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("broken template");
        }).retryBackoff(Duration.ofMillis(10)).build()) {
            delivery.accept("poison");

            assertTrue(delivery.awaitQuiescence(WAIT));
            DeliveryStats stats = delivery.stats();
            assertEquals(3, attempts.get());
            assertEquals(0, stats.delivered());
            assertEquals(3, stats.failures());
            assertEquals(2, stats.retries());
            assertEquals(1, stats.failedEvents().size());
            DeliveryStats.FailedEvent failed = stats.failedEvents().get(0);
            assertEquals("poison", failed.eventJson());
            assertEquals(3, failed.attempts());
            assertEquals("broken template", failed.lastError().getMessage());
        }
    }

    @Test
    void awaitQuiescenceTimesOutWhileAHandlerIsStillRunning() throws Exception {
        try (LambdaStyleDelivery delivery = LambdaStyleDelivery.builder(event -> Thread.sleep(500)).build()) {
            delivery.accept("slow");
            assertEquals(false, delivery.awaitQuiescence(Duration.ofMillis(50)));
            assertTrue(delivery.awaitQuiescence(WAIT));
        }
    }

    @Test
    void emulatorNotificationsReachTheHandler() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        try (LambdaStyleDelivery delivery = LambdaStyleDelivery.builder(handled::add).build();
                EmbeddedS3 s3 = EmbeddedS3.builder().inMemory().notifications(delivery).build().start();
                S3Client client = S3Clients.standard(s3)) {
            s3.createBucket("content");
            s3.enableNotifications("content");

            client.putObject(b -> b.bucket("content").key("posts/a.md"), RequestBody.fromString("# A"));

            assertTrue(delivery.awaitQuiescence(WAIT));
            assertEquals(1, handled.size());
            assertTrue(handled.get(0).contains("\"eventName\":\"ObjectCreated:Put\""));
        }
    }
}
