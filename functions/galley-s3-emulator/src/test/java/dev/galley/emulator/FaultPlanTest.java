package dev.galley.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Injected faults surface through the real SDK the way S3's own failures do. */
class FaultPlanTest {

    @Test
    void internalErrorSurfacesAsA500S3ExceptionAfterTheSdkRetries() {
        try (EmbeddedS3 s3 = emulator(FaultPlan.builder().rate(1.0).kinds(FaultKind.INTERNAL_ERROR));
                S3Client client = S3Clients.standard(s3)) {
            S3Exception e = assertThrows(S3Exception.class, () -> put(client, "a.md"));

            assertEquals(500, e.statusCode());
            assertEquals("InternalError", e.awsErrorDetails().errorCode());
            assertTrue(e.numAttempts() > 1, "the SDK retried");
            assertEquals(e.numAttempts().longValue(), s3.faults().injected(FaultKind.INTERNAL_ERROR));
        }
    }

    @Test
    void slowDownSurfacesAsAThrottlingS3Exception() {
        try (EmbeddedS3 s3 = emulator(FaultPlan.builder().rate(1.0).kinds(FaultKind.SLOW_DOWN));
                S3Client client = S3Clients.standard(s3)) {
            S3Exception e = assertThrows(S3Exception.class, () -> put(client, "a.md"));

            assertEquals(503, e.statusCode());
            assertEquals("SlowDown", e.awsErrorDetails().errorCode());
            assertTrue(e.isThrottlingException());
            assertTrue(e.numAttempts() > 1, "the SDK retried");
            assertEquals(e.numAttempts().longValue(), s3.faults().injected(FaultKind.SLOW_DOWN));
        }
    }

    @Test
    void droppedConnectionSurfacesAsSdkClientException() {
        try (EmbeddedS3 s3 = emulator(FaultPlan.builder().rate(1.0).kinds(FaultKind.DROP_CONNECTION));
                S3Client client = S3Clients.withoutRetries(s3)) {
            SdkClientException e = assertThrows(SdkClientException.class, () -> put(client, "a.md"));

            assertEquals(SdkClientException.class, e.getClass(), "a client-side failure, not a service error");
            assertEquals(1, s3.faults().injected(FaultKind.DROP_CONNECTION));
            assertTrue(e.getMessage().contains("Unexpected end of file"), e.getMessage());
        }
    }

    @Test
    void delayBeyondTheAttemptTimeoutSurfacesAsApiCallAttemptTimeoutException() {
        try (EmbeddedS3 s3 = emulator(FaultPlan.builder().rate(1.0).kinds(FaultKind.DELAY)
                        .delay(Duration.ofMillis(1500)));
                S3Client client = S3Clients.builder(s3).overrideConfiguration(o -> o
                        .retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(Duration.ofMillis(300))).build()) {
            SdkClientException e = assertThrows(SdkClientException.class,
                    () -> client.listObjectsV2(b -> b.bucket("content")));

            assertInstanceOf(ApiCallAttemptTimeoutException.class, e);
            assertEquals(1, s3.faults().injected(FaultKind.DELAY));
        }
    }

    @Test
    void delayedRequestsStillSucceed() {
        try (EmbeddedS3 s3 = emulator(FaultPlan.builder().rate(1.0).kinds(FaultKind.DELAY)
                        .delay(Duration.ofMillis(200)));
                S3Client client = S3Clients.standard(s3)) {
            long start = System.nanoTime();
            put(client, "slow.md");
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos());
        }
    }

    @Test
    void rateZeroInjectsNothing() {
        try (EmbeddedS3 s3 = emulator(FaultPlan.builder().rate(0.0));
                S3Client client = S3Clients.withoutRetries(s3)) {
            for (int i = 0; i < 100; i++) {
                put(client, "key-" + i + ".md");
            }

            assertEquals(100, s3.faults().considered());
            assertEquals(0, s3.faults().injectedTotal());
        }
    }

    @Test
    void observedRateIsNearTheConfiguredRate() {
        int requests = 1000;
        try (EmbeddedS3 s3 = emulator(FaultPlan.builder().rate(0.10).seed(42)
                        .kinds(FaultKind.INTERNAL_ERROR, FaultKind.SLOW_DOWN));
                S3Client client = S3Clients.withoutRetries(s3)) {
            int failed = 0;
            for (int i = 0; i < requests; i++) {
                try {
                    client.headBucket(b -> b.bucket("content"));
                } catch (S3Exception e) {
                    failed++;
                }
            }

            FaultInjector faults = s3.faults();
            assertEquals(requests, faults.considered());
            assertEquals(failed, faults.injectedTotal());
            double observed = failed / (double) requests;
            assertTrue(observed > 0.07 && observed < 0.13, "observed rate " + observed);
            assertTrue(faults.injected(FaultKind.INTERNAL_ERROR) > 0 && faults.injected(FaultKind.SLOW_DOWN) > 0,
                    faults.injectedByKind().toString());
        }
    }

    @Test
    void theSdkRetriesThroughOccasionalFaults() {
        try (EmbeddedS3 s3 = emulator(FaultPlan.builder().rate(0.10).seed(5)
                        .kinds(FaultKind.INTERNAL_ERROR, FaultKind.SLOW_DOWN, FaultKind.DROP_CONNECTION));
                S3Client client = S3Clients.standard(s3)) {
            for (int i = 0; i < 100; i++) {
                put(client, "retried-" + i + ".md");
            }
            s3.faults().disable();

            assertTrue(s3.faults().injectedTotal() > 0);
            assertEquals(100, client.listObjectsV2(b -> b.bucket("content")).keyCount());
        }
    }

    @Test
    void faultsCanBeSwitchedOffToSeedDataAndBackOn() {
        try (EmbeddedS3 s3 = emulator(FaultPlan.builder().rate(1.0).kinds(FaultKind.INTERNAL_ERROR)
                        .enabledAtStart(false));
                S3Client client = S3Clients.withoutRetries(s3)) {
            put(client, "seed.md");
            assertEquals(0, s3.faults().considered());

            s3.faults().enable();
            assertThrows(S3Exception.class, () -> put(client, "later.md"));

            s3.faults().disable();
            put(client, "after.md");
            assertEquals(1, s3.faults().injectedTotal());
        }
    }

    @Test
    void exemptBucketsAreNeverFaulted() {
        try (EmbeddedS3 s3 = emulator(FaultPlan.builder().rate(1.0).kinds(FaultKind.INTERNAL_ERROR)
                        .exemptBucket("content"));
                S3Client client = S3Clients.withoutRetries(s3)) {
            s3.createBucket("site");

            put(client, "fine.md");
            assertThrows(S3Exception.class, () -> client.putObject(b -> b.bucket("site").key("index.html"),
                    RequestBody.fromString("<html>")));
        }
    }

    @Test
    void aPlanCanTargetOneBucketOnly() {
        try (EmbeddedS3 s3 = emulator(FaultPlan.builder().rate(1.0).kinds(FaultKind.INTERNAL_ERROR)
                        .onlyBucket("site"));
                S3Client client = S3Clients.withoutRetries(s3)) {
            s3.createBucket("site");

            put(client, "fine.md");
            client.listBuckets();
            assertThrows(S3Exception.class, () -> client.headBucket(b -> b.bucket("site")));
            assertEquals(1, s3.faults().injectedTotal());
        }
    }

    private static EmbeddedS3 emulator(FaultPlan.Builder plan) {
        EmbeddedS3 s3 = EmbeddedS3.builder().inMemory().faults(plan.build()).build().start();
        s3.createBucket("content");
        return s3;
    }

    private static void put(S3Client client, String key) {
        client.putObject(b -> b.bucket("content").key(key), RequestBody.fromString("body of " + key));
    }
}
