package dev.galley.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample site in headless Chromium, served by the preview's own pipeline (embedded S3, the Lambda handler,
 * the site server): each kind of page renders, works from the keyboard, stays on this machine and passes axe.
 * Skipped, with a notice, where there is no Chromium.
 */
class BrowserTest {

    static final List<Integer> WIDTHS = List.of(390, 1280);

    @TempDir
    static Path dir;
    private static JsonNode report;

    @BeforeAll
    static void loadEveryKindOfPageAtPhoneAndDesktopWidths() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.orNull();
        if (chromium == null) {
            return;
        }
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        try (PreviewCommand.Running preview = new PreviewCommand(Path.of("..", "..", "content"), dir.resolve("s3"), 0).start(quiet)) {
            assertTrue(preview.awaitPublishing());
            System.out.printf("[browser tests] preview of content/ published in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            report = chromium.run("sample-site", Map.of(
                    "base", preview.site.url().toString(),
                    "paths", List.of(
                            page("home", "/", "main .entry-featured h2.entry-title a[href='/articles/zero-downtime-migrations/']"),
                            page("article", "/articles/zero-downtime-migrations/", "main article.article h1"),
                            page("page", "/about/", "main article.page h1"),
                            page("tag", "/tags/postgresql/", "main .entry h2.entry-title a[href='/articles/zero-downtime-migrations/']"),
                            page("not-found", "/no/such/page/", "main ul.recent a[href^='/articles/']"),
                            page("search", "/search/", "main form[role=search] label[for=search-query] + .search-row input#search-query"),
                            // The preview's key is beside its state: the same file gives the same link.
                            page("draft", "/" + LocalDraftKey.links(dir.resolve("draft-key")).path("draft-observability-budget.md"),
                                    "main p.draft-banner[role=note] + article.article h1")),
                    "widths", WIDTHS,
                    "screenshots", HeadlessChromium.SCREENSHOTS.toAbsolutePath().toString(),
                    "axe", true,
                    "skipLink", true,
                    "menu", true), dir);
        }
        System.out.println("[browser tests] " + report.get("browser").asText() + ": " + pages().size() + " page loads in "
                + report.get("millis").asLong() + " ms");
    }

    private static Map<String, String> page(String name, String path, String selector) {
        return Map.of("name", name, "path", path, "selector", selector);
    }

    private static List<JsonNode> pages() {
        return StreamSupport.stream(report.get("pages").spliterator(), false).toList();
    }

    private static String where(JsonNode page) {
        return page.get("name").asText() + " at " + page.get("width").asInt() + " px";
    }

    @BeforeEach
    void needsChromium() {
        HeadlessChromium.assumeAvailable();
    }

    @Test
    void everyKindOfPageMustRenderWithItsStatusAndKeyElement() {
        assertEquals(7 * WIDTHS.size(), pages().size());
        for (JsonNode page : pages()) {
            assertTrue(page.path("error").isMissingNode(), where(page) + ": " + page.path("error").asText());
            int expected = page.get("name").asText().equals("not-found") ? 404 : 200;
            assertEquals(expected, page.get("status").asInt(), where(page));
            assertTrue(page.get("selectorFound").asBoolean(), where(page) + " lacks " + page.get("name").asText() + "'s key element");
        }
    }

    @Test
    void theSkipLinkMustBeTheFirstStopAndMoveFocusIntoMain() {
        for (JsonNode page : pages()) {
            JsonNode skip = page.get("skipLink");
            assertEquals("Skip to main content", skip.at("/firstFocus/text").asText(), where(page) + ": the first Tab stop");
            assertTrue(skip.at("/afterEnter/insideMain").asBoolean(),
                    where(page) + ": after Enter the focus is on <" + skip.at("/afterEnter/tag").asText() + ">, not in main");
        }
    }

    @Test
    void theMenuMustBeALabelledListReachedByTabWithTheCurrentPageMarked() {
        Map<String, String> currentOn = Map.of("home", "Home", "page", "About", "article", "", "tag", "", "not-found", "", "search", "", "draft", "");
        for (JsonNode page : pages()) {
            JsonNode menu = page.get("menu");
            List<String> titles = new ArrayList<>();
            List<String> current = new ArrayList<>();
            for (JsonNode link : menu.get("links")) {
                titles.add(link.get("text").asText());
                assertEquals("Main", link.get("nav").asText(), where(page));
                assertTrue(link.get("list").asBoolean(), where(page) + ": each link is an item of a list");
                if (!link.get("current").isNull()) {
                    current.add(link.get("text").asText() + "=" + link.get("current").asText());
                }
            }
            assertEquals(List.of("Home", "About", "Tags", "Feed"), titles, where(page));
            String expected = currentOn.get(page.get("name").asText());
            assertEquals(expected.isEmpty() ? List.of() : List.of(expected + "=page"), current, where(page));
            List<String> reached = new ArrayList<>();
            for (JsonNode stop : menu.get("stops")) {
                if (stop.get("inMenu").asBoolean()) {
                    reached.add(stop.get("text").asText());
                    assertTrue(!stop.get("outline").asText().equals("none"), where(page) + ": " + stop + " shows no focus");
                }
            }
            assertEquals(titles, reached, where(page) + ": Tab from the top reaches every menu link, in order");
        }
    }

    @Test
    void noPageMayLogAConsoleErrorOrWarningOrThrow() {
        for (JsonNode page : pages()) {
            List<String> problems = new ArrayList<>();
            for (JsonNode message : page.get("console")) {
                String type = message.get("type").asText();
                boolean ownExpected404 = page.get("status").asInt() == 404 && message.get("url").asText().equals(page.get("url").asText());
                if ((type.equals("error") || type.equals("warn")) && !ownExpected404) {
                    problems.add(type + ": " + message.get("text").asText() + " (" + message.get("url").asText() + ")");
                }
            }
            page.get("pageErrors").forEach(error -> problems.add("uncaught: " + error.asText()));
            assertEquals(List.of(), problems, where(page));
        }
    }

    @Test
    void noRequestMayLeaveThisMachine() {
        for (JsonNode page : pages()) {
            assertEquals(List.of(), requestsLeavingLocalhost(page), where(page));
            assertEquals(0, page.get("failedRequests").size(), where(page) + ": " + page.get("failedRequests"));
            assertTrue(page.get("requests").size() >= 2, where(page) + " loaded no stylesheet: " + page.get("requests"));
        }
    }

    static List<String> requestsLeavingLocalhost(JsonNode page) {
        List<String> leaving = new ArrayList<>();
        for (JsonNode request : page.get("requests")) {
            String url = request.asText();
            String host = hostOf(url);
            if (!url.startsWith("data:") && !"127.0.0.1".equals(host) && !"localhost".equals(host)) {
                leaving.add(url);
            }
        }
        return leaving;
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Test
    void axeMustFindNoSeriousOrCriticalViolation() {
        List<String> serious = new ArrayList<>();
        for (JsonNode page : pages()) {
            for (JsonNode violation : page.get("axe")) {
                String line = where(page) + ": " + violation.get("impact").asText() + " " + violation.get("id").asText()
                        + " (" + violation.get("help").asText() + ") " + violation.get("nodes");
                if (List.of("serious", "critical").contains(violation.get("impact").asText())) {
                    serious.add(line);
                } else {
                    System.out.println("[browser tests] axe, not failing: " + line);
                }
            }
        }
        assertEquals(List.of(), serious);
    }

    @Test
    void aScreenshotOfEachPageMustBeWrittenAtExactlyTheViewportWidth() throws Exception {
        for (JsonNode page : pages()) {
            BufferedImage image = ImageIO.read(Path.of(page.get("screenshot").asText()).toFile());
            assertNotNull(image, where(page));
            // A full-page screenshot is as wide as the page: wider than the viewport means sideways scrolling.
            assertEquals(page.get("width").asInt(), image.getWidth(), where(page) + " is wider than the screen");
            assertTrue(image.getHeight() >= 300, where(page));
        }
    }
}
