package dev.galley.render;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.article.ArticleSummary;
import dev.galley.site.ContentKind;
import dev.galley.site.FeedSettings;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site's Atom and RSS feeds and each tag's Atom feed, read back by a feed reader's parser (ROME). */
class FeedsTest {

    private static final SiteConfig SITE = new SiteConfig("Field Notes", "Notes from the field", "", URI.create("https://example.com/"),
            "Ada Lovelace", "en", ZoneOffset.UTC, 220, 10);

    private static final String RUST = """
            ---
            title: Announcing Rust 1.70.0
            date: 2023-06-01T00:00:00Z
            tags: [Rust, Release Engineering]
            author: The Rust Release Team
            ---
            The Rust team is happy to announce a new version of Rust, 1.70.0. Rust is a programming language
            empowering everyone to build reliable and efficient software.

            ## Sparse by default for crates.io

            Cargo's "sparse" protocol is now enabled by default for reading the index from
            [crates.io](https://crates.io/). See the [diagram](sparse.png) and ![the graph](images/graph.png).

            ```console
            $ rustup update stable
            ```
            """;
    private static final String GO = """
            ---
            title: Go 1.22 is released!
            date: 2024-02-06T00:00:00Z
            updated: 2024-02-08T09:30:00+01:00
            tags: [Go, Release Engineering]
            ---
            Today the Go team is thrilled to release Go 1.22, which you can get by visiting the
            [download page](/dl/).

            Go 1.22 comes with several important new features and improvements.
            """;
    private static final String CPP = """
            ---
            title: "C++23: the small things"
            date: 2023-09-12T08:00:00+02:00
            tags: [C++]
            summary: What changed in `std::expected`, and why <b>you</b> care.
            ---
            C++23 has been feature-complete for a while.
            """;

    private static final Map<String, String> SOURCES = Map.of("posts/announcing-rust-1-70-0.md", RUST, "go/go1.22.md", GO,
            "c-23-the-small-things.md", CPP);

    // --- a site of real-looking posts, rendered as the publisher renders it ---

    private record Site(List<ArticleSummary> articles, Map<String, String> bodies, Map<String, SiteFile> files) {
        SiteFile file(String path) {
            SiteFile file = files.get(path);
            assertNotNull(file, path + " was not rendered; rendered: " + files.keySet());
            return file;
        }
    }

    private static Site site(Map<String, String> sources) throws ArticleException {
        return site(SITE, sources);
    }

    private static Site site(SiteConfig config, Map<String, String> sources) throws ArticleException {
        ArticleParser parser = new ArticleParser(config);
        List<ArticleSummary> articles = new ArrayList<>();
        Map<String, String> bodies = new HashMap<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            // as the publisher reads a feed's bodies: parsed again with absolute URLs
            Article article = parser.parseWithAbsoluteUrls(source.getKey(), source.getValue().getBytes(StandardCharsets.UTF_8));
            articles.add(article.summary());
            bodies.put(article.summary().path(), article.bodyHtml());
        }
        SiteRenderer renderer = new SiteRenderer(config);
        Map<String, SiteFile> files = new HashMap<>();
        renderer.indexModels(articles).forEach((path, model) -> files.put(path, renderer.render(model, a -> bodies.get(a.path()))));
        return new Site(articles, bodies, files);
    }

    private static <T extends WireFeed> T wire(SiteFile file, Class<T> type) throws Exception {
        return type.cast(new WireFeedInput().build(new InputStreamReader(new ByteArrayInputStream(file.bytes()), StandardCharsets.UTF_8)));
    }

    private static SyndFeed synd(SiteFile file) throws Exception {
        return new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(file.bytes()), StandardCharsets.UTF_8));
    }

    private static List<String> alternates(Feed feed) {
        return feed.getAlternateLinks().stream().map(Link::getHref).toList();
    }

    // --- the rules ---

    @Test
    void aSummaryFeedCarriesTheNewestEntriesWithTheirSummariesAndLinksButNoBodies() throws Exception {
        Site site = site(SITE.withFeed(new FeedSettings(2, false)), SOURCES);
        Feed atom = wire(site.file(AtomFeed.PATH), Feed.class);
        assertEquals(List.of("https://example.com/articles/go1-22/", "https://example.com/articles/c-23-the-small-things/"),
                atom.getEntries().stream().map(Entry::getId).toList());
        atom.getEntries().forEach(entry -> {
            assertTrue(entry.getContents().isEmpty(), entry.getId() + " carries no body");
            assertNotNull(entry.getSummary(), entry.getId() + " carries its summary");
        });
        for (String path : List.of(RssFeed.PATH, RssFeed.HUGO_PATH)) {
            Channel rss = wire(site.file(path), Channel.class);
            assertEquals(2, rss.getItems().size());
            rss.getItems().forEach(item -> assertTrue(item.getDescription().getValue().startsWith("<p>"), item.getLink()));
            String xml = new String(site.file(path).bytes(), StandardCharsets.UTF_8);
            assertFalse(xml.contains("<content:encoded>"), path + " carries no body");
            assertFalse(xml.contains("rustup update stable"), path);
        }
    }

    @Test
    void aBodyOnlyEditChangesTheSiteFeedsOnlyWhenTheyCarryBodies() throws Exception {
        Site site = site(SOURCES);
        for (FeedSettings feed : List.of(FeedSettings.DEFAULT, new FeedSettings(20, false))) {
            SiteRenderer renderer = new SiteRenderer(SITE.withFeed(feed));
            Map<String, IndexPage> before = renderer.indexModels(site.articles(), path -> "v1");
            Map<String, IndexPage> after = renderer.indexModels(site.articles(), path -> "v2");
            assertEquals(!feed.fullContent(), before.get(AtomFeed.PATH).equals(after.get(AtomFeed.PATH)), feed.toString());
            assertEquals(!feed.fullContent(), before.get(RssFeed.PATH).equals(after.get(RssFeed.PATH)), feed.toString());
        }
    }

    @Test
    void theRssFeedCarriesTheAtomFeedsArticlesWithPermalinkGuidsRfc822DatesAndTagsAsCategories() throws Exception {
        Site site = site(SOURCES);
        SiteFile rss = site.file(RssFeed.PATH);
        assertEquals(ContentKind.RSS, rss.kind());
        assertEquals("application/rss+xml; charset=utf-8", rss.kind().contentType());
        Channel channel = wire(rss, Channel.class);
        Feed atom = wire(site.file(AtomFeed.PATH), Feed.class);

        assertEquals("rss_2.0", channel.getFeedType());
        assertEquals("Field Notes", channel.getTitle());
        assertEquals("https://example.com/", channel.getLink());
        assertEquals("Notes from the field", channel.getDescription());
        assertEquals("en", channel.getLanguage());
        List<Item> items = channel.getItems();
        List<Entry> entries = atom.getEntries();
        assertEquals(List.of("https://example.com/articles/go1-22/", "https://example.com/articles/c-23-the-small-things/",
                "https://example.com/articles/announcing-rust-1-70-0/"), items.stream().map(Item::getLink).toList(), "newest first");
        assertEquals(entries.stream().map(e -> e.getAlternateLinks().get(0).getHref()).toList(), items.stream().map(Item::getLink).toList(),
                "the Atom feed's articles, in its order");
        assertEquals(entries.stream().map(Entry::getTitle).toList(), items.stream().map(Item::getTitle).toList());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            assertEquals(item.getLink(), item.getGuid().getValue());
            assertTrue(item.getGuid().isPermaLink());
            assertEquals(entries.get(i).getPublished(), item.getPubDate(), item.getTitle());
        }
        // the Go post: its date is 6 February at midnight UTC; it was updated on the 8th, which is the newest change
        assertEquals(Date.from(java.time.Instant.parse("2024-02-06T00:00:00Z")), items.get(0).getPubDate());
        assertTrue(new String(rss.bytes(), StandardCharsets.UTF_8).contains("<pubDate>Tue, 6 Feb 2024 00:00:00 GMT</pubDate>"));
        assertEquals(Date.from(java.time.Instant.parse("2024-02-08T08:30:00Z")), channel.getLastBuildDate());
        // the C++ post was dated 08:00 at +02:00: 06:00 UTC
        assertEquals(Date.from(java.time.Instant.parse("2023-09-12T06:00:00Z")), items.get(1).getPubDate());

        Item rust = items.get(2);
        assertEquals(List.of("Rust", "Release Engineering"), rust.getCategories().stream().map(c -> c.getValue()).toList());
        assertTrue(rust.getCategories().stream().allMatch(c -> c.getDomain().equals("https://example.com/tags/")));
        Document content = Jsoup.parseBodyFragment(rust.getContent().getValue());
        assertEquals("https://example.com/articles/announcing-rust-1-70-0/sparse.png", content.selectFirst("a[href$=sparse.png]").attr("href"),
                "relative links are absolute, as in the Atom feed");
        assertEquals("https://crates.io/", content.selectFirst("a:containsOwn(crates.io)").attr("href"));
        assertEquals("$ rustup update stable", content.selectFirst("pre").text().strip());
        assertEquals(Jsoup.parseBodyFragment(entries.get(2).getContents().get(0).getValue()).body().html(), content.body().html(),
                "the same body as the Atom entry");
        assertTrue(Jsoup.parseBodyFragment(rust.getDescription().getValue()).text().startsWith("The Rust team is happy to announce"),
                rust.getDescription().getValue());
    }

    @Test
    void eachRssItemNamesItsAuthorsOrTheSitesAsDublinCoreCreators() throws Exception {
        SyndFeed feed = synd(site(SOURCES).file(RssFeed.PATH));
        Map<String, List<String>> authors = new HashMap<>();
        for (SyndEntry entry : feed.getEntries()) {
            authors.put(entry.getTitle(), entry.getAuthors().isEmpty() ? List.of(entry.getAuthor())
                    : entry.getAuthors().stream().map(a -> a.getName()).toList());
        }
        assertEquals(List.of("The Rust Release Team"), authors.get("Announcing Rust 1.70.0"));
        assertEquals(List.of("Ada Lovelace"), authors.get("Go 1.22 is released!"));
    }

    @Test
    void hugosIndexXmlIsTheSameRssFeedPointingAtItself() throws Exception {
        Site site = site(SOURCES);
        SiteFile hugo = site.file(RssFeed.HUGO_PATH);
        assertEquals(ContentKind.RSS, hugo.kind());
        Channel atHugosPath = wire(hugo, Channel.class);
        Channel rss = wire(site.file(RssFeed.PATH), Channel.class);
        assertEquals(rss.getItems().stream().map(Item::getLink).toList(), atHugosPath.getItems().stream().map(Item::getLink).toList());
        assertTrue(new String(hugo.bytes(), StandardCharsets.UTF_8).contains("href=\"https://example.com/index.xml\" rel=\"self\""));
        assertTrue(new String(site.file(RssFeed.PATH).bytes(), StandardCharsets.UTF_8).contains("href=\"https://example.com/rss.xml\" rel=\"self\""));
    }

    @Test
    void eachTagHasAnAtomFeedOfItsNewestTwentyArticlesBesideItsPage() throws Exception {
        Map<String, String> sources = new HashMap<>(SOURCES);
        IntStream.rangeClosed(1, 24).forEach(day -> sources.put("notes/rust-" + day + ".md", "---\ntitle: Rust note " + day
                + "\ndate: 2025-01-" + String.format("%02d", day) + "\ntags: [Rust]\n---\nNote " + day + ".\n"));
        Site site = site(sources);

        Feed rust = wire(site.file("tags/rust/feed.xml"), Feed.class);
        assertEquals(ContentKind.ATOM, site.file("tags/rust/feed.xml").kind());
        assertEquals("atom_1.0", rust.getFeedType());
        assertEquals("https://example.com/tags/rust/feed.xml", rust.getId());
        assertEquals("Field Notes: Rust", rust.getTitle());
        assertEquals(List.of("https://example.com/tags/rust/"), alternates(rust));
        assertEquals(List.of("https://example.com/tags/rust/feed.xml"), rust.getOtherLinks().stream()
                .filter(l -> l.getRel().equals("self")).map(Link::getHref).toList());
        List<String> titles = rust.getEntries().stream().map(Entry::getTitle).toList();
        assertEquals(AtomFeed.SIZE, titles.size());
        assertEquals("Rust note 24", titles.get(0));
        assertEquals("Rust note 5", titles.get(19), "the oldest four notes and the 2023 release are past the newest twenty");
        Entry newest = rust.getEntries().get(0);
        assertEquals("Note 24.", newest.getSummary().getValue(), "entries carry their summary");
        assertTrue(newest.getContents().isEmpty(), "and not their body, which the site's feeds carry");
        assertEquals(List.of("https://example.com/articles/rust-24/"), newest.getAlternateLinks().stream().map(Link::getHref).toList());

        Feed cpp = wire(site.file("tags/c-plus-plus/feed.xml"), Feed.class);
        assertEquals(List.of("C++23: the small things"), cpp.getEntries().stream().map(Entry::getTitle).toList());
        Feed releases = wire(site.file("tags/release-engineering/feed.xml"), Feed.class);
        assertEquals(List.of("Go 1.22 is released!", "Announcing Rust 1.70.0"), releases.getEntries().stream().map(Entry::getTitle).toList());
        assertFalse(site.files().containsKey("tags/go/index.xml"), "one feed per tag, Atom");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"feed.xml", "rss.xml", "index.xml", "tags/xss/feed.xml"})
    void aHostileTitleAndSummaryStayTextInEveryFeed(String path) throws Exception {
        String title = "</title><script>alert(\"xss\")</script> & <img src=x onerror=alert(1)>";
        String summary = "<script>alert(document.cookie)</script> <img src=x onerror=alert(2)> & friends";
        String hostile = "---\ntitle: '" + title + "'\ndate: 2026-01-01\ntags: [xss]\nsummary: '" + summary + "'\n---\n"
                + "Body <script>alert(3)</script> and <a href=\"javascript:alert(4)\">a link</a>.\n";
        SiteFile file = site(Map.of("xss.md", hostile)).file(path);

        String raw = new String(file.bytes(), StandardCharsets.UTF_8);
        assertFalse(raw.contains("<script"), raw);
        assertFalse(raw.contains("<img"), raw);
        SyndEntry entry = synd(file).getEntries().get(0);
        assertEquals(title, entry.getTitle(), "a reader shows the title as the author wrote it, as text");
        if (!entry.getContents().isEmpty()) {  // a tag's feed carries no bodies
            String html = entry.getContents().get(0).getValue();
            Document body = Jsoup.parseBodyFragment(html);
            assertTrue(body.select("script, img, [onerror]").isEmpty(), html);
            assertTrue(body.select("a[href^=javascript]").isEmpty(), html);
        }
        String type = entry.getDescription().getType();
        if (type == null || !type.contains("html")) {
            assertEquals(summary, entry.getDescription().getValue(), "Atom's summary is text");
        } else {
            Document description = Jsoup.parseBodyFragment(entry.getDescription().getValue());
            assertTrue(description.select("script, img").isEmpty(), entry.getDescription().getValue());
            assertTrue(description.text().contains("<script>alert(document.cookie)</script>"), "the summary is shown as its text");
        }
    }

    @Test
    void aSiteWithoutArticlesHasAValidRssFeedWithoutItemsAndNoTagFeeds() throws Exception {
        Site site = site(Map.of());
        Channel channel = wire(site.file(RssFeed.PATH), Channel.class);
        assertTrue(channel.getItems().isEmpty());
        assertEquals(null, channel.getLastBuildDate(), "no date that is not an article's");
        assertTrue(site.files().keySet().stream().noneMatch(path -> path.startsWith("tags/") && path.endsWith(".xml")), site.files().keySet().toString());
    }

    @Test
    void everyPageLinksBothSiteFeedsAndATagPageAlsoItsOwnFeedVisibly() throws Exception {
        Site site = site(SOURCES);
        List<SiteFile> pages = new ArrayList<>(site.files().values().stream().filter(f -> f.kind() == ContentKind.HTML).toList());
        ArticleParser parser = new ArticleParser(SITE);
        Article article = parser.parse("posts/rust.md", RUST.getBytes(StandardCharsets.UTF_8));
        pages.add(new SiteRenderer(SITE).article(article, new dev.galley.site.SiteIndex.Neighbours(null, null)));
        for (SiteFile page : pages) {
            Document html = Jsoup.parse(new String(page.bytes(), StandardCharsets.UTF_8));
            assertEquals("https://example.com/rss.xml", html.select("head link[rel=alternate][type=application/rss+xml]").attr("href"), page.path());
            assertEquals("https://example.com/feed.xml", html.select("head link[rel=alternate][type=application/atom+xml]").first().attr("href"),
                    page.path());
        }

        Document tag = Jsoup.parse(new String(site.file("tags/c-plus-plus/index.html").bytes(), StandardCharsets.UTF_8));
        assertEquals(List.of("https://example.com/feed.xml", "https://example.com/tags/c-plus-plus/feed.xml"),
                tag.select("head link[rel=alternate][type=application/atom+xml]").eachAttr("href"));
        assertEquals("Field Notes: C++", tag.select("head link[href$=c-plus-plus/feed.xml]").attr("title"));
        assertEquals(1, tag.select("main a[href=/tags/c-plus-plus/feed.xml]").size(), "a reader without a feed-finding browser sees the link");
    }
}
