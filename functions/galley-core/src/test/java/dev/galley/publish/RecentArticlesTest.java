package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A neighbour is rendered again from the article kept, only for the same source version and configuration. */
class RecentArticlesTest {

    private static final String POST = """
            ---
            title: Zero-downtime migrations
            date: 2026-01-12
            tags: [PostgreSQL]
            ---
            Expand, migrate, contract: every schema change ships in three deploys.
            """;
    private static final String WITH_DIAGRAM = POST + "\n![The three phases](phases.png)\n";

    private final RecentArticles recent = new RecentArticles();

    @Test
    void anArticleIsFoundByItsSourceVersionAndConfiguration() throws ArticleException {
        SiteConfig site = SiteConfig.defaults();
        Article article = parse(site, POST);
        recent.keep(article, "etag-1", site);

        assertEquals(article, recent.get("migrations.md", "etag-1", site).orElseThrow());
        assertTrue(recent.get("migrations.md", "etag-2", site).isEmpty(), "another version of the source is read");
        SiteConfig renamed = SiteConfig.parse("site.yaml", "title: Another blog\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(recent.get("migrations.md", "etag-1", renamed).isEmpty(), "another configuration parses again");
    }

    @Test
    void anArticleThatShowsAnImageIsNotKeptAsTheImageSizeMayChange() throws ArticleException {
        SiteConfig site = SiteConfig.defaults();
        recent.keep(parse(site, WITH_DIAGRAM), "etag-1", site);

        assertTrue(recent.get("migrations.md", "etag-1", site).isEmpty());
    }

    @Test
    void aFeedBodyIsKeptApartFromThePageBodyForLaterPublishes() throws ArticleException {
        SiteConfig site = SiteConfig.defaults();
        ArticleParser publish = new ArticleParser(site);
        String body = keptFeedBody(publish, "migrations.md", POST);

        assertEquals(body, recent.feedBody(new ArticleParser(site), "migrations.md", "etag-1").orElseThrow(), "a later publish finds it");
        assertTrue(recent.get("migrations.md", "etag-1", site).isEmpty(), "a feed body is no page's article");
        assertTrue(recent.feedBody(new ArticleParser(site), "migrations.md", "etag-2").isEmpty(), "another version of the source is read");
    }

    @Test
    void aFeedBodyThatShowsAnImageServesOnlyThePublishThatParsedIt() throws ArticleException {
        SiteConfig site = SiteConfig.defaults();
        ArticleParser publish = new ArticleParser(site);
        String body = keptFeedBody(publish, "diagram.md", WITH_DIAGRAM);

        assertEquals(body, recent.feedBody(publish, "diagram.md", "etag-1").orElseThrow(), "the same publish renders its feed with it");
        ArticleParser next = new ArticleParser(site);
        assertTrue(recent.feedBody(next, "diagram.md", "etag-1").isEmpty(), "a later publish reads it again: the image's size may have changed");
        recent.keepFeedBody(next, "other.md", "etag-1", body);
        assertTrue(recent.feedBody(publish, "diagram.md", "etag-1").isEmpty(), "an earlier publish's body is not served");
    }

    /** A body parsed for the feed by {@code publish}, kept as version {@code etag-1} of {@code key}. */
    private String keptFeedBody(ArticleParser publish, String key, String text) throws ArticleException {
        String body = publish.parseWithAbsoluteUrls(key, text.getBytes(StandardCharsets.UTF_8)).bodyHtml();
        recent.keepFeedBody(publish, key, "etag-1", body);
        return body;
    }

    private static Article parse(SiteConfig site, String text) throws ArticleException {
        return new ArticleParser(site).parse("migrations.md", text.getBytes(StandardCharsets.UTF_8));
    }
}
