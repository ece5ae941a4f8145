package dev.galley.render;

import dev.galley.article.Article;
import dev.galley.article.ArticleParser;
import dev.galley.article.ArticleSummary;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The header's menu, the footer and a standalone page, as a reader and a screen reader get them. */
class MenuAndPagesRenderTest {

    private static final String SITE_YAML = """
            title: technical writing
            baseUrl: https://galley.example.com/
            menu:
              - title: About
                url: /about/
              - title: Rust
                url: /tags/rust/
              - title: Feed
                url: /feed.xml
              - title: Mastodon
                url: https://hachyderm.io/@mara
            footer: "© 2026 Mara Lindqvist · [Imprint](/imprint/)"
            """;

    private static final String ABOUT = """
            ---
            layout: page
            title: About
            permalink: /about/
            date: 2024-05-01
            author: Mara Lindqvist
            ---
            I write about release engineering, Rust and the tools in between.
            """;

    private SiteRenderer renderer;
    private ArticleParser parser;

    @BeforeEach
    void setUp() throws Exception {
        SiteConfig site = SiteConfig.parse("site.yaml", SITE_YAML.getBytes(StandardCharsets.UTF_8));
        renderer = new SiteRenderer(site);
        parser = new ArticleParser(site);
    }

    private Article parse(String key, String text) throws Exception {
        return parser.parse(key, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Document read(SiteFile file) {
        return Jsoup.parse(new String(file.bytes(), StandardCharsets.UTF_8));
    }

    private static List<String> menuTitles(Document page) {
        return page.select("header nav[aria-label=Main] li a").eachText();
    }

    private static List<String> current(Document page) {
        return page.select("header nav[aria-label=Main] a[aria-current=page]").eachText();
    }

    @Test
    void everyPageHasHomeThenTheOwnersMenuAndMarksItselfCurrent() throws Exception {
        Article about = parse("about.md", ABOUT);
        Article rust = parse("posts/fast-rust-ci.md", "---\ntitle: Fast Rust CI\ndate: 2026-01-10\ntags: [Rust]\n---\nCache the target dir.\n");
        Map<String, IndexPage> index = renderer.indexModels(List.of(rust.summary(), about.summary()));
        Document home = read(renderer.render(index.get(SiteRenderer.HOME), a -> ""));
        Document rustTag = read(renderer.render(index.get("tags/rust/index.html"), a -> ""));
        Document aboutPage = read(renderer.article(about, SiteIndex.Neighbours.NONE));
        Document article = read(renderer.article(rust, SiteIndex.Neighbours.NONE));

        for (Document page : List.of(home, rustTag, aboutPage, article)) {
            assertEquals(List.of("Home", "About", "Rust", "Feed", "Mastodon"), menuTitles(page));
        }
        assertEquals(List.of("Home"), current(home));
        assertEquals(List.of("Rust"), current(rustTag));
        assertEquals(List.of("About"), current(aboutPage));
        assertEquals(List.of(), current(article));
        Element external = aboutPage.selectFirst("header nav a[href^=https]");
        assertEquals("https://hachyderm.io/@mara", external.attr("href"));
        assertEquals("", external.attr("rel"), "the owner's own links are not marked as untrusted");
    }

    @Test
    void theOwnersFooterIsOnEveryPage() throws Exception {
        Article about = parse("about.md", ABOUT);
        Map<String, IndexPage> index = renderer.indexModels(List.of(about.summary()));
        for (SiteFile file : List.of(renderer.render(index.get(SiteRenderer.HOME), a -> ""), renderer.render(index.get(SiteRenderer.NOT_FOUND), a -> ""),
                renderer.render(index.get(SiteRenderer.TAGS), a -> ""), renderer.article(about, SiteIndex.Neighbours.NONE))) {
            Element footer = read(file).selectFirst("footer .site-footer-text");
            assertEquals("© 2026 Mara Lindqvist · Imprint", footer.text(), file.path());
            assertEquals("/imprint/", footer.selectFirst("a").attr("href"));
        }
    }

    @Test
    void aStandalonePageHasTheArticleLookWithoutDateReadingTimeTagsOrNeighbours() throws Exception {
        Article about = parse("about.md", ABOUT);
        Document page = read(renderer.article(about, new SiteIndex.Neighbours(new SiteIndex.ArticleLink("articles/a/", "A"), null)));
        assertEquals("About", page.selectFirst("article h1").text());
        assertTrue(page.selectFirst(".article-body").text().startsWith("I write about release engineering"));
        assertEquals("Written by Mara Lindqvist", page.selectFirst(".byline").text());
        assertTrue(page.select("article time").isEmpty(), "no date");
        assertFalse(page.text().contains("min read"), "no reading time");
        assertTrue(page.select(".tags, .article-nav").isEmpty(), "no tags, no neighbours");
        assertEquals("website", page.selectFirst("meta[property=og:type]").attr("content"));
        assertTrue(page.select("script[type=application/ld+json], meta[property=article:published_time]").isEmpty(),
                "a page is no BlogPosting");
        assertEquals("https://galley.example.com/about/", page.selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void pagesAreInTheSitemapAndNowhereElse() throws Exception {
        Article about = parse("pages/about.md", "---\ntitle: About\nupdated: 2026-02-01\n---\nHi.\n");
        ArticleSummary rust = parse("posts/fast-rust-ci.md", "---\ntitle: Fast Rust CI\ndate: 2026-01-10\ntags: [Rust]\n---\nCache.\n").summary();
        Map<String, IndexPage> index = renderer.indexModels(List.of(rust, about.summary()));
        StringBuilder sitemaps = new StringBuilder();
        for (IndexPage model : index.values()) {
            String text = new String(renderer.render(model, a -> "").bytes(), StandardCharsets.UTF_8);
            if (model.file().startsWith(Sitemap.FOLDER)) {
                sitemaps.append(text);
            } else if (model.file().equals(Sitemap.PATH)) {
                assertFalse(text.contains("/about/"), text);
            } else if (model.file().endsWith(".html")) {
                assertTrue(Jsoup.parse(text).select("main a[href=/about/]").isEmpty(), model.file() + " lists the page");
            } else {
                assertFalse(text.contains("/about/"), model.file() + " lists the page");
            }
        }
        assertTrue(sitemaps.toString().contains("<loc>https://galley.example.com/about/</loc><lastmod>2026-02-01T00:00:00Z</lastmod>"), sitemaps.toString());
    }
}
