package dev.galley.aws.s3;

import dev.galley.lambda.TestS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link S3HttpContractTest} against moto_server (written apart from S3Proxy; it enforces conditional writes and keeps
 * versions), and version listings, which S3Proxy does not keep. Skipped where moto_server is not installed.
 */
class S3HttpOverMotoTest extends S3HttpContractTest {

    @RegisterExtension
    static final TestS3 MOTO = TestS3.moto().inRegion("eu-west-1");

    @Override
    protected TestS3 server() {
        return MOTO;
    }

    /** S3 keeps empty path segments; S3Proxy's HTTP server folds them, so this one is checked here only. */
    @Test
    void aKeyWithEmptySegmentsKeepsThem() {
        String etag = s3.put(bucket, "many//slashes/x.md", "x".getBytes(StandardCharsets.UTF_8), plain("text/markdown"));

        assertEquals(List.of(new S3Objects.Listed("many//slashes/x.md", etag)), s3.list(bucket, "many/"));
        assertEquals("x", sdk.getObjectAsBytes(r -> r.bucket(bucket).key("many//slashes/x.md")).asUtf8String());
    }

    @Test
    void everyVersionOfAKeyIsListedPastAThousandAndReadByItsId() {
        sdk.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        List<String> versionIds = new ArrayList<>();
        for (int i = 0; i < 1_002; i++) {
            String text = "version " + i;
            versionIds.add(sdk.putObject(r -> r.bucket(bucket).key("posts/a b+é.md"), RequestBody.fromString(text)).versionId());
        }
        sdk.putObject(r -> r.bucket(bucket).key("posts/a b+é.md.bak"), RequestBody.fromString("a neighbour"));

        List<S3Objects.Version> versions = s3.versions(bucket, "posts/a b+é.md").stream()
                .filter(v -> v.key().equals("posts/a b+é.md")).toList();

        assertEquals(1_002, versions.size());
        assertEquals(new java.util.HashSet<>(versionIds), versions.stream().map(S3Objects.Version::versionId).collect(java.util.stream.Collectors.toSet()));
        assertEquals(2, attempts.stream().filter(a -> a.startsWith("ListObjectVersions")).count(), "two pages");
        S3Objects.Version first = versions.stream().filter(v -> v.versionId().equals(versionIds.get(0))).findFirst().orElseThrow();
        S3Objects.Stored read = s3.get(bucket, first.key(), first.versionId(), 100);
        assertEquals("version 0", new String(read.bytes(), StandardCharsets.UTF_8));
        assertEquals(first.etag(), read.etag());
    }
}
