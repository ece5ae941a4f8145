package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.galley.render.AtomFeedTest.article;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SitemapTest {

    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final SiteConfig SITE = new SiteConfig("Field Notes", "", "", URI.create("https://example.com/blog/"),
            "", "en", ZoneOffset.UTC, 220, 10);

    private final List<ArticleSummary> articles = List.of(
            article("old", "Old", "2025-06-01T00:00:00Z", "2026-05-01T08:00:00+02:00", "", "Go"),
            article("new", "New", "2026-03-10T00:00:00Z", null, "", "Go", "Rust"),
            article("mid", "Mid", "2026-01-01T00:00:00Z", null, "", "Rust"));

    /** loc → lastmod ("" when absent), in document order. */
    private static Map<String, String> urls(SiteFile sitemap) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(sitemap.bytes())).getDocumentElement();
        assertEquals(NAMESPACE, root.getNamespaceURI());
        assertEquals("urlset", root.getLocalName());
        Map<String, String> urls = new LinkedHashMap<>();
        NodeList list = root.getElementsByTagNameNS(NAMESPACE, "url");
        for (int i = 0; i < list.getLength(); i++) {
            Element url = (Element) list.item(i);
            NodeList lastmod = url.getElementsByTagNameNS(NAMESPACE, "lastmod");
            urls.put(url.getElementsByTagNameNS(NAMESPACE, "loc").item(0).getTextContent(),
                    lastmod.getLength() == 0 ? "" : lastmod.item(0).getTextContent());
        }
        return urls;
    }

    @Test
    void mustListEveryPageWithTheNewestChangeOfTheArticlesItShows() throws Exception {
        SiteFile file = Sitemap.render(SITE, articles, List.of(
                new Sitemap.Page("page/2/", OffsetDateTime.parse("2026-01-01T00:00:00Z")),
                new Sitemap.Page("tags/go/page/2/", null)));
        assertEquals(Sitemap.PATH, file.path());
        assertEquals(ContentKind.XML, file.kind());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("https://example.com/blog/", "2026-05-01T06:00:00Z");
        expected.put("https://example.com/blog/tags/", "2026-05-01T06:00:00Z");
        expected.put("https://example.com/blog/tags/go/", "2026-05-01T06:00:00Z");
        expected.put("https://example.com/blog/tags/rust/", "2026-03-10T00:00:00Z");
        expected.put("https://example.com/blog/articles/new/", "2026-03-10T00:00:00Z");
        expected.put("https://example.com/blog/articles/mid/", "2026-01-01T00:00:00Z");
        expected.put("https://example.com/blog/articles/old/", "2026-05-01T06:00:00Z");
        expected.put("https://example.com/blog/page/2/", "2026-01-01T00:00:00Z");
        expected.put("https://example.com/blog/tags/go/page/2/", "");
        assertEquals(expected, urls(file));
    }

    @Test
    void mustListOnlyTheHomeAndTagListWithoutDatesForASiteWithoutArticles() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("https://example.com/blog/", "");
        expected.put("https://example.com/blog/tags/", "");
        assertEquals(expected, urls(Sitemap.render(SITE, List.of(), List.of())));
        assertNull(Sitemap.lastModified(List.of()));
    }

    @Test
    void mustRenderTheSameArticlesToTheSameBytesWhateverTheirOrder() {
        List<Sitemap.Page> extra = List.of(new Sitemap.Page("page/3/", null), new Sitemap.Page("page/2/", null));
        byte[] first = Sitemap.render(SITE, articles, extra).bytes();
        assertArrayEquals(first, Sitemap.render(SITE, reversed(articles), reversed(extra)).bytes());
    }

    @Test
    void mustPointRobotsAtTheSitemapByItsAbsoluteUrl() {
        SiteFile robots = Sitemap.robots(SITE);
        assertEquals("robots.txt", robots.path());
        assertEquals(ContentKind.TEXT, robots.kind());
        assertEquals("""
                User-agent: *
                Allow: /

                Sitemap: https://example.com/blog/sitemap.xml
                """, new String(robots.bytes(), StandardCharsets.UTF_8));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
