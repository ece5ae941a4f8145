package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;
import dev.galley.site.Shards;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code sitemap.xml} (sitemaps.org 0.9), a sitemap index over the site's sitemaps, and the {@code robots.txt} that
 * points to it. One sitemap lists the home page, the tag list and the tags' pages; the articles and standalone pages
 * are in sitemaps of about {@value #AVERAGE_SHARD} pages each, split by path where {@link Shards} says, so that a
 * publish rewrites the index, the listings and the one or two sitemaps of the pages it touched. All are pure
 * functions of the articles: a page's {@code lastmod} is the newest change among the articles it shows, never the
 * build time, and a sitemap's is the newest among its pages.
 */
public final class Sitemap {

    public static final String PATH = "sitemap.xml";
    public static final String ROBOTS_PATH = "robots.txt";
    /** Where the sitemaps the index names live. */
    public static final String FOLDER = "sitemaps/";
    public static final String LISTINGS = FOLDER + "listings.xml";
    static final int AVERAGE_SHARD = 64;

    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /**
     * A page in a sitemap, or a sitemap in the index.
     *
     * @param path         from the site root, e.g. {@code tags/rust/}
     * @param lastModified when its content last changed (see {@link #lastModified}), or null when unknown
     */
    public record Page(String path, OffsetDateTime lastModified) {
    }

    private Sitemap() {
    }

    /** The newest change among these articles, in UTC (as the sitemap writes it), or null when there are none. */
    public static OffsetDateTime lastModified(Collection<ArticleSummary> articles) {
        return articles.stream().map(Format::modified).max(OffsetDateTime.timeLineOrder())
                .map(newest -> newest.withOffsetSameInstant(ZoneOffset.UTC)).orElse(null);
    }

    /**
     * The site's sitemaps by path: {@link #LISTINGS} (home, the tag list, every tag page), then the sitemaps of the
     * listed articles and the standalone pages together, in path order.
     */
    public static Map<String, List<Page>> sitemaps(List<ArticleSummary> listed, Collection<ArticleSummary> standalone) {
        Map<String, List<Page>> sitemaps = new LinkedHashMap<>();
        List<Page> listings = new ArrayList<>();
        OffsetDateTime newest = lastModified(listed);
        listings.add(new Page("", newest));
        listings.add(new Page("tags/", newest));
        for (SiteIndex.Tag tag : SiteIndex.tags(listed)) {
            listings.add(new Page("tags/" + tag.slug() + "/", lastModified(tag.articles())));
        }
        sitemaps.put(LISTINGS, listings);
        List<ArticleSummary> all = new ArrayList<>(listed);
        all.addAll(standalone);
        for (Shards.Shard<ArticleSummary> shard : Shards.split(all, ArticleSummary::path, AVERAGE_SHARD)) {
            sitemaps.put(FOLDER + shard.name() + ".xml", shard.items().stream().map(a -> new Page(a.path(), Format.modified(a))).toList());
        }
        return sitemaps;
    }

    /** The index's entries: each sitemap with the newest change among its pages. */
    public static List<Page> indexEntries(Map<String, List<Page>> sitemaps) {
        return sitemaps.entrySet().stream().map(e -> new Page(e.getKey(), e.getValue().stream().map(Page::lastModified)
                .filter(Objects::nonNull).max(OffsetDateTime.timeLineOrder()).orElse(null))).toList();
    }

    /** {@link #PATH}: the sitemap index. */
    public static SiteFile index(SiteConfig site, List<Page> sitemaps) {
        return new SiteFile(PATH, Xml.document(xml -> list(xml, site, "sitemapindex", "sitemap", sitemaps)), ContentKind.XML);
    }

    /** One sitemap, its pages in the order given. */
    public static SiteFile sitemap(SiteConfig site, String path, List<Page> pages) {
        return new SiteFile(path, Xml.document(xml -> list(xml, site, "urlset", "url", pages)), ContentKind.XML);
    }

    private static void list(XMLStreamWriter xml, SiteConfig site, String root, String item, List<Page> pages) throws XMLStreamException {
        xml.writeStartElement(root);
        xml.writeDefaultNamespace(NAMESPACE);
        for (Page page : pages) {
            xml.writeStartElement(item);
            Xml.element(xml, "loc", site.absolute(page.path()).toASCIIString());
            if (page.lastModified() != null) {
                Xml.element(xml, "lastmod", Format.rfc3339(page.lastModified()));
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
