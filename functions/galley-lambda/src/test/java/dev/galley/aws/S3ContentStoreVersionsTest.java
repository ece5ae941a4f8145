package dev.galley.aws;

import dev.galley.emulator.EmbeddedS3;
import dev.galley.lambda.FunctionConfig;
import dev.galley.lambda.MotoServer;
import dev.galley.aws.s3.S3Http;
import dev.galley.lambda.S3Clients;
import dev.galley.lambda.SdkS3Clients;
import dev.galley.publish.ContentStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broken replacement's last good version, read back from a versioned bucket over HTTP: against moto_server (which
 * keeps versions as S3 does) and against the embedded S3Proxy (which keeps none, so there is none to find).
 */
class S3ContentStoreVersionsTest {

    private static MotoServer moto;
    private static S3Client s3;
    private static S3Http function;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.startOrSkip();
        FunctionConfig config = new FunctionConfig("eu-west-1", "content", "", "site", Optional.of(moto.endpoint()));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        s3 = SdkS3Clients.create(config, credentials);
        function = S3Clients.create(config, credentials);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static String put(S3Client client, String bucket, String key, String text) {
        return client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(text)).eTag().replace("\"", "");
    }

    @Test
    void anEarlierVersionIsReadByItsEtagWhileTheCurrentOneIsBroken() {
        String bucket = "content-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(r -> r.bucket(bucket));
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
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start()) {
            FunctionConfig config = new FunctionConfig(server.region(), "content", "", "site", Optional.of(server.endpoint()));
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey()));
            S3Client client = SdkS3Clients.create(config, credentials);
            server.createBucket("content");
            String good = put(client, "content", "post.md", "---\ntitle: Good\ndate: 2026-03-01\n---\nGood.\n");
            put(client, "content", "post.md", "---\ntitle: Broken\ndate: someday\n---\n");

            assertEquals(Optional.empty(), new S3ContentStore(S3Clients.create(config, credentials), "content", "").readVersion("post.md", good));
            client.close();
        }
    }
}
