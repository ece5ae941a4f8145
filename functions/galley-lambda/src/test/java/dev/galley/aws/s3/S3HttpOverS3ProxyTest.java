package dev.galley.aws.s3;

import dev.galley.emulator.EmbeddedS3;
import dev.galley.emulator.FaultKind;
import dev.galley.emulator.FaultPlan;
import dev.galley.lambda.S3Endpoint;
import dev.galley.lambda.TestS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link S3HttpContractTest} against S3Proxy in process, and S3's own error answers injected in front of it. */
class S3HttpOverS3ProxyTest extends S3HttpContractTest {

    @RegisterExtension
    static final TestS3 S3PROXY = TestS3.s3proxy();

    @Override
    protected TestS3 server() {
        return S3PROXY;
    }

    private static S3Http clientOf(EmbeddedS3 faulty, List<String> attempts) {
        return new S3Http(faulty.region(), Optional.of(faulty.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(faulty.accessKey(), faulty.secretKey())),
                Duration.ofSeconds(3), Duration.ofSeconds(5), new S3Observer() {
                    @Override
                    public void sending(S3Exchange exchange) {
                        attempts.add(exchange.operation());
                    }
                });
    }

    /** S3Proxy checks SigV4 signatures: what it accepts elsewhere in these tests was signed right. */
    @Test
    void aRequestSignedWithAnotherSecretIsRefusedAtOnce() {
        List<String> attempts = new CopyOnWriteArrayList<>();
        S3Endpoint server = S3PROXY.endpoint();
        S3Http forged = new S3Http(server.region(), Optional.of(server.uri()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey() + "x")),
                Duration.ofSeconds(3), Duration.ofSeconds(5), new S3Observer() {
                    @Override
                    public void sending(S3Exchange exchange) {
                        attempts.add(exchange.operation());
                    }
                });

        S3Failure failure = assertThrows(S3Failure.class, () -> forged.list(bucket, ""));

        assertEquals(403, failure.status());
        assertEquals("SignatureDoesNotMatch", failure.code());
        assertFalse(failure.retryable());
        assertEquals(List.of("ListObjectsV2"), attempts);
    }

    @Test
    void slowDownIsRetriedThenReportedAsRetryable() {
        try (EmbeddedS3 throttled = EmbeddedS3.builder().inMemory()
                .faults(FaultPlan.builder().rate(1.0).kinds(FaultKind.SLOW_DOWN).build()).build().start()) {
            List<String> attempts = new CopyOnWriteArrayList<>();

            S3Failure failure = assertThrows(S3Failure.class, () -> clientOf(throttled, attempts).get("content", "post.md", null, 100));

            assertEquals(503, failure.status());
            assertEquals("SlowDown", failure.code());
            assertTrue(failure.retryable());
            assertEquals(List.of("GetObject", "GetObject", "GetObject"), attempts, "three attempts, then the failure");
        }
    }

    @Test
    void aDroppedConnectionIsRetriedThenReportedAsRetryable() {
        try (EmbeddedS3 dropping = EmbeddedS3.builder().inMemory()
                .faults(FaultPlan.builder().rate(1.0).kinds(FaultKind.DROP_CONNECTION).build()).build().start()) {
            List<String> attempts = new CopyOnWriteArrayList<>();

            S3Failure failure = assertThrows(S3Failure.class, () -> clientOf(dropping, attempts).head("content", "post.md"));

            assertEquals(0, failure.status(), "no answer");
            assertTrue(failure.retryable());
            assertEquals(3, attempts.size());
        }
    }
}
