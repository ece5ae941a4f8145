package dev.galley.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

/** The S3 behaviour Galley relies on, exercised through the real SDK over HTTP. */
class EmbeddedS3Test {

    private static EmbeddedS3 s3;
    private static S3Client client;

    @BeforeAll
    static void start() {
        s3 = EmbeddedS3.builder().inMemory().build().start();
        client = S3Clients.standard(s3);
    }

    @AfterAll
    static void stop() {
        client.close();
        s3.close();
    }

    @Test
    void endpointIsLoopbackWithARealPort() {
        assertEquals("127.0.0.1", s3.endpoint().getHost());
        assertTrue(s3.endpoint().getPort() > 0);
    }

    @Test
    void createBucketIsIdempotent() {
        s3.createBucket("twice");
        s3.createBucket("twice");
        assertTrue(client.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("twice")));
    }

    @Test
    void bucketNamesS3RejectsAreRefusedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> s3.createBucket("b"));
        assertThrows(IllegalArgumentException.class, () -> s3.createBucket("Upper-Case"));
    }

    @Test
    void theHandlersCpuGrowsWithTheRequestsItServes() {
        s3.createBucket("cpu");
        long before = s3.handlerCpuNanos();
        for (int i = 0; i < 50; i++) {
            int n = i;
            client.putObject(b -> b.bucket("cpu").key("page-" + n), RequestBody.fromString("<p>" + n + "</p>"));
        }
        assertTrue(s3.handlerCpuNanos() > before, "the handlers' CPU stayed at " + before + " ns over 50 PUTs");
    }

    @Test
    void endpointBeforeStartIsAnError() {
        EmbeddedS3 unstarted = EmbeddedS3.builder().inMemory().build();
        assertThrows(IllegalStateException.class, unstarted::endpoint);
    }

    @Test
    void contentTypeCacheControlAndUserMetadataRoundTrip() {
        s3.createBucket("meta");
        client.putObject(b -> b.bucket("meta").key("posts/hello.html")
                        .contentType("text/html; charset=utf-8")
                        .cacheControl("public, max-age=300")
                        .metadata(Map.of("source-etag", "abc123", "galley-version", "1")),
                RequestBody.fromString("<h1>Hello</h1>"));

        HeadObjectResponse head = client.headObject(b -> b.bucket("meta").key("posts/hello.html"));
        // S3Proxy's Jetty rewrites "text/html; charset=utf-8" as "text/html;charset=utf-8"; S3 would not.
        assertEquals("text/html;charset=utf-8", head.contentType());
        assertEquals("public, max-age=300", head.cacheControl());
        assertEquals(Map.of("source-etag", "abc123", "galley-version", "1"), head.metadata());

        ResponseBytes<GetObjectResponse> get =
                client.getObjectAsBytes(b -> b.bucket("meta").key("posts/hello.html"));
        assertEquals("<h1>Hello</h1>", get.asUtf8String());
        assertEquals("text/html;charset=utf-8", get.response().contentType());
        assertEquals("public, max-age=300", get.response().cacheControl());
        assertEquals("abc123", get.response().metadata().get("source-etag"));
    }

    @Test
    void listObjectsV2PagesThroughEveryKeyInOrder() {
        s3.createBucket("paging");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String key = String.format("posts/%02d.md", i);
            expected.add(key);
            client.putObject(b -> b.bucket("paging").key(key), RequestBody.fromString("post " + key));
        }

        List<String> seen = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = client.listObjectsV2(b -> b.bucket("paging").prefix("posts/")
                    .maxKeys(10).continuationToken(continuation));
            page.contents().stream().map(S3Object::key).forEach(seen::add);
            pages++;
            token = page.nextContinuationToken();
            assertEquals(token != null, page.isTruncated());
        } while (token != null);

        assertEquals(3, pages);
        assertEquals(expected, seen);
        assertEquals(25, client.listObjectsV2Paginator(b -> b.bucket("paging").maxKeys(7)).contents()
                .stream().count());
    }

    @Test
    void batchDeleteRemovesEveryNamedKey() {
        s3.createBucket("batch");
        for (String key : List.of("a.md", "b.md", "c.md", "keep.md")) {
            client.putObject(b -> b.bucket("batch").key(key), RequestBody.fromString(key));
        }

        var response = client.deleteObjects(b -> b.bucket("batch").delete(d -> d.objects(
                ObjectIdentifier.builder().key("a.md").build(),
                ObjectIdentifier.builder().key("b.md").build(),
                ObjectIdentifier.builder().key("c.md").build(),
                ObjectIdentifier.builder().key("never-existed.md").build())));

        assertEquals(4, response.deleted().size());
        assertTrue(response.errors().isEmpty());
        assertEquals(List.of("keep.md"), client.listObjectsV2(b -> b.bucket("batch")).contents().stream()
                .map(S3Object::key).toList());
    }

    @Test
    void copyKeepsBodyAndMetadata() {
        s3.createBucket("copy");
        client.putObject(b -> b.bucket("copy").key("src.md").contentType("text/markdown")
                .metadata(Map.of("author", "ada")), RequestBody.fromString("# Title"));

        client.copyObject(b -> b.sourceBucket("copy").sourceKey("src.md")
                .destinationBucket("copy").destinationKey("dst.md"));

        var copied = client.getObjectAsBytes(b -> b.bucket("copy").key("dst.md"));
        assertEquals("# Title", copied.asUtf8String());
        assertEquals("text/markdown", copied.response().contentType());
        assertEquals("ada", copied.response().metadata().get("author"));
    }

    @Test
    void objectTaggingRoundTrips() {
        s3.createBucket("tags");
        client.putObject(b -> b.bucket("tags").key("drafts/my post é+1.md"), RequestBody.fromString("body"));

        client.putObjectTagging(b -> b.bucket("tags").key("drafts/my post é+1.md").tagging(t -> t.tagSet(
                Tag.builder().key("rendered").value("true").build(),
                Tag.builder().key("template").value("a & <b>").build())));

        List<Tag> tags = client.getObjectTagging(b -> b.bucket("tags").key("drafts/my post é+1.md")).tagSet();
        assertEquals(Map.of("rendered", "true", "template", "a & <b>"),
                tags.stream().collect(java.util.stream.Collectors.toMap(Tag::key, Tag::value)));

        client.deleteObjectTagging(b -> b.bucket("tags").key("drafts/my post é+1.md"));
        assertTrue(client.getObjectTagging(b -> b.bucket("tags").key("drafts/my post é+1.md")).tagSet().isEmpty());
    }

    @Test
    void taggingAMissingObjectIsNoSuchKey() {
        s3.createBucket("tags-missing");
        assertThrows(NoSuchKeyException.class, () -> client.getObjectTagging(
                b -> b.bucket("tags-missing").key("nope.md")));
    }

    @Test
    void overwritingAnObjectDropsItsTags() {
        s3.createBucket("tags-overwrite");
        client.putObject(b -> b.bucket("tags-overwrite").key("p.md"), RequestBody.fromString("v1"));
        client.putObjectTagging(b -> b.bucket("tags-overwrite").key("p.md")
                .tagging(t -> t.tagSet(Tag.builder().key("k").value("v").build())));

        client.putObject(b -> b.bucket("tags-overwrite").key("p.md"), RequestBody.fromString("v2"));

        assertTrue(client.getObjectTagging(b -> b.bucket("tags-overwrite").key("p.md")).tagSet().isEmpty());
    }

    @Test
    void wrongSecretKeyIsRejected() {
        s3.createBucket("auth");
        try (S3Client impostor = S3Clients.builder(s3)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials
                        .create(s3.accessKey(), "not-the-secret"))
                .build()) {
            S3Exception e = assertThrows(S3Exception.class,
                    () -> impostor.listObjectsV2(b -> b.bucket("auth")));
            assertEquals(403, e.statusCode());
        }
        assertFalse(client.listObjectsV2(b -> b.bucket("auth")).hasContents()
                && !client.listObjectsV2(b -> b.bucket("auth")).contents().isEmpty());
    }
}
