package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.article.CodeSample;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteRendererTest {

    private final SiteRenderer renderer = new SiteRenderer(SiteConfig.defaults());

    static ArticleSummary summary(String slug, String title, int year, int month, boolean featured, String... tags) {
        return new ArticleSummary(slug, title, OffsetDateTime.of(year, month, 1, 0, 0, 0, 0, ZoneOffset.UTC), null,
                List.of(tags), List.of("Summary of " + title + "."), "", List.of(), 7, null, featured);
    }

    private String home(List<ArticleSummary> articles) {
        return page(renderer.indexPages(articles), SiteRenderer.HOME);
    }

    private static String page(List<SiteFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElseThrow(() -> new AssertionError("no " + path));
    }

    @Test
    void mustPutTheNewestFeaturedArticleFirstAndTheRestNewestFirst() {
        List<ArticleSummary> order = SiteIndex.homeOrder(List.of(
                summary("old-featured", "Old featured", 2025, 1, true),
                summary("newest", "Newest", 2026, 5, false),
                summary("new-featured", "New featured", 2026, 3, true),
                summary("middle", "Middle", 2026, 2, false)));
        assertEquals(List.of("new-featured", "newest", "middle", "old-featured"), order.stream().map(ArticleSummary::slug).toList());
        assertEquals("new-featured", SiteIndex.featured(order).slug());
    }

    @Test
    void mustFindOneArticlesNeighboursAsTheMapOfEveryArticlesHasThem() {
        List<ArticleSummary> newestFirst = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {  // three on the same date, ordered by slug
            newestFirst.add(summary("post-" + i, "Post " + i, 2026, 1 + i / 3, i == 4));
        }
        newestFirst.sort(SiteIndex.NEWEST_FIRST);
        var all = SiteIndex.neighbours(newestFirst);
        for (ArticleSummary article : newestFirst) {
            assertEquals(all.get(article.path()), SiteIndex.neighbours(newestFirst, article), article.slug());
        }
        assertEquals(SiteIndex.Neighbours.NONE, SiteIndex.neighbours(newestFirst, summary("absent", "Absent", 2026, 2, false)));
    }

    @Test
    void mustMarkOnlyTheFeaturedSlotAsFeatured() {
        String html = home(List.of(summary("a", "A", 2026, 3, true), summary("b", "B", 2026, 1, true)));
        assertEquals(1, html.split(">Featured<", -1).length - 1, html);
        assertTrue(html.indexOf(">A<") < html.indexOf(">B<"));
    }

    @Test
    void mustShowMonthYearReadingTimeTitleSummaryTagsAndReadMoreForEachArticle() {
        String html = home(List.of(summary("zero", "Zero-downtime migrations", 2026, 3, true, "PostgreSQL", "DevOps")));
        for (String expected : List.of("Skip to main content", "March 2026", "7 min read",
                "<a href=\"/articles/zero/\">Zero-downtime migrations</a>", "<p>Summary of Zero-downtime migrations.</p>",
                "<a href=\"/tags/postgresql/\">PostgreSQL</a>", "<a href=\"/tags/devops/\">DevOps</a>", "Read full article")) {
            assertTrue(html.contains(expected), "missing " + expected);
        }
    }

    @Test
    void mustShowTheCodeSampleCardWithItsFileNameHighlighted() {
        ArticleSummary withSample = new ArticleSummary("s", "S", OffsetDateTime.parse("2026-02-01T00:00:00Z"), null, List.of(),
                List.of(), "", List.of(), 3, new CodeSample("dashboard-config.ts", "ts", "interface A { x: number; }"), false);
        String html = home(List.of(withSample));
        assertTrue(html.contains("<figcaption>dashboard-config.ts</figcaption>"), html);
        assertTrue(html.contains("<pre tabindex=\"0\"><code class=\"language-ts\"><span class=\"tok-kw\">interface</span> "), html);
        assertTrue(html.replaceAll("<[^>]+>", "").contains("interface A { x: number; }"), html);
    }

    @Test
    void aCardShowsTheFirstLinesOfALongSampleAndSaysHowManyMoreTheArticleHas() {
        StringBuilder code = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            code.append("let line_").append(i).append(" = ").append(i).append(";\n");
        }
        ArticleSummary withSample = new ArticleSummary("s", "S", OffsetDateTime.parse("2026-02-01T00:00:00Z"), null, List.of(),
                List.of(), "", List.of(), 3, new CodeSample("main.rs", "rust", code.toString()), false);
        String text = home(List.of(withSample)).replaceAll("<[^>]+>", "");
        assertTrue(text.contains("let line_8 = 8;"), text);
        assertFalse(text.contains("let line_9 = 9;"), text);
        assertTrue(text.contains("\u2026 32 more lines in the article"), text);
    }

    @Test
    void theFeaturedCardShowsItsWholeSampleAsTheLookDoesAndTheOtherCardsAreCut() {
        StringBuilder code = new StringBuilder();
        for (int i = 1; i <= 14; i++) {
            code.append("-- step ").append(i).append('\n');
        }
        OffsetDateTime date = OffsetDateTime.parse("2026-03-01T00:00:00Z");
        ArticleSummary featured = new ArticleSummary("f", "F", date, null, List.of(), List.of(), "", List.of(), 12,
                new CodeSample("migrate.sql", "sql", code.toString()), true);
        ArticleSummary other = new ArticleSummary("o", "O", date.minusDays(1), null, List.of(), List.of(), "", List.of(), 3,
                new CodeSample("other.sql", "sql", code.toString().replace("step", "other")), false);
        String text = home(List.of(featured, other)).replaceAll("<[^>]+>", "");
        assertTrue(text.contains("-- step 14"), text);
        assertTrue(text.contains("-- other 8"), text);
        assertFalse(text.contains("-- other 9"), text);
        assertEquals(1, text.split("more lines in the article", -1).length - 1, text);
    }

    @Test
    void mustEscapeTitlesTagsSummariesAndSamplesEverywhere() {
        String evil = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        ArticleSummary a = new ArticleSummary("evil", evil, OffsetDateTime.parse("2026-02-01T00:00:00Z"), null, List.of(evil),
                List.of(evil), evil, List.of(new dev.galley.article.Author(evil, "https://example.com/\"><script>alert(3)</script>")), 3,
                new CodeSample(evil, "js", evil), true);
        List<SiteFile> files = renderer.indexPages(List.of(a));
        for (SiteFile file : html(files)) {
            String html = new String(file.bytes(), StandardCharsets.UTF_8);
            assertFalse(html.contains("<script>alert"), file.path());
            assertFalse(html.contains("<img src=x"), file.path());
        }
        String article = new String(renderer.article(new dev.galley.article.Article(a, "evil.md", "<p>body</p>",
                List.of(new dev.galley.article.TocEntry(2, "x", evil), new dev.galley.article.TocEntry(2, "y", evil),
                        new dev.galley.article.TocEntry(3, "z", evil)), false, java.util.Map.of()),
                new dev.galley.site.SiteIndex.Neighbours(new dev.galley.site.SiteIndex.ArticleLink("n", evil), null)).bytes(),
                StandardCharsets.UTF_8);
        assertFalse(article.contains("<script>alert"), article);
        assertFalse(article.contains("<img src=x"), article);
    }

    @Test
    void mustGiveEveryPageLangViewportTitleDescriptionAndLandmarks() {
        for (SiteFile file : html(renderer.indexPages(List.of(summary("a", "A", 2026, 1, false, "Go"))))) {
            String html = new String(file.bytes(), StandardCharsets.UTF_8);
            for (String expected : List.of("<html lang=\"en\">", "name=\"viewport\"", "<title>", "<header", "<main id=\"main\"", "<footer")) {
                assertTrue(html.contains(expected), file.path() + " lacks " + expected);
            }
        }
    }

    @Test
    void indexPagesCreditTheSitesAuthorInTheFooterWithTheirLink() {
        SiteConfig site = new SiteConfig("Field Notes", "", "", java.net.URI.create("https://example.com/"),
                "[Mara Lindqvist](https://mara.example), Ola Nordmann", "en", ZoneOffset.UTC, 220, 10);
        String home = page(new SiteRenderer(site).indexPages(List.of(summary("a", "A", 2026, 1, false))), SiteRenderer.HOME);
        assertTrue(home.contains("<p>Written by <a href=\"https://mara.example\" rel=\"author\">Mara Lindqvist</a> and Ola Nordmann.</p>"),
                home);
    }

    @Test
    void mustRenderTagPagesAndATagListWithCounts() {
        List<SiteFile> files = renderer.indexPages(List.of(
                summary("a", "A", 2026, 1, false, "Release Engineering"),
                summary("b", "B", 2026, 2, false, "release engineering", "Rust")));
        String tag = page(files, "tags/release-engineering/index.html");
        assertTrue(tag.contains(">A<") && tag.contains(">B<"), tag);
        String tags = page(files, SiteRenderer.TAGS);
        assertTrue(tags.contains("<a href=\"/tags/release-engineering/\">release engineering</a> <span class=\"count\" title=\"2 articles\">2</span>"),
                tags);
    }

    @Test
    void aTagsFirstPageStaysTheSameWhenAnOlderArticleJoinsTheTag() throws dev.galley.article.ArticleException {
        SiteRenderer small = new SiteRenderer(SiteConfig.parse(SiteConfig.FILE_NAME, "title: Notes\npageSize: 2\n".getBytes(StandardCharsets.UTF_8)));
        List<ArticleSummary> articles = new java.util.ArrayList<>();
        for (int month = 12; month >= 2; month--) {
            articles.add(summary("post-" + month, "Post " + month, 2025, month, false, "Go"));
        }
        String before = page(small.indexPages(articles), "tags/go/index.html");
        articles.add(summary("post-1", "Post 1", 2025, 1, false, "Go"));  // the oldest: lands on the tag's last page
        String after = page(small.indexPages(articles), "tags/go/index.html");
        assertEquals(before, after, "the count of the tag's articles is on the tag list only");
        assertTrue(page(small.indexPages(articles), SiteRenderer.TAGS).contains("title=\"12 articles\">12</span>"));
    }

    @Test
    void mustRenderTheSameInputToTheSameBytes() {
        List<ArticleSummary> articles = List.of(summary("a", "A", 2026, 1, true, "X"), summary("b", "B", 2026, 2, false, "Y"));
        assertEquals(renderer.indexPages(articles), new SiteRenderer(SiteConfig.defaults()).indexPages(List.copyOf(articles)));
    }

    private static List<SiteFile> html(List<SiteFile> files) {
        return files.stream().filter(f -> f.kind() == dev.galley.site.ContentKind.HTML).toList();
    }
}
