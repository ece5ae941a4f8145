package dev.galley.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Images in Chromium, through the preview's pipeline: a local image arrives with the size its file has, so the
 * page keeps its place; an image on another site is a link, as the production policy would block it; and the
 * preview sends production's content security policy, so a page that loads one anyway is blocked here too.
 */
class ImagesBrowserTest {

    private static final String ARTICLE = """
            ---
            title: Zero-downtime migrations
            date: 2026-03-10
            ---
            The expand/contract pattern in four steps:

            ![Expand, migrate, contract](zero-downtime/expand-contract.png)

            Backfilling in batches keeps the replication lag flat:

            ![Replication lag during the backfill](zero-downtime/backfill.png)

            The cache hit rate, as the vendor's dashboard drew it:

            ![Cache hit rate](https://i.imgur.com/8yKQp2D.png)

            See [the runbook](/articles/runbook/) and [PostgreSQL's docs](https://www.postgresql.org/docs/current/ddl-alter.html).
            """;
    /** Written straight into the site bucket: what production would do with a remote image that got through. */
    private static final String HOTLINK = """
            <!DOCTYPE html><html lang="en"><head><title>hotlink</title></head><body>
            <main><img src="https://i.imgur.com/8yKQp2D.png" alt="Hotlinked"></main>
            </body></html>
            """;

    @TempDir
    static Path dir;
    private static JsonNode report;

    @BeforeAll
    static void loadTheArticleAndAHotlinkingPage() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.orNull();
        if (chromium == null) {
            return;
        }
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("posts/zero-downtime"));
        Files.writeString(content.resolve("site.yaml"), "title: Images\nbaseUrl: https://blog.example.com/\n");
        Files.writeString(content.resolve("posts/zero-downtime.md"), ARTICLE);
        Files.write(content.resolve("posts/zero-downtime/expand-contract.png"), png(800, 450));
        Files.write(content.resolve("posts/zero-downtime/backfill.png"), png(640, 360));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (PreviewCommand.Running preview = new PreviewCommand(content, dir.resolve("s3"), 0).start(quiet)) {
            assertTrue(preview.awaitPublishing());
            preview.s3.putObject(r -> r.bucket(PreviewCommand.SITE_BUCKET).key("hotlink/index.html").contentType("text/html; charset=utf-8"),
                    RequestBody.fromString(HOTLINK));
            report = chromium.run("images", Map.of(
                    "base", preview.site.url().toString(),
                    "paths", List.of(Map.of("name", "article", "path", "/articles/zero-downtime/"),
                            Map.of("name", "hotlink", "path", "/hotlink/")),
                    "widths", List.of(390),
                    "images", true), dir);
        }
    }

    @BeforeEach
    void needsChromium() {
        HeadlessChromium.assumeAvailable();
    }

    private static JsonNode page(String name) {
        return StreamSupport.stream(report.get("pages").spliterator(), false)
                .filter(p -> p.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void localImagesArriveWithTheSizeTheyHaveAndLoadLazilyAfterTheFirst() {
        JsonNode images = page("article").get("images");
        assertEquals(2, images.size(), images.toString());
        for (JsonNode image : images) {
            assertAll(image.get("src").asText(),
                    () -> assertTrue(image.get("naturalWidth").asInt() > 0, "it loaded: " + image),
                    () -> assertEquals(image.get("naturalWidth").asText(), image.get("width").asText()),
                    () -> assertEquals(image.get("naturalHeight").asText(), image.get("height").asText()));
        }
        assertTrue(images.get(0).get("loading").isNull(), images.toString());
        assertEquals("lazy", images.get(1).get("loading").asText());
    }

    @Test
    void aRemoteImageIsALinkAndLinksGetRelOnlyWhenTheyLeaveTheSite() {
        List<String> anchors = new ArrayList<>();
        page("article").get("anchors").forEach(a -> anchors.add(a.get("text").asText() + " -> " + a.get("href").asText() + " rel=" + a.get("rel").asText()));
        assertAll(
                () -> assertTrue(anchors.contains("Cache hit rate -> https://i.imgur.com/8yKQp2D.png rel=noopener"), anchors.toString()),
                () -> assertTrue(anchors.contains("the runbook -> /articles/runbook/ rel=null"), anchors.toString()),
                () -> assertTrue(anchors.contains("PostgreSQL's docs -> https://www.postgresql.org/docs/current/ddl-alter.html rel=noopener"),
                        anchors.toString()),
                () -> assertEquals(List.of(), BrowserTest.requestsLeavingLocalhost(page("article"))));
    }

    @Test
    void thePreviewBlocksARemoteImageAsProductionsPolicyDoes() {
        JsonNode hotlink = page("hotlink");
        String policy = hotlink.get("headers").get("content-security-policy").asText();
        assertAll(
                () -> assertTrue(policy.contains("img-src 'self' data:;"), policy),
                () -> assertEquals(SiteServer.PAGE_HEADERS.get("Content-Security-Policy"), policy),
                () -> assertEquals("nosniff", hotlink.get("headers").get("x-content-type-options").asText()),
                () -> assertEquals(0, hotlink.get("images").get(0).get("naturalWidth").asInt()),
                () -> assertEquals(List.of(), BrowserTest.requestsLeavingLocalhost(hotlink), "the browser never asked the other site"),
                () -> assertTrue(hotlink.get("console").toString().contains("Content Security Policy"), hotlink.get("console").toString()));
    }

    private static byte[] png(int width, int height) throws java.io.IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
