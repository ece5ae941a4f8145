package dev.galley.render;

import dev.galley.article.ArticleParser;
import dev.galley.article.ImageSize;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;
import dev.galley.site.Theme;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The owner's stylesheet, logo and favicon in every page's head and header. */
class ThemeRenderTest {

    private static final String POST = """
            ---
            title: Zero-downtime migrations
            date: 2026-03-10
            tags: [PostgreSQL]
            ---
            Expand, migrate, contract.
            """;
    private static final Theme THEME = new Theme("/assets/custom.0123456789.css",
            new Theme.Logo("/assets/logo.abcdefabcd.png", new ImageSize(320, 80)), "/assets/favicon.fedcba9876.ico");

    @Test
    void everyPageLinksTheOwnersStylesheetAfterGalleysAndShowsTheLogoAndFavicon() throws Exception {
        for (Document page : pages(THEME)) {
            List<String> stylesheets = page.select("head link[rel=stylesheet]").eachAttr("href");
            assertEquals(2, stylesheets.size(), page.title());
            assertTrue(stylesheets.get(0).startsWith("/assets/style."), page.title());
            assertEquals("/assets/custom.0123456789.css", stylesheets.get(1), "the owner's rules must come last to win: " + page.title());

            Element logo = page.selectFirst("header a.site-title img.site-logo");
            assertEquals("/assets/logo.abcdefabcd.png", logo.attr("src"));
            assertEquals("", logo.attr("alt"), "the title beside it names the link; an alt would say it twice");
            assertTrue(logo.hasAttr("alt"));
            assertEquals("320", logo.attr("width"));
            assertEquals("80", logo.attr("height"));
            assertEquals("technical writing", page.selectFirst("a.site-title .site-title-text").text());
            assertEquals(List.of("/assets/favicon.fedcba9876.ico"), page.select("head link[rel=icon]").eachAttr("href"));
        }
    }

    @Test
    void withoutThemeFilesPagesKeepGalleysLookAndAskForNoFavicon() throws Exception {
        for (Document page : pages(Theme.DEFAULT)) {
            assertEquals(1, page.select("head link[rel=stylesheet]").size(), page.title());
            assertTrue(page.select("img.site-logo").isEmpty(), page.title());
            assertEquals(List.of("data:,"), page.select("head link[rel=icon]").eachAttr("href"));
        }
    }

    /** An article page, the home page, a tag page, the search page and the 404 page. */
    private static List<Document> pages(Theme theme) throws Exception {
        SiteConfig site = SiteConfig.parse("site.yaml", "title: technical writing\n".getBytes(StandardCharsets.UTF_8));
        SiteRenderer renderer = new SiteRenderer(site, theme);
        var article = new ArticleParser(site).parse("zero-downtime.md", POST.getBytes(StandardCharsets.UTF_8));
        List<SiteFile> files = new ArrayList<>(renderer.indexPages(List.of(article.summary())));
        files.add(renderer.article(article, SiteIndex.Neighbours.NONE));
        List<Document> pages = files.stream().filter(f -> f.path().endsWith(".html"))
                .map(f -> Jsoup.parse(new String(f.bytes(), StandardCharsets.UTF_8))).toList();
        assertTrue(pages.size() >= 5, "pages: " + pages.size());
        return pages;
    }
}
