package dev.galley.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The author's way, end to end with the built jar: {@code preview --port 0} in one process, and {@code publish}
 * in another with the endpoint and credentials the preview printed, as the README tells.
 */
class PublishToPreviewIT {

    private static final Path JAR = Path.of("target", "galley-local.jar").toAbsolutePath();
    private static final Pattern ENDPOINT = Pattern.compile("S3 endpoint:\\s+(http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern CREDENTIALS = Pattern.compile("credentials:\\s+AWS_ACCESS_KEY_ID=(\\S+) AWS_SECRET_ACCESS_KEY=(\\S+)");

    @Test
    void publishAgainstARunningPreviewPrintsThePagesAbsoluteUrl(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("site.yaml"), "title: Field notes\nbaseUrl: https://notes.example.com/\n");
        Path post = Files.writeString(dir.resolve("fast-rust-ci.md"), """
                ---
                title: Fast Rust CI on a budget
                date: 2026-01-20
                tags: [Rust, CI]
                ---
                Cache `~/.cargo/registry` and `target/` keyed on `Cargo.lock`, and most builds finish in a minute.
                """);
        Process preview = java(dir, Map.of(), "preview", "--port", "0", content.toString()).start();
        try {
            List<String> printed = awaitStart(preview);
            String endpoint = find(ENDPOINT, printed).group(1);
            Matcher keys = find(CREDENTIALS, printed);

            Result published = run(dir, Map.of("AWS_ACCESS_KEY_ID", keys.group(1), "AWS_SECRET_ACCESS_KEY", keys.group(2)),
                    "publish", post.toString(), "--endpoint", endpoint, "--bucket", "galley-content");

            assertEquals(0, published.status(), published.output());
            assertTrue(published.output().contains("published fast-rust-ci.md -> https://notes.example.com/articles/fast-rust-ci/"),
                    published.output());

            Result anonymous = run(dir, Map.of(), "publish", post.toString(), "--endpoint", endpoint, "--bucket", "galley-content");

            assertEquals(2, anonymous.status(), anonymous.output());
            assertEquals("error: no AWS credentials found: run aws configure, or set AWS_PROFILE, "
                    + "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", anonymous.output().strip());
        } finally {
            preview.destroy();
            preview.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private record Result(int status, String output) {
    }

    private static Result run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process process = java(dir, env, args).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), output);
        return new Result(process.exitValue(), output);
    }

    /** The jar run as an author runs it, with no AWS configuration but what {@code env} gives. */
    private static ProcessBuilder java(Path dir, Map<String, String> env, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("HOME", dir.toString());  // no ~/.aws of the machine's
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");  // and no instance metadata asked
        builder.environment().putAll(env);
        return builder;
    }

    /** The preview's output up to the line that says it is ready. */
    private static List<String> awaitStart(Process preview) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(preview.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the preview is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        List<String> printed = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                printed.add(line);
                if (line.startsWith("Edit files in")) {
                    return printed;
                }
            }
        }
        throw new AssertionError("the preview did not start: " + printed);
    }

    private static Matcher find(Pattern pattern, List<String> lines) {
        return lines.stream().map(pattern::matcher).filter(Matcher::find).findFirst()
                .orElseThrow(() -> new AssertionError("no " + pattern + " in " + lines));
    }
}
