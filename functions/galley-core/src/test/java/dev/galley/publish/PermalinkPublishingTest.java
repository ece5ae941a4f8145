package dev.galley.publish;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.galley.publish.PublisherTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Articles published where site.yaml's permalink or their own permalink puts them, one article per URL. */
class PermalinkPublishingTest {

    private InMemoryStores.Content content;
    private InMemoryStores.Site site;
    private Publisher publisher;

    @BeforeEach
    void setUp() {
        content = new InMemoryStores.Content();
        site = new InMemoryStores.Site();
        publisher = new Publisher(content, site);
    }

    private Outcome sync(String key) {
        return publisher.sync(SourceChange.of(key));
    }

    private Set<String> manifestPaths() {
        return StatePieces.read(site).value().entries().keySet();
    }

    /** As the Rust blog has them: one name, two years' meetings. */
    private void twoKubeconPosts() {
        content.put("2023/kubecon-eu.md", article("KubeCon EU 2023", "2023-04-18"));
        content.put("2024/kubecon-eu.md", article("KubeCon EU 2024", "2024-03-19"));
    }

    @Test
    void sameSlugInTwoYearsBothPublishWhenThePatternKeepsThemApart() {
        content.put("site.yaml", "permalink: /:year/:slug/\n");
        sync("site.yaml");
        twoKubeconPosts();

        assertEquals(Outcome.Kind.PUBLISHED, sync("2023/kubecon-eu.md").kind());
        assertEquals(Outcome.Kind.PUBLISHED, sync("2024/kubecon-eu.md").kind());

        assertTrue(site.text("2023/kubecon-eu/index.html").contains("KubeCon EU 2023"));
        assertTrue(site.text("2024/kubecon-eu/index.html").contains("KubeCon EU 2024"));
        assertTrue(site.text("index.html").contains("href=\"/2023/kubecon-eu/\"") && site.text("index.html").contains("href=\"/2024/kubecon-eu/\""));
        assertEquals("/2024/kubecon-eu/", content.statuses.get("2024/kubecon-eu.md").url());
        assertEquals(Set.of("2023/kubecon-eu/", "2024/kubecon-eu/"), manifestPaths());
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());

        assertEquals(0, publisher.rebuild().rejected().size(), "a full re-render agrees");
    }

    @Test
    void underTheDefaultPatternTheSecondFileForOneUrlIsRefusedNamingTheFirst() {
        twoKubeconPosts();
        sync("2023/kubecon-eu.md");

        Outcome second = sync("2024/kubecon-eu.md");

        assertEquals(Outcome.Kind.REJECTED, second.kind());
        assertTrue(second.reason().contains("the URL /articles/kubecon-eu/ is already used by 2023/kubecon-eu.md"), second.reason());
        assertTrue(site.text("articles/kubecon-eu/index.html").contains("KubeCon EU 2023"));
    }

    @Test
    void theEarlierFileOwnsAUrlWhicheverCameFirstAndTheOtherIsRefusedNamingIt() {
        twoKubeconPosts();
        sync("2024/kubecon-eu.md");  // the later post got there first

        Outcome earlier = sync("2023/kubecon-eu.md");

        assertEquals(Outcome.Kind.PUBLISHED, earlier.kind());
        assertTrue(site.text("articles/kubecon-eu/index.html").contains("KubeCon EU 2023"));
        assertEquals(PublishStatus.State.REJECTED, content.statuses.get("2024/kubecon-eu.md").state(), "its author learns it was displaced");
        assertTrue(content.statuses.get("2024/kubecon-eu.md").reason().contains("the URL /articles/kubecon-eu/ is already used by 2023/kubecon-eu.md"),
                content.statuses.get("2024/kubecon-eu.md").reason());
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());

        Rebuild.Report report = publisher.rebuild();
        assertEquals(List.of("2024/kubecon-eu.md"), report.rejected().stream().map(e -> e.file()).toList(), "a full re-render agrees");
        assertTrue(report.changedNothing(), "and finds nothing to change");
    }

    @Test
    void aRefusedFileIsPublishedAsSoonAsItsUrlIsFree() {
        twoKubeconPosts();
        sync("2023/kubecon-eu.md");
        assertEquals(Outcome.Kind.REJECTED, sync("2024/kubecon-eu.md").kind());

        content.files.remove("2023/kubecon-eu.md");
        assertEquals(Outcome.Kind.UNPUBLISHED, sync("2023/kubecon-eu.md").kind());

        assertTrue(site.text("articles/kubecon-eu/index.html").contains("KubeCon EU 2024"), "no upload of its own was needed");
        assertEquals(PublishStatus.State.PUBLISHED, content.statuses.get("2024/kubecon-eu.md").state());
        assertTrue(site.text("index.html").contains("KubeCon EU 2024"));
        assertTrue(publisher.rebuild().changedNothing(), "a full re-render finds nothing to change");
    }

    @Test
    void aRefusedFileTakesTheUrlWhenItsOwnerMovesAway() {
        twoKubeconPosts();
        sync("2023/kubecon-eu.md");
        sync("2024/kubecon-eu.md");

        content.put("2023/kubecon-eu.md", article("KubeCon EU 2023", "2023-04-18", "slug: kubecon-eu-2023"));
        sync("2023/kubecon-eu.md");

        assertTrue(site.text("articles/kubecon-eu/index.html").contains("KubeCon EU 2024"));
        assertTrue(site.text("articles/kubecon-eu-2023/index.html").contains("KubeCon EU 2023"));
        assertEquals(PublishStatus.State.PUBLISHED, content.statuses.get("2024/kubecon-eu.md").state());
    }

    private String redirectTarget(String key) {
        return site.objects.get(key).version().metadata().get(Redirects.TARGET);
    }

    @Test
    void changingThePatternMovesEveryPageAndTheOldOnesRedirect() {
        content.put("a.md", article("A", "2026-01-01"));
        content.put("notes/b.md", article("B", "2026-01-02"));
        sync("a.md");
        sync("notes/b.md");
        assertNotNull(site.text("articles/a/index.html"));

        content.put("site.yaml", "permalink: /blog/:section/:slug.html\n");
        assertEquals(Outcome.Kind.REBUILT, sync("site.yaml").kind());

        assertEquals("/blog/a.html", redirectTarget("articles/a/index.html"));
        assertEquals("/blog/notes/b.html", redirectTarget("articles/b/index.html"));
        assertTrue(site.text("blog/a.html").contains("Body of A."));
        assertTrue(site.text("blog/notes/b.html").contains("Body of B."));
        assertTrue(site.text("index.html").contains("href=\"/blog/notes/b.html\""));
        assertTrue(site.text("blog/notes/b.html").contains("href=\"/blog/a.html\""), "the neighbour link follows");
        assertEquals(Set.of("blog/a.html", "blog/notes/b.html"), manifestPaths());

        // A second change sweeps pages the default's folder never held: the sweep knows them from the manifest.
        content.put("site.yaml", "permalink: /:year/:month/:slug/\n");
        sync("site.yaml");

        assertNotNull(site.text("2026/01/a/index.html"));
        assertEquals(Set.of("2026/01/a/", "2026/01/b/"), manifestPaths());
        // Every URL the article ever had leads to its page in one step.
        assertEquals("/2026/01/a/", redirectTarget("blog/a.html"));
        assertEquals("/2026/01/a/", redirectTarget("articles/a/index.html"));
        assertEquals("/2026/01/b/", redirectTarget("blog/notes/b.html"));
        // While the re-render writes the new pages, a page may link to a neighbour not written yet; once done, none does.
        assertEquals(List.of(), site.brokenLinksNow());
    }

    @Test
    void anArticlesOwnPermalinkMovesItsPageAndTheOldOneRedirects() {
        content.put("about.md", article("About", "2026-01-01"));
        sync("about.md");

        content.put("about.md", article("About", "2026-01-01", "permalink: /about"));
        assertEquals(Outcome.Kind.PUBLISHED, sync("about.md").kind());

        assertEquals("/about/", redirectTarget("articles/about/index.html"));
        assertTrue(site.text("about/index.html").contains("Body of About."));
        assertEquals("/about/", content.statuses.get("about.md").url());
        assertTrue(site.sitemaps().contains("<loc>http://localhost/about/</loc>"), site.sitemaps());
        assertTrue(site.searchChunks().contains("\"url\":\"/about/\""), site.searchChunks());
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());
    }

    @Test
    void linksBetweenPostsWrittenTheOldSitesWayResolveUnderItsPattern() {
        content.put("site.yaml", "baseUrl: https://blog.example.com/\npermalink: /blog/:year/:month/:day/:title.html\n");
        content.put("2023-06-01-Rust-1.70.0.md", article("Rust 1.70.0", "2023-06-01"));
        content.put("inside/2023-07-01-x.md", article("X", "2023-07-01") + """
                See [1.70.0](/blog/2023/06/01/Rust-1.70.0.html), [again](https://blog.example.com/blog/2023/06/01/Rust-1.70.0.html#cargo),
                [by name]({% post_url 2023-06-01-Rust-1.70.0 %}), [a post that never was](/blog/2023/06/02/none.html)
                and [a doubled slash](https://blog.example.com//blog/2023/06/01/Rust-1.70.0.html).
                """);

        Rebuild.Report report = publisher.rebuild();

        assertEquals(List.of("//blog/2023/06/01/Rust-1.70.0.html", "/blog/2023/06/02/none.html"), report.warnings().stream().filter(w -> w.kind().equals("broken-link"))
                .map(w -> w.reason().split(" ")[2]).toList());
        assertTrue(site.text("blog/2023/07/01/x.html").contains("href=\"/blog/2023/06/01/Rust-1.70.0.html\""));
    }
}
