package dev.galley.local;

import dev.galley.publish.StatePieces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview killed with SIGKILL in the middle of a 300-file upload, then started again and the upload repeated,
 * as an author would: nothing is lost, nothing half-written is left in either bucket, and the site shows every file.
 */
class PreviewKillTest {

    private static final Pattern ENDPOINT = Pattern.compile("S3 endpoint:\\s+(http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern TEMPORARY = Pattern.compile(".*-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int FILES = 300;

    @Test
    void aPreviewKilledDuringA300FileUploadConvergesOnRestartWithNothingLostNorHalfWritten(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("site.yaml"), "title: Kill test\n");
        Files.writeString(content.resolve("local.md"), article("Written in the folder", 0));

        Preview first = Preview.start(dir, content);
        AtomicInteger uploaded = new AtomicInteger();
        Thread author = new Thread(() -> uploadAll(first.endpoint, uploaded));
        author.start();
        while (uploaded.get() < FILES / 3) {
            Thread.sleep(10);
        }
        first.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);  // SIGKILL, mid-upload and mid-publish
        author.join();

        Preview second = Preview.start(dir, content);
        try (S3Client s3 = client(second.endpoint)) {
            uploadAll(second.endpoint, new AtomicInteger());  // the author runs the interrupted upload again
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (manifestEntries(s3) < FILES + 1 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }

            List<String> contentKeys = keys(s3, "galley-content");
            assertEquals(FILES + 2, contentKeys.size(), "every upload and the folder's two files are in the bucket");
            for (int i = 0; i < FILES; i++) {
                assertEquals(article("Uploaded " + i, i), Files.readString(content.resolve("cli/post-" + i + ".md")),
                        "the folder holds every upload, whole");
            }
            List<String> siteKeys = keys(s3, "galley-site");
            assertTrue(siteKeys.stream().noneMatch(key -> TEMPORARY.matcher(key).matches()), siteKeys.toString());
            assertTrue(contentKeys.stream().noneMatch(key -> TEMPORARY.matcher(key).matches()), contentKeys.toString());
            assertEquals(FILES + 1, manifestEntries(s3), "the manifest is whole and lists every article");
            for (int i = 0; i < FILES; i += 37) {
                String slug = "post-" + i;
                assertTrue(siteKeys.contains("articles/" + slug + "/index.html"), slug);
            }
        } finally {
            second.process.destroy();
            second.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String article(String title, int day) {
        return "---\ntitle: " + title + "\ndate: 2026-01-01T00:00:00Z\n---\nPost number " + day + ".\n";
    }

    private static void uploadAll(URI endpoint, AtomicInteger uploaded) {
        try (S3Client s3 = client(endpoint)) {
            for (int i = 0; i < FILES; i++) {
                String key = "cli/post-" + i + ".md";
                s3.putObject(r -> r.bucket("galley-content").key(key), RequestBody.fromString(article("Uploaded " + uploaded.get(), uploaded.get())));
                uploaded.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // the preview was killed under the upload, as the author's tool would see it
        }
    }

    /** An object of the site bucket, decoded as its Content-Encoding says (the bucket holds text gzip-encoded). */
    private static byte[] siteObject(S3Client s3, String key) {
        var held = s3.getObjectAsBytes(r -> r.bucket("galley-site").key(key));
        return dev.galley.aws.GzipEncoding.decode(held.asByteArray(), held.response().contentEncoding());
    }

    private static int manifestEntries(S3Client s3) throws IOException {
        try {
            return StatePieces.assemble(siteObject(s3, StatePieces.ROOT),
                    name -> java.util.Optional.of(siteObject(s3, StatePieces.FOLDER + name + ".json"))).entries().size();
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return 0;
        }
    }

    private static List<String> keys(S3Client s3, String bucket) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    private static S3Client client(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("galley-access-key", "galley-secret-key")))
                .build();
    }

    /** The preview as an author runs it, in a process of its own that the test can kill. */
    private record Preview(Process process, URI endpoint) {

        static Preview start(Path dir, Path content) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "preview", "--port", "0", content.toString())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            BlockingQueue<String> endpoint = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    String found = null;
                    while ((line = lines.readLine()) != null) {
                        Matcher m = ENDPOINT.matcher(line);
                        if (m.find()) {
                            found = m.group(1);
                        }
                        if (line.startsWith("Edit files in") && found != null) {
                            endpoint.add(found);  // ready: the start's uploads and re-render are done
                        }
                    }
                } catch (IOException e) {
                    // the process is gone
                }
            });
            reader.setDaemon(true);
            reader.start();
            String url = endpoint.poll(3, TimeUnit.MINUTES);
            if (url == null) {
                process.destroyForcibly();
                throw new AssertionError("the preview did not start");
            }
            return new Preview(process, URI.create(url));
        }
    }
}
