package dev.galley.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The preview's store: objects on disk that outlive the emulator. */
class FilesystemStoreTest {

    @TempDir
    Path directory;

    @Test
    void objectsAndTheirMetadataSurviveARestart() {
        try (EmbeddedS3 s3 = EmbeddedS3.builder().filesystem(directory).build().start();
                S3Client client = S3Clients.standard(s3)) {
            s3.createBucket("site");
            client.putObject(b -> b.bucket("site").key("posts/hello/index.html").contentType("text/html")
                    .cacheControl("max-age=60").metadata(Map.of("source", "posts/hello.md")),
                    RequestBody.fromString("<h1>Hello</h1>"));
        }
        assertTrue(Files.isRegularFile(directory.resolve("site/posts/hello/index.html")));

        try (EmbeddedS3 s3 = EmbeddedS3.builder().filesystem(directory).build().start();
                S3Client client = S3Clients.standard(s3)) {
            var object = client.getObjectAsBytes(b -> b.bucket("site").key("posts/hello/index.html"));
            assertEquals("<h1>Hello</h1>", object.asUtf8String());
            assertEquals("text/html", object.response().contentType());
            assertEquals("max-age=60", object.response().cacheControl());
            assertEquals("posts/hello.md", object.response().metadata().get("source"));
        }
    }

    @Test
    void sequencersKeepGrowingAcrossARestart() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (EmbeddedS3 s3 = EmbeddedS3.builder().filesystem(directory).notifications(events::add).build()
                    .start();
                    S3Client client = S3Clients.standard(s3)) {
                s3.createBucket("content");
                s3.enableNotifications("content");
                client.putObject(b -> b.bucket("content").key("a.md"), RequestBody.fromString("v"));
            }
        }
        String first = events.get(0).replaceAll(".*\"sequencer\":\"([0-9A-F]+)\".*", "$1");
        String second = events.get(1).replaceAll(".*\"sequencer\":\"([0-9A-F]+)\".*", "$1");
        assertTrue(second.compareTo(first) > 0, second + " after " + first);
    }

    @Test
    void clientsMaySignForAnyRegion() {
        try (EmbeddedS3 s3 = EmbeddedS3.builder().inMemory().build().start();
                S3Client client = S3Clients.builder(s3).region(Region.EU_CENTRAL_1).build()) {
            s3.createBucket("anywhere");
            client.putObject(b -> b.bucket("anywhere").key("k"), RequestBody.fromString("v"));
            assertEquals(1, client.listObjectsV2(b -> b.bucket("anywhere")).keyCount());
        }
    }
}
