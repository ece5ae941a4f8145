package dev.galley.aws.s3;

import dev.galley.aws.S3ContentStore;
import dev.galley.lambda.TestS3;
import dev.galley.publish.PublishStatus;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Galley's S3 client over HTTP against an S3-compatible server, each request checked with the SDK's S3 client, an
 * implementation written apart: what one writes the other reads. Subclasses choose the server (S3Proxy, moto_server).
 */
abstract class S3HttpContractTest {

    protected abstract TestS3 server();

    protected S3Client sdk;
    protected S3Http s3;
    protected String bucket;
    /** Every attempt the client made: operation and key. */
    protected final List<String> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void createBucket() {
        sdk = server().sdk();
        bucket = server().newBucket("lights3");
        s3 = server().client(server().endpoint().config(bucket, bucket + "-site"), new S3Observer() {
            @Override
            public void sending(S3Exchange exchange) {
                attempts.add(exchange.operation() + " " + exchange.key());
            }
        });
    }

    /** A write with no condition, no cache control and no metadata. */
    static S3Objects.Put plain(String contentType) {
        return new S3Objects.Put(contentType, Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), false);
    }

    private String sdkPut(String key, String text) {
        return sdk.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(text)).eTag().replace("\"", "");
    }

    @Test
    void deleteAllDeletesEveryKeyInOneRequestAndCountsAMissingKeyAsDeleted() {
        List<String> keys = List.of("_galley/state/a b.json", "_galley/state/café.json", "_galley/state/c&d<e>.json");
        keys.forEach(key -> sdkPut(key, key));
        sdkPut("_galley/state/kept.json", "kept");
        attempts.clear();

        s3.deleteAll(bucket, List.of(keys.get(0), keys.get(1), keys.get(2), "_galley/state/never-there.json"));

        assertEquals(List.of("DeleteObjects "), attempts, "one request");
        assertEquals(List.of("_galley/state/kept.json"),
                sdk.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).toList());
    }

    // Keys as authors name files: spaces, plus signs, accents, other scripts, emoji, percent signs and the
    // punctuation SigV4's canonical URI encodes (or must not).
    @ParameterizedTest
    @ValueSource(strings = {"notes/a b.md", "c++/operator+.md", "café/naïve résumé.md", "100%/done%20twice.md", "日本語/記事.md",
            "emoji/🚀 launch.md", "odd/a~b*(c)'!&$=;:@,.md"})
    void anyKeyAnAuthorCanNameIsWrittenReadListedAndTaggedUnderItsOwnName(String key) {
        byte[] bytes = ("---\ntitle: " + key + "\n---\nBody.\n").getBytes(StandardCharsets.UTF_8);

        String etag = s3.put(bucket, key, bytes, plain("text/markdown; charset=utf-8"));

        assertArrayEquals(bytes, sdk.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray(), "the SDK reads it under the same key");
        assertEquals(etag, sdk.headObject(r -> r.bucket(bucket).key(key)).eTag().replace("\"", ""));
        S3Objects.Stored read = s3.get(bucket, key, null, 1 << 20);
        assertArrayEquals(bytes, read.bytes());
        assertEquals(etag, read.etag());
        assertEquals(etag, s3.head(bucket, key).etag());
        assertEquals(List.of(new S3Objects.Listed(key, etag)), s3.list(bucket, key.substring(0, key.indexOf('/') + 1)));
        s3.putTags(bucket, key, Map.of("galley-status", "published"));
        assertEquals(Map.of("galley-status", "published"),
                sdk.getObjectTagging(r -> r.bucket(bucket).key(key)).tagSet().stream().collect(Collectors.toMap(Tag::key, Tag::value)));
        s3.delete(bucket, key);
        assertTrue(sdk.listObjectsV2(r -> r.bucket(bucket)).contents().isEmpty(), "deleted under its own name");
    }

    @Test
    void aPageIsWrittenWithItsContentTypeCacheControlAndMetadata() {
        s3.put(bucket, "articles/x/index.html", "<p>x</p>".getBytes(StandardCharsets.UTF_8), new S3Objects.Put("text/html; charset=utf-8",
                Optional.of("public, max-age=60"), Optional.empty(), Map.of("galley-source-etag", "0f1e2d", "galley-source", "posts%2Fx.md"), Optional.empty(), false));

        HeadObjectResponse head = sdk.headObject(r -> r.bucket(bucket).key("articles/x/index.html"));
        // S3Proxy drops the space before the parameter, as HTTP allows.
        assertEquals("text/html;charset=utf-8", head.contentType().replace("; ", ";"));
        assertEquals("public, max-age=60", head.cacheControl());
        assertEquals(Map.of("galley-source-etag", "0f1e2d", "galley-source", "posts%2Fx.md"), head.metadata());
        assertEquals(head.metadata(), s3.head(bucket, "articles/x/index.html").metadata());
        assertEquals(head.metadata(), s3.get(bucket, "articles/x/index.html", null, 100).metadata());
    }

    @Test
    void theStateRootIsWrittenOnlyOverTheVersionItWasReadAt() {
        S3Objects.Put absent = new S3Objects.Put("application/json", Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), true);
        String first = s3.put(bucket, "_galley/root.json", "{\"v\":1}".getBytes(StandardCharsets.UTF_8), absent);

        S3Failure created = assertThrows(S3Failure.class,
                () -> s3.put(bucket, "_galley/root.json", "{\"v\":2}".getBytes(StandardCharsets.UTF_8), absent));
        S3Failure stale = assertThrows(S3Failure.class, () -> s3.put(bucket, "_galley/root.json", "{\"v\":2}".getBytes(StandardCharsets.UTF_8),
                new S3Objects.Put("application/json", Optional.empty(), Optional.empty(), Map.of(), Optional.of("0123456789abcdef0123456789abcdef"), false)));
        String second = s3.put(bucket, "_galley/root.json", "{\"v\":3}".getBytes(StandardCharsets.UTF_8),
                new S3Objects.Put("application/json", Optional.empty(), Optional.empty(), Map.of(), Optional.of(first), false));

        assertEquals(412, created.status());
        assertEquals(412, stale.status());
        assertFalse(created.retryable() || stale.retryable(), "a refused condition is an answer, not a failure to retry");
        assertEquals("{\"v\":3}", sdk.getObjectAsBytes(r -> r.bucket(bucket).key("_galley/root.json")).asUtf8String());
        assertEquals(second, s3.head(bucket, "_galley/root.json").etag());
    }

    @Test
    void aMissingKeyIsA404WithS3sCodeAskedOnce() {
        S3Failure missing = assertThrows(S3Failure.class, () -> s3.get(bucket, "posts/missing.md", null, 100));
        S3Failure headless = assertThrows(S3Failure.class, () -> s3.head(bucket, "posts/missing.md"));
        S3Failure untagged = assertThrows(S3Failure.class, () -> s3.tags(bucket, "posts/missing.md"));

        assertEquals(404, missing.status());
        assertEquals("NoSuchKey", missing.code());
        assertEquals(404, headless.status());
        assertEquals(404, untagged.status());
        assertFalse(missing.retryable());
        assertEquals(List.of("GetObject posts/missing.md", "HeadObject posts/missing.md", "GetObjectTagging posts/missing.md"), attempts);
    }

    @Test
    void aReadStopsAtItsLimit() {
        sdkPut("big.md", "x".repeat(5000));

        assertEquals(1000, s3.get(bucket, "big.md", null, 1000).bytes().length);
    }

    @Test
    void tagsAreReadInTheOrderS3KeepsThemAndReplacedWhole() {
        sdkPut("post.md", "x");
        sdk.putObjectTagging(r -> r.bucket(bucket).key("post.md").tagging(t -> t.tagSet(
                Tag.builder().key("author").value("ann").build(), Tag.builder().key("galley-status").value("failed").build())));

        assertEquals(Map.of("author", "ann", "galley-status", "failed"), s3.tags(bucket, "post.md"));
        s3.putTags(bucket, "post.md", Map.of("author", "ann", "galley-reason", "line 2: naïve café = +1 @ann/x_y.z"));
        assertEquals(Map.of("author", "ann", "galley-reason", "line 2: naïve café = +1 @ann/x_y.z"), s3.tags(bucket, "post.md"));
        assertEquals(Map.of("author", "ann", "galley-reason", "line 2: naïve café = +1 @ann/x_y.z"),
                sdk.getObjectTagging(r -> r.bucket(bucket).key("post.md")).tagSet().stream().collect(Collectors.toMap(Tag::key, Tag::value)));
    }

    @Test
    void aReadSaysHowManyTagsTheObjectHasAndNothingWhenItHasNone() {
        sdkPut("post.md", "x");
        assertEquals(0, s3.get(bucket, "post.md", null, 100).tags(), "AWS sends no x-amz-tagging-count for an untagged object");

        sdk.putObjectTagging(r -> r.bucket(bucket).key("post.md").tagging(t -> t.tagSet(
                Tag.builder().key("author").value("ann").build(), Tag.builder().key("series").value("rust").build())));

        assertEquals(2, s3.get(bucket, "post.md", null, 100).tags());
    }

    @Test
    void aFreshUploadIsTaggedWithoutReadingItsTagsAndAnAuthorsOwnTagsAreKept() {
        S3ContentStore store = new S3ContentStore(s3, bucket, "");
        String fresh = sdkPut("fresh.md", "---\ntitle: Fresh\n---\n");
        String tagged = sdkPut("tagged.md", "---\ntitle: Tagged\n---\n");
        sdk.putObjectTagging(r -> r.bucket(bucket).key("tagged.md").tagging(t -> t.tagSet(Tag.builder().key("author").value("ann").build())));
        store.read("fresh.md");
        store.read("tagged.md");
        attempts.clear();

        store.reportStatus("fresh.md", new PublishStatus(PublishStatus.State.PUBLISHED, "", "/articles/fresh/").forVersion(fresh));
        store.reportStatus("tagged.md", new PublishStatus(PublishStatus.State.PUBLISHED, "", "/articles/tagged/").forVersion(tagged));

        assertEquals(List.of("PutObjectTagging fresh.md", "GetObjectTagging tagged.md", "PutObjectTagging tagged.md"), attempts);
        assertEquals(Map.of("galley-status", "published", "galley-etag", fresh, "galley-url", "/articles/fresh/"), s3.tags(bucket, "fresh.md"));
        assertEquals(Map.of("author", "ann", "galley-status", "published", "galley-etag", tagged, "galley-url", "/articles/tagged/"),
                s3.tags(bucket, "tagged.md"));
    }

    @Test
    void aListingFollowsItsContinuationPastAThousandKeys() throws Exception {
        Set<String> keys = IntStream.range(0, 1_003).mapToObj(i -> String.format("posts/%04d %s.md", i, i % 2 == 0 ? "é" : "+"))
                .collect(Collectors.toCollection(TreeSet::new));
        ExecutorService uploads = Executors.newFixedThreadPool(8);
        try {
            for (Future<?> upload : keys.stream().map(key -> uploads.submit(() -> sdkPut(key, key))).toList()) {
                upload.get();
            }
        } finally {
            uploads.shutdown();
        }
        sdkPut("other/outside.md", "not listed");

        List<S3Objects.Listed> listed = s3.list(bucket, "posts/");

        assertEquals(keys, listed.stream().map(S3Objects.Listed::key).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(1_003, listed.size());
        assertEquals(2, attempts.stream().filter(a -> a.startsWith("ListObjectsV2")).count(), "two pages");
        assertEquals(sdk.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("posts/")).contents().stream()
                        .collect(Collectors.toMap(S3Object::key, o -> o.eTag().replace("\"", ""))),
                listed.stream().collect(Collectors.toMap(S3Objects.Listed::key, S3Objects.Listed::etag)));
    }
}
