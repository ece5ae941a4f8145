package dev.galley.publish;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublisherTest {

    private InMemoryStores.Content content;
    private InMemoryStores.Site site;
    private Publisher publisher;

    @BeforeEach
    void setUp() {
        content = new InMemoryStores.Content();
        site = new InMemoryStores.Site();
        publisher = new Publisher(content, site);
    }

    static String article(String title, String date, String... extra) {
        return "---\ntitle: " + title + "\ndate: " + date + "\n" + String.join("\n", extra) + (extra.length > 0 ? "\n" : "") + "---\nBody of " + title + ".\n";
    }

    private Outcome sync(String key) {
        return publisher.sync(SourceChange.of(key));
    }

    @Test
    void mustPublishAPageAndListItOnTheHomePage() {
        content.put("hello.md", article("Hello", "2026-01-01"));
        Outcome outcome = sync("hello.md");
        assertEquals(Outcome.Kind.PUBLISHED, outcome.kind());
        assertTrue(site.text("articles/hello/index.html").contains("Body of Hello."));
        assertTrue(site.text("index.html").contains("href=\"/articles/hello/\""));
        assertEquals(PublishStatus.State.PUBLISHED, content.statuses.get("hello.md").state());
        assertEquals("/articles/hello/", content.statuses.get("hello.md").url());
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());
    }

    @Test
    void mustWriteNothingWhenTheSameChangeArrivesTwice() {
        content.put("hello.md", article("Hello", "2026-01-01"));
        sync("hello.md");
        int writes = site.writes;
        assertEquals(Outcome.Kind.UNCHANGED, sync("hello.md").kind());
        assertEquals(writes, site.writes);
    }

    @Test
    void mustFollowAnEditOfTheTitleOnPageAndHomePage() {
        content.put("hello.md", article("Hello", "2026-01-01"));
        sync("hello.md");
        content.put("hello.md", article("Hello again", "2026-01-01"));
        assertEquals(Outcome.Kind.PUBLISHED, sync("hello.md").kind());
        assertTrue(site.text("articles/hello/index.html").contains("Hello again"));
        assertTrue(site.text("index.html").contains("Hello again"));
    }

    @Test
    void mustRemoveTheEntryBeforeThePageWhenTheSourceIsGone() {
        content.put("a.md", article("A", "2026-01-01"));
        content.put("b.md", article("B", "2026-01-02"));
        sync("a.md");
        sync("b.md");
        content.files.remove("a.md");
        assertEquals(Outcome.Kind.UNPUBLISHED, sync("a.md").kind());
        assertNull(site.text("articles/a/index.html"));
        assertFalse(site.text("index.html").contains("/articles/a/"));
        assertTrue(site.text("index.html").contains("/articles/b/"));
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());
    }

    @Test
    void mustMoveThePageWhenTheSlugChangesAndLeaveARedirectWhereItWas() {
        content.put("a.md", article("A", "2026-01-01"));
        sync("a.md");
        content.put("a.md", article("A", "2026-01-01", "slug: renamed"));
        sync("a.md");
        assertEquals("/articles/renamed/", site.objects.get("articles/a/index.html").version().metadata().get(Redirects.TARGET));
        assertFalse(site.text("articles/a/index.html").contains("Body of A."));
        assertNotNull(site.text("articles/renamed/index.html"));
        assertTrue(site.text("index.html").contains("/articles/renamed/"));
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());
    }

    @Test
    void mustUnpublishAnArticleThatBecomesADraft() {
        content.put("a.md", article("A", "2026-01-01"));
        sync("a.md");
        content.put("a.md", article("A", "2026-01-01", "draft: true"));
        assertEquals(Outcome.Kind.DRAFT, sync("a.md").kind());
        assertNull(site.text("articles/a/index.html"));
        assertFalse(site.text("index.html").contains("/articles/a/"));
        assertEquals(PublishStatus.State.DRAFT, content.statuses.get("a.md").state());
    }

    @Test
    void mustRejectASecondFileWithTheSameSlugAndKeepTheFirst() {
        content.put("a.md", article("First", "2026-01-01", "slug: same"));
        content.put("b.md", article("Second", "2026-01-02", "slug: same"));
        sync("a.md");
        Outcome outcome = sync("b.md");
        assertEquals(Outcome.Kind.REJECTED, outcome.kind());
        assertTrue(outcome.reason().contains("already used by a.md"), outcome.reason());
        assertTrue(site.text("articles/same/index.html").contains("First"));
        assertEquals(PublishStatus.State.REJECTED, content.statuses.get("b.md").state());
    }

    @Test
    void mustKeepThePublishedVersionWhenAnEditBreaksTheFile() {
        content.put("a.md", article("A", "2026-01-01"));
        sync("a.md");
        content.put("a.md", "---\ntitle: A\ndate: not a date\n---\n");
        Outcome outcome = sync("a.md");
        assertEquals(Outcome.Kind.REJECTED, outcome.kind());
        assertTrue(outcome.reason().contains("a.md:3: date \"not a date\""), outcome.reason());
        assertTrue(site.text("articles/a/index.html").contains("Body of A."));
        assertTrue(site.text("index.html").contains("/articles/a/"));
    }

    @Test
    void mustRejectFilesThatAreNeitherArticlesNorImagesAndWriteNothing() {
        content.put("notes.txt", "hello");
        Outcome outcome = sync("notes.txt");
        assertEquals(Outcome.Kind.REJECTED, outcome.kind());
        assertTrue(outcome.reason().contains("only Markdown articles"), outcome.reason());
        assertEquals(PublishStatus.State.REJECTED, content.statuses.get("notes.txt").state());
        assertEquals(0, site.writes);
    }

    @Test
    void mustNotGoBackToAnOlderVersionWhenItsNotificationArrivesLate() {
        content.put("a.md", article("Old", "2026-01-01"));
        String oldEtag = content.read("a.md").orElseThrow().etag();
        content.put("a.md", article("New", "2026-01-01"));
        String newEtag = content.read("a.md").orElseThrow().etag();
        publisher.sync(new SourceChange("a.md", newEtag, "0055AED6DCD90281E6"));
        // The old notification arrives late, but the store holds the new bytes: nothing goes backwards.
        publisher.sync(new SourceChange("a.md", oldEtag, "0055AED6DCD90281E5"));
        assertTrue(site.text("articles/a/index.html").contains("New"));
    }

    @Test
    void mustRebuildEverythingReportEveryBadFileAndRemoveOrphans() {
        content.put("site.yaml", "title: My site\n");
        content.put("good.md", article("Good", "2026-01-01", "tags: [Go]"));
        content.put("bad.md", "---\ntitle: Bad\n---\n");
        content.put("draft.md", article("Draft", "2026-01-01", "draft: true"));
        content.put("dup.md", article("Dup", "2026-02-01", "slug: good"));
        site.write(new dev.galley.site.SiteFile("articles/orphan/index.html", new byte[] {1}, dev.galley.site.ContentKind.HTML),
                java.util.Map.of(), new SiteStore.Condition.None());
        Rebuild.Report report = publisher.rebuild();
        assertEquals(1, report.published());
        assertEquals(1, report.drafts());
        assertEquals(List.of("bad.md", "dup.md"), report.rejected().stream().map(e -> e.file()).toList());
        assertEquals(1, report.pagesRemoved());
        assertTrue(site.text("index.html").contains("My site"));
        assertTrue(site.text("tags/go/index.html").contains("/articles/good/"));
        assertNull(site.text("articles/draft/index.html"));
        assertTrue(site.text("articles/good/index.html").contains("Body of Good."), "the winner of a slug keeps its page");
    }

    @Test
    void mustRebuildWhenTheSiteConfigChanges() {
        content.put("a.md", article("A", "2026-01-01"));
        sync("a.md");
        content.put("site.yaml", "title: Renamed site\n");
        assertEquals(Outcome.Kind.REBUILT, sync("site.yaml").kind());
        assertTrue(site.text("index.html").contains("Renamed site"));
        assertTrue(site.text("articles/a/index.html").contains("Renamed site"));
    }

    @Test
    void mustRejectABrokenSiteConfigAndGoOnPublishingWithTheLastGoodOneAndAWarning() {
        content.put("site.yaml", "title: The good title\n");
        assertEquals(Outcome.Kind.REBUILT, sync("site.yaml").kind());

        content.put("site.yaml", "title: The good title\ntagline: [unclosed\n");
        Outcome rejected = sync("site.yaml");
        assertEquals(Outcome.Kind.REJECTED, rejected.kind());
        assertEquals(PublishStatus.State.REJECTED, content.statuses.get("site.yaml").state());
        assertTrue(content.statuses.get("site.yaml").reason().startsWith("line 2"), content.statuses.get("site.yaml").reason());

        content.put("a.md", article("A", "2026-01-01"));
        Outcome published = sync("a.md");
        assertEquals(Outcome.Kind.PUBLISHED, published.kind());
        assertTrue(site.text("articles/a/index.html").contains("The good title"), "rendered with the last good configuration");
        List<String> warnings = content.statuses.get("a.md").warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("site.yaml is ignored until it is fixed"), warnings.get(0));
        assertTrue(warnings.get(0).contains("configuration: line 2: "), warnings.get(0));
        assertEquals(warnings, published.warnings());
    }

    @Test
    void mustRebuildWithTheLastGoodSiteConfigAndReportTheBrokenOne() {
        content.put("site.yaml", "title: The good title\n");
        content.put("a.md", article("A", "2026-01-01"));
        publisher.rebuild();
        content.put("site.yaml", "title: [unclosed\n");

        Rebuild.Report report = publisher.rebuild();

        assertEquals(1, report.published());
        assertEquals(List.of("site.yaml"), report.rejected().stream().map(e -> e.file()).toList());
        assertTrue(site.text("index.html").contains("The good title"));
        assertEquals(PublishStatus.State.REJECTED, content.statuses.get("site.yaml").state());
        assertTrue(content.statuses.get("a.md").warnings().get(0).startsWith("site.yaml is ignored"));
    }

    @Test
    void mustUseTheDefaultsWhenTheSiteConfigBreaksAfterTheLastGoodOneWasDeleted() {
        content.put("site.yaml", "title: The good title\n");
        publisher.rebuild();
        content.files.remove("site.yaml");
        publisher.rebuild();
        content.put("site.yaml", "title: [unclosed\n");
        content.put("a.md", article("A", "2026-01-01"));

        sync("a.md");

        assertFalse(site.text("articles/a/index.html").contains("The good title"), "the defaults were the last good configuration");
    }

    @Test
    void mustPublishEveryMarkdownEndingJekyllAndHugoKnow() {
        for (String key : List.of("a.markdown", "b.mdown", "c.mkdn", "d.mkd", "e.MD", "bundle/index.markdown")) {
            content.put(key, article("Title of " + key, "2026-01-01"));
            assertEquals(Outcome.Kind.PUBLISHED, sync(key).kind(), key);
        }
        assertNotNull(site.text("articles/bundle/index.html"));
        content.put("posts/.markdown", article("No name", "2026-01-01"));
        assertEquals(Outcome.Kind.REJECTED, sync("posts/.markdown").kind());
    }

    @Test
    void mustReportEveryFileARebuildDoesNotPublishWithTheReasonSyncGives() {
        content.put("a.md", article("A", "2026-01-01"));
        content.put("notes.txt", "not an article");
        content.put("logo.svg", "<html><body>not a drawing</body></html>");
        content.put("broken.png", "not a png");

        Rebuild.Report report = publisher.rebuild();

        assertEquals(List.of("broken.png", "logo.svg", "notes.txt"), report.rejected().stream().map(e -> e.file()).toList());
        for (String key : List.of("broken.png", "logo.svg", "notes.txt")) {
            assertEquals(PublishStatus.State.REJECTED, content.statuses.get(key).state(), key);
        }
        assertEquals(content.statuses.get("notes.txt").reason(), new Publisher(content, new InMemoryStores.Site()).sync(SourceChange.of("notes.txt")).rejection().orElseThrow().reason(),
                "the build and S3 give the same reason");
    }

    @Test
    void mustReportLinksAndImagesThatLeadNowhereAfterARebuild() {
        content.put("site.yaml", "baseUrl: https://blog.example.com/\n");
        content.files.put("images/ok.png", PNG);
        content.put("a.md", article("A", "2026-01-01"));
        content.put("posts/b.md", article("B", "2026-01-02") + """
                [A](/articles/a/) [A again](https://blog.example.com/articles/a) [old URL](/blog/2023/a/)
                [elsewhere](https://other.example.org/x/) [tags](/tags/) ![ok](/images/ok.png) ![missing](../images/gone.png)
                [home](https://blog.example.com/) [anchor](#top)
                """);

        Rebuild.Report report = publisher.rebuild();

        assertEquals(2, report.brokenLinks(), report.warnings().toString());
        assertEquals(List.of("posts/b.md", "posts/b.md"), report.warnings().stream().filter(w -> w.kind().equals("broken-link"))
                .map(w -> w.file()).toList());
        List<String> status = content.statuses.get("posts/b.md").warnings();
        assertTrue(status.get(0).startsWith("the link /blog/2023/a/ leads to no page or image of this site"), status.toString());
        assertTrue(status.get(1).startsWith("the link /media/images/gone.png leads to no page"), status.toString());
        assertEquals("""
                {
                  "brokenLinks" : [ {
                    "file" : "posts/b.md",
                    "link" : "/blog/2023/a/"
                  }, {
                    "file" : "posts/b.md",
                    "link" : "/media/images/gone.png"
                  } ]
                }""", site.text("_galley/links.json"));
    }

    @Test
    void anUploadedArticleIsWarnedOfItsOwnLinksThatLeadNowhereAsTheSiteStandsThen() {
        content.put("site.yaml", "baseUrl: https://blog.example.com/\n");
        publisher.sync(SourceChange.of("site.yaml"));
        content.files.put("images/ok.png", PNG);
        publisher.sync(SourceChange.of("images/ok.png"));
        content.put("a.md", article("A", "2026-01-01", "aliases: [/blog/2023/a/]"));
        publisher.sync(SourceChange.of("a.md"));
        content.put("posts/b.md", article("B", "2026-01-02", "tags: [Go]") + """
                [A](/articles/a/) [A again](https://blog.example.com/articles/a) [old URL](/blog/2023/a/) [Go](/tags/go/)
                ![ok](/images/ok.png) ![missing](../images/gone.png) [later](/articles/c/) [elsewhere](https://other.example.org/x/)
                """);

        Outcome outcome = publisher.sync(SourceChange.of("posts/b.md"));

        assertEquals(Outcome.Kind.PUBLISHED, outcome.kind());
        List<String> warnings = content.statuses.get("posts/b.md").warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("the link /articles/c/ leads to no page"), warnings.toString());
        assertTrue(warnings.get(1).startsWith("the link /media/images/gone.png leads to no page"), warnings.toString());

        content.put("c.md", article("C", "2026-01-03"));
        publisher.sync(SourceChange.of("c.md"));
        publisher.sync(SourceChange.of("posts/b.md"));
        assertEquals(1, content.statuses.get("posts/b.md").warnings().size(), "checked again on the next upload, even unchanged");
    }

    @Test
    void anUploadChecksAtMostAHundredOfItsOwnLinksByAskingTheSiteAndSaysHowManyItLeft() {
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            links.append("![x](/images/missing-").append(i).append(".png) ");
        }
        content.put("many.md", article("Many", "2026-01-01") + links);

        publisher.sync(SourceChange.of("many.md"));

        List<String> warnings = content.statuses.get("many.md").warnings();
        assertEquals(BrokenLinks.MAX_ASKED_PER_UPLOAD + 1, warnings.size());
        assertTrue(warnings.get(warnings.size() - 1).startsWith("50 more links to images and listing pages were not checked on upload"),
                warnings.get(warnings.size() - 1));
    }

    @Test
    void mustRewriteABoundedNumberOfPagesWhateverTheSizeOfTheSite() {
        site.checkLinks = false;
        int size = 1_000;
        for (int i = 0; i < size; i++) {
            content.put("post-" + i + ".md", article("Post " + i, java.time.LocalDate.of(2020, 1, 1).plusDays(i).toString(),
                    "tags: [" + (i % 2 == 0 ? "Go" : "Rust") + "]"));
        }
        publisher.rebuild();

        // At most: its page, the manifest, the first and one archive page of the home page and of its tag, the
        // tag list, the 404 page, two neighbours' pages, one page renamed in the archive, the feed, the sitemap
        // index, the listings' sitemap, the article's sitemap and search chunk (each of which may split in two, or
        // join its neighbour) and search.json when a chunk does; and the record of its pending writes, written
        // before them and cleared after the commit.
        content.put("newest.md", article("Newest", "2025-01-01", "tags: [Go]"));
        assertWritesAtMost(21, "newest.md");
        content.put("backdated.md", article("Backdated", "2021-06-01", "tags: [Rust]"));
        assertWritesAtMost(21, "backdated.md");
        content.files.remove("post-500.md");
        assertWritesAtMost(21, "post-500.md");
    }

    @Test
    void mustEndWithTheSameIndexPagesAsAFullRebuildAfterAnArticleChangesTags() {
        site.checkLinks = false;
        for (int i = 0; i < 60; i++) {
            content.put("post-" + i + ".md", article("Post " + i, java.time.LocalDate.of(2024, 1, 1).plusDays(i).toString(),
                    "tags: [" + (i % 3 == 0 ? "Go, Rust" : i % 3 == 1 ? "Rust" : "Python") + "]"));
        }
        publisher.rebuild();

        content.put("post-30.md", article("Post 30", "2024-01-31", "tags: [Python, Zig]"));  // leaves Go and Rust
        sync("post-30.md");
        content.files.remove("post-31.md");  // the only Rust article on its archive page? either way, gone
        sync("post-31.md");

        InMemoryStores.Site rebuilt = new InMemoryStores.Site();
        rebuilt.checkLinks = false;
        new Publisher(content, rebuilt).rebuild();
        // The state's shards may differ: the incremental site remembers the deleted article's paths.
        assertEquals(rebuilt.list("").stream().filter(path -> !path.startsWith(StatePieces.FOLDER)).toList(),
                site.list("").stream().filter(path -> !path.startsWith(StatePieces.FOLDER)).toList(), "the incremental site holds other files than a full rebuild");
        for (String path : rebuilt.list("")) {
            if (!path.startsWith("_galley/")) {
                assertEquals(rebuilt.text(path), site.text(path), path + " differs from a full rebuild");
            }
        }
    }

    @Test
    void mustReadNoOtherArticleWhenAnEditLeavesTheFeedAsItIs() {
        for (int i = 0; i < 30; i++) {
            content.put("post-" + i + ".md", article("Post " + i, java.time.LocalDate.of(2024, 1, 1).plusDays(i).toString()));
        }
        publisher.rebuild();

        content.reads.clear();
        content.put("post-0.md", article("Post 0, retitled", "2024-01-01"));  // the oldest: not in the feed
        sync("post-0.md");
        // Its own source only: its newer neighbour, whose page links to it by title, is rendered again from the article
        // this writer rendered in the re-render (RecentArticles).
        assertEquals(List.of("post-0.md"), content.reads.stream().filter(key -> key.endsWith(".md")).distinct().toList());
        assertTrue(site.text("articles/post-1/index.html").contains("Post 0, retitled"), "the neighbour's page links to the new title");

        content.reads.clear();
        content.put("post-29.md", article("Post 29, retitled", "2024-01-30"));  // the newest: the feed shows it
        sync("post-29.md");
        // The other articles' bodies come from those this writer rendered the feed with in the re-render.
        assertTrue(site.text("feed.xml").contains("Body of Post 28."), "the feed shows the other articles' bodies");
        assertTrue(site.text("feed.xml").contains("Post 29, retitled"));
    }

    private void assertWritesAtMost(int limit, String key) {
        int before = site.writes + site.deletes;
        Outcome outcome = sync(key);
        int changed = site.writes + site.deletes - before;
        assertTrue(changed <= limit, key + " (" + outcome.kind() + ") wrote or deleted " + changed + " objects");
        assertTrue(changed >= 3, key + ": page, manifest and home page at least, but " + changed);
    }

    @Test
    void mustLinkEachArticleToItsNeighboursAndRelinkThemWhenOneArrivesBetween() {
        content.put("a.md", article("First", "2026-01-01"));
        content.put("c.md", article("Third", "2026-03-01"));
        sync("a.md");
        sync("c.md");
        assertTrue(site.text("articles/a/index.html").contains("href=\"/articles/c/\""));

        content.put("b.md", article("Second", "2026-02-01"));
        sync("b.md");
        String first = site.text("articles/a/index.html");
        String second = site.text("articles/b/index.html");
        assertTrue(first.contains("href=\"/articles/b/\"") && !first.contains("href=\"/articles/c/\""), first);
        assertTrue(second.contains("href=\"/articles/a/\"") && second.contains("href=\"/articles/c/\""), second);
        assertTrue(site.text("articles/c/index.html").contains("href=\"/articles/b/\""));

        content.files.remove("b.md");
        sync("b.md");
        assertTrue(site.text("articles/a/index.html").contains("href=\"/articles/c/\""));
        assertNull(site.text("articles/b/index.html"));
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @Test
    void mustPublishAnImageBesideItsArticleAndRemoveItWhenDeleted() {
        content.files.put("posts/hello/diagram.png", PNG);
        content.put("posts/hello.md", article("Hello", "2026-01-01") + "\n![The diagram](hello/diagram.png)\n");
        Outcome image = sync("posts/hello/diagram.png");
        sync("posts/hello.md");

        assertEquals(Outcome.Kind.PUBLISHED, image.kind());
        assertTrue(image.changed().isEmpty(), "a new image needs no invalidation");
        assertArrayEquals(PNG, site.objects.get("media/posts/hello/diagram.png").bytes());
        assertTrue(site.text("articles/hello/index.html").contains("<img src=\"/media/posts/hello/diagram.png\" alt=\"The diagram\""));
        assertEquals("/media/posts/hello/diagram.png", content.statuses.get("posts/hello/diagram.png").url());
        assertEquals(Outcome.Kind.UNCHANGED, sync("posts/hello/diagram.png").kind());

        byte[] replaced = java.util.Arrays.copyOf(PNG, PNG.length + 1);
        content.files.put("posts/hello/diagram.png", replaced);
        assertEquals(List.of("/media/posts/hello/diagram.png"), sync("posts/hello/diagram.png").changed());
        assertArrayEquals(replaced, site.objects.get("media/posts/hello/diagram.png").bytes());

        content.files.remove("posts/hello/diagram.png");
        Outcome removed = sync("posts/hello/diagram.png");
        assertEquals(Outcome.Kind.UNPUBLISHED, removed.kind());
        assertEquals(List.of("/media/posts/hello/diagram.png"), removed.changed());
        assertNull(site.objects.get("media/posts/hello/diagram.png"));
    }

    @Test
    void mustRejectAnImageWhoseBytesAreNotWhatItsNameSays() {
        content.put("fake.png", "<html><script>alert(1)</script></html>");
        content.put("fake.svg", "<html><body><p>not a drawing</p></body></html>");
        for (String key : List.of("fake.png", "fake.svg")) {
            Outcome fake = sync(key);
            assertEquals(Outcome.Kind.REJECTED, fake.kind(), key);
            assertEquals(PublishStatus.State.REJECTED, content.statuses.get(key).state());
        }
        assertTrue(sync("fake.png").reason().contains("fake.png: the name says image/png but the bytes are not one"));
        assertTrue(sync("fake.svg").reason().contains("fake.svg: the name says image/svg+xml but the bytes are not one"));
        assertEquals(0, site.writes);
    }

    @Test
    void anSvgDrawingIsPublishedAsAnImage() {
        // As Inkscape and draw.io write them: a declaration, a comment and a doctype before the root element.
        String drawing = """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <!-- Created with Inkscape (http://www.inkscape.org/) -->
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
                <svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">
                  <title>Flow</title><rect x="1" y="1" width="118" height="38" fill="#eee"/><text x="10" y="25">MIR</text>
                </svg>
                """;
        content.put("images/2016-04-MIR/flow.svg", drawing);
        assertEquals(Outcome.Kind.PUBLISHED, sync("images/2016-04-MIR/flow.svg").kind());
        assertEquals(drawing, site.text("media/images/2016-04-MIR/flow.svg"));
        assertEquals("image/svg+xml", assertDoesNotThrow(() -> Media.file("x.svg", drawing.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .kind().contentType(), "served as an image");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><svg:script xmlns:svg=\"http://www.w3.org/2000/svg\">alert(1)</svg:script></svg>",
            "<svg onload=\"alert(1)\"/>",
            "<svg><rect ONMOUSEOVER=\"alert(1)\"/></svg>",
            "<svg><a href=\"java&#x0A;script:alert(1)\"><text>x</text></a></svg>",
            "<svg><a xlink:href=\" javascript:alert(1)\"><text>x</text></a></svg>",
            "<svg><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
            "<svg><animate attributeName=\"href\" values=\"#a;javascript:alert(1)\"/></svg>"})
    void anSvgThatHoldsScriptIsRefusedWithTheReason(String svg) {
        content.put("logo.svg", svg);
        Outcome outcome = sync("logo.svg");
        assertEquals(Outcome.Kind.REJECTED, outcome.kind(), svg);
        assertTrue(outcome.reason().contains("logo.svg: the SVG holds script"), outcome.reason());
        assertEquals(0, site.writes);
    }

    @Test
    void mustWriteNothingButTheManifestWhenAnUnchangedSiteIsRebuilt() {
        content.put("a.md", article("A", "2026-01-01", "tags: [Go]"));
        content.put("b.md", article("B", "2026-02-01", "tags: [Go, Rust]"));
        content.files.put("b/pic.png", PNG);
        Rebuild.Report first = publisher.rebuild();
        Map<String, byte[]> before = new java.util.TreeMap<>();
        site.objects.forEach((path, stored) -> before.put(path, stored.bytes()));
        int writes = site.writes;

        Rebuild.Report second = publisher.rebuild();

        assertFalse(first.changedNothing());
        assertTrue(second.changedNothing(), second.toString());
        assertEquals(writes + 1, site.writes, "only the manifest's root is written again");
        site.objects.forEach((path, stored) -> {
            if (!path.startsWith(StatePieces.FOLDER)) {
                assertArrayEquals(before.get(path), stored.bytes(), path);
            }
        });
    }

    @Test
    void aRebuildWhoseManifestASecondWriterChangedFailsSoThatItRunsAgain() {
        content.put("a.md", article("A", "2026-01-01"));
        java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
        site.beforeWrite = path -> {
            // A writer that one queue with one message group rules out commits just before the rebuild does.
            if (path.equals(StatePieces.ROOT) && raced.compareAndSet(false, true)) {
                content.put("b.md", article("B", "2026-02-01"));
                assertEquals(Outcome.Kind.PUBLISHED, new Publisher(content, site).sync(SourceChange.of("b.md")).kind());
            }
        };
        CommitRefusedException refused = assertThrows(CommitRefusedException.class, publisher::rebuild);

        assertTrue(refused.retryable(), "the queue delivers the re-render again");
        assertEquals(java.util.Set.of("articles/b/"), StatePieces.read(site).value().entries().keySet(),
                "the refused commit left the other writer's manifest as it was");
        publisher.rebuild();
        assertEquals(java.util.Set.of("articles/a/", "articles/b/"), StatePieces.read(site).value().entries().keySet());
        assertTrue(site.text("index.html").contains("/articles/a/") && site.text("index.html").contains("/articles/b/"));
    }
}
