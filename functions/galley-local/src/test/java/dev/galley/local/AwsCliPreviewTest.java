package dev.galley.local;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview driven by the real AWS CLI, as authors drive the content bucket: {@code aws s3 cp}, {@code mv} and
 * {@code sync --delete}. Skipped where the CLI is not installed.
 */
class AwsCliPreviewTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private static String article(String title, String date) {
        return "---\ntitle: " + title + "\ndate: " + date + "\n---\nWritten for the CLI test.\n";
    }

    @Test
    void copyMoveAndSyncWithDeleteEachLeaveTheSiteTheBucketDescribes(@TempDir Path dir) throws Exception {
        Optional<Path> cli = onPath("aws");
        Assumptions.assumeTrue(cli.isPresent(), "the aws CLI is not on PATH: the preview was NOT driven by it");
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("site.yaml"), "title: CLI test site\n");
        Files.writeString(content.resolve("first.md"), article("First post", "2026-01-01"));
        Path drafts = Files.createDirectories(dir.resolve("drafts"));
        Files.writeString(drafts.resolve("one.md"), article("Uploaded one", "2026-02-01"));
        Files.writeString(drafts.resolve("two.md"), article("Uploaded two", "2026-02-02"));
        Files.writeString(drafts.resolve("three.md"), article("Uploaded three", "2026-02-03"));
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        try (PreviewCommand.Running preview = new PreviewCommand(content, dir.resolve("state"), 0).start(out)) {
            URI site = preview.site.url();
            Aws aws = new Aws(cli.get(), preview);

            aws.run("s3", "cp", drafts.resolve("one.md").toString(), "s3://galley-content/posts/one.md");
            assertTrue(preview.awaitPublishing());
            assertEquals(200, status(site.resolve("/articles/one/")));
            assertTrue(aws.run("s3api", "get-object-tagging", "--bucket", "galley-content", "--key", "posts/one.md")
                    .contains("published"), "the status tag says what became of the upload");

            aws.run("s3", "mv", "s3://galley-content/posts/one.md", "s3://galley-content/posts/moved.md");
            assertTrue(preview.awaitPublishing());
            assertEquals(200, status(site.resolve("/articles/moved/")));
            assertEquals(404, status(site.resolve("/articles/one/")), "a moved file's old page goes with its old key");

            aws.run("s3", "sync", "--delete", drafts.toString(), "s3://galley-content/posts/");
            assertTrue(preview.awaitPublishing());
            assertEquals(404, status(site.resolve("/articles/moved/")), "sync --delete removed the moved file");
            for (String slug : List.of("one", "two", "three")) {
                assertEquals(200, status(site.resolve("/articles/" + slug + "/")), slug);
            }
            String home = get(site).body();
            assertTrue(home.contains("Uploaded three") && home.contains("First post"), home);
            assertFalse(home.contains("/articles/moved/"), "no listing links the removed article");
            assertEquals(article("Uploaded two", "2026-02-02"), Files.readString(content.resolve("posts/two.md")),
                    "what the CLI uploaded reaches the content folder");
            assertFalse(Files.exists(content.resolve("posts/moved.md")), "and what it deleted leaves it");
        }
    }

    private int status(URI url) throws Exception {
        return get(url).statusCode();
    }

    private HttpResponse<String> get(URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<Path> onPath(String name) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(folder -> Path.of(folder, name)).filter(Files::isExecutable).findFirst();
    }

    /** The CLI pointed at the preview's S3, with the credentials the preview prints. */
    private record Aws(Path executable, PreviewCommand.Running preview) {

        String run(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(executable.toString(),
                    "--endpoint-url", preview.s3Server.endpoint().toString(), "--region", preview.s3Server.region()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("AWS_ACCESS_KEY_ID", preview.s3Server.accessKey());
            builder.environment().put("AWS_SECRET_ACCESS_KEY", preview.s3Server.secretKey());
            builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
            builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "aws " + String.join(" ", args) + " did not finish");
            assertEquals(0, process.exitValue(), "aws " + String.join(" ", args) + ":\n" + output);
            return output;
        }
    }
}
