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
import static org.junit.jupiter.api.Assertions.assertTrue;

class SitemapTest {

    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final SiteConfig SITE = new SiteConfig("Field Notes", "", "", URI.create("https://example.com/blog/"),
            "", "en", ZoneOffset.UTC, 220, 10);

    private final List<ArticleSummary> articles = List.of(
            article("old", "Old", "2025-06-01T00:00:00Z", "2026-05-01T08:00:00+02:00", "", "Go"),
            article("new", "New", "2026-03-10T00:00:00Z", null, "", "Go", "Rust"),
            article("mid", "Mid", "2026-01-01T00:00:00Z", null, "", "Rust"));

    /** loc → lastmod ("" when absent), in document order, of a {@code root} document of {@code item} elements. */
    private static Map<String, String> locs(SiteFile file, String root, String item) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(file.bytes())).getDocumentElement();
        assertEquals(NAMESPACE, document.getNamespaceURI());
        assertEquals(root, document.getLocalName());
        Map<String, String> urls = new LinkedHashMap<>();
        NodeList list = document.getElementsByTagNameNS(NAMESPACE, item);
        for (int i = 0; i < list.getLength(); i++) {
            Element url = (Element) list.item(i);
            NodeList lastmod = url.getElementsByTagNameNS(NAMESPACE, "lastmod");
            urls.put(url.getElementsByTagNameNS(NAMESPACE, "loc").item(0).getTextContent(),
                    lastmod.getLength() == 0 ? "" : lastmod.item(0).getTextContent());
        }
        return urls;
    }

    /** Every sitemap rendered, by path. */
    private static Map<String, SiteFile> rendered(List<ArticleSummary> articles) {
        Map<String, SiteFile> files = new LinkedHashMap<>();
        Sitemap.sitemaps(articles, List.of()).forEach((path, pages) -> files.put(path, Sitemap.sitemap(SITE, path, pages)));
        return files;
    }

    /** Every page of every sitemap: loc → lastmod. */
    private static Map<String, String> urls(List<ArticleSummary> articles) throws Exception {
        Map<String, String> urls = new LinkedHashMap<>();
        for (SiteFile file : rendered(articles).values()) {
            urls.putAll(locs(file, "urlset", "url"));
        }
        return urls;
    }

    @Test
    void mustListEveryPageWithTheNewestChangeOfTheArticlesItShows() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("https://example.com/blog/", "2026-05-01T06:00:00Z");
        expected.put("https://example.com/blog/tags/", "2026-05-01T06:00:00Z");
        expected.put("https://example.com/blog/tags/go/", "2026-05-01T06:00:00Z");
        expected.put("https://example.com/blog/tags/rust/", "2026-03-10T00:00:00Z");
        expected.put("https://example.com/blog/articles/mid/", "2026-01-01T00:00:00Z");
        expected.put("https://example.com/blog/articles/new/", "2026-03-10T00:00:00Z");
        expected.put("https://example.com/blog/articles/old/", "2026-05-01T06:00:00Z");
        assertEquals(expected, urls(articles));
        rendered(articles).forEach((path, file) -> {
            assertEquals(path, file.path());
            assertEquals(ContentKind.XML, file.kind());
        });
    }

    @Test
    void theListingsHaveASitemapOfTheirOwnBesideTheArticles() throws Exception {
        Map<String, List<Sitemap.Page>> sitemaps = Sitemap.sitemaps(articles, List.of());
        assertEquals(Sitemap.LISTINGS, sitemaps.keySet().iterator().next());
        assertEquals(List.of("", "tags/", "tags/go/", "tags/rust/"), sitemaps.get(Sitemap.LISTINGS).stream().map(Sitemap.Page::path).toList());
        assertTrue(sitemaps.keySet().stream().allMatch(path -> path.startsWith(Sitemap.FOLDER) && path.endsWith(".xml")), sitemaps.keySet().toString());
    }

    @Test
    void theIndexNamesEverySitemapByItsAbsoluteUrlWithTheNewestChangeAmongItsPages() throws Exception {
        List<ArticleSummary> many = new ArrayList<>();
        for (int day = 1; day <= 600; day++) {
            many.add(article("note-" + day, "Note " + day, OffsetDateTime.parse("2024-01-01T00:00:00Z").plusDays(day).toString(), null, ""));
        }
        Map<String, List<Sitemap.Page>> sitemaps = Sitemap.sitemaps(many, List.of());
        assertTrue(sitemaps.size() > 2, "600 articles make several sitemaps: " + sitemaps.keySet());
        SiteFile index = Sitemap.index(SITE, Sitemap.indexEntries(sitemaps));
        assertEquals(Sitemap.PATH, index.path());
        Map<String, String> expected = new LinkedHashMap<>();
        sitemaps.forEach((path, pages) -> expected.put("https://example.com/blog/" + path, Format.rfc3339(pages.stream()
                .map(Sitemap.Page::lastModified).max(OffsetDateTime.timeLineOrder()).orElseThrow())));
        assertEquals(expected, locs(index, "sitemapindex", "sitemap"));
        assertEquals(600 + 2, urls(many).size(), "every article once, the home page and the tag list");
    }

    @Test
    void mustListOnlyTheHomeAndTagListWithoutDatesForASiteWithoutArticles() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("https://example.com/blog/", "");
        expected.put("https://example.com/blog/tags/", "");
        assertEquals(expected, urls(List.of()));
        assertEquals(Map.of("https://example.com/blog/sitemaps/listings.xml", ""),
                locs(Sitemap.index(SITE, Sitemap.indexEntries(Sitemap.sitemaps(List.of(), List.of()))), "sitemapindex", "sitemap"));
        assertNull(Sitemap.lastModified(List.of()));
    }

    @Test
    void mustRenderTheSameArticlesToTheSameBytesWhateverTheirOrder() {
        Map<String, SiteFile> first = rendered(articles);
        Map<String, SiteFile> second = rendered(reversed(articles));
        assertEquals(first.keySet(), second.keySet());
        first.forEach((path, file) -> assertArrayEquals(file.bytes(), second.get(path).bytes(), path));
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
