package dev.galley.aws;

import dev.galley.emulator.EmbeddedS3;
import dev.galley.emulator.FaultKind;
import dev.galley.emulator.FaultPlan;
import dev.galley.lambda.FunctionConfig;
import dev.galley.lambda.S3Clients;
import dev.galley.publish.PublishStatus;
import dev.galley.publish.SiteStore;
import dev.galley.publish.StoreException;
import dev.galley.publish.WriteConflictException;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S3's answers in the core's terms, over HTTP against S3Proxy: what a retry can fix, what it cannot, what is a conflict. */
class S3StoreFailuresTest {

    private static final SiteFile PAGE = new SiteFile("tags/go/index.html", "<p>Go</p>".getBytes(StandardCharsets.UTF_8), ContentKind.HTML);

    private static FunctionConfig config(EmbeddedS3 server) {
        return new FunctionConfig(server.region(), "content", "", "site", Optional.of(server.endpoint()));
    }

    private static S3SiteStore site(EmbeddedS3 server, String secret) {
        return new S3SiteStore(S3Clients.create(config(server), StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), secret))), "site");
    }

    @Test
    void aThrottledReadIsAStoreExceptionARetryCanFix() {
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().faults(FaultPlan.builder().rate(1.0).kinds(FaultKind.SLOW_DOWN).build()).build().start()) {
            StoreException e = assertThrows(StoreException.class, () -> site(server, server.secretKey()).read("index.html"));

            assertTrue(e.retryable());
            assertTrue(e.getMessage().contains("s3://site/index.html") && e.getMessage().contains("SlowDown"), e.getMessage());
        }
    }

    @Test
    void aRefusedRequestIsAStoreExceptionNoRetryCanFix() {
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start()) {
            server.createBucket("site");

            StoreException e = assertThrows(StoreException.class, () -> site(server, "not-the-secret").list(""));

            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains("403"), e.getMessage());
        }
    }

    @Test
    void aMissingObjectIsAnEmptyAnswerAndItsStatusIsNotReported() {
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start()) {
            server.createBucket("site");
            server.createBucket("content");
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey()));
            S3ContentStore content = new S3ContentStore(S3Clients.create(config(server), credentials), "content", "");

            assertEquals(Optional.empty(), site(server, server.secretKey()).read("missing.html"));
            assertEquals(Optional.empty(), site(server, server.secretKey()).head("missing.html"));
            assertEquals(Optional.empty(), content.read("posts/missing.md"));
            content.reportStatus("posts/missing.md", new PublishStatus(PublishStatus.State.PUBLISHED, "", ""));
        }
    }

    @Test
    void aWriteOverAnotherVersionOrOverAnObjectThatShouldBeAbsentIsAConflict() {
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start()) {
            server.createBucket("site");
            S3SiteStore site = site(server, server.secretKey());
            site.write(PAGE, Map.of("galley-source", "posts/go é.md"), new SiteStore.Condition.Absent());
            SiteStore.Version written = site.head(PAGE.path()).orElseThrow();

            assertThrows(WriteConflictException.class, () -> site.write(PAGE, Map.of(), new SiteStore.Condition.Absent()));
            assertThrows(WriteConflictException.class, () -> site.write(PAGE, Map.of(), new SiteStore.Condition.Matches("0123456789abcdef0123456789abcdef")));
            site.write(PAGE, Map.of(), new SiteStore.Condition.Matches(written.etag()));
            assertEquals(Map.of("galley-source", "posts/go é.md"), written.metadata(), "metadata beyond ASCII comes back as written");
        }
    }
}
