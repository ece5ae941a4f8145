package dev.galley.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.galley.aws.CloudFrontInvalidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handler's CloudFront invalidations, seen by a local HTTP endpoint that answers like CloudFront: the real
 * CloudFront client (SigV4, REST-XML) with an endpoint override, and the real S3 calls against S3Proxy in process.
 */
class CloudFrontInvalidationTest {

    private static final String DISTRIBUTION = "EDFDVBD6EXAMPLE";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestS3 S3PROXY = TestS3.s3proxy();

    private RecordingCloudFront cloudFront;
    private CloudFrontClient cloudFrontClient;
    private S3Client s3;
    private String contentBucket;
    private String siteBucket;
    private PublishHandler handler;
    private final RecordingContext log = new RecordingContext();

    @BeforeEach
    void createBucketsAndHandler() throws Exception {
        s3 = S3PROXY.sdk();
        contentBucket = S3PROXY.newBucket("content");
        siteBucket = S3PROXY.newBucket("site");
        S3Endpoint endpoint = S3PROXY.endpoint();
        FunctionConfig config = new FunctionConfig(endpoint.region(), contentBucket, "", siteBucket, Optional.of(endpoint.uri()),
                Optional.of(DISTRIBUTION), Optional.empty());
        var credentials = endpoint.credentials();
        cloudFront = new RecordingCloudFront();
        cloudFrontClient = CloudFrontClients.create(credentials, Optional.of(cloudFront.endpoint()));
        handler = new PublishHandler(config, S3Clients.create(config, credentials), new CloudFrontInvalidator(() -> cloudFrontClient, config.distributionId().orElseThrow()));
    }

    @AfterEach
    void close() {
        cloudFrontClient.close();
        cloudFront.close();
    }

    private String upload(String key, String text) {
        String etag = s3.putObject(r -> r.bucket(contentBucket).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8))
                .eTag().replace("\"", "");
        return Events.record("ObjectCreated:Put", contentBucket, key, etag, PublishEndToEndTest.nextSequencer());
    }

    private String delete(String key) {
        s3.deleteObject(r -> r.bucket(contentBucket).key(key));
        return Events.record("ObjectRemoved:Delete", contentBucket, key, "", PublishEndToEndTest.nextSequencer());
    }

    private JsonNode handle(String event, String requestId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, log.forRequest(requestId));
        return JSON.readTree(out.toByteArray());
    }

    private boolean siteHas(String path) {
        return s3.listObjectsV2(r -> r.bucket(siteBucket).prefix(path)).contents().stream().anyMatch(o -> o.key().equals(path));
    }

    @Test
    void aRebuildAsksCloudFrontOnceToInvalidateEverythingOnThisDistribution() throws Exception {
        upload("a.md", PublishEndToEndTest.article("A", "2026-01-01"));
        upload("b.md", PublishEndToEndTest.article("B", "2026-01-02"));

        JsonNode result = handle("{\"action\":\"rebuild\"}", "req-1");

        assertEquals(2, result.path("published").asInt());
        assertEquals(1, cloudFront.requests().size(), "requests: " + cloudFront.requests());
        RecordingCloudFront.Request request = cloudFront.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals("/2020-05-31/distribution/" + DISTRIBUTION + "/invalidation", request.path());
        assertEquals(List.of("/*"), request.paths());
        assertTrue(request.authorization().startsWith("AWS4-HMAC-SHA256 Credential=" + S3PROXY.endpoint().accessKey() + "/")
                && request.authorization().contains("/us-east-1/cloudfront/aws4_request"), request.authorization());
        assertEquals("I1EXAMPLE", result.path("invalidation").asText());
        assertTrue(log.text().stream().anyMatch(line -> line.contains("\"outcome\":\"invalidated\"") && line.contains("I1EXAMPLE /*")), log.text().toString());
    }

    @Test
    void publishingUpdatingAndDeletingArticlesAskCloudFrontNothing() throws Exception {
        assertEquals("published", handle(upload("a.md", PublishEndToEndTest.article("A", "2026-01-01")), "req-1").path("a.md").asText());
        assertEquals("published", handle(upload("a.md", PublishEndToEndTest.article("A, again", "2026-01-01")), "req-2").path("a.md").asText());
        assertEquals("unpublished", handle(delete("a.md"), "req-3").path("a.md").asText());
        handle(upload("notes.txt", "not an article"), "req-4");

        assertEquals(List.of(), cloudFront.requests(), "max-age=60 keeps these fresh without invalidations");
    }

    @Test
    void aSiteConfigUploadInvalidatesEverythingOnceHoweverManyOfTheRecordsRebuilt() throws Exception {
        String article = upload("a.md", PublishEndToEndTest.article("A", "2026-01-01"));
        String config = upload("site.yaml", "title: Renamed\n");

        JsonNode result = handle(Events.combine(List.of(config, article, config)), "req-1");

        assertEquals("rebuilt", result.path("site.yaml").asText());
        assertTrue(siteHas("articles/a/index.html"));
        assertEquals(1, cloudFront.requests().size(), "requests: " + cloudFront.requests());
        assertEquals(List.of("/*"), cloudFront.requests().get(0).paths());
    }

    @Test
    void aRetriedInvocationSendsTheSameCallerReferenceSoCloudFrontMakesNoSecondInvalidation() throws Exception {
        upload("a.md", PublishEndToEndTest.article("A", "2026-01-01"));

        // Each rebuild finds a changed article: a rebuild that changes nothing invalidates nothing.
        handle("{\"action\":\"rebuild\"}", "7d3e0b7a-retried");
        upload("a.md", PublishEndToEndTest.article("A, revised", "2026-01-01"));
        handle("{\"action\":\"rebuild\"}", "7d3e0b7a-retried");
        upload("a.md", PublishEndToEndTest.article("A, revised again", "2026-01-01"));
        handle("{\"action\":\"rebuild\"}", "another-invocation");

        List<RecordingCloudFront.Request> requests = cloudFront.requests();
        assertEquals(3, requests.size());
        assertEquals(requests.get(0).callerReference(), requests.get(1).callerReference());
        assertTrue(requests.get(0).callerReference().startsWith("7d3e0b7a-retried-"), requests.get(0).callerReference());
        assertNotEquals(requests.get(0).callerReference(), requests.get(2).callerReference());
    }

    @Test
    void replacingOrDeletingAnImageInvalidatesExactlyThatImageAndANewOneNothing() throws Exception {
        String png = "\u0089PNG\r\n\u001a\n";
        // fromString would encode U+0089 as two bytes; the image must start with the byte 0x89.
        byte[] first = (png + "one").getBytes(StandardCharsets.ISO_8859_1);
        byte[] second = (png + "two").getBytes(StandardCharsets.ISO_8859_1);
        handle(uploadBytes("posts/pic.png", first), "new");
        assertTrue(cloudFront.requests().isEmpty(), "requests: " + cloudFront.requests());

        handle(uploadBytes("posts/pic.png", second), "replaced");
        handle(delete("posts/pic.png"), "deleted");

        assertEquals(2, cloudFront.requests().size(), "requests: " + cloudFront.requests());
        assertEquals(List.of("/media/posts/pic.png"), cloudFront.requests().get(0).paths());
        assertEquals(List.of("/media/posts/pic.png"), cloudFront.requests().get(1).paths());
    }

    private String uploadBytes(String key, byte[] bytes) {
        String etag = s3.putObject(r -> r.bucket(contentBucket).key(key), RequestBody.fromBytes(bytes)).eTag().replace("\"", "");
        return Events.record("ObjectCreated:Put", contentBucket, key, etag, PublishEndToEndTest.nextSequencer());
    }

    @Test
    void aRebuildThatChangesNothingAsksCloudFrontNothing() throws Exception {
        upload("a.md", PublishEndToEndTest.article("A", "2026-01-01"));
        handle("{\"action\":\"rebuild\"}", "first");
        JsonNode again = handle("{\"action\":\"rebuild\"}", "second");

        assertEquals(0, again.path("filesWritten").asInt(), again.toString());
        assertEquals(1, cloudFront.requests().size(), "requests: " + cloudFront.requests());
    }

    @Test
    void aFailingCloudFrontIsLoggedAndReportedButTheRebuildSucceeds() throws Exception {
        upload("a.md", PublishEndToEndTest.article("A", "2026-01-01"));
        cloudFront.failWith(500);

        JsonNode result = handle("{\"action\":\"rebuild\"}", "req-1");

        assertEquals(1, result.path("published").asInt());
        assertTrue(siteHas("articles/a/index.html"));
        assertTrue(result.path("invalidation").asText().startsWith("failed: invalidating [/*] on CloudFront distribution " + DISTRIBUTION),
                result.toString());
        assertTrue(cloudFront.requests().size() > 1, "the SDK retries a 500 before giving up: " + cloudFront.requests().size());
        assertTrue(log.text().stream().anyMatch(line -> line.contains("\"outcome\":\"invalidation-failed\"")), log.text().toString());
    }
}
