package dev.galley.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Articles and a site.yaml full of XSS payloads (test resources {@code xss/}: script, event handlers, attribute
 * break-outs, javascript: and data: URLs, iframes, styles, broken tags, in the body and every front matter field;
 * and, in {@code allow-list.md}, aimed at the raw HTML the sanitizer keeps: handlers and URLs inside allowed tags,
 * srcset, quote breaking, mutation XSS through svg and math nesting)
 * go through the preview's pipeline; headless Chromium loads every page the site links to, and no payload may
 * run. Each payload, if it ran, would set {@code window.__pwned}, open a dialog or log to the console.
 */
class XssBrowserTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "xss");
    /**
     * A page that really runs script, written straight into the site bucket: proves the detection works. The
     * preview sends the CDN's content security policy, which runs script files of the site and nothing inline, so
     * the canary's script is a file; its inline handler is blocked, and found as markup.
     */
    private static final String CANARY = """
            <!DOCTYPE html><html lang="en"><head><title>canary</title></head><body>
            <script src="/canary/pwn.js"></script>
            <img src="data:," alt="" onerror="alert('canary')">
            </body></html>
            """;
    private static final String CANARY_SCRIPT = "window.__pwned = 1; console.log('canary ran'); alert('canary');\n";

    @TempDir
    static Path dir;
    private static JsonNode report;
    private static List<String> published;
    private static List<String> rejected;

    @BeforeAll
    static void loadEveryPageOfTheHostileSite() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.orNull();
        if (chromium == null) {
            return;
        }
        try (Stream<Path> files = Files.list(FIXTURES)) {
            List<String> slugs = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
            published = slugs.stream().filter(s -> !s.startsWith("rejected-")).toList();
            rejected = slugs.stream().filter(s -> s.startsWith("rejected-")).toList();
        }
        List<Map<String, String>> paths = new ArrayList<>(List.of(
                Map.of("name", "home", "path", "/"),
                Map.of("name", "not-found", "path", "/no/such/page/"),
                Map.of("name", "canary", "path", "/canary/")));
        Stream.concat(published.stream(), rejected.stream())
                .forEach(slug -> paths.add(Map.of("name", slug, "path", "/articles/" + slug + "/")));

        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (PreviewCommand.Running preview = new PreviewCommand(FIXTURES, dir.resolve("s3"), 0).start(quiet)) {
            assertTrue(preview.awaitPublishing());
            preview.s3.putObject(r -> r.bucket(PreviewCommand.SITE_BUCKET).key("canary/index.html").contentType("text/html; charset=utf-8"),
                    RequestBody.fromString(CANARY));
            preview.s3.putObject(r -> r.bucket(PreviewCommand.SITE_BUCKET).key("canary/pwn.js").contentType("text/javascript"),
                    RequestBody.fromString(CANARY_SCRIPT));
            report = chromium.run("xss", Map.of(
                    "base", preview.site.url().toString(),
                    "paths", paths,
                    "widths", List.of(1280),
                    "xss", true,
                    "crawl", true,
                    "tabs", 4), dir);
        }
        System.out.println("[browser tests] XSS: " + pages().size() + " page loads in " + report.get("millis").asLong() + " ms");
    }

    private static List<JsonNode> pages() {
        return StreamSupport.stream(report.get("pages").spliterator(), false).toList();
    }

    private static JsonNode page(String path) {
        return pages().stream().filter(p -> p.get("path").asText().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("the browser never loaded " + path));
    }

    @BeforeEach
    void needsChromium() {
        HeadlessChromium.assumeAvailable();
    }

    @Test
    void theDetectorMustCatchAScriptThatDoesRun() {
        JsonNode canary = page("/canary/");
        assertTrue(canary.get("pwned").asBoolean(), "window.__pwned was not seen");
        assertEquals("alert: canary", canary.get("dialogs").path(0).asText());
        assertTrue(canary.get("console").toString().contains("canary ran"), canary.get("console").toString());
        assertTrue(canary.get("injected").toString().contains("onerror"), canary.get("injected").toString());
    }

    @Test
    void noPayloadMayRunOrBecomeMarkupOnAnyPage() {
        List<String> problems = new ArrayList<>();
        for (JsonNode page : pages()) {
            String path = page.get("path").asText();
            if (path.equals("/canary/")) {
                continue;
            }
            if (page.has("error")) {
                problems.add(path + ": " + page.get("error").asText());
                continue;
            }
            if (page.get("pwned").asBoolean()) {
                problems.add(path + ": window.__pwned was set");
            }
            page.get("dialogs").forEach(d -> problems.add(path + ": dialog " + d.asText()));
            page.get("pageErrors").forEach(e -> problems.add(path + ": uncaught " + e.asText()));
            page.get("injected").forEach(i -> problems.add(path + ": " + i.asText()));
            for (JsonNode message : page.get("console")) {
                boolean ownExpected404 = page.get("status").asInt() == 404 && message.get("url").asText().equals(page.get("url").asText());
                // Kept raw <img src=x> point at /media/x, which the fixtures do not upload: a missing image, not a payload.
                boolean missingImage = message.get("url").asText().startsWith(java.net.URI.create(page.get("url").asText()).resolve("/media/").toString())
                        && message.get("text").asText().startsWith("Failed to load resource");
                if (!ownExpected404 && !missingImage) {
                    problems.add(path + ": console " + message.get("type").asText() + " " + message.get("text").asText());
                }
            }
            BrowserTest.requestsLeavingLocalhost(page).forEach(url -> problems.add(path + ": requested " + url));
            if (!page.get("finalUrl").asText().equals(page.get("url").asText())) {
                problems.add(path + ": navigated away to " + page.get("finalUrl").asText());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPayloadMustReachItsPageAsText() {
        assertEquals(8, published.size(), "fixtures: " + published);
        for (String slug : published) {
            JsonNode page = page("/articles/" + slug + "/");
            assertEquals(200, page.get("status").asInt(), slug);
            assertTrue(page.get("text").asText().contains("__pwned"), slug + " shows no payload as text: " + page.get("text").asText());
        }
        String home = page("/").get("text").asText();
        for (String visible : List.of("<script>window.__pwned=1</script>XSS site", "<script>window.__pwned=1</script>Script in the title",
                "<iframe srcdoc='<script>parent.__pwned=1</script>'></iframe>", "<script>window.__pwned=1</script>.sql")) {
            assertTrue(home.contains(visible), "the home page does not show, as text: " + visible);
        }
        long tagPages = pages().stream().map(p -> p.get("path").asText()).filter(p -> p.matches("/tags/[^/]+/")).count();
        assertTrue(tagPages >= 12, "only " + tagPages + " tag pages were loaded");
        assertTrue(pages().stream().anyMatch(p -> p.get("path").asText().equals("/tags/")), "the tag index was not loaded");
    }

    @Test
    void aFileWithAPayloadInADateSlugOrFlagMustBeRejectedNotPublished() {
        assertEquals(5, rejected.size(), "fixtures: " + rejected);
        for (String slug : rejected) {
            assertEquals(404, page("/articles/" + slug + "/").get("status").asInt(), slug);
        }
        assertFalse(page("/").get("text").asText().contains("Rejected:"));
    }
}
