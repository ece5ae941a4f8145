package dev.galley.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What a killed preview leaves behind in the filesystem store is never an object, and is gone after a restart. */
class StorageTempFilesTest {

    @TempDir
    Path state;

    @Test
    void aHalfWrittenFileLeftByAKillIsNeverListedNorServedAndIsSweptOnTheNextStart() throws IOException {
        String leftover = "_galley/manifest.json-" + UUID.randomUUID();
        try (EmbeddedS3 s3 = EmbeddedS3.builder().filesystem(state).build().start(); S3Client client = S3Clients.standard(s3)) {
            s3.createBucket("site");
            client.putObject(r -> r.bucket("site").key("_galley/manifest.json"), RequestBody.fromString("{\"whole\":true}"));
            // What S3Proxy's filesystem store holds while a PUT is under way, and after the process is killed in it.
            Files.writeString(state.resolve("site").resolve(leftover), "{\"half", StandardCharsets.UTF_8);

            assertEquals(List.of("_galley/manifest.json"), keys(client));
            assertThrows(NoSuchKeyException.class, () -> client.getObject(r -> r.bucket("site").key(leftover)));
            assertThrows(NoSuchKeyException.class, () -> client.headObject(r -> r.bucket("site").key(leftover)));
        }
        try (EmbeddedS3 s3 = EmbeddedS3.builder().filesystem(state).build().start(); S3Client client = S3Clients.standard(s3)) {
            assertFalse(Files.exists(state.resolve("site").resolve(leftover)), "swept on start");
            assertEquals(List.of("_galley/manifest.json"), keys(client));
            assertEquals("{\"whole\":true}", client.getObjectAsBytes(r -> r.bucket("site").key("_galley/manifest.json")).asUtf8String());
        }
    }

    @Test
    void anObjectMayNotTakeATemporaryFilesName() {
        try (EmbeddedS3 s3 = EmbeddedS3.builder().filesystem(state).build().start(); S3Client client = S3Clients.standard(s3)) {
            s3.createBucket("content");
            S3Exception refused = assertThrows(S3Exception.class, () -> client.putObject(
                    r -> r.bucket("content").key("photo-" + UUID.randomUUID()), RequestBody.fromString("x")));
            assertEquals(400, refused.statusCode());
        }
    }

    @Test
    void onlyADashAndAUuidAtTheEndOfTheNameMarkATemporaryFile() {
        assertTrue(StorageTempFiles.isTemporary("a/search.json-" + UUID.randomUUID()));
        assertFalse(StorageTempFiles.isTemporary("a/search.json"));
        assertFalse(StorageTempFiles.isTemporary(UUID.randomUUID() + ".md"));
        assertFalse(StorageTempFiles.isTemporary("posts/" + UUID.randomUUID()), "a bare UUID has no name before the dash");
        assertFalse(StorageTempFiles.isTemporary(".s3proxy-mpu-stub-" + UUID.randomUUID()), "S3Proxy's multipart uploads");
    }

    private static List<String> keys(S3Client client) {
        return client.listObjectsV2Paginator(r -> r.bucket("site")).contents().stream().map(S3Object::key).toList();
    }
}
