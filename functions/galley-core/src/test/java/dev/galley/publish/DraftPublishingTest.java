package dev.galley.publish;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A draft is shared at its own unguessable link, for as long as its source is a good draft, and listed nowhere. */
class DraftPublishingTest {

    private static final byte[] KEY = "a-draft-key-of-32-bytes-for-test".getBytes(StandardCharsets.US_ASCII);
    private static final String KEY_NAME = "posts/zero-downtime.md";

    static String zeroDowntime(boolean draft) {
        return """
                ---
                title: "Zero-downtime migrations: moving a live database without losing sleep"
                date: 2026-03-10
                tags: [PostgreSQL, DevOps]
                draft: %s
                ---
                The expand/contract pattern splits a breaking schema change into steps that each keep the old
                and the new code working. See [release trains](/articles/release-trains/) first.

                ![Schema before and after](zero-downtime/schema.png)

                ```sql
                ALTER TABLE users ADD COLUMN email_verified boolean DEFAULT false;
                ```
                """.formatted(draft);
    }

    /** Every file of the site that lists articles: none may show a draft. */
    private static final List<String> LISTINGS = List.of("index.html", "tags/index.html", "tags/devops/index.html", "tags/devops/feed.xml",
            "404.html", "feed.xml", "rss.xml", "index.xml", "sitemap.xml", "search.json", "articles/release-trains/index.html");

    private InMemoryStores.Content content;
    private InMemoryStores.Site site;
    private final AtomicInteger keyAsked = new AtomicInteger();
    private Publisher publisher;

    @BeforeEach
    void setUp() {
        content = new InMemoryStores.Content();
        site = new InMemoryStores.Site();
        publisher = publisher(KEY);
        content.put("release-trains.md", PublisherTest.article("Release trains", "2026-02-01", "tags: [DevOps]"));
        sync("release-trains.md");
    }

    private Publisher publisher(byte[] key) {
        return new Publisher(content, site, Clock.systemUTC(), PublishSchedule.NONE, DraftLinks.keyedBy(() -> {
            keyAsked.incrementAndGet();
            return key;
        }));
    }

    private Outcome sync(String key) {
        return publisher.sync(SourceChange.of(key));
    }

    private static String draftPage(String sourceKey) {
        return DraftLinks.keyedBy(() -> KEY).path(sourceKey) + "index.html";
    }

    private static String body(String html) {
        return html.substring(html.indexOf("<div class=\"article-body\">"), html.indexOf("</div>", html.indexOf("<div class=\"article-body\">")));
    }

    @Test
    void aDraftIsSharedAtItsLinkWithABannerAndNoindex() {
        content.put(KEY_NAME, zeroDowntime(true));
        assertEquals(Outcome.Kind.DRAFT, sync(KEY_NAME).kind());

        PublishStatus status = content.statuses.get(KEY_NAME);
        assertEquals(PublishStatus.State.DRAFT, status.state());
        assertEquals("/" + DraftLinks.keyedBy(() -> KEY).path(KEY_NAME), status.url());
        assertEquals(DraftLinks.REASON, status.reason());
        String page = site.text(draftPage(KEY_NAME));
        assertNotNull(page, "the draft's page is at its link");
        assertTrue(page.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"), page);
        assertTrue(page.contains("class=\"draft-banner\"") && page.contains("Draft — not published."), page);
        assertTrue(page.contains("Zero-downtime migrations"), page);
        assertFalse(page.contains("rel=\"next\"") || page.contains("rel=\"prev\""), "a draft has no neighbours");
        assertNull(site.text("articles/zero-downtime/index.html"), "nor is it published");
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());
    }

    @Test
    void aDraftIsInNoListingFeedSitemapOrSearchIndex() {
        content.put(KEY_NAME, zeroDowntime(true));
        sync(KEY_NAME);
        String token = DraftLinks.keyedBy(() -> KEY).path(KEY_NAME);
        for (String listing : LISTINGS) {
            String text = site.text(listing);
            assertNotNull(text, listing);
            assertFalse(text.contains("Zero-downtime") || text.contains(token) || text.contains("drafts/"), listing + " shows the draft");
        }
        for (String index : List.of(site.sitemaps(), site.searchChunks())) {
            assertFalse(index.contains("Zero-downtime") || index.contains(token) || index.contains("drafts/"), "an index shows the draft: " + index);
        }
        assertFalse(site.text("robots.txt").contains("drafts"), "robots.txt names no draft folder (a crawler that obeys it would never see noindex)");
    }

    @Test
    void publishingTheDraftTakesItsDraftPageDown() {
        content.put(KEY_NAME, zeroDowntime(true));
        sync(KEY_NAME);
        String shared = body(site.text(draftPage(KEY_NAME)));

        content.put(KEY_NAME, zeroDowntime(false));
        assertEquals(Outcome.Kind.PUBLISHED, sync(KEY_NAME).kind());

        assertNull(site.text(draftPage(KEY_NAME)));
        assertNull(site.text(DraftPages.NOTES + KEY_NAME));
        String published = site.text("articles/zero-downtime/index.html");
        assertEquals(shared, body(published), "links and images of the draft are those of the published page");
        assertTrue(shared.contains("src=\"/media/posts/zero-downtime/schema.png\""), shared);
        assertEquals("/articles/zero-downtime/", content.statuses.get(KEY_NAME).url());
    }

    @Test
    void aPublishedArticleMadeADraftAgainLeavesTheSiteForItsLink() {
        content.put(KEY_NAME, zeroDowntime(false));
        sync(KEY_NAME);
        content.put(KEY_NAME, zeroDowntime(true));
        sync(KEY_NAME);
        assertNull(site.text("articles/zero-downtime/index.html"));
        assertNotNull(site.text(draftPage(KEY_NAME)));
        assertFalse(site.text("index.html").contains("Zero-downtime"));
    }

    @Test
    void deletingTheDraftTakesItsPageDown() {
        content.put(KEY_NAME, zeroDowntime(true));
        sync(KEY_NAME);
        content.files.remove(KEY_NAME);
        sync(KEY_NAME);
        assertNull(site.text(draftPage(KEY_NAME)));
        assertTrue(site.list(DraftLinks.ROOT).isEmpty() && site.list(DraftPages.NOTES).isEmpty(), site.objects.keySet().toString());
    }

    @Test
    void aRenamedDraftMovesToANewLink() {
        content.put(KEY_NAME, zeroDowntime(true));
        sync(KEY_NAME);
        content.files.remove(KEY_NAME);
        content.put("posts/expand-contract.md", zeroDowntime(true));
        publisher.publish(List.of(SourceChange.of(KEY_NAME), SourceChange.of("posts/expand-contract.md")), () -> true);

        assertNull(site.text(draftPage(KEY_NAME)));
        assertNotNull(site.text(draftPage("posts/expand-contract.md")));
        assertNotEquals(draftPage(KEY_NAME), draftPage("posts/expand-contract.md"));
    }

    @Test
    void aBrokenDraftGetsNoPageAndItsStatusSaysWhy() {
        content.put(KEY_NAME, zeroDowntime(true));
        sync(KEY_NAME);
        content.put(KEY_NAME, zeroDowntime(true).replace("date: 2026-03-10", "date: someday"));
        assertEquals(Outcome.Kind.REJECTED, sync(KEY_NAME).kind());

        assertNull(site.text(draftPage(KEY_NAME)));
        PublishStatus status = content.statuses.get(KEY_NAME);
        assertEquals(PublishStatus.State.REJECTED, status.state());
        assertTrue(status.reason().contains("someday"), status.reason());
        assertEquals("", status.url());
    }

    @Test
    void publishingArticlesNeverAsksForTheDraftKey() {
        content.put("canaries.md", PublisherTest.article("Canaries", "2026-03-01", "tags: [DevOps]"));
        sync("canaries.md");
        content.files.remove("canaries.md");
        sync("canaries.md");
        publisher.rebuild();
        assertEquals(0, keyAsked.get());
    }

    @Test
    void aRebuildWithANewKeyMovesEveryDraftAndRemovesTheOldLinks() {
        content.put(KEY_NAME, zeroDowntime(true));
        sync(KEY_NAME);
        String oldPage = draftPage(KEY_NAME);

        byte[] rotated = "another-key-of-32-bytes-for-test".getBytes(StandardCharsets.US_ASCII);
        publisher = publisher(rotated);
        Rebuild.Report report = publisher.rebuild();

        String newPage = DraftLinks.keyedBy(() -> rotated).path(KEY_NAME) + "index.html";
        assertNull(site.text(oldPage));
        assertNotNull(site.text(newPage));
        assertEquals(1, report.drafts());
        assertEquals("/" + newPage.replace("index.html", ""), content.statuses.get(KEY_NAME).url());
        assertEquals(List.of(newPage), site.list(DraftLinks.ROOT));
    }

    @Test
    void aRebuildRemovesTheDraftPageOfASourceDeletedUnseen() {
        content.put(KEY_NAME, zeroDowntime(true));
        sync(KEY_NAME);
        content.files.remove(KEY_NAME);  // no notification came
        publisher.rebuild();
        assertTrue(site.list(DraftLinks.ROOT).isEmpty() && site.list(DraftPages.NOTES).isEmpty(), site.objects.keySet().toString());
    }

    @Test
    void withoutADraftKeyDraftsAreNotSharedAsBefore() {
        publisher = new Publisher(content, site);
        content.put(KEY_NAME, zeroDowntime(true));
        sync(KEY_NAME);
        assertTrue(site.list(DraftLinks.ROOT).isEmpty());
        assertEquals("", content.statuses.get(KEY_NAME).url());
    }
}
