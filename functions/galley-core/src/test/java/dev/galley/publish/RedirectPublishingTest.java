package dev.galley.publish;

import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renamed slugs, aliases and redirect_from leave redirect objects in the site store, and only while they lead somewhere. */
class RedirectPublishingTest {

    private InMemoryStores.Content content;
    private InMemoryStores.Site site;
    private Publisher publisher;

    @BeforeEach
    void setUp() {
        content = new InMemoryStores.Content();
        site = new InMemoryStores.Site();
        publisher = new Publisher(content, site);
    }

    private static String article(String title, String date, String... extra) {
        return PublisherTest.article(title, date, extra);
    }

    private void publish(String key, String text) {
        content.put(key, text);
        publisher.sync(SourceChange.of(key));
    }

    /** Every redirect object in the site: its key and its target. */
    private Map<String, String> redirects() {
        Map<String, String> found = new TreeMap<>();
        site.objects.forEach((key, stored) -> {
            String target = stored.version().metadata().get(Redirects.TARGET);
            if (target != null) {
                found.put(key, target);
            }
        });
        return found;
    }

    private boolean isPage(String key) {
        return site.objects.containsKey(key) && !site.objects.get(key).version().metadata().containsKey(Redirects.TARGET);
    }

    @Test
    void aRenamedSlugLeavesARedirectFromTheOldPageToTheNewOne() {
        publish("posts/zero-downtime.md", article("Zero downtime", "2026-03-10", "slug: zero-downtime"));
        publish("posts/zero-downtime.md", article("Zero downtime", "2026-03-10", "slug: zero-downtime-migrations"));

        assertEquals(Map.of("articles/zero-downtime/index.html", "/articles/zero-downtime-migrations/"), redirects());
        assertTrue(isPage("articles/zero-downtime-migrations/index.html"));
        String body = site.text("articles/zero-downtime/index.html");
        assertTrue(body.contains("<meta http-equiv=\"refresh\" content=\"0; url=/articles/zero-downtime-migrations/\">"), body);
        assertTrue(body.contains("<link rel=\"canonical\" href=\"http"), "any static host still tells search engines where the page is");
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());
    }

    @Test
    void renamingTwiceCollapsesTheChainAndSurvivesAFullRebuild() {
        publish("a.md", article("A", "2026-01-01", "slug: first"));
        publish("a.md", article("A", "2026-01-01", "slug: second"));
        publish("a.md", article("A", "2026-01-01", "slug: third"));
        Map<String, String> expected = Map.of("articles/first/index.html", "/articles/third/", "articles/second/index.html", "/articles/third/");
        assertEquals(expected, redirects());

        publisher.rebuild();
        assertEquals(expected, redirects(), "the manifest remembers former paths through re-renders");
        assertEquals(List.of("articles/first/", "articles/second/"),
                new ManifestStore(site).read().value().bySource("a.md").formerPaths());
    }

    @Test
    void renamingBackOntoAnOldPathMakesItAPageAgain() {
        publish("a.md", article("A", "2026-01-01", "slug: first"));
        publish("a.md", article("A", "2026-01-01", "slug: second"));
        publish("a.md", article("A", "2026-01-01", "slug: first"));

        assertEquals(Map.of("articles/second/index.html", "/articles/first/"), redirects());
        assertTrue(isPage("articles/first/index.html"));
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());
    }

    @Test
    void aliasesAndRedirectFromAreWrittenAndTakenBackWithTheFrontMatter() {
        publish("posts/hugo-0-20.md", article("Hugo 0.20", "2017-04-10", "aliases: [/0-20/, old-name]",
                "redirect_from: /2017/04/10/hugo-0-20.html"));
        assertEquals(Map.of("0-20/index.html", "/articles/hugo-0-20/", "articles/old-name/index.html", "/articles/hugo-0-20/",
                "2017/04/10/hugo-0-20.html", "/articles/hugo-0-20/"), redirects());

        publish("posts/hugo-0-20.md", article("Hugo 0.20", "2017-04-10", "aliases: [/0-20/]"));
        assertEquals(Map.of("0-20/index.html", "/articles/hugo-0-20/"), redirects());
        assertFalse(site.objects.containsKey("articles/old-name/index.html"));
    }

    @Test
    void anArticleBackOnTheSiteAfterADraftRedirectsFromItsOldUrlsAgainAndABrokenReplacementKeepsThem() {
        publish("a.md", article("A", "2024-01-01", "slug: first"));
        publish("a.md", article("A", "2024-01-01", "slug: second"));
        publish("a.md", article("A", "2024-01-01", "slug: second", "draft: true"));
        assertEquals(Map.of(), redirects(), "no redirect while the article is off the site");

        publish("a.md", article("A", "2024-01-01", "slug: second"));
        assertEquals(Map.of("articles/first/index.html", "/articles/second/"), redirects());

        content.put("a.md", "---\ntitle: A\ndate: someday\nslug: second\n---\nx\n");
        publisher.rebuild();
        assertEquals(Map.of("articles/first/index.html", "/articles/second/"), redirects(),
                "a broken replacement leaves the last good version up through a full re-render, and its old URLs with it");
        publish("a.md", article("A", "2024-01-01", "slug: third"));
        assertEquals(Map.of("articles/first/index.html", "/articles/third/", "articles/second/index.html", "/articles/third/"), redirects());
    }

    @Test
    void deletingAnArticleRemovesItsRedirectsBeforeItsPage() {
        publish("a.md", article("A", "2026-01-01", "slug: first", "aliases: [/blog/a/]"));
        publish("a.md", article("A", "2026-01-01", "slug: second", "aliases: [/blog/a/]"));
        assertEquals(2, redirects().size());

        content.files.remove("a.md");
        publisher.sync(SourceChange.of("a.md"));
        assertEquals(Map.of(), redirects());
        assertTrue(site.brokenLinkMoments.isEmpty(), "no redirect ever led to the deleted page: " + site.brokenLinkMoments);
    }

    @Test
    void draftingAnArticleRemovesItsRedirects() {
        publish("a.md", article("A", "2026-01-01", "aliases: [/blog/a/]"));
        publish("a.md", article("A", "2026-01-01", "aliases: [/blog/a/]", "draft: true"));
        assertEquals(Map.of(), redirects());
    }

    @Test
    void aNewPageReplacesARedirectAndTheArticleThatAskedIsWarnedOnItsNextRender() {
        publish("posts/new.md", article("New", "2026-01-01", "aliases: [/articles/old/]"));
        assertEquals(Map.of("articles/old/index.html", "/articles/new/"), redirects());

        publish("posts/old.md", article("Old", "2026-02-01"));
        assertEquals(Map.of(), redirects());
        assertTrue(isPage("articles/old/index.html"));
        assertTrue(site.text("articles/old/index.html").contains("Body of Old."));

        publisher.rebuild();
        assertEquals(List.of("the old URL /articles/old/ is the page of posts/old.md, so it does not redirect here; a page always wins "
                + "over a redirect"), content.statuses.get("posts/new.md").warnings());

        content.files.remove("posts/old.md");
        publisher.sync(SourceChange.of("posts/old.md"));
        assertEquals(Map.of("articles/old/index.html", "/articles/new/"), redirects(), "the alias comes back once the page is gone");
    }

    @Test
    void twoArticlesClaimingOneAliasGiveItToTheEarlierAndWarnTheOther() {
        publish("posts/late.md", article("Late", "2024-06-01", "redirect_from: /blog/x/"));
        publish("posts/early.md", article("Early", "2021-01-01", "redirect_from: /blog/x/"));

        assertEquals(Map.of("blog/x/index.html", "/articles/early/"), redirects());
        publisher.rebuild();
        assertEquals(List.of("the old URL /blog/x/ already redirects to posts/early.md, which claimed it first, so it does not redirect "
                + "here; remove it from one of the two"), content.statuses.get("posts/late.md").warnings());
        assertEquals(List.of(), content.statuses.get("posts/early.md").warnings());
    }

    @Test
    void aRebuildWritesExactlyTheRedirectSetAndRemovesStaleRedirectObjects() {
        publish("a.md", article("A", "2026-01-01", "aliases: [/blog/a/]"));
        // Left by an upload that was interrupted after its manifest commit, and an unrelated file the owner put there.
        site.write(new SiteFile("blog/stale/index.html", "stale".getBytes(StandardCharsets.UTF_8), ContentKind.HTML),
                Map.of(Redirects.TARGET, "/articles/gone/"), new SiteStore.Condition.None());
        site.write(new SiteFile("extras/demo.html", "demo".getBytes(StandardCharsets.UTF_8), ContentKind.HTML),
                Map.of(), new SiteStore.Condition.None());
        site.objects.remove("blog/a/index.html");

        Rebuild.Report first = publisher.rebuild();
        assertEquals(Map.of("blog/a/index.html", "/articles/a/"), redirects());
        assertTrue(site.objects.containsKey("extras/demo.html"), "only redirect objects are ever deleted");
        assertFalse(first.changedNothing());

        Rebuild.Report again = publisher.rebuild();
        assertTrue(again.changedNothing(), "an unchanged site's redirects are not rewritten");
    }

    @Test
    void aRebuildAfterASlugChangeRedirectsTheOldPage() {
        content.put("a.md", article("A", "2026-01-01", "slug: before"));
        publisher.rebuild();
        content.put("a.md", article("A", "2026-01-01", "slug: after"));
        publisher.rebuild();

        assertEquals(Map.of("articles/before/index.html", "/articles/after/"), redirects());
        assertTrue(isPage("articles/after/index.html"));
    }

    @Test
    void aLinkToARedirectedOldUrlIsNoBrokenLink() {
        content.put("posts/new.md", article("New", "2026-01-01", "redirect_from: /blog/2023/new/"));
        content.put("posts/linking.md", article("Linking", "2026-02-01") + "\nSee [the old post](/blog/2023/new/) and [gone](/blog/2023/gone/).\n");
        Rebuild.Report report = publisher.rebuild();

        Set<String> broken = report.warnings().stream().filter(w -> w.kind().equals(BrokenLinks.KIND)).map(w -> w.reason())
                .collect(Collectors.toSet());
        assertEquals(1, report.brokenLinks(), broken.toString());
        assertTrue(broken.iterator().next().contains("/blog/2023/gone/"), broken.toString());
    }

    @Test
    void anUnchangedUploadTouchesNoRedirect() {
        publish("a.md", article("A", "2026-01-01", "aliases: [/blog/a/, /blog/b/]"));
        SiteStore.Stored redirect = site.objects.get("blog/a/index.html");
        publish("b.md", article("B", "2026-01-02"));
        int writes = site.writes;
        publish("b.md", article("B", "2026-01-02", "tags: [x]"));
        // its page, the manifest's root and shard, home, the new tag's page and feed, the tag list, three site feeds, the
        // sitemap index and the listings' sitemap, a search chunk
        assertTrue(site.writes - writes <= 14, "a change elsewhere rewrites pages, not redirects: " + (site.writes - writes));
        assertNull(site.objects.get("blog/a/index.html").version().metadata().get(SiteWriter.SOURCE));
        assertSame(redirect, site.objects.get("blog/a/index.html"), "written by the first publish and never since");
    }
}
