package dev.galley.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.galley.aws.S3SiteStore;
import dev.galley.aws.WakeEvent;
import dev.galley.aws.s3.S3Http;
import dev.galley.publish.SiteStore;
import dev.galley.publish.WriteConflictException;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handler end to end over HTTP against a real S3-compatible server: the real SDK client, SigV4 and all.
 * Subclasses choose the server (the embedded S3Proxy here; LocalStack wherever Docker runs).
 */
abstract class PublishEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCER = new AtomicLong(0x0055AED6DCD9028100L);

    protected abstract S3Endpoint endpoint();

    /** The author's and the reader's client: the SDK's. */
    protected S3Client s3;
    /** The function's own client. */
    protected S3Http function;
    protected String contentBucket;
    protected String siteBucket;
    protected PublishHandler handler;
    protected FunctionConfig config;

    @BeforeEach
    void createBucketsAndHandler() {
        S3Endpoint endpoint = endpoint();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        contentBucket = "content-" + suffix;
        siteBucket = "site-" + suffix;
        config = endpoint.config(contentBucket, siteBucket);
        s3 = endpoint.sdk();
        function = S3Clients.create(config, endpoint.credentials());
        s3.createBucket(b -> b.bucket(contentBucket));
        s3.createBucket(b -> b.bucket(siteBucket));
        handler = new PublishHandler(config, function);
    }

    @AfterEach
    void closeClient() {
        if (s3 != null) {  // null where the server could not run and the test was skipped
            s3.close();
        }
    }

    // --- helpers: what an author and S3 do ---

    static String article(String title, String date, String... extra) {
        return "---\ntitle: " + title + "\ndate: " + date + "\n" + String.join("\n", extra) + (extra.length > 0 ? "\n" : "")
                + "---\nThe body of " + title + ".\n";
    }

    /** Uploads like an author and returns the notification S3 sends for it. */
    String upload(String key, String text) {
        String etag = s3.putObject(r -> r.bucket(contentBucket).key(key).contentType("text/markdown"),
                RequestBody.fromString(text, StandardCharsets.UTF_8)).eTag().replace("\"", "");
        return Events.record("ObjectCreated:Put", contentBucket, key, etag, nextSequencer());
    }

    String delete(String key) {
        s3.deleteObject(r -> r.bucket(contentBucket).key(key));
        return Events.record("ObjectRemoved:Delete", contentBucket, key, "", nextSequencer());
    }

    static String nextSequencer() {
        return String.format("%018X", SEQUENCER.incrementAndGet());
    }

    JsonNode handle(String event) throws Exception {
        return handle(event, null);
    }

    JsonNode handle(String event, RecordingContext logs) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, logs);
        return JSON.readTree(out.toByteArray());
    }

    String site(String path) {
        return SiteBuckets.readPlain(s3, siteBucket, path).asUtf8String();
    }

    /** Every sitemap the sitemap index names, one after the other, as a crawler reads them. */
    String sitemaps() {
        Matcher loc = Pattern.compile("<loc>[^<]*?/(sitemaps/[^<]+)</loc>").matcher(site("sitemap.xml"));
        StringBuilder all = new StringBuilder();
        while (loc.find()) {
            all.append(site(loc.group(1)));
        }
        return all.toString();
    }

    /** Every chunk search.json names, one after the other, as the search page's script reads them. */
    String searchChunks() throws Exception {
        StringBuilder all = new StringBuilder();
        for (JsonNode chunk : new ObjectMapper().readTree(site("search.json")).get("chunks")) {
            all.append(site(chunk.asText().substring(1)));
        }
        return all.toString();
    }

    boolean siteHas(String path) {
        try {
            s3.headObject(r -> r.bucket(siteBucket).key(path));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    Map<String, String> siteObjects() {
        return s3.listObjectsV2Paginator(r -> r.bucket(siteBucket)).contents().stream()
                .collect(Collectors.toMap(S3Object::key, S3Object::eTag));
    }

    Map<String, String> tags(String key) {
        return s3.getObjectTagging(r -> r.bucket(contentBucket).key(key)).tagSet().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    // --- the rules ---

    @Test
    void uploadPublishesThePageAndTheHomePageWithTheirContentTypes() throws Exception {
        JsonNode result = handle(upload("hello.md", article("Hello, S3", "2026-03-10", "tags: [Go]")));

        assertEquals("published", result.path("hello.md").asText());
        HeadObjectResponse page = s3.headObject(r -> r.bucket(siteBucket).key("articles/hello/index.html"));
        // S3 keeps the type as written; S3Proxy's Jetty drops the space before "charset".
        assertEquals("text/html;charset=utf-8", page.contentType().replace("; ", ";"));
        assertEquals("public, max-age=60", page.cacheControl());
        assertEquals("gzip", page.contentEncoding(), "the site bucket holds text gzip-encoded, as CloudFront serves it");
        assertTrue(site("articles/hello/index.html").contains("The body of Hello, S3."));
        assertTrue(site("index.html").contains("<a href=\"/articles/hello/\">Hello, S3</a>"));
        assertTrue(site("tags/go/index.html").contains("/articles/hello/"));
        assertTrue(siteHas("404.html"));
        HeadObjectResponse manifest = s3.headObject(r -> r.bucket(siteBucket).key("_galley/state/root.json"));
        assertEquals("application/json", manifest.contentType());
        assertEquals("no-store", manifest.cacheControl());
        assertEquals("gzip", manifest.contentEncoding());
        assertEquals("published", tags("hello.md").get("galley-status"));
        assertEquals("/articles/hello/", tags("hello.md").get("galley-url"));
        assertEquals(s3.headObject(r -> r.bucket(contentBucket).key("hello.md")).eTag().replace("\"", ""), tags("hello.md").get("galley-etag"),
                "the status names the version it is about");
    }

    @Test
    void aRenamedSlugAndAnAliasLeaveRedirectObjectsWhoseTargetTravelsAsObjectMetadata() throws Exception {
        handle(upload("posts/zero-downtime.md", article("Zero downtime", "2026-03-10", "slug: zero-downtime")));
        handle(upload("posts/zero-downtime.md", article("Zero downtime", "2026-03-10", "slug: zero-downtime-migrations",
                "redirect_from: /blog/2024/03/zero-downtime/")));

        for (String old : List.of("articles/zero-downtime/index.html", "blog/2024/03/zero-downtime/index.html")) {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(siteBucket).key(old));
            // What the CDN's viewer-response function reads: S3's own header, the value form-encoded as S3 metadata must be ASCII.
            String header = head.sdkHttpResponse().firstMatchingHeader("x-amz-meta-galley-redirect").orElseThrow();
            assertEquals("%2Farticles%2Fzero-downtime-migrations%2F", header, old);
            assertEquals("/articles/zero-downtime-migrations/", java.net.URLDecoder.decode(header, StandardCharsets.UTF_8));
            assertEquals("public, max-age=60", head.cacheControl());
            assertTrue(site(old).contains("url=/articles/zero-downtime-migrations/"), "a static host still sends readers on");
        }
        assertNull(s3.headObject(r -> r.bucket(siteBucket).key("articles/zero-downtime-migrations/index.html")).metadata()
                .get("galley-redirect"), "the page itself is no redirect");

        handle(delete("posts/zero-downtime.md"));
        assertFalse(siteHas("articles/zero-downtime/index.html"), "a redirect whose target is removed is removed");
        assertFalse(siteHas("blog/2024/03/zero-downtime/index.html"));
    }

    @Test
    void reuploadWithAChangedTitleChangesThePageAndTheHomePage() throws Exception {
        handle(upload("hello.md", article("First title", "2026-03-10")));
        handle(upload("hello.md", article("Second title", "2026-03-10")));

        assertTrue(site("articles/hello/index.html").contains("Second title"));
        assertTrue(site("index.html").contains("Second title"));
        assertFalse(site("index.html").contains("First title"));
    }

    @Test
    void deleteRemovesThePageAndItsHomePageEntry() throws Exception {
        handle(upload("keep.md", article("Keep me", "2026-03-09")));
        handle(upload("gone.md", article("Remove me", "2026-03-10")));
        JsonNode result = handle(delete("gone.md"));

        assertEquals("unpublished", result.path("gone.md").asText());
        assertFalse(siteHas("articles/gone/index.html"));
        assertFalse(site("index.html").contains("Remove me"));
        assertTrue(site("index.html").contains("Keep me"));
    }

    @Test
    void aDraftIsNeverListedAndADraftOverAPublishedArticleTakesItDown() throws Exception {
        handle(upload("keep.md", article("Keep me", "2026-03-09", "tags: [Go]")));
        handle(upload("hello.md", article("Hello", "2026-03-10", "tags: [Go]")));
        JsonNode fresh = handle(upload("later.md", article("Not yet", "2026-03-11", "draft: true")));

        JsonNode over = handle(upload("hello.md", article("Hello", "2026-03-10", "tags: [Go]", "draft: true")));

        assertEquals("draft", fresh.path("later.md").asText());
        assertEquals("draft", over.path("hello.md").asText());
        assertFalse(siteHas("articles/hello/index.html"));
        assertFalse(siteHas("articles/later/index.html"));
        assertFalse(site("index.html").contains("/articles/hello/"));
        assertFalse(site("tags/go/index.html").contains("/articles/hello/"));
        assertTrue(site("index.html").contains("/articles/keep/"));
        assertEquals("draft", tags("hello.md").get("galley-status"));
        assertFalse(tags("hello.md").getOrDefault("galley-url", "").contains("/articles/"), "a draft's link, if any, is not the article's");
        assertEquals("draft", tags("later.md").get("galley-status"));
    }

    @Test
    void keysWithSpacesAndNonAsciiCharactersAreDecoded() throws Exception {
        String event = upload("drafts/my post é.md", article("Encoded", "2026-03-10"));
        assertTrue(event.contains("drafts/my+post+%C3%A9.md"), "S3 sends keys form-encoded");

        JsonNode result = handle(event);

        assertEquals("published", result.path("drafts/my post é.md").asText());
        assertTrue(site("articles/my-post-e/index.html").contains("Encoded"));
        assertEquals("published", tags("drafts/my post é.md").get("galley-status"));
    }

    @Test
    void aQueueBatchOfEventBridgeEventsIsPublishedWithTheKeysAsWrittenAndNothingHandedBack() throws Exception {
        upload("queued one.md", article("Queued one", "2026-03-01"));
        upload("queued+two.md", article("Queued two", "2026-03-02"));
        String batch = Events.queueBatch(List.of(
                Events.eventBridge(contentBucket, "queued one.md", etag("queued one.md"), nextSequencer()),
                Events.eventBridge(contentBucket, "queued+two.md", etag("queued+two.md"), nextSequencer())));

        JsonNode result = handle(batch);

        assertEquals("{\"batchItemFailures\":[]}", result.toString());
        assertEquals("published", tags("queued one.md").get("galley-status"));
        assertEquals("published", tags("queued+two.md").get("galley-status"));
        assertTrue(site("index.html").contains("Queued two"));
    }

    @Test
    void aBatchNearTheEndOfItsTimeHandsBackTheRecordsItHasNotStarted() throws Exception {
        upload("late one.md", article("Late one", "2026-03-01"));
        upload("late two.md", article("Late two", "2026-03-02"));
        String batch = Events.queueBatch(List.of(
                Events.eventBridge(contentBucket, "late one.md", etag("late one.md"), nextSequencer()),
                Events.eventBridge(contentBucket, "late two.md", etag("late two.md"), nextSequencer())));
        RecordingContext logs = new RecordingContext().withRemainingMillis(PublishHandler.TIME_RESERVE_MILLIS - 1);

        JsonNode result = handle(batch, logs);

        assertEquals(1, result.path("batchItemFailures").size(), result.toString());
        assertEquals("published", tags("late one.md").get("galley-status"), "a batch always starts its first record");
        assertFalse(tags("late two.md").containsKey("galley-status"), "the second waits for the next receive");
        assertTrue(logs.lines().stream().anyMatch(line -> line.path("key").asText().equals("late two.md")
                && line.path("reason").asText().contains("time is nearly up")), logs.lines().toString());
    }

    @Test
    void aQueuedKeyThatTurnsOutFormEncodedIsPublishedUnderTheKeyItSpells() throws Exception {
        // If EventBridge form-encodes keys as S3's own notifications do, "my post.md" arrives as "my+post.md".
        upload("my post.md", article("Spaced", "2026-03-03"));
        JsonNode result = handle(Events.queueBatch(List.of(Events.eventBridge(contentBucket, "my+post.md", etag("my post.md"), nextSequencer()))));

        assertEquals("{\"batchItemFailures\":[]}", result.toString());
        assertEquals("published", tags("my post.md").get("galley-status"));
        assertTrue(site("index.html").contains("Spaced"));
    }

    private String etag(String key) {
        return s3.headObject(r -> r.bucket(contentBucket).key(key)).eTag().replace("\"", "");
    }

    @Test
    void aDuplicateNotificationLeavesTheSameSite() throws Exception {
        String event = upload("hello.md", article("Hello", "2026-03-10"));
        handle(event);
        Map<String, String> before = siteObjects();

        JsonNode again = handle(event);

        assertEquals("unchanged", again.path("hello.md").asText());
        assertEquals(before, siteObjects());
    }

    @Test
    void aDeleteNotificationDeliveredAfterTheKeyWasRecreatedKeepsTheNewVersion() throws Exception {
        handle(upload("hello.md", article("Version one", "2026-03-10")));
        String lateDelete = delete("hello.md");
        upload("hello.md", article("Version two", "2026-03-10"));

        handle(lateDelete);

        assertTrue(site("articles/hello/index.html").contains("Version two"));
        assertTrue(site("index.html").contains("Version two"));
    }

    @Test
    void aCreateNotificationForAKeyThatIsGoneUnpublishesIt() throws Exception {
        String create = upload("hello.md", article("Hello", "2026-03-10"));
        handle(create);
        s3.deleteObject(r -> r.bucket(contentBucket).key("hello.md"));

        handle(create);

        assertFalse(siteHas("articles/hello/index.html"));
        assertFalse(site("index.html").contains("/articles/hello/"));
    }

    @Test
    void oneEventWithThreeRecordsPublishesTheGoodOnesAroundABadOne() throws Exception {
        String event = Events.combine(List.of(
                upload("first.md", article("First", "2026-03-01")),
                upload("broken.md", "---\ntitle: Broken\ndate: someday\n---\n"),
                upload("third.md", article("Third", "2026-03-03"))));

        JsonNode result = handle(event);

        assertEquals("published", result.path("first.md").asText());
        assertEquals("rejected", result.path("broken.md").asText());
        assertEquals("published", result.path("third.md").asText());
        assertTrue(site("index.html").contains("/articles/first/"));
        assertTrue(site("index.html").contains("/articles/third/"));
        assertFalse(siteHas("articles/broken/index.html"));
        Map<String, String> status = tags("broken.md");
        assertEquals("rejected", status.get("galley-status"));
        assertTrue(status.get("galley-reason").contains("line 3"), status.toString());
        assertTrue(status.get("galley-reason").contains("is not a date"), status.toString());
    }

    @Test
    void theTestEventIsSkippedAndAFileThatIsNeitherArticleNorImageIsRejectedWithAReason() throws Exception {
        JsonNode test = handle(Events.fixture("s3-test-event.json").toString());
        assertEquals("s3:TestEvent", test.path("skipped").asText());

        JsonNode notes = handle(upload("notes.txt", "not an article"));
        assertEquals("rejected", notes.path("notes.txt").asText());
        assertEquals("rejected", tags("notes.txt").get("galley-status"));
        assertTrue(tags("notes.txt").get("galley-reason").contains("only Markdown articles"), tags("notes.txt").toString());
        assertTrue(siteObjects().isEmpty());
    }

    @Test
    void feedSitemapSearchIndexAndRobotsFollowUploadsAndDeletes() throws Exception {
        handle(upload("first.md", article("First & foremost", "2026-01-10", "tags: [Go]")));
        handle(upload("second.md", article("Second", "2026-02-10", "tags: [Rust]")));

        String feed = site("feed.xml");
        assertTrue(feed.contains("<title>First &amp; foremost</title>"), feed);
        assertTrue(feed.contains("The body of Second."), feed);
        assertTrue(feed.contains("<updated>2026-02-10T00:00:00Z</updated>"), feed);
        assertEquals("application/atom+xml; charset=utf-8".replace(" ", ""),
                s3.headObject(r -> r.bucket(siteBucket).key("feed.xml")).contentType().replace(" ", ""));
        assertTrue(sitemaps().contains("/articles/first/</loc>"));
        assertTrue(searchChunks().contains("\"slug\":\"second\""));
        assertTrue(site("robots.txt").contains("Sitemap: "));
        assertTrue(siteObjects().keySet().stream().anyMatch(k -> k.startsWith("assets/style.")), "the first publish writes the stylesheet");

        handle(delete("second.md"));
        assertFalse(site("feed.xml").contains("The body of Second."));
        assertFalse(sitemaps().contains("/articles/second/"));
        assertFalse(searchChunks().contains("\"slug\":\"second\""));
    }

    @Test
    void theSearchPageAndItsScriptArePublishedWithTheirTypesAndCachingAndARebuildRestoresThem() throws Exception {
        handle(upload("first.md", article("Première", "2026-01-10", "tags: [Go]", "summary: Café culture")));

        String page = site("search/index.html");
        Matcher src = Pattern.compile("<script src=\"/(assets/search\\.[0-9a-f]{10}\\.js)\" defer>").matcher(page);
        assertTrue(src.find(), page);
        String script = src.group(1);
        HeadObjectResponse scriptObject = s3.headObject(r -> r.bucket(siteBucket).key(script));
        assertEquals("application/javascript;charset=utf-8", scriptObject.contentType().replace("; ", ";"));
        assertEquals("public, max-age=31536000, immutable", scriptObject.cacheControl());
        assertTrue(site(script).contains("'/search.json'"));
        HeadObjectResponse pageObject = s3.headObject(r -> r.bucket(siteBucket).key("search/index.html"));
        assertEquals("text/html;charset=utf-8", pageObject.contentType().replace("; ", ";"));
        assertEquals("public, max-age=60", pageObject.cacheControl());
        assertTrue(searchChunks().contains("\"title\":\"Première\",\"slug\":\"first\",\"url\":\"/articles/first/\",\"date\":\"2026-01-10\""),
                searchChunks());
        assertTrue(site("index.html").contains("<a class=\"search-link\" href=\"/search/\">Search</a>"));

        s3.deleteObject(r -> r.bucket(siteBucket).key("search/index.html"));
        s3.deleteObject(r -> r.bucket(siteBucket).key(script));
        handle("{\"action\":\"rebuild\"}");
        assertEquals(page, site("search/index.html"), "a deploy's rebuild gives a site published before the search page one");
        assertTrue(siteHas(script));
    }

    @Test
    void theOwnersStylesheetIsLinkedFromEveryPageOnUploadAndGoesWithItsCopyOnDelete() throws Exception {
        handle(upload("first.md", article("First", "2026-01-10", "tags: [Go]")));
        List<String> pages = List.of("index.html", "articles/first/index.html", "tags/go/index.html", "search/index.html", "404.html");
        Pattern link = Pattern.compile("<link rel=\"stylesheet\" href=\"/(assets/custom\\.[0-9a-f]{10}\\.css)\">");

        JsonNode uploaded = handle(upload("theme/custom.css", ".site-header { border-bottom: 4px solid #b3261e; }\n"));
        assertEquals("rebuilt", uploaded.path("theme/custom.css").asText(), uploaded.toString());
        Matcher linked = link.matcher(site("index.html"));
        assertTrue(linked.find(), site("index.html"));
        String copy = linked.group(1);
        for (String page : pages) {
            assertTrue(site(page).contains("href=\"/" + copy + "\""), page + " does not link the owner's stylesheet");
        }
        HeadObjectResponse css = s3.headObject(r -> r.bucket(siteBucket).key(copy));
        assertEquals("text/css;charset=utf-8", css.contentType().replace("; ", ";"));
        assertEquals("public, max-age=31536000, immutable", css.cacheControl());
        assertEquals("published", tags("theme/custom.css").get("galley-status"));
        assertEquals("/" + copy, tags("theme/custom.css").get("galley-url"));

        handle(upload("theme/custom.css", "body { background: url(https://cdn.example.com/paper.jpg); }\n"));
        assertEquals("rejected", tags("theme/custom.css").get("galley-status"));
        assertTrue(tags("theme/custom.css").get("galley-reason").startsWith("line 1: the url https://cdn.example.com/paper.jpg points off the site"),
                tags("theme/custom.css").toString());
        assertTrue(site("index.html").contains("href=\"/" + copy + "\""), "a refused stylesheet leaves the last good one");

        handle(delete("theme/custom.css"));
        for (String page : pages) {
            assertFalse(link.matcher(site(page)).find(), page + " still links the deleted stylesheet");
        }
        assertFalse(siteHas(copy), "the deleted stylesheet's copy stays in the site bucket");
    }

    @Test
    void theRssFeedsAndTagFeedsFollowAPublishAndADeleteAndATagsLastArticleTakesItsFeedAlong() throws Exception {
        handle(upload("rust.md", article("Announcing Rust 1.70.0", "2023-06-01", "tags: [Rust, Releases]")));
        handle(upload("go.md", article("Go 1.22 is released! <script>alert(1)</script>", "2024-02-06", "tags: [Go, Releases]")));

        for (String rss : List.of("rss.xml", "index.xml")) {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(siteBucket).key(rss));
            assertEquals("application/rss+xml;charset=utf-8", head.contentType().replace(" ", ""), rss);
            assertEquals("public, max-age=60", head.cacheControl(), rss);
            assertEquals(List.of("Go 1.22 is released! <script>alert(1)</script>", "Announcing Rust 1.70.0"), rssTitles(rss));
        }
        assertEquals("application/atom+xml;charset=utf-8",
                s3.headObject(r -> r.bucket(siteBucket).key("tags/releases/feed.xml")).contentType().replace(" ", ""));
        assertEquals(List.of("Go 1.22 is released! <script>alert(1)</script>", "Announcing Rust 1.70.0"), atomTitles("tags/releases/feed.xml"));
        assertEquals(List.of("Announcing Rust 1.70.0"), atomTitles("tags/rust/feed.xml"));
        assertTrue(site("tags/rust/index.html").contains("href=\"/tags/rust/feed.xml\""), "the tag page links its feed");

        handle(delete("rust.md"));
        assertEquals(List.of("Go 1.22 is released! <script>alert(1)</script>"), rssTitles("rss.xml"));
        assertEquals(List.of("Go 1.22 is released! <script>alert(1)</script>"), rssTitles("index.xml"));
        assertEquals(List.of("Go 1.22 is released! <script>alert(1)</script>"), atomTitles("tags/releases/feed.xml"));
        assertFalse(siteHas("tags/rust/feed.xml"), "a tag without articles has no feed");
        assertFalse(siteHas("tags/rust/index.html"));
        assertTrue(siteHas("tags/go/feed.xml"));
    }

    private List<String> rssTitles(String path) throws Exception {
        com.rometools.rome.feed.rss.Channel channel = (com.rometools.rome.feed.rss.Channel) new com.rometools.rome.io.WireFeedInput()
                .build(new java.io.StringReader(site(path)));
        return channel.getItems().stream().map(com.rometools.rome.feed.rss.Item::getTitle).toList();
    }

    private List<String> atomTitles(String path) throws Exception {
        com.rometools.rome.feed.atom.Feed feed = (com.rometools.rome.feed.atom.Feed) new com.rometools.rome.io.WireFeedInput()
                .build(new java.io.StringReader(site(path)));
        return feed.getEntries().stream().map(com.rometools.rome.feed.atom.Entry::getTitle).toList();
    }

    @Test
    void aStandalonePageIsPublishedEditedAndDeletedAndNeverListed() throws Exception {
        handle(upload("canaries.md", article("Canaries", "2026-03-01", "tags: [DevOps]")));
        String about = "---\ntitle: About this blog\n---\nI am Mara, and I write about release engineering.\n";
        List<String> listings = List.of("index.html", "tags/index.html", "tags/devops/index.html", "404.html", "feed.xml");

        JsonNode published = handle(upload("pages/about.md", about));
        assertEquals("published", published.path("pages/about.md").asText());
        assertTrue(site("about/index.html").contains("I am Mara"));
        assertEquals("text/html; charset=utf-8".replace(" ", ""), s3.headObject(r -> r.bucket(siteBucket).key("about/index.html"))
                .contentType().replace(" ", ""));
        assertTrue(sitemaps().contains("/about/</loc>"));
        assertEquals("published", tags("pages/about.md").get("galley-status"));
        assertEquals("/about/", tags("pages/about.md").get("galley-url"));

        handle(upload("pages/about.md", about.replace("About this blog", "About me")));
        assertTrue(site("about/index.html").contains("About me"));

        JsonNode clash = handle(upload("about.md", article("About", "2026-03-02", "permalink: /about/")));
        assertEquals("rejected", clash.path("about.md").asText());
        assertTrue(tags("about.md").get("galley-reason").contains("pages/about.md"), tags("about.md").toString());

        for (String listing : listings) {
            assertFalse(site(listing).contains("/about/"), listing + " lists the page");
            assertFalse(site(listing).contains("About me"), listing + " lists the page");
        }
        assertFalse(searchChunks().contains("/about/") || searchChunks().contains("About me"), "the search index lists the page");
        handle(delete("about.md"));
        JsonNode deleted = handle(delete("pages/about.md"));
        assertEquals("unpublished", deleted.path("pages/about.md").asText());
        assertFalse(siteHas("about/index.html"));
        assertFalse(sitemaps().contains("/about/"));
        assertTrue(site("index.html").contains("Canaries"));
    }

    @Test
    void anImageBesideAnArticleIsPublishedWithItsTypeAndLongCachingAndRemovedWhenDeleted() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        String etag = s3.putObject(r -> r.bucket(contentBucket).key("posts/hello/diagram one.png"), RequestBody.fromBytes(png))
                .eTag().replace("\"", "");
        JsonNode image = handle(Events.record("ObjectCreated:Put", contentBucket, "posts/hello/diagram one.png", etag, nextSequencer()));
        handle(upload("posts/hello.md", article("Hello", "2026-03-10") + "\n![A diagram](hello/diagram%20one.png)\n"));

        assertEquals("published", image.path("posts/hello/diagram one.png").asText());
        HeadObjectResponse head = s3.headObject(r -> r.bucket(siteBucket).key("media/posts/hello/diagram one.png"));
        assertEquals("image/png", head.contentType());
        assertEquals("public, max-age=604800", head.cacheControl());
        assertTrue(site("articles/hello/index.html").contains("<img src=\"/media/posts/hello/diagram%20one.png\" alt=\"A diagram\""));
        assertEquals("/media/posts/hello/diagram one.png", tags("posts/hello/diagram one.png").get("galley-url"));

        handle(delete("posts/hello/diagram one.png"));
        assertFalse(siteHas("media/posts/hello/diagram one.png"));
    }

    @Test
    void anArticlesImagesGetTheWidthAndHeightTheirFilesHaveFromTheMediaCopysMetadata() throws Exception {
        for (String[] image : new String[][] {{"posts/schema.png", "png", "1600", "900"}, {"posts/photo.jpg", "jpg", "300", "400"}}) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(Integer.parseInt(image[2]), Integer.parseInt(image[3]),
                    java.awt.image.BufferedImage.TYPE_INT_RGB), image[1], bytes);
            String etag = s3.putObject(r -> r.bucket(contentBucket).key(image[0]), RequestBody.fromBytes(bytes.toByteArray())).eTag().replace("\"", "");
            handle(Events.record("ObjectCreated:Put", contentBucket, image[0], etag, nextSequencer()));
        }
        assertEquals("1600x900", s3.headObject(r -> r.bucket(siteBucket).key("media/posts/schema.png")).metadata().get("galley-image-size"));
        handle(upload("posts/hello.md", article("Hello", "2026-03-10") + "\n![Schema](schema.png)\n\n![A photo](photo.jpg)\n"));

        String page = site("articles/hello/index.html");
        assertTrue(page.contains("<img src=\"/media/posts/schema.png\" alt=\"Schema\" width=\"1600\" height=\"900\" />"), page);
        assertTrue(page.contains("<img src=\"/media/posts/photo.jpg\" alt=\"A photo\" width=\"300\" height=\"400\" loading=\"lazy\" decoding=\"async\" />"), page);
        String shareImage = dev.galley.site.SiteConfig.defaults().absolute("media/posts/schema.png").toString();
        assertTrue(page.contains("<meta property=\"og:image\" content=\"" + shareImage + "\">"), page);
    }

    @Test
    void recordsFromAnotherBucketAreSkipped() throws Exception {
        JsonNode result = handle(Events.record("ObjectCreated:Put", "someone-elses-bucket", "x.md", "abc", nextSequencer()));
        assertEquals("skipped", result.path("x.md").asText());
    }

    @Test
    void aConditionalWriteOverAPageDeletedMeanwhileIsAConflictNotAFailure() {
        S3SiteStore store = new S3SiteStore(function, siteBucket);
        SiteFile page = new SiteFile("tags/go/index.html", "<p>Go</p>".getBytes(StandardCharsets.UTF_8), ContentKind.HTML);
        store.write(page, Map.of(), new SiteStore.Condition.Absent());
        String etag = store.head(page.path()).orElseThrow().etag();
        store.delete(page.path());

        assertThrows(WriteConflictException.class, () -> store.write(page, Map.of(), new SiteStore.Condition.Matches(etag)));
    }

    @Test
    void aBrokenSiteConfigIsRejectedAndArticlesGoOnWithTheLastGoodOneAndAWarning() throws Exception {
        assertEquals("rebuilt", handle(upload("site.yaml", "title: The good title\n")).path("site.yaml").asText());
        assertEquals("published", tags("site.yaml").get("galley-status"));

        RecordingContext logs = new RecordingContext();
        assertEquals("rejected", handle(upload("site.yaml", "title: The good title\ntagline: [unclosed\n"), logs).path("site.yaml").asText());
        assertTrue(logs.lines().get(0).path("siteConfigRejected").asBoolean(), "the template's metric filter counts this field: " + logs.lines());
        assertEquals("rejected", tags("site.yaml").get("galley-status"));
        assertTrue(tags("site.yaml").get("galley-reason").startsWith("line 2"), tags("site.yaml").toString());

        assertEquals("published", handle(upload("a.md", article("A", "2026-01-01"))).path("a.md").asText());
        Map<String, String> tags = tags("a.md");
        assertEquals("published", tags.get("galley-status"));
        assertTrue(tags.get("galley-warnings").startsWith("1 warning. site.yaml is ignored until it is fixed"), tags.toString());
        assertTrue(tags.get("galley-warnings").contains("configuration: line 2: "), tags.toString());
        assertTrue(site("articles/a/index.html").contains("The good title"), "rendered with the last good configuration");
        assertTrue(site("index.html").contains("The good title"));
    }

    @Test
    void changingThePermalinkPatternMovesEveryPageAndTheOldUrlsRedirect() throws Exception {
        handle(upload("2023/kubecon-eu.md", article("KubeCon EU 2023", "2023-04-18")));
        JsonNode refused = handle(upload("2024/kubecon-eu.md", article("KubeCon EU 2024", "2024-03-19")));
        assertEquals("rejected", refused.path("2024/kubecon-eu.md").asText());
        assertTrue(tags("2024/kubecon-eu.md").get("galley-reason").contains("the URL /articles/kubecon-eu/ is already used by 2023/kubecon-eu.md"),
                tags("2024/kubecon-eu.md").toString());

        assertEquals("rebuilt", handle(upload("site.yaml", "permalink: /:year/:slug/\n")).path("site.yaml").asText());

        assertEquals("%2F2023%2Fkubecon-eu%2F", s3.headObject(r -> r.bucket(siteBucket).key("articles/kubecon-eu/index.html"))
                .sdkHttpResponse().firstMatchingHeader("x-amz-meta-galley-redirect").orElseThrow(), "the old URL redirects to the new page");
        assertTrue(site("2023/kubecon-eu/index.html").contains("The body of KubeCon EU 2023."));
        assertTrue(site("2024/kubecon-eu/index.html").contains("The body of KubeCon EU 2024."));
        assertTrue(site("index.html").contains("href=\"/2024/kubecon-eu/\""));
        assertEquals("/2024/kubecon-eu/", tags("2024/kubecon-eu.md").get("galley-url"));
        assertEquals(List.of("articles/kubecon-eu/index.html"), siteObjects().keySet().stream().filter(key -> key.startsWith("articles/")).toList());

        assertEquals("rejected", handle(upload("site.yaml", "permalink: /tags/:slug/\n")).path("site.yaml").asText());
        assertTrue(tags("site.yaml").get("galley-reason").startsWith("line 1: permalink /tags/:slug/ /tags/ holds Galley"), tags("site.yaml").toString());
        assertTrue(siteHas("2023/kubecon-eu/index.html"), "a refused pattern leaves the site as it was");
    }

    // --- publish times and expiries: the clock is the test's, the wake events go through the handler ---

    @Test
    void aScheduledPostGoesLiveAtItsTimeWithNoUpload() throws Exception {
        SteppedScheduler scheduler = new SteppedScheduler(Instant.parse("2026-06-01T12:00:00Z"));
        handler = new PublishHandler(config, function, null, scheduler.clock(), scheduler);
        handle(upload("earlier.md", article("Earlier", "2026-05-01")));

        JsonNode held = handle(upload("launch.md", article("Launch", "2026-06-01", "publishDate: 2026-06-03T08:00:00Z")));

        assertEquals("scheduled", held.path("launch.md").asText());
        assertEquals("scheduled", tags("launch.md").get("galley-status"));
        assertEquals("held until 2026-06-03T08:00:00Z by publishDate: it goes live then", tags("launch.md").get("galley-reason"));
        assertFalse(siteHas("articles/launch/index.html"));
        assertFalse(site("feed.xml").contains("Launch"));
        assertEquals(List.of(), scheduler.advanceTo(Instant.parse("2026-06-03T07:59:59Z")), "nothing is due before its time");

        List<String> due = scheduler.advanceTo(Instant.parse("2026-06-03T08:00:00Z"));
        assertEquals(List.of("{\"action\":\"wake\",\"key\":\"launch.md\"}"), due);
        RecordingContext logs = new RecordingContext();
        JsonNode woken = handle(due.get(0), logs);

        assertEquals("published", woken.path("launch.md").asText());
        assertTrue(logs.lines().get(0).path("woken").asBoolean(), logs.lines().toString());
        assertTrue(site("articles/launch/index.html").contains("The body of Launch."));
        assertTrue(site("index.html").contains("/articles/launch/"));
        assertTrue(site("feed.xml").contains("Launch"));
        assertEquals("published", tags("launch.md").get("galley-status"));
    }

    @Test
    void anExpiringPostGoesDownAtItsExpiryWithNoUpload() throws Exception {
        SteppedScheduler scheduler = new SteppedScheduler(Instant.parse("2026-06-01T12:00:00Z"));
        handler = new PublishHandler(config, function, null, scheduler.clock(), scheduler);
        handle(upload("keep.md", article("Keep", "2026-05-01")));
        assertEquals("published", handle(upload("sale.md", article("Summer sale", "2026-05-20", "expiryDate: 2026-06-30"))).path("sale.md").asText());
        assertTrue(site("index.html").contains("Summer sale"));

        List<String> due = scheduler.advanceTo(Instant.parse("2026-06-30T00:00:00Z"));
        assertEquals(1, due.size());
        JsonNode woken = handle(due.get(0));

        assertEquals("expired", woken.path("sale.md").asText());
        assertFalse(siteHas("articles/sale/index.html"));
        assertFalse(site("index.html").contains("Summer sale"));
        assertTrue(site("index.html").contains("/articles/keep/"));
        assertEquals("expired", tags("sale.md").get("galley-status"));
        assertFalse(tags("sale.md").containsKey("galley-url"));
    }

    @Test
    void aWakeUpForAPostEditedOrDeletedSinceFollowsTheBucketAsItIsThen() throws Exception {
        SteppedScheduler scheduler = new SteppedScheduler(Instant.parse("2026-06-01T12:00:00Z"));
        handler = new PublishHandler(config, function, null, scheduler.clock(), scheduler);
        handle(upload("moved.md", article("Moved", "2026-06-02")));
        handle(upload("gone.md", article("Gone", "2026-06-02")));
        List<String> firstWakeUps = List.of(WakeEvent.json("moved.md"), WakeEvent.json("gone.md"));

        s3.putObject(r -> r.bucket(contentBucket).key("moved.md"), RequestBody.fromString(article("Moved", "2026-06-09")));
        handle(delete("gone.md"));
        scheduler.advanceTo(Instant.parse("2026-06-02T00:00:00Z"));

        assertEquals("scheduled", handle(firstWakeUps.get(0)).path("moved.md").asText(), "an edit the handler has not seen yet counts");
        assertEquals("skipped", handle(firstWakeUps.get(1)).path("gone.md").asText());
        assertEquals(Map.of("moved.md", Instant.parse("2026-06-09T00:00:00Z")), scheduler.wakeUps());
        assertFalse(siteHas("articles/moved/index.html") || siteHas("articles/gone/index.html"));
    }
}
