package dev.galley.publish;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A standalone page goes through the same pipeline as an article, but no listing, feed or search index ever shows it. */
class StandalonePagePublishingTest {

    private static final String ABOUT = """
            ---
            title: About this blog
            description: Who writes here, and why.
            ---
            I am Mara, and I write about release engineering.
            """;

    /** The pages every listing of the site is made of: none may name a page. */
    private static final List<String> LISTINGS = List.of("index.html", "tags/index.html", "tags/devops/index.html", "404.html",
            "feed.xml", "search.json");

    private InMemoryStores.Content content;
    private InMemoryStores.Site site;
    private Publisher publisher;

    @BeforeEach
    void setUp() {
        content = new InMemoryStores.Content();
        site = new InMemoryStores.Site();
        publisher = new Publisher(content, site);
        content.put("release-trains.md", PublisherTest.article("Release trains", "2026-02-01", "tags: [DevOps]"));
        content.put("canaries.md", PublisherTest.article("Canaries", "2026-03-01", "tags: [DevOps]"));
        sync("release-trains.md");
        sync("canaries.md");
    }

    private Outcome sync(String key) {
        return publisher.sync(SourceChange.of(key));
    }

    private void assertInNoListing(String text) {
        for (String listing : LISTINGS) {
            assertFalse(site.text(listing).contains(text), listing + " shows " + text);
        }
        assertFalse(site.searchChunks().contains(text), "the search index shows " + text);
    }

    @Test
    void aPageIsPublishedAtItsPathInTheSitemapAndInNoListing() {
        content.put("pages/about.md", ABOUT);
        assertEquals(Outcome.Kind.PUBLISHED, sync("pages/about.md").kind());

        assertTrue(site.text("about/index.html").contains("I am Mara"));
        assertTrue(site.sitemaps().contains("<loc>http://localhost/about/</loc>"), site.sitemaps());
        assertInNoListing("/about/");
        assertInNoListing("About this blog");
        assertEquals(PublishStatus.State.PUBLISHED, content.statuses.get("pages/about.md").state());
        assertEquals("/about/", content.statuses.get("pages/about.md").url());
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());
    }

    @Test
    void publishingAPageRewritesNoArticleAndNoListing() {
        String canaries = site.text("articles/canaries/index.html");
        String home = site.text("index.html");
        content.put("pages/about.md", ABOUT);
        sync("pages/about.md");
        assertEquals(canaries, site.text("articles/canaries/index.html"), "the newest article keeps its neighbours");
        assertEquals(home, site.text("index.html"));
    }

    @Test
    void anEditedPageIsRenderedAgainAndADeletedOneLeavesTheSite() {
        content.put("pages/about.md", ABOUT);
        sync("pages/about.md");
        content.put("pages/about.md", ABOUT.replace("About this blog", "About me").replace("Mara", "Mara Lindqvist"));
        assertEquals(Outcome.Kind.PUBLISHED, sync("pages/about.md").kind());
        assertTrue(site.text("about/index.html").contains("Mara Lindqvist"));
        assertInNoListing("About me");

        content.files.remove("pages/about.md");
        assertEquals(Outcome.Kind.UNPUBLISHED, sync("pages/about.md").kind());
        assertNull(site.text("about/index.html"));
        assertFalse(site.sitemaps().contains("/about/"));
        assertTrue(site.text("index.html").contains("Canaries"), "the articles stay");
    }

    @Test
    void aPageAndAnArticleCannotShareAUrl() {
        content.put("pages/about.md", ABOUT);
        sync("pages/about.md");
        content.put("about-me.md", PublisherTest.article("About me", "2026-03-05", "permalink: /about/"));
        Outcome outcome = sync("about-me.md");
        assertEquals(Outcome.Kind.REJECTED, outcome.kind());
        assertEquals(PublishStatus.State.REJECTED, content.statuses.get("about-me.md").state());
        assertTrue(content.statuses.get("about-me.md").reason().contains("pages/about.md"), content.statuses.get("about-me.md").reason());
        assertTrue(site.text("about/index.html").contains("I am Mara"));
    }

    @Test
    void aPageThatBecomesAnArticleIsListedFromThen() {
        content.put("about.md", "---\nlayout: page\ntitle: Launch notes\n---\nWe launched.\n");
        sync("about.md");
        assertInNoListing("Launch notes");
        content.put("about.md", "---\nlayout: post\ntitle: Launch notes\ndate: 2026-04-01\n---\nWe launched.\n");
        sync("about.md");
        assertTrue(site.text("index.html").contains("Launch notes"));
        assertTrue(site.text("feed.xml").contains("Launch notes"));
        assertFalse(site.text("about/index.html").contains("We launched"), "the page moved to the article's path");
        assertTrue(site.text("about/index.html").contains("0; url=/articles/about/"), "and its old URL leads there");
    }

    @Test
    void aRebuildPublishesPagesAndDropsTheGoneOnes() {
        content.put("pages/about.md", ABOUT);
        content.put("pages/uses.md", "---\ntitle: Uses\n---\nA laptop.\n");
        Rebuild.Report report = publisher.rebuild();
        assertEquals(4, report.published());
        assertTrue(site.text("uses/index.html").contains("A laptop."));
        assertInNoListing("/uses/");

        content.files.remove("pages/uses.md");
        publisher.rebuild();
        assertNull(site.text("uses/index.html"));
        assertTrue(site.text("about/index.html").contains("I am Mara"));
        assertFalse(site.sitemaps().contains("/uses/"));
    }
}
