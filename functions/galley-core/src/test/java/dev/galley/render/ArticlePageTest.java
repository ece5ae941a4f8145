package dev.galley.render;

import dev.galley.article.Article;
import dev.galley.article.ArticleParser;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Article pages as a reader gets them: Markdown in, the rendered page read back with jsoup. */
class ArticlePageTest {

    /** A release-notes post whose links were written against GitHub's heading ids. */
    private static final String RELEASE_NOTES = """
            ---
            title: Galley 2.0 release notes
            date: 2026-04-02
            ---
            Upgrading? Read [the breaking changes](#-breaking-changes) first. Contributors should start at
            [👩‍💻 For developers](#-for-developers); the [C++ bindings](#c-bindings) and the second
            [FAQ](#faq-1) changed too. Why no [C#](#why-not-c)?

            ### Before you upgrade

            Back up `_galley/manifest.json`.

            ## What's new?

            ### C++ bindings

            ### Why not C#?

            ## ⚠️ Breaking changes

            ## 👩‍💻 For developers

            ## FAQ

            ## FAQ
            """;

    private SiteConfig site = SiteConfig.defaults();

    private Document page(String markdown) throws Exception {
        Article article = new ArticleParser(site).parse("posts/a.md", markdown.getBytes(StandardCharsets.UTF_8));
        byte[] html = new SiteRenderer(site).article(article, SiteIndex.Neighbours.NONE).bytes();
        return Jsoup.parse(new String(html, StandardCharsets.UTF_8));
    }

    @Test
    void inPageLinksWrittenAsGitHubSlugsLand() throws Exception {
        Document page = page(RELEASE_NOTES);
        List<Element> links = page.select(".article-body a[href^=#]:not(.anchor)");
        assertEquals(5, links.size(), links::toString);
        for (Element link : links) {
            String id = link.attr("href").substring(1);
            assertEquals(1, page.getElementsByAttributeValue("id", id).size(), link + " lands on exactly one element");
            assertTrue(page.getElementById(id).is(".article-body h2, .article-body h3"), link + " lands on a heading");
        }
    }

    @Test
    void tableOfContentsNestsH3InTheirH2SoEachLevelIsNumberedOnItsOwn() throws Exception {
        Element toc = page(RELEASE_NOTES).selectFirst("nav.toc");
        assertNotNull(toc);
        List<String> top = toc.select("> ol > li > a").eachText();
        List<String> nested = toc.select("> ol > li > ol > li > a").eachText();
        assertAll(
                () -> assertEquals("Table of contents", toc.attr("aria-label")),
                () -> assertEquals(List.of("Before you upgrade", "What's new?", "⚠️ Breaking changes", "👩‍💻 For developers", "FAQ", "FAQ"), top),
                () -> assertEquals(List.of("C++ bindings", "Why not C#?"), nested),
                () -> assertEquals(List.of("C++ bindings", "Why not C#?"),
                        toc.select("a[href=#whats-new] + ol > li > a").eachText(), "the h3s sit in their h2's item"));
        for (Element link : toc.select("a")) {
            assertNotNull(toc.ownerDocument().getElementById(link.attr("href").substring(1)), link::toString);
        }
    }

    @Test
    void articleWithFewerThanThreeHeadingsHasNoTableOfContents() throws Exception {
        Document page = page("""
                ---
                title: Short
                date: 2026-04-02
                ---
                ## One
                ### Two
                """);
        assertTrue(page.select("nav.toc").isEmpty(), page::toString);
    }

    private static String withAuthor(String author) {
        return """
                ---
                title: Shipping a zero-copy parser in Rust
                date: 2026-04-02
                author: '%s'
                ---
                Body.
                """.formatted(author);
    }

    private static JsonNode jsonLd(Document page) throws Exception {
        return new ObjectMapper().readTree(page.head().selectFirst("script[type=application/ld+json]").data());
    }

    @Test
    void bylineLinksTheAuthorsWithAPageAndNamesTheOthers() throws Exception {
        site = new SiteConfig("Field Notes", "", "", URI.create("https://example.com/"), "Ada Lovelace", "en", ZoneOffset.UTC, 220, 10);
        Document page = page(withAuthor("[Jane Doe](https://jane.dev), John Roe"));
        Element byline = page.selectFirst(".article-header .byline");
        assertNotNull(byline, page::toString);
        JsonNode authors = jsonLd(page).get("author");
        assertAll(
                () -> assertEquals("Written by Jane Doe and John Roe", byline.text()),
                () -> assertEquals("https://jane.dev", byline.selectFirst("a").attr("href")),
                () -> assertEquals("Jane Doe", byline.selectFirst("a").text()),
                () -> assertEquals(1, byline.select("a").size(), "John Roe has no page"),
                () -> assertEquals("[{\"@type\":\"Person\",\"name\":\"Jane Doe\",\"url\":\"https://jane.dev\"},"
                        + "{\"@type\":\"Person\",\"name\":\"John Roe\"}]", authors.toString()),
                () -> assertFalse(page.selectFirst("footer").text().contains("Ada Lovelace"),
                        "the footer does not credit the site's author with a guest's article"));
    }

    @Test
    void bylineListsThreeAuthorsWithCommasAndAnAnd() throws Exception {
        Document page = page(withAuthor("Ana García, 山田太郎, [Jane Doe](https://jane.dev)"));
        assertEquals("Written by Ana García, 山田太郎 and Jane Doe", page.selectFirst(".byline").text());
    }

    @Test
    void articleThatNamesNoAuthorIsBylinedWithTheSitesAuthor() throws Exception {
        site = new SiteConfig("Field Notes", "", "", URI.create("https://example.com/"), "[Ada Lovelace](https://ada.example)",
                "en", ZoneOffset.UTC, 220, 10);
        Document page = page(RELEASE_NOTES);
        assertEquals("Written by Ada Lovelace", page.selectFirst(".byline").text());
        assertEquals("https://ada.example", page.selectFirst(".byline a").attr("href"));
        assertEquals("https://ada.example", jsonLd(page).get("author").get(0).get("url").asText());
    }

    @Test
    void authorLinkToAnythingButTheWebIsShownAsPlainText() throws Exception {
        Document page = page(withAuthor("[Mallory](javascript:alert(1))"));
        assertEquals("Written by Mallory", page.selectFirst(".byline").text());
        assertTrue(page.select(".byline a").isEmpty(), page.selectFirst(".byline")::toString);
        assertFalse(jsonLd(page).get("author").get(0).has("url"));
    }

    @Test
    void pageWithoutAnyAuthorHasNoByline() throws Exception {
        assertTrue(page(RELEASE_NOTES).select(".byline").isEmpty());
    }
}
