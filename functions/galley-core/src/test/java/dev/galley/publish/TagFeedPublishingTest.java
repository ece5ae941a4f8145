package dev.galley.publish;

import dev.galley.render.Sitemap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site's RSS feeds and each tag's Atom feed follow uploads, edits and deletions, and only their own tag's. */
class TagFeedPublishingTest {

    private InMemoryStores.Content content;
    private InMemoryStores.Site site;
    private Publisher publisher;

    @BeforeEach
    void setUp() {
        content = new InMemoryStores.Content();
        site = new InMemoryStores.Site();
        publisher = new Publisher(content, site);
    }

    private void publish(String key, String text) {
        content.put(key, text);
        publisher.sync(SourceChange.of(key));
    }

    private void delete(String key) {
        content.files.remove(key);
        publisher.sync(SourceChange.of(key));
    }

    /** The stored object: a rewrite stores a new one, even of the same bytes. */
    private SiteStore.Stored stored(String path) {
        return site.objects.get(path);
    }

    @Test
    void aTagsFeedIsWrittenWithItsFirstArticleAndRemovedWithItsLast() {
        publish("rust.md", PublisherTest.article("Rust 1.70", "2026-01-01", "tags: [Rust, Releases]"));
        publish("go.md", PublisherTest.article("Go 1.22", "2026-01-02", "tags: [Go, Releases]"));
        assertTrue(site.text("tags/rust/feed.xml").contains("<title>Rust 1.70</title>"));
        assertTrue(site.text("tags/releases/feed.xml").contains("<summary>Body of Go 1.22.</summary>"), "with the article's summary");
        assertFalse(site.text("tags/go/feed.xml").contains("Rust 1.70"));
        assertTrue(site.text("rss.xml").contains("<title>Go 1.22</title>"));
        assertTrue(site.text("index.xml").contains("<title>Go 1.22</title>"));

        delete("rust.md");
        assertNull(site.text("tags/rust/feed.xml"), "a tag without articles has no feed");
        assertNull(site.text("tags/rust/index.html"));
        assertFalse(site.text("tags/releases/feed.xml").contains("Rust 1.70"));
        assertFalse(site.text("rss.xml").contains("Rust 1.70"));
        assertFalse(site.text("index.xml").contains("Rust 1.70"));
    }

    @Test
    void retaggingAnArticleMovesItFromOneTagsFeedToTheOthers() {
        publish("a.md", PublisherTest.article("Lifetimes", "2026-01-01", "tags: [Rust]"));
        publish("a.md", PublisherTest.article("Lifetimes", "2026-01-01", "tags: [Go]"));
        assertNull(site.text("tags/rust/feed.xml"));
        assertTrue(site.text("tags/go/feed.xml").contains("<title>Lifetimes</title>"));
    }

    @Test
    void aDraftLeavesItsTagsFeeds() {
        publish("a.md", PublisherTest.article("Lifetimes", "2026-01-01", "tags: [Rust]"));
        publish("a.md", PublisherTest.article("Lifetimes", "2026-01-01", "tags: [Rust]", "draft: true"));
        assertNull(site.text("tags/rust/feed.xml"));
        assertFalse(site.text("rss.xml").contains("Lifetimes"));
    }

    @Test
    void anEditRewritesOnlyTheFeedsOfItsOwnTags() {
        publish("rust.md", PublisherTest.article("Rust 1.70", "2026-01-01", "tags: [Rust]"));
        publish("go.md", PublisherTest.article("Go 1.22", "2026-01-02", "tags: [Go]"));
        SiteStore.Stored rustFeed = stored("tags/rust/feed.xml");

        publish("go.md", PublisherTest.article("Go 1.22 is released!", "2026-01-02", "tags: [Go]"));
        assertTrue(site.text("tags/go/feed.xml").contains("Go 1.22 is released!"));
        assertSame(rustFeed, stored("tags/rust/feed.xml"), "another tag's feed is not rewritten");
    }

    @Test
    void writingATagsFeedReadsNoOtherArticle() {
        for (int i = 0; i < 25; i++) {
            String tag = i < 3 ? "Erlang" : "Rust";  // the three Erlang posts are the oldest: not in the site's feeds
            content.put("post-" + i + ".md", PublisherTest.article("Post " + i, java.time.LocalDate.of(2024, 1, 1).plusDays(i).toString(),
                    "tags: [" + tag + "]"));
        }
        publisher.rebuild();

        content.reads.clear();
        // A new summary, same title: the neighbours' pages, which show titles, stay as they are.
        publish("post-1.md", PublisherTest.article("Post 1", "2024-01-02", "tags: [Erlang]", "summary: Hot code loading, explained."));
        assertTrue(site.text("tags/erlang/feed.xml").contains("<summary>Hot code loading, explained.</summary>"));
        assertEquals(List.of("post-1.md"), content.reads.stream().filter(key -> key.endsWith(".md")).distinct().toList(),
                "a tag's feed shows summaries, which the manifest holds: no other source is read");
        assertFalse(site.text("rss.xml").contains("<title>Post 1</title>"), "the site's feeds show the newest twenty only");
    }

    @Test
    void publishingTagByTagGivesTheFeedsAFullRebuildGives() {
        IntStream.range(0, 12).forEach(i -> publish("p" + i + ".md", PublisherTest.article("Post " + i, "2026-01-" + String.format("%02d", i + 1),
                "tags: [" + (i % 2 == 0 ? "Even" : "Odd") + (i % 3 == 0 ? ", Three" : "") + "]")));
        delete("p3.md");
        delete("p9.md");

        InMemoryStores.Site rebuilt = new InMemoryStores.Site();
        new Publisher(content, rebuilt).rebuild();
        List<String> feeds = rebuilt.list("").stream().filter(path -> path.endsWith(".xml") && !path.startsWith(Sitemap.FOLDER)).toList();
        assertEquals(List.of("feed.xml", "index.xml", "rss.xml", "sitemap.xml", "tags/even/feed.xml", "tags/odd/feed.xml", "tags/three/feed.xml"),
                feeds);
        for (String path : feeds) {
            assertEquals(rebuilt.text(path), site.text(path), path);
        }
    }
}
