package dev.galley.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview end to end: embedded S3, the real handler, the site served over HTTP, edits followed live. */
class PreviewTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void eventually(URI url, Predicate<HttpResponse<String>> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (condition.test(get(url))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    @Test
    void servesTheSiteLikeCloudFrontAndFollowsEditsInTheContentFolder(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("site.yaml"), "title: Preview test site\n");
        Files.writeString(content.resolve("first.md"), "---\ntitle: First post\ndate: 2026-01-01\n---\nHello.\n");
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        try (PreviewCommand.Running preview = new PreviewCommand(content, dir.resolve("state"), 0).start(out)) {
            URI site = preview.site.url();
            HttpResponse<String> home = get(site);
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("Preview test site") && home.body().contains("First post"), home.body());
            assertTrue(home.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertEquals(200, get(site.resolve("/articles/first/")).statusCode());
            assertEquals(200, get(site.resolve("/articles/first")).statusCode());
            HttpResponse<String> missing = get(site.resolve("/no/such/page/"));
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("Page not found"));
            assertEquals(404, get(site.resolve("/_galley/manifest.json")).statusCode());

            CompletableFuture<String> reload = listenForReload(site);
            Files.writeString(content.resolve("second.md"), "---\ntitle: Second post\ndate: 2026-02-01\n---\nAgain.\n");
            eventually(site, r -> r.body().contains("Second post"), "the new article is on the home page");
            assertEquals("data: reload", reload.get(20, TimeUnit.SECONDS));

            Files.delete(content.resolve("first.md"));
            eventually(site.resolve("/articles/first/"), r -> r.statusCode() == 404, "the deleted article is gone");
            assertTrue(!get(site).body().contains("First post"));
        }
    }

    @Test
    void printsEachSharedDraftsLinkAtTheStartAndTheLinkOpensTheDraft(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("site.yaml"), "baseUrl: https://blog.example.com\n");
        Files.writeString(content.resolve("review.md"), "---\ntitle: For review\ndate: 2026-01-01\ndraft: true\n---\nNot yet.\n");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        try (PreviewCommand.Running preview = new PreviewCommand(content, dir.resolve("state"), 0).start(out)) {
            String line = printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("draft     review.md -> "))
                    .findFirst().orElseThrow(() -> new AssertionError(printed.toString(StandardCharsets.UTF_8)));
            URI link = URI.create(line.substring("draft     review.md -> ".length(), line.indexOf(" (")));

            assertTrue(link.toString().startsWith(preview.site.url() + "drafts/"), link.toString());
            HttpResponse<String> draft = get(link);
            assertEquals(200, draft.statusCode());
            assertTrue(draft.body().contains("For review") && draft.body().contains("noindex"), draft.body());
        }
    }

    @Test
    void servesTheFeedsAsFilesWithTheirTypesAndDropsATagsFeedWithItsLastArticle(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("first.md"), "---\ntitle: First post\ndate: 2026-01-01\ntags: [Rust, Go]\n---\nHello.\n");
        Files.writeString(content.resolve("second.md"), "---\ntitle: Second post\ndate: 2026-01-02\ntags: [Go]\n---\nAgain.\n");
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        try (PreviewCommand.Running preview = new PreviewCommand(content, dir.resolve("state"), 0).start(out)) {
            URI site = preview.site.url();
            Map<String, String> types = Map.of("/rss.xml", "application/rss+xml", "/index.xml", "application/rss+xml",
                    "/feed.xml", "application/atom+xml", "/tags/rust/feed.xml", "application/atom+xml", "/tags/go/feed.xml", "application/atom+xml");
            for (Map.Entry<String, String> feed : types.entrySet()) {
                HttpResponse<String> response = get(site.resolve(feed.getKey()));
                assertEquals(200, response.statusCode(), feed.getKey());
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(feed.getValue()), feed.getKey());
                assertTrue(response.body().contains("First post"), feed.getKey());
            }

            Files.delete(content.resolve("first.md"));
            eventually(site.resolve("/tags/rust/feed.xml"), r -> r.statusCode() == 404, "the tag without articles has lost its feed");
            assertTrue(!get(site.resolve("/tags/go/feed.xml")).body().contains("First post"));
            assertTrue(!get(site.resolve("/rss.xml")).body().contains("First post"));
        }
    }

    @Test
    void oldUrlsAnswer301ToTheArticleAsTheCdnDoes(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Path post = content.resolve("posts/zero-downtime.md");
        Files.createDirectories(post.getParent());
        Files.writeString(post, "---\ntitle: Zero downtime\ndate: 2026-03-10\nslug: zero-downtime\n---\nBody.\n");
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        try (PreviewCommand.Running preview = new PreviewCommand(content, dir.resolve("state"), 0).start(out)) {
            URI site = preview.site.url();
            Files.writeString(post, "---\ntitle: Zero downtime\ndate: 2026-03-10\nslug: zero-downtime-migrations\n"
                    + "aliases: [/blog/2024/zero-downtime.html]\n---\nBody.\n");
            eventually(site.resolve("/articles/zero-downtime/"), r -> r.statusCode() == 301, "the old slug redirects");
            eventually(site.resolve("/blog/2024/zero-downtime.html"), r -> r.statusCode() == 301, "the alias redirects");

            HttpResponse<String> renamed = get(site.resolve("/articles/zero-downtime/?utm_source=feed"));
            assertEquals("/articles/zero-downtime-migrations/?utm_source=feed", renamed.headers().firstValue("Location").orElseThrow());
            HttpResponse<String> alias = get(site.resolve("/blog/2024/zero-downtime.html"));
            assertEquals("/articles/zero-downtime-migrations/", alias.headers().firstValue("Location").orElseThrow());
            assertEquals(200, get(site.resolve("/articles/zero-downtime-migrations/")).statusCode());

            Files.delete(post);
            eventually(site.resolve("/articles/zero-downtime-migrations/"), r -> r.statusCode() == 404, "the article is gone");
            assertEquals(404, get(site.resolve("/articles/zero-downtime/")).statusCode(), "its redirects went before its page");
            assertEquals(404, get(site.resolve("/blog/2024/zero-downtime.html")).statusCode());
        }
    }

    @Test
    void aHeldArticleGoesLiveAtItsTimeWithNoEditAndAnExpiringOneGoesDown(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("launch.md"), "---\ntitle: Launch post\ndate: 2026-01-01\npublishDate: 2030-01-01T09:00:00Z\n---\nNow.\n");
        Files.writeString(content.resolve("sale.md"), "---\ntitle: Sale post\ndate: 2026-01-01\nexpiryDate: 2030-01-01T09:00:00Z\n---\nOver.\n");
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        MovableClock clock = new MovableClock(Instant.parse("2030-01-01T08:00:00Z"));

        try (PreviewCommand.Running preview = new PreviewCommand(content, dir.resolve("state"), 0).start(out, clock)) {
            URI site = preview.site.url();
            assertEquals(404, get(site.resolve("/articles/launch/")).statusCode());
            assertEquals("scheduled", status(preview, "launch.md"));
            assertEquals(200, get(site.resolve("/articles/sale/")).statusCode());

            clock.set(Instant.parse("2030-01-01T09:00:00Z"));
            eventually(site.resolve("/articles/launch/"), r -> r.statusCode() == 200, "the held article goes live");
            eventually(site.resolve("/articles/sale/"), r -> r.statusCode() == 404, "the expiring article goes down");
            eventually(site, r -> r.body().contains("Launch post") && !r.body().contains("Sale post"), "the home page follows");
            for (int i = 0; i < 100 && !status(preview, "sale.md").equals("expired"); i++) {
                Thread.sleep(100);  // the status is reported once the article is down
            }
            assertEquals("expired", status(preview, "sale.md"));
        }
    }

    private static String status(PreviewCommand.Running preview, String key) {
        return preview.s3.getObjectTagging(r -> r.bucket(PreviewCommand.CONTENT_BUCKET).key(key)).tagSet().stream()
                .filter(tag -> tag.key().equals("galley-status")).map(software.amazon.awssdk.services.s3.model.Tag::value).findFirst().orElse("");
    }

    @Test
    void aRestartKeepsWhatAuthorsUploadedWithAnS3ToolAndWritesItIntoTheFolder(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("first.md"), "---\ntitle: First post\ndate: 2026-01-01\n---\nHello.\n");
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String uploaded = "---\ntitle: Uploaded with an S3 tool\ndate: 2026-02-01\n---\nFrom the CLI.\n";

        try (PreviewCommand.Running preview = new PreviewCommand(content, dir.resolve("state"), 0).start(out)) {
            for (int i = 0; i < 30; i++) {
                String key = "cli/post-" + i + ".md";
                preview.s3.putObject(r -> r.bucket(PreviewCommand.CONTENT_BUCKET).key(key),
                        software.amazon.awssdk.core.sync.RequestBody.fromString(uploaded.replace("S3 tool", "S3 tool " + i)));
            }
            preview.awaitPublishing();
            assertEquals(uploaded.replace("S3 tool", "S3 tool 7"), Files.readString(content.resolve("cli/post-7.md")),
                    "an upload reaches the folder while the preview runs");
            preview.s3.deleteObject(r -> r.bucket(PreviewCommand.CONTENT_BUCKET).key("cli/post-29.md"));
            preview.awaitPublishing();
            assertTrue(!Files.exists(content.resolve("cli/post-29.md")), "an S3 deletion reaches the folder");
        }
        // Files the folder lacks at start (here deleted while the preview was stopped) are written back from the
        // bucket: the preview deletes nothing it did not delete itself.
        Files.delete(content.resolve("cli/post-3.md"));
        Files.delete(content.resolve("cli/post-4.md"));

        try (PreviewCommand.Running preview = new PreviewCommand(content, dir.resolve("state"), 0).start(out)) {
            URI site = preview.site.url();
            java.util.List<String> keys = preview.s3.listObjectsV2Paginator(r -> r.bucket(PreviewCommand.CONTENT_BUCKET)).contents()
                    .stream().map(software.amazon.awssdk.services.s3.model.S3Object::key).toList();
            assertEquals(30, keys.size(), keys.toString());
            assertEquals(uploaded.replace("S3 tool", "S3 tool 3"), Files.readString(content.resolve("cli/post-3.md")));
            assertEquals(200, get(site.resolve("/articles/post-3/")).statusCode());
            assertEquals(200, get(site.resolve("/articles/first/")).statusCode());
        }
    }

    /** Opens the live-reload stream the way a tab does and completes with its first message. */
    private CompletableFuture<String> listenForReload(URI site) throws Exception {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(site.resolve(SiteServer.EVENTS_PATH)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        return CompletableFuture.supplyAsync(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        return line;
                    }
                }
                return "closed";
            } catch (java.io.IOException e) {
                return "failed: " + e;
            }
        });
    }
}
