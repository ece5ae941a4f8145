package dev.galley.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The owner's theme at work in headless Chromium, over the preview's pipeline and its security headers: the sample
 * site with a {@code theme/custom.css}, a logo and a favicon, at phone and desktop widths. Skipped, with a notice,
 * where there is no Chromium.
 */
class ThemeBrowserTest {

    private static final Path SAMPLE = Path.of("..", "..", "content");
    private static final String CUSTOM_CSS = """
            :root { --accent: #b3261e; }
            .site-header { border-bottom: 4px solid var(--accent); }
            """;
    private static final List<String> PATHS = List.of("/", "/articles/zero-downtime-migrations/", "/tags/", "/search/");

    @TempDir
    static Path dir;
    private static JsonNode report;

    @BeforeAll
    static void showTheThemedSampleSite() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.orNull();
        if (chromium == null) {
            return;
        }
        Path content = dir.resolve("content");
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = content.resolve(SAMPLE.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Files.createDirectories(content.resolve("theme"));
        Files.writeString(content.resolve("theme/custom.css"), CUSTOM_CSS);
        ImageIO.write(logo(), "png", content.resolve("theme/logo.png").toFile());
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", content.resolve("theme/favicon.png").toFile());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (PreviewCommand.Running preview = new PreviewCommand(content, dir.resolve("s3"), 0).start(quiet)) {
            assertTrue(preview.awaitPublishing());
            report = chromium.run("theme.mjs", "theme", Map.of(
                    "base", preview.site.url().toString(),
                    "paths", PATHS,
                    "widths", BrowserTest.WIDTHS,
                    "screenshots", HeadlessChromium.SCREENSHOTS.toAbsolutePath().toString()), dir);
        }
    }

    /** A 240x60 mark, red on white, as an owner's logo might be. */
    private static BufferedImage logo() {
        BufferedImage image = new BufferedImage(240, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 240, 60);
        g.setColor(new Color(0xb3, 0x26, 0x1e));
        g.fillOval(8, 8, 44, 44);
        g.dispose();
        return image;
    }

    @BeforeEach
    void needsChromium() {
        HeadlessChromium.assumeAvailable();
    }

    private static List<JsonNode> pages() {
        return StreamSupport.stream(report.get("pages").spliterator(), false).toList();
    }

    private static String at(JsonNode page) {
        return page.get("path").asText() + " at " + page.get("width").asInt() + " px";
    }

    @Test
    void theOwnersStylesheetWinsOverGalleysOnEveryPageUnderTheSitesPolicy() {
        assertEquals(PATHS.size() * BrowserTest.WIDTHS.size(), pages().size());
        for (JsonNode page : pages()) {
            assertEquals(200, page.get("status").asInt(), at(page));
            assertTrue(page.get("csp").asText().startsWith("default-src 'self'"), at(page));
            List<String> sheets = StreamSupport.stream(page.get("stylesheets").spliterator(), false).map(JsonNode::asText).toList();
            assertEquals(2, sheets.size(), at(page) + ": " + sheets);
            assertTrue(sheets.get(1).matches("/assets/custom\\.[0-9a-f]{10}\\.css"), at(page) + ": " + sheets);
            assertEquals("#b3261e", page.get("accent").asText(), at(page));
            assertEquals("4px solid rgb(179, 38, 30)", page.get("headerBorder").asText(), at(page));
            assertEquals(List.of(), StreamSupport.stream(page.get("failedRequests").spliterator(), false).map(JsonNode::asText).toList(), at(page));
            assertFalse(page.get("console").toString().contains("Content Security Policy"), at(page) + ": " + page.get("console"));
        }
    }

    @Test
    void theLogoLoadsBeforeTheTitleAtItsRatioAndTheFaviconIsTheOwners() {
        for (JsonNode page : pages()) {
            JsonNode logo = page.get("logo");
            assertNotNull(logo, at(page));
            assertTrue(logo.get("loaded").asBoolean(), at(page));
            assertEquals("", logo.get("alt").asText(), at(page) + ": the title beside it names the link");
            assertTrue(logo.get("beforeTitle").asBoolean(), at(page));
            assertEquals("[240,60]", logo.get("natural").toString(), at(page));
            assertEquals(logo.get("shown").get(0).asInt(), 4 * logo.get("shown").get(1).asInt(), 1, at(page) + ": " + logo.get("shown"));
            assertTrue(page.get("favicon").asText().matches("/assets/favicon\\.[0-9a-f]{10}\\.png"), at(page));
            assertFalse(page.get("overflow").asBoolean(), at(page) + " scrolls sideways");
        }
    }

    @Test
    void axeFindsNoViolationOnTheThemedPages() {
        for (JsonNode page : pages()) {
            assertEquals("[]", page.get("axe").toString(), at(page));
        }
    }

    @Test
    void screenshotsShowTheThemedHomePageAtEachWidth() throws IOException {
        for (JsonNode page : pages()) {
            if (page.has("screenshot")) {
                BufferedImage shot = ImageIO.read(Path.of(page.get("screenshot").asText()).toFile());
                assertEquals(page.get("width").asInt(), shot.getWidth(), at(page));
            }
        }
    }
}
