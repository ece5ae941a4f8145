package dev.galley.publish;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The owner's theme/ files: each change re-renders every page, and the copy a page no longer shows goes. */
class ThemePublishingTest {

    private static final Pattern CUSTOM_LINK = Pattern.compile("<link rel=\"stylesheet\" href=\"/(assets/custom\\.[0-9a-f]{10}\\.css)\">");
    private static final List<String> PAGES = List.of("index.html", "tags/index.html", "tags/devops/index.html", "404.html", "search/index.html",
            "articles/canaries/index.html", "about/index.html");
    private static final String CSS = """
            :root { --accent: #b3261e; }
            .site-header { border-bottom: 4px solid var(--accent); }
            """;

    private final InMemoryStores.Content content = new InMemoryStores.Content();
    private final InMemoryStores.Site site = new InMemoryStores.Site();
    private final Publisher publisher = new Publisher(content, site);

    @BeforeEach
    void aSite() {
        content.put("canaries.md", PublisherTest.article("Canaries", "2026-03-01", "tags: [DevOps]"));
        content.put("pages/about.md", "---\ntitle: About\n---\nHi.\n");
        publisher.rebuild();
    }

    @Test
    void uploadingReplacingAndDeletingCustomCssReRendersEveryPageAndRemovesTheOldCopy() {
        content.put("theme/custom.css", CSS);
        Outcome uploaded = publisher.sync(SourceChange.of("theme/custom.css"));
        assertEquals(Outcome.Kind.REBUILT, uploaded.kind());
        String first = linkedStylesheetOnEveryPage();
        assertEquals(CSS, site.text(first));
        PublishStatus status = content.statuses.get("theme/custom.css");
        assertEquals(PublishStatus.State.PUBLISHED, status.state());
        assertEquals("/" + first, status.url());

        content.put("theme/custom.css", CSS + ".site-title { letter-spacing: 0.05em; }\n");
        publisher.sync(SourceChange.of("theme/custom.css"));
        String second = linkedStylesheetOnEveryPage();
        assertNotEquals(first, second);
        assertFalse(site.objects.containsKey(first), "the replaced copy stays: " + first);

        content.files.remove("theme/custom.css");
        publisher.sync(SourceChange.of("theme/custom.css"));
        PAGES.forEach(page -> assertFalse(CUSTOM_LINK.matcher(site.text(page)).find(), page + " still links the deleted stylesheet"));
        assertFalse(site.objects.containsKey(second), "the deleted stylesheet's copy stays");
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());
    }

    @Test
    void aRefusedStylesheetNamesItsLineAndTheSiteKeepsTheLastGoodOne() {
        content.put("theme/custom.css", CSS);
        publisher.sync(SourceChange.of("theme/custom.css"));
        String good = linkedStylesheetOnEveryPage();

        content.put("theme/custom.css", CSS + "body { background: url(https://cdn.example.com/paper.jpg); }\n");
        Outcome refused = publisher.sync(SourceChange.of("theme/custom.css"));
        assertEquals(Outcome.Kind.REJECTED, refused.kind());
        PublishStatus status = content.statuses.get("theme/custom.css");
        assertEquals(PublishStatus.State.REJECTED, status.state());
        assertTrue(status.reason().startsWith("line 3: the url https://cdn.example.com/paper.jpg points off the site"), status.reason());
        assertTrue(status.reason().endsWith("the site keeps the last good one until it is fixed"), status.reason());
        assertEquals(good, linkedStylesheetOnEveryPage());
        assertTrue(site.objects.containsKey(good));
    }

    @Test
    void anArticlePublishedLaterLinksTheThemeToo() {
        content.put("theme/custom.css", CSS);
        publisher.sync(SourceChange.of("theme/custom.css"));
        content.put("rollbacks.md", PublisherTest.article("Rollbacks", "2026-03-05", "tags: [DevOps]"));
        publisher.sync(SourceChange.of("rollbacks.md"));
        Matcher link = CUSTOM_LINK.matcher(site.text("articles/rollbacks/index.html"));
        assertTrue(link.find(), "the new article's page lacks the owner's stylesheet");
    }

    @Test
    void theLogoAndTheFaviconShowOnEveryPageFromTheirFingerprintedCopies() throws IOException {
        content.files.put("theme/logo.png", ImageSizePublishingTest.png(320, 80));
        content.files.put("theme/favicon.ico", new byte[] {0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0});
        publisher.sync(SourceChange.of("theme/logo.png"));
        Pattern logo = Pattern.compile("<img class=\"site-logo\" src=\"/(assets/logo\\.[0-9a-f]{10}\\.png)\" alt=\"\" width=\"320\" height=\"80\">");
        Pattern favicon = Pattern.compile("<link rel=\"icon\" href=\"/(assets/favicon\\.[0-9a-f]{10}\\.ico)\">");
        for (String page : PAGES) {
            Matcher img = logo.matcher(site.text(page));
            Matcher icon = favicon.matcher(site.text(page));
            assertTrue(img.find(), page + " lacks the logo");
            assertTrue(icon.find(), page + " lacks the favicon");
            assertTrue(site.objects.containsKey(img.group(1)) && site.objects.containsKey(icon.group(1)), page + " links a missing copy");
        }
        assertFalse(site.objects.containsKey("media/theme/logo.png"), "the logo was published as an article's image too");

        content.files.remove("theme/favicon.ico");
        publisher.sync(SourceChange.of("theme/favicon.ico"));
        PAGES.forEach(page -> assertTrue(site.text(page).contains("<link rel=\"icon\" href=\"data:,\">"), page));
        assertTrue(site.list("assets/favicon.").isEmpty(), site.list("assets/").toString());
    }

    @Test
    void otherFilesUnderThemeAreRefusedWithAReasonAndAreNeverArticles() throws IOException {
        content.put("theme/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        content.put("theme/notes.md", PublisherTest.article("Notes", "2026-03-02", ""));
        content.files.put("theme/logo.png", ImageSizePublishingTest.png(64, 64));
        content.files.put("theme/logo.webp", ImageSizePublishingTest.png(64, 64));
        Rebuild.Report report = publisher.rebuild();
        assertEquals(List.of("theme/logo.svg", "theme/logo.webp", "theme/notes.md"), report.rejected().stream().map(e -> e.file()).toList());
        assertEquals(ThemeFiles.SUPPORTED, content.statuses.get("theme/notes.md").reason());
        assertEquals(ThemeFiles.SUPPORTED, content.statuses.get("theme/logo.svg").reason());
        assertTrue(content.statuses.get("theme/logo.webp").reason().startsWith("theme/logo.png is the site's logo already"),
                content.statuses.get("theme/logo.webp").reason());
        assertFalse(site.objects.containsKey("articles/notes/index.html"));
        assertEquals(PublishStatus.State.PUBLISHED, content.statuses.get("theme/logo.png").state());
    }

    @Test
    void aLogoWhoseBytesAreNotItsFormatIsRefused() {
        content.put("theme/logo.png", "not a picture");
        Outcome outcome = publisher.sync(SourceChange.of("theme/logo.png"));
        assertEquals(Outcome.Kind.REJECTED, outcome.kind());
        assertTrue(content.statuses.get("theme/logo.png").reason().startsWith("the name says image/png but the bytes are not one"));
        PAGES.forEach(page -> assertFalse(site.text(page).contains("site-logo"), page));
    }

    /** The path of the owner's stylesheet that every page links, after Galley's own. */
    private String linkedStylesheetOnEveryPage() {
        String path = null;
        for (String page : PAGES) {
            String html = site.text(page);
            Matcher link = CUSTOM_LINK.matcher(html);
            assertTrue(link.find(), page + " does not link the owner's stylesheet");
            assertTrue(html.indexOf("href=\"/assets/style.") < link.start(), page + " links it before Galley's stylesheet");
            if (path != null) {
                assertEquals(path, link.group(1), page);
            }
            path = link.group(1);
        }
        return path;
    }
}
