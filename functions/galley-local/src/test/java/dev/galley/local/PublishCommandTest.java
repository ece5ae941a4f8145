package dev.galley.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code publish} and {@code status} against the embedded S3 with the real handler behind it: the preview, whose
 * handler runs on every S3 notification as the Lambda does.
 */
class PublishCommandTest {

    private static final String GOOD = """
            ---
            title: Graceful shutdown in Go
            date: 2026-02-14
            tags: [Go, Kubernetes]
            ---
            When Kubernetes sends SIGTERM, your server has `terminationGracePeriodSeconds` to finish what it started.

            ```go
            ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
            defer stop()
            ```
            """;
    private static final String BROKEN = """
            ---
            title: Release notes for 2.0
            date: next tuesday
            ---
            Everything changed.
            """;
    private static final String DRAFT = """
            ---
            title: An error budget for observability
            date: 2026-03-01
            draft: true
            ---
            How much telemetry is enough?
            """;

    @TempDir
    static Path dir;
    private static PreviewCommand.Running preview;
    private static AwsCredentialsProvider credentials;

    @BeforeAll
    static void startPreview() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("site.yaml"), "title: Field notes\nbaseUrl: https://notes.example.com/\n");
        preview = new PreviewCommand(content, dir.resolve("state"), 0).start(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(preview.s3Server.accessKey(), preview.s3Server.secretKey()));
    }

    @AfterAll
    static void stopPreview() {
        preview.close();
    }

    /** What a command printed and returned. */
    private record Run(int status, String out, String err) {
    }

    private static Run publish(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", preview.s3Server.endpoint().toString(), "--bucket", PreviewCommand.CONTENT_BUCKET, "--wait", "30s"));
        return run((out, err) -> PublishCommand.parse(all.toArray(String[]::new)).run(out, err, Map.of(), credentials, false));
    }

    private static Run status(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", preview.s3Server.endpoint().toString(), "--bucket", PreviewCommand.CONTENT_BUCKET));
        return run((out, err) -> StatusCommand.parse(all.toArray(String[]::new)).run(out, err, Map.of(), credentials));
    }

    private interface Command {
        int run(PrintStream out, PrintStream err);
    }

    private static Run run(Command command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path write(String name, String text) throws IOException {
        Path file = dir.resolve("drafts").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aGoodFilePrintsItsAbsoluteUrlFromBaseUrlAndExitsZero() throws IOException {
        Run run = publish(write("graceful-shutdown-go.md", GOOD).toString());

        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("published graceful-shutdown-go.md -> https://notes.example.com/articles/graceful-shutdown-go/\n"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aBrokenFilePrintsItsReasonWithItsLineAndExitsOne() throws IOException {
        Run run = publish(write("release-notes.md", BROKEN).toString());

        assertEquals(1, run.status(), run.toString());
        assertTrue(run.out().contains("rejected  release-notes.md: line 3: date "), run.out());
    }

    @Test
    void aDraftPrintsItsLinkToShareForReviewAndExitsOne() throws Exception {
        Run run = publish(write("observability-budget.md", DRAFT).toString());

        assertEquals(1, run.status(), run.toString());
        Matcher line = Pattern.compile("draft     observability-budget\\.md -> https://notes\\.example\\.com/(drafts/[A-Za-z0-9_-]{32}/) "
                + "\\(draft, share this link for review\\)\n").matcher(run.out());
        assertTrue(line.find(), run.out());
        // The preview serves it at that path, as CloudFront will under baseUrl, and tells search engines to keep out.
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(preview.site.url().resolve("/" + line.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("An error budget for observability") && page.body().contains("Draft — not published."), page.body());
        assertEquals("noindex, nofollow", page.headers().firstValue("X-Robots-Tag").orElseThrow());
        assertTrue(Files.isRegularFile(dir.resolve("draft-key")), "the preview keeps its draft key beside its state");
    }

    @Test
    void statusListsEverySourceWithItsStatusReasonAndUrl() throws IOException {
        Run published = publish(write("status/go.md", GOOD).toString(), write("status/notes.md", BROKEN).toString(),
                write("status/budget.md", DRAFT).toString(), "--root", dir.resolve("drafts").toString());
        assertEquals(1, published.status(), published.toString());

        Run run = status("status/");

        assertEquals(0, run.status(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("draft     status/budget\\.md -> https://notes\\.example\\.com/drafts/[A-Za-z0-9_-]{32}/ "
                + "\\(draft, share this link for review\\)"), run.out());
        assertEquals("published status/go.md -> https://notes.example.com/articles/go/", lines.get(1), run.out());
        assertTrue(lines.get(2).startsWith("rejected  status/notes.md: line 3: date "), run.out());
        assertTrue(run.out().contains("3 files under s3://galley-content/status/: 1 draft, 1 published, 1 rejected"), run.out());
    }

    @Test
    void aNewVersionReportsItsOwnStatusNotThePreviousOnes() throws IOException {
        Path file = write("versions.md", GOOD);
        assertEquals(0, publish(file.toString()).status());

        Files.writeString(file, BROKEN);
        Run run = publish(file.toString());

        assertEquals(1, run.status(), run.toString());
        assertTrue(run.out().contains("rejected  versions.md: line 3"), run.out());
        assertFalse(run.out().contains("published versions.md"), run.out());
    }

    @Test
    void aFileInsideTheContentFolderKeepsItsPathAsItsKey() throws IOException {
        Path root = dir.resolve("site-content");
        Path inside = root.resolve("posts/2026/shutdown.md");
        Path outside = dir.resolve("elsewhere/diagram.png");
        Files.createDirectories(inside.getParent());
        Files.createDirectories(outside.getParent());
        Files.writeString(inside, GOOD);
        Files.write(outside, new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        PublishCommand command = PublishCommand.parse(new String[] {inside.toString(), outside.toString(), "--root", root.toString()});

        assertEquals(List.of("posts/2026/shutdown.md", "diagram.png"), List.copyOf(command.keys().keySet()));
    }

    @Test
    void aMissingBucketIsOneLineAndExitStatusTwo() throws IOException {
        Path file = write("no-bucket.md", GOOD);
        Run run = run((out, err) -> PublishCommand.parse(new String[] {file.toString(), "--endpoint", preview.s3Server.endpoint().toString()})
                .run(out, err, Map.of(), credentials, false));

        assertEquals(2, run.status());
        assertEquals("error: no content bucket: pass --bucket NAME (the stack's output ContentBucketName) or --stack NAME, or set GALLEY_BUCKET\n",
                run.err());
    }

    @Test
    void aBucketThatDoesNotExistIsOneLineAndExitStatusTwo() throws IOException {
        Path file = write("wrong-bucket.md", GOOD);
        Run run = run((out, err) -> PublishCommand.parse(new String[] {file.toString(), "--endpoint", preview.s3Server.endpoint().toString(),
                "--bucket", "galley-contnet"}).run(out, err, Map.of(), credentials, false));

        assertEquals(2, run.status());
        assertEquals("error: no bucket galley-contnet at " + preview.s3Server.endpoint() + ": check --bucket (the stack's ContentBucketName)\n",
                run.err());
    }

    @Test
    void refusedCredentialsAreOneLineAndExitStatusTwo() throws IOException {
        Path file = write("wrong-key.md", GOOD);
        AwsCredentialsProvider wrong = StaticCredentialsProvider.create(AwsBasicCredentials.create(preview.s3Server.accessKey(), "not-the-secret"));
        Run run = run((out, err) -> PublishCommand.parse(new String[] {file.toString(), "--endpoint", preview.s3Server.endpoint().toString(),
                "--bucket", PreviewCommand.CONTENT_BUCKET}).run(out, err, Map.of(), wrong, false));

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: AWS refused the credentials (SignatureDoesNotMatch) while uploading "), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void anUnreachableEndpointIsOneLineAndExitStatusTwo() throws IOException {
        Path file = write("unreachable.md", GOOD);
        Run run = run((out, err) -> PublishCommand.parse(new String[] {file.toString(), "--endpoint", "http://127.0.0.1:9",
                "--bucket", PreviewCommand.CONTENT_BUCKET}).run(out, err, Map.of(), credentials, false));

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: cannot reach http://127.0.0.1:9 while uploading "), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void aFileThatDoesNotExistIsOneLineAndExitStatusTwo() {
        Run run = publish(dir.resolve("drafts/no-such-post.md").toString());

        assertEquals(2, run.status());
        assertEquals("error: no file at " + dir.resolve("drafts/no-such-post.md") + "\n", run.err());
    }
}
