package dev.galley.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.galley.article.Article;
import dev.galley.article.ArticleSummary;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.galley.render.AtomFeedTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageMetadataTest {

    private static final SiteConfig SITE = new SiteConfig("Field Notes", "", "Notes from the field", URI.create("https://example.com/"),
            "Ada Lovelace", "en", ZoneOffset.UTC, 220, 10);
    private final SiteRenderer renderer = new SiteRenderer(SITE);

    private static String html(SiteFile file) {
        return new String(file.bytes(), StandardCharsets.UTF_8);
    }

    private String articlePage(ArticleSummary summary) {
        return html(renderer.article(new Article(summary, summary.slug() + ".md", "<p>Body.</p>", List.of(), false, Map.of()), dev.galley.site.SiteIndex.Neighbours.NONE));
    }

    private static String meta(Document page, String property) {
        Element meta = page.head().selectFirst("meta[property=" + property + "]");
        assertNotNull(meta, "no " + property);
        return meta.attr("content");
    }

    @Test
    void mustDescribeAnArticlePageForSearchEnginesFeedReadersAndLinkPreviews() {
        Document page = Jsoup.parse(articlePage(article("zero", "Zero-downtime migrations", "2026-03-10T09:30:00+01:00",
                "2026-04-01T00:00:00Z", "", "PostgreSQL", "DevOps")));
        assertEquals("https://example.com/articles/zero/", page.head().selectFirst("link[rel=canonical]").attr("href"));
        Element feed = page.head().selectFirst("link[rel=alternate][type=application/atom+xml]");
        assertEquals("https://example.com/feed.xml", feed.attr("href"));
        assertEquals("article", meta(page, "og:type"));
        assertEquals("Zero-downtime migrations", meta(page, "og:title"));
        assertEquals("First paragraph of Zero-downtime migrations.", meta(page, "og:description"));
        assertEquals("https://example.com/articles/zero/", meta(page, "og:url"));
        assertEquals("Field Notes", meta(page, "og:site_name"));
        assertEquals("2026-03-10T08:30:00Z", meta(page, "article:published_time"));
        assertEquals("2026-04-01T00:00:00Z", meta(page, "article:modified_time"));
        assertEquals(List.of("PostgreSQL", "DevOps"), page.head().select("meta[property=article:tag]").eachAttr("content"));
        assertEquals("summary", page.head().selectFirst("meta[name=twitter:card]").attr("content"));
    }

    @Test
    void mustDescribeAnArticleAsASchemaOrgBlogPosting() throws Exception {
        Document page = Jsoup.parse(articlePage(article("zero", "Zero-downtime migrations", "2026-03-10T00:00:00Z", null, "", "PostgreSQL")));
        JsonNode ld = new ObjectMapper().readTree(page.head().selectFirst("script[type=application/ld+json]").data());
        assertEquals("https://schema.org", ld.get("@context").asText());
        assertEquals("BlogPosting", ld.get("@type").asText());
        assertEquals("Zero-downtime migrations", ld.get("headline").asText());
        assertEquals("2026-03-10T00:00:00Z", ld.get("datePublished").asText());
        assertEquals("2026-03-10T00:00:00Z", ld.get("dateModified").asText());
        assertEquals("Ada Lovelace", ld.get("author").get(0).get("name").asText(), "the site's author when the article names none");
        assertEquals("[\"PostgreSQL\"]", ld.get("keywords").toString());
        assertEquals("https://example.com/articles/zero/", ld.get("url").asText());
        assertEquals("https://example.com/articles/zero/", ld.get("mainEntityOfPage").get("@id").asText());
    }

    @Test
    void mustKeepAHostileTitleInsideTheJsonLdScriptAndTheMetaAttributes() throws Exception {
        String hostile = "</script><script>alert(1)</script><!-- \u2028\u2029 \"quoted\" & done";
        String html = articlePage(article("evil", hostile, "2026-03-10T00:00:00Z", null, hostile, hostile));
        assertFalse(html.contains("<script>alert(1)"), html);
        String open = "<script type=\"application/ld+json\">";
        int start = html.indexOf(open) + open.length();
        String json = html.substring(start, html.indexOf("</script>", start));
        for (String raw : List.of("<", ">", "&", "\u2028", "\u2029")) {
            assertFalse(json.contains(raw), "raw " + raw + " in " + json);
        }
        Document page = Jsoup.parse(html);
        assertEquals(1, page.select("script").size(), "one script element, the JSON-LD");
        JsonNode ld = new ObjectMapper().readTree(json);
        assertEquals(hostile, ld.get("headline").asText());
        assertEquals(hostile, ld.get("author").get(0).get("name").asText());
        assertEquals(hostile, meta(page, "og:title"));
        assertEquals(hostile, meta(page, "article:tag"));
    }

    @Test
    void mustDescribeOtherPagesAsAWebsiteWithoutArticleMetadata() {
        SiteFile home = renderer.indexPages(List.of(article("a", "A", "2026-01-01T00:00:00Z", null, "", "Go"))).stream()
                .filter(f -> f.path().equals(SiteRenderer.HOME)).findFirst().orElseThrow();
        Document page = Jsoup.parse(html(home));
        assertEquals("website", meta(page, "og:type"));
        assertEquals("Field Notes", meta(page, "og:title"));
        assertEquals("https://example.com/", meta(page, "og:url"));
        assertEquals("https://example.com/feed.xml", page.head().selectFirst("link[rel=alternate]").attr("href"));
        assertTrue(page.select("script").isEmpty());
        assertTrue(page.head().select("meta[property^=article:]").isEmpty());
    }
}
