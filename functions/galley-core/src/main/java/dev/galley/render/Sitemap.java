package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code sitemap.xml} (sitemaps.org 0.9) and the {@code robots.txt} that points to it. The sitemap is a pure
 * function of the articles: a page's {@code lastmod} is the newest change among the articles it shows, never
 * the build time.
 */
public final class Sitemap {

    public static final String PATH = "sitemap.xml";
    public static final String ROBOTS_PATH = "robots.txt";

    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /**
     * A page the caller adds, such as {@code page/2/} of the home page.
     *
     * @param path         from the site root, e.g. {@code tags/rust/page/2/}
     * @param lastModified when its content last changed (see {@link #lastModified}), or null when unknown
     */
    public record Page(String path, OffsetDateTime lastModified) {
    }

    private Sitemap() {
    }

    /** The newest change among these articles, or null when there are none. */
    public static OffsetDateTime lastModified(Collection<ArticleSummary> articles) {
        return articles.stream().map(Format::modified).max(OffsetDateTime.timeLineOrder()).orElse(null);
    }

    /**
     * Home, the tag list, every tag page and every article, then the caller's extra pages in path order; a path
     * listed twice keeps its first entry.
     */
    public static SiteFile render(SiteConfig site, Collection<ArticleSummary> articles, Collection<Page> extraPages) {
        Map<String, OffsetDateTime> pages = new LinkedHashMap<>();
        OffsetDateTime newest = lastModified(articles);
        pages.put("", newest);
        pages.put("tags/", newest);
        for (SiteIndex.Tag tag : SiteIndex.tags(articles)) {
            pages.put("tags/" + tag.slug() + "/", lastModified(tag.articles()));
        }
        articles.stream().sorted(SiteIndex.NEWEST_FIRST).forEach(a -> pages.put(a.path(), Format.modified(a)));
        extraPages.stream().sorted(Comparator.comparing(Page::path)).forEach(p -> pages.putIfAbsent(p.path(), p.lastModified()));
        byte[] bytes = Xml.document(xml -> urlset(xml, site, pages));
        return new SiteFile(PATH, bytes, ContentKind.XML);
    }

    private static void urlset(XMLStreamWriter xml, SiteConfig site, Map<String, OffsetDateTime> pages) throws XMLStreamException {
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(NAMESPACE);
        for (Map.Entry<String, OffsetDateTime> page : pages.entrySet()) {
            xml.writeStartElement("url");
            Xml.element(xml, "loc", site.absolute(page.getKey()).toASCIIString());
            if (page.getValue() != null) {
                Xml.element(xml, "lastmod", Format.rfc3339(page.getValue()));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** Crawlers may read everything; the sitemap is named by its absolute URL, as the protocol requires. */
    public static SiteFile robots(SiteConfig site) {
        String text = "User-agent: *\nAllow: /\n\nSitemap: " + site.absolute(PATH).toASCIIString() + "\n";
        return new SiteFile(ROBOTS_PATH, text.getBytes(StandardCharsets.UTF_8), ContentKind.TEXT);
    }
}
