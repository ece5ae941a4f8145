package dev.galley.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search page at work in headless Chromium, over the preview's pipeline: the sample site plus the articles of
 * test resources {@code search/} (a French title with accents, a title that is markup) and the hostile articles of
 * {@code xss/}, and {@value #LEDGER_NOTES} short notes, so that the index comes in several chunks; each page is served
 * with the CDN's Content-Security-Policy. A reader types, uses only
 * the keyboard, opens a shared {@code ?q=} link, and loads the page without JavaScript; axe checks it at phone and
 * desktop widths. Skipped, with a notice, where there is no Chromium.
 */
class SearchBrowserTest {

    private static final Path SAMPLE = Path.of("..", "..", "content");
    private static final Path EXTRA = Path.of("src", "test", "resources", "search");
    /** XssBrowserTest's hostile articles, whose titles and summaries the results must show as text too. */
    private static final Path HOSTILE = Path.of("src", "test", "resources", "xss");
    private static final Path TEMPLATE = Path.of("..", "..", "infrastructure", "template.yaml");
    private static final String XSS_TITLE = "<img src=x onerror=alert(1)>";
    private static final int LEDGER_NOTES = 300;

    @TempDir
    static Path dir;
    private static JsonNode report;
    /** The chunks search.json names. */
    private static List<String> chunks;

    @BeforeAll
    static void useTheSearchPageAtPhoneAndDesktopWidths() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.orNull();
        if (chromium == null) {
            return;
        }
        Path content = dir.resolve("content");
        copy(SAMPLE, content);
        Files.createDirectories(content.resolve("ledger"));
        copy(EXTRA, content);
        try (Stream<Path> hostile = Files.list(HOSTILE)) {
            for (Path article : hostile.filter(f -> f.toString().endsWith(".md")).toList()) {
                Files.copy(article, content.resolve(article.getFileName().toString()));
            }
        }
        for (int n = 1; n <= LEDGER_NOTES; n++) {
            Files.writeString(content.resolve("ledger/note-" + n + ".md"), "---\ntitle: Ledger note " + n + "\ndate: "
                    + java.time.LocalDate.of(2019, 1, 1).plusDays(n) + "\ntags: [ledger]\n---\nA routine note, number " + n + ".\n");
        }
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (PreviewCommand.Running preview = new PreviewCommand(content, dir.resolve("s3"), 0).start(quiet)) {
            assertTrue(preview.awaitPublishing());
            JsonNode index = new com.fasterxml.jackson.databind.ObjectMapper().readTree(preview.site.url().resolve("/search.json").toURL());
            chunks = list(index.get("chunks")).stream().map(JsonNode::asText).toList();
            report = chromium.run("search.mjs", "search", Map.of(
                    "base", preview.site.url().toString(),
                    "widths", BrowserTest.WIDTHS,
                    "screenshots", HeadlessChromium.SCREENSHOTS.toAbsolutePath().toString(),
                    "query", "Zero DOWNTIME",
                    "prefill", "DEPLOIEMENTS interruption",
                    "xssQuery", "onerror",
                    "csp", cdnContentSecurityPolicy()), dir);
        }
    }

    /** The policy CloudFront sends with every page (template.yaml), with no frame hosts added. */
    static String cdnContentSecurityPolicy() throws IOException {
        Matcher policy = Pattern.compile("ContentSecurityPolicy: !Sub \"(default-src [^\"]+)\"").matcher(Files.readString(TEMPLATE));
        assertTrue(policy.find(), "no Content-Security-Policy in " + TEMPLATE);
        String csp = policy.group(1).replace(" ${ExtraFrameHosts}", "");
        assertTrue(csp.contains("script-src 'self';") && !csp.contains("unsafe-inline"), csp);
        return csp;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private static List<JsonNode> widths() {
        return StreamSupport.stream(report.get("widths").spliterator(), false).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static String at(JsonNode width) {
        return width.get("width").asInt() + " px";
    }

    @BeforeEach
    void needsChromium() {
        HeadlessChromium.assumeAvailable();
    }

    @Test
    void typingShowsTheMatchingArticleWithItsDateAndAnnouncesTheCount() {
        for (JsonNode width : widths()) {
            assertEquals(200, width.get("status").asInt(), at(width));
            assertEquals(List.of(), list(width.at("/empty/results")), at(width) + ": no query, no results");
            JsonNode typed = width.get("typed");
            JsonNode first = typed.at("/results/0");
            assertEquals("Zero-downtime migrations: moving a live database without losing sleep", first.get("title").asText(), at(width));
            assertEquals("/articles/zero-downtime-migrations/", first.get("href").asText(), at(width));
            assertEquals("March 2026", first.get("date").asText(), at(width));
            assertEquals("2026-03-10", first.get("datetime").asText(), at(width));
            assertTrue(first.get("text").asText().contains("Database migrations are the most anxiety-inducing"), first.toString());
            // "Zero-copy parser" holds only one of the words; "Graceful shutdown in Go" has both, but in its body only.
            assertEquals(1, typed.get("results").size(), at(width) + ": every word must match: " + typed.get("results"));
            assertEquals("1 article matches \u201cZero DOWNTIME\u201d.", typed.get("status").asText(), at(width));
            assertEquals("polite", typed.get("statusLive").asText());
            assertEquals("/search/?q=Zero+DOWNTIME", typed.get("url").asText(), at(width) + ": the address keeps the query");
            assertFalse(typed.get("noScriptMessage").asBoolean(), "the script removes the no-JavaScript message");
        }
    }

    @Test
    void aSharedLinkWithQFillsTheInputAndMatchesWithoutCaseOrAccents() {
        for (JsonNode width : widths()) {
            JsonNode prefilled = width.get("prefilled");
            assertEquals("DEPLOIEMENTS interruption", prefilled.get("input").asText(), at(width));
            assertEquals(List.of("/articles/deploiements-sans-interruption/"),
                    list(prefilled.get("results")).stream().map(r -> r.get("href").asText()).toList(), at(width));
            assertEquals("1 article matches \u201cDEPLOIEMENTS interruption\u201d.", prefilled.get("status").asText());
        }
    }

    @Test
    void theKeyboardAloneReachesTheInputAndEnterOpensTheFirstResult() {
        for (JsonNode width : widths()) {
            List<JsonNode> stops = list(width.get("tabStops"));
            assertEquals("search-query", stops.get(stops.size() - 1).get("id").asText(), at(width) + ": Tab never reached the input: " + stops);
            assertEquals("Skip to main content", stops.get(0).get("text").asText(), at(width));
            JsonNode afterEnter = width.get("afterEnter");
            assertEquals("a", afterEnter.get("tag").asText(), at(width) + ": Enter in the input moves to the first result: " + afterEnter);
            assertEquals("/articles/zero-downtime-migrations/", afterEnter.get("href").asText(), at(width));
            assertTrue(width.path("navigationError").isMissingNode(), width.path("navigationError").asText());
            assertEquals("/articles/zero-downtime-migrations/", width.get("openedByKeyboard").asText(), at(width));
        }
    }

    @Test
    void aTitleThatIsMarkupShowsAsTextAndRunsNothing() {
        for (JsonNode width : widths()) {
            JsonNode xss = width.get("xss");
            List<JsonNode> results = list(xss.get("results"));
            JsonNode hostile = results.stream().filter(r -> r.get("href").asText().equals("/articles/markup-in-the-title/")).findFirst()
                    .orElseThrow(() -> new AssertionError(at(width) + ": the article with the markup title was not found: " + results));
            assertEquals(XSS_TITLE, hostile.get("title").asText(), at(width));
            assertTrue(hostile.get("text").asText().contains("<script>alert(2)</script>"), hostile.toString());
            assertEquals(List.of("p", "time", "h2", "a", "p"), list(hostile.get("elements")).stream().map(JsonNode::asText).toList(),
                    at(width) + ": only the result's own elements");
            assertTrue(results.size() >= 4, at(width) + ": the hostile articles with onerror in their titles: " + results);
            for (JsonNode result : results) {
                List<String> elements = list(result.get("elements")).stream().map(JsonNode::asText).toList();
                assertTrue(List.of("p", "time", "h2", "a").containsAll(elements), at(width) + ": markup from the data in " + result);
            }
            assertFalse(xss.get("pwned").asBoolean());
            assertEquals(List.of(), list(width.at("/xssSeen/dialogs")), at(width));
        }
    }

    @Test
    void withoutJavaScriptThePageSaysSoAndLinksToTheTags() {
        for (JsonNode width : widths()) {
            assertEquals(200, width.get("noScriptStatus").asInt());
            JsonNode message = width.get("noScript");
            assertTrue(message.path("error").isMissingNode(), at(width) + ": " + message);
            assertTrue(message.get("visible").asBoolean(), at(width));
            assertTrue(message.get("text").asText().contains("needs JavaScript"), message.toString());
            assertEquals(List.of("/tags/"), list(message.get("links")).stream().map(JsonNode::asText).toList());
        }
    }

    @Test
    void axeFindsNoViolationWithOrWithoutResults() {
        List<String> violations = new ArrayList<>();
        for (JsonNode width : widths()) {
            for (String state : List.of("axeEmpty", "axeResults")) {
                width.get(state).forEach(v -> violations.add(at(width) + " " + state + ": " + v.get("impact").asText() + " "
                        + v.get("id").asText() + " (" + v.get("help").asText() + ") " + v.get("nodes")));
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noStepLogsAnErrorThrowsOrFetchesTheIndexOrAChunkMoreThanOnce() {
        for (JsonNode width : widths()) {
            for (String step : List.of("typedSeen", "keyboardSeen", "prefilledSeen", "xssSeen", "noScriptSeen")) {
                JsonNode seen = width.get(step);
                assertEquals(List.of(), list(seen.get("pageErrors")), at(width) + " " + step);
                List<String> problems = list(seen.get("console")).stream().map(JsonNode::asText)
                        .filter(m -> m.startsWith("error") || m.startsWith("warn")).toList();
                assertEquals(List.of(), problems, at(width) + " " + step);
            }
            long indexFetches = list(width.at("/typedSeen/requests")).stream().filter(r -> r.asText().endsWith("/search.json")).count();
            assertEquals(1, indexFetches, at(width) + ": search.json is fetched once, whatever is typed");
            assertTrue(list(width.at("/noScriptSeen/requests")).stream().noneMatch(r -> r.asText().endsWith("/search.json")));
            assertTrue(chunks.size() > 1, "the index comes in chunks: " + chunks);
            for (String chunk : chunks) {
                long fetches = list(width.at("/typedSeen/requests")).stream().filter(r -> r.asText().endsWith(chunk)).count();
                assertEquals(1, fetches, at(width) + ": " + chunk + " is fetched once, with the others");
            }
        }
    }

    @Test
    void screenshotsAreAsWideAsTheViewport() throws Exception {
        for (JsonNode width : widths()) {
            for (String shot : List.of("screenshot", "xssScreenshot", "noScriptScreenshot")) {
                BufferedImage image = ImageIO.read(Path.of(width.get(shot).asText()).toFile());
                assertNotNull(image, at(width) + " " + shot);
                assertEquals(width.get("width").asInt(), image.getWidth(), at(width) + " " + shot + " scrolls sideways");
            }
        }
    }
}
