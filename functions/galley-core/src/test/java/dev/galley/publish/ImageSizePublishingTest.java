package dev.galley.publish;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where an article's render learns its images' sizes: the published copy's metadata, else the image itself. */
class ImageSizePublishingTest {

    private static final String ARTICLE = """
            ---
            title: Zero-downtime migrations
            date: 2026-03-10
            ---
            ![Expand, migrate, contract](zero-downtime/expand-contract.png)
            """;

    private InMemoryStores.Content content;
    private InMemoryStores.Site site;
    private Publisher publisher;

    @BeforeEach
    void setUp() throws IOException {
        content = new InMemoryStores.Content();
        site = new InMemoryStores.Site();
        publisher = new Publisher(content, site);
        content.files.put("posts/zero-downtime/expand-contract.png", png(1600, 900));
        content.put("posts/zero-downtime.md", ARTICLE);
    }

    private Element image() {
        String page = new String(site.read("articles/zero-downtime/index.html").orElseThrow().bytes(), StandardCharsets.UTF_8);
        return Jsoup.parse(page).selectFirst(".article-body img");
    }

    @Test
    void publishingAnImageRecordsItsSizeAndTheArticleAsksForItWithoutReadingTheImage() {
        publisher.sync(SourceChange.of("posts/zero-downtime/expand-contract.png"));
        assertEquals("1600x900", site.head("media/posts/zero-downtime/expand-contract.png").orElseThrow().metadata().get(Media.IMAGE_SIZE));
        content.reads.clear();
        publisher.sync(SourceChange.of("posts/zero-downtime.md"));
        assertAll(
                () -> assertEquals("1600", image().attr("width")),
                () -> assertEquals("900", image().attr("height")),
                () -> assertFalse(content.reads.contains("posts/zero-downtime/expand-contract.png"), "read: " + content.reads));
    }

    @Test
    void anArticleThatShowsAnImageIsReadAndParsedOnceForItsPageAndTheFeed() {
        publisher.sync(SourceChange.of("posts/zero-downtime/expand-contract.png"));
        content.reads.clear();
        publisher.sync(SourceChange.of("posts/zero-downtime.md"));
        assertAll(
                () -> assertEquals(1, content.reads.stream().filter("posts/zero-downtime.md"::equals).count(), "read: " + content.reads),
                () -> assertTrue(feed().contains("width=\"1600\""), feed()));
    }

    @Test
    void aLaterPublishRendersTheFeedWithTheImagesNewSize() throws IOException {
        publisher.sync(SourceChange.of("posts/zero-downtime/expand-contract.png"));
        publisher.sync(SourceChange.of("posts/zero-downtime.md"));
        content.files.put("posts/zero-downtime/expand-contract.png", png(800, 450));
        publisher.sync(SourceChange.of("posts/zero-downtime/expand-contract.png"));
        content.put("posts/later.md", "---\ntitle: Later\ndate: 2026-03-11\n---\nA newer article: the feed is written again.\n");
        publisher.sync(SourceChange.of("posts/later.md"));
        assertAll(
                () -> assertTrue(feed().contains("A newer article"), feed()),
                () -> assertTrue(feed().contains("width=\"800\""), feed()),
                () -> assertFalse(feed().contains("width=\"1600\""), feed()));
    }

    private String feed() {
        return new String(site.read("feed.xml").orElseThrow().bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void anArticlePublishedBeforeItsImageReadsTheImagesSizeFromTheContent() {
        publisher.sync(SourceChange.of("posts/zero-downtime.md"));
        assertAll(
                () -> assertEquals("1600", image().attr("width")),
                () -> assertEquals("900", image().attr("height")));
    }

    @Test
    void anImagePublishedBeforeSizesWereKeptGetsItsSizeOnTheNextSync() throws Exception {
        site.write(Media.file("posts/zero-downtime/expand-contract.png", content.files.get("posts/zero-downtime/expand-contract.png")),
                Map.of(SiteWriter.SOURCE, "posts/zero-downtime/expand-contract.png",
                        SiteWriter.SOURCE_ETAG, InMemoryStores.md5(content.files.get("posts/zero-downtime/expand-contract.png"))),
                new SiteStore.Condition.None());
        Outcome outcome = publisher.sync(SourceChange.of("posts/zero-downtime/expand-contract.png"));
        assertEquals(Outcome.Kind.PUBLISHED, outcome.kind());
        assertEquals("1600x900", site.head("media/posts/zero-downtime/expand-contract.png").orElseThrow().metadata().get(Media.IMAGE_SIZE));
    }

    @Test
    void anImageWhoseHeaderCannotBeReadIsPublishedAndItsArticleRendersWithoutASize() {
        byte[] cut = java.util.Arrays.copyOf(content.files.get("posts/zero-downtime/expand-contract.png"), 12);
        content.files.put("posts/zero-downtime/expand-contract.png", cut);
        assertEquals(Outcome.Kind.PUBLISHED, publisher.sync(SourceChange.of("posts/zero-downtime/expand-contract.png")).kind());
        assertEquals("unknown", site.head("media/posts/zero-downtime/expand-contract.png").orElseThrow().metadata().get(Media.IMAGE_SIZE));
        content.reads.clear();
        assertEquals(Outcome.Kind.PUBLISHED, publisher.sync(SourceChange.of("posts/zero-downtime.md")).kind());
        assertAll(
                () -> assertFalse(image().hasAttr("width")),
                () -> assertFalse(image().hasAttr("height")),
                () -> assertFalse(content.reads.contains("posts/zero-downtime/expand-contract.png"), "an unknown size is not looked for again"));
    }

    @Test
    void aFullRebuildGivesEveryImageItsSize() {
        publisher.rebuild();
        assertAll(
                () -> assertEquals("1600", image().attr("width")),
                () -> assertTrue(site.head("media/posts/zero-downtime/expand-contract.png").orElseThrow().metadata().containsKey(Media.IMAGE_SIZE)));
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
