package dev.galley.aws;

import dev.galley.aws.s3.S3Http;
import dev.galley.aws.s3.S3Observer;
import dev.galley.lambda.TestS3;
import dev.galley.publish.ContentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broken replacement's last good version, read back from a versioned bucket over HTTP: against moto_server (which
 * keeps versions as S3 does) and against the embedded S3Proxy (which keeps none, so there is none to find).
 */
class S3ContentStoreVersionsTest {

    @RegisterExtension
    static final TestS3 MOTO = TestS3.moto().inRegion("eu-west-1");
    @RegisterExtension
    static final TestS3 S3PROXY = TestS3.s3proxy();

    private static String put(S3Client client, String bucket, String key, String text) {
        return client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(text)).eTag().replace("\"", "");
    }

    @Test
    void anEarlierVersionIsReadByItsEtagWhileTheCurrentOneIsBroken() {
        S3Client s3 = MOTO.sdk();
        String bucket = MOTO.newBucket("content");
        S3Http function = MOTO.client(MOTO.endpoint().config(bucket, "site"), S3Observer.NONE);
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        String good = put(s3, bucket, "articles/post.md", "---\ntitle: Good\ndate: 2026-03-01\n---\nThe good version.\n");
        put(s3, bucket, "articles/post.md.bak", "a neighbour whose name starts the same");
        String broken = put(s3, bucket, "articles/post.md", "---\ntitle: Broken\ndate: someday\n---\n");
        ContentStore store = new S3ContentStore(function, bucket, "articles/");

        ContentStore.SourceFile earlier = store.readVersion("post.md", good).orElseThrow();

        assertEquals(good, earlier.etag());
        assertTrue(new String(earlier.bytes(), StandardCharsets.UTF_8).contains("The good version."));
        assertEquals(broken, store.readVersion("post.md", broken).orElseThrow().etag(), "the current version, read as such");
        assertEquals(Optional.empty(), store.readVersion("post.md", "0123456789abcdef0123456789abcdef"));
        assertEquals(Optional.empty(), store.readVersion("missing.md", good));
    }

    @Test
    void aServerThatKeepsNoVersionsHasNoEarlierOne() {
        String bucket = S3PROXY.newBucket("content");
        String good = put(S3PROXY.sdk(), bucket, "post.md", "---\ntitle: Good\ndate: 2026-03-01\n---\nGood.\n");
        put(S3PROXY.sdk(), bucket, "post.md", "---\ntitle: Broken\ndate: someday\n---\n");
        S3Http function = S3PROXY.client(S3PROXY.endpoint().config(bucket, "site"), S3Observer.NONE);

        assertEquals(Optional.empty(), new S3ContentStore(function, bucket, "").readVersion("post.md", good));
    }
}
