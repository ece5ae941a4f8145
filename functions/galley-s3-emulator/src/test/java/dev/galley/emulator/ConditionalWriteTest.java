package dev.galley.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** If-Match and If-None-Match on PutObject behave as on S3: atomically, one winner per race. */
class ConditionalWriteTest {

    private static final int RACERS = 32;

    private static EmbeddedS3 s3;
    private static S3Client client;

    @BeforeAll
    static void start() {
        s3 = EmbeddedS3.builder().inMemory().build().start();
        s3.createBucket("cas");
        client = S3Clients.builder(s3)
                .overrideConfiguration(o -> o.retryStrategy(
                        software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        s3.close();
    }

    @Test
    void conditionalPutWithCurrentEtagSucceeds() {
        String etag = put("fresh.md", "v1", b -> { });
        String next = put("fresh.md", "v2", b -> b.ifMatch(etag));
        assertEquals("v2", client.getObjectAsBytes(b -> b.bucket("cas").key("fresh.md")).asUtf8String());
        assertEquals(next, client.headObject(b -> b.bucket("cas").key("fresh.md")).eTag());
    }

    @Test
    void conditionalPutWithStaleEtagIsRejectedWith412() {
        String stale = put("stale.md", "v1", b -> { });
        put("stale.md", "v2", b -> { });

        S3Exception e = assertThrows(S3Exception.class, () -> put("stale.md", "v3", b -> b.ifMatch(stale)));

        assertEquals(412, e.statusCode());
        assertEquals("PreconditionFailed", e.awsErrorDetails().errorCode());
        assertEquals("v2", client.getObjectAsBytes(b -> b.bucket("cas").key("stale.md")).asUtf8String());
    }

    @Test
    void staleIfMatchWithALargeBodyIsStillA412() {
        String stale = put("large.md", "v1", b -> { });
        put("large.md", "v2", b -> { });
        String large = "x".repeat(8 * 1024 * 1024);

        S3Exception e = assertThrows(S3Exception.class, () -> put("large.md", large, b -> b.ifMatch(stale)));

        assertEquals(412, e.statusCode());
    }

    @Test
    void ifMatchOnAMissingKeyIsNoSuchKey() {
        assertThrows(NoSuchKeyException.class, () -> put("missing.md", "v1", b -> b.ifMatch("\"abc\"")));
    }

    @Test
    void ifNoneMatchStarOnAnExistingKeyIsRejectedWith412() {
        put("taken.md", "v1", b -> { });
        S3Exception e = assertThrows(S3Exception.class, () -> put("taken.md", "v2", b -> b.ifNoneMatch("*")));
        assertEquals(412, e.statusCode());
    }

    @Test
    void racingIfMatchWritersHaveExactlyOneWinner() throws Exception {
        String etag = put("race-if-match.md", "original", b -> { });

        List<Integer> statuses = race(i -> put("race-if-match.md", "writer " + i, b -> b.ifMatch(etag)));

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(RACERS - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
    }

    @Test
    void racingIfNoneMatchCreatorsHaveExactlyOneWinner() throws Exception {
        List<Integer> statuses = race(i -> put("race-create.md", "writer " + i, b -> b.ifNoneMatch("*")));

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(RACERS - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
    }

    /** Runs one writer per thread, all released at once; returns each writer's HTTP status. */
    private static List<Integer> race(IntWriter writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch ready = new CountDownLatch(RACERS);
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger ids = new AtomicInteger();
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                results.add(pool.submit(() -> {
                    int id = ids.getAndIncrement();
                    ready.countDown();
                    go.await();
                    try {
                        writer.write(id);
                        return 200;
                    } catch (S3Exception e) {
                        return e.statusCode();
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface IntWriter {
        void write(int id);
    }

    private static String put(String key, String body, Consumer<PutObjectRequest.Builder> condition) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket("cas").key(key);
        condition.accept(request);
        return client.putObject(request.build(), RequestBody.fromString(body)).eTag();
    }
}
