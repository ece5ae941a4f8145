package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.site.ContentKind;
import dev.galley.site.ListingPage;
import dev.galley.site.SiteFile;

import java.util.List;

/**
 * What one index page shows, before it is rendered. Two equal models render to the same bytes, so comparing
 * the models of two manifest revisions tells which pages an upload changed without rendering the others.
 */
public sealed interface IndexPage {

    /** The path of the file this page becomes. */
    String file();

    /** The home page or one of its archive pages. */
    record Home(ListingPage listing) implements IndexPage {
        public String file() {
            return listing.file();
        }
    }

    /**
     * A tag's page or one of its archive pages. It shows no count of the tag's articles (the tag list does), so that a
     * new article rewrites the page it lands on, not its tags' first pages too.
     */
    record Tag(String name, ListingPage listing) implements IndexPage {
        public String file() {
            return listing.file();
        }
    }

    /** The list of all tags with their counts. */
    record TagCloud(List<TagCount> tags) implements IndexPage {
        public TagCloud {
            tags = List.copyOf(tags);
        }

        public String file() {
            return SiteRenderer.TAGS;
        }
    }

    record TagCount(String name, String slug, int count) {
    }

    /** The 404 page, which lists the most recent articles. */
    record NotFound(List<ArticleSummary> recent) implements IndexPage {
        public NotFound {
            recent = List.copyOf(recent);
        }

        public String file() {
            return SiteRenderer.NOT_FOUND;
        }
    }

    /**
     * A feed of the newest articles: the site's (Atom, or RSS when {@code kind} says so), with their full bodies,
     * or, with a {@code tag} name, that tag's Atom feed, with summaries only. {@code version} identifies the source
     * a shown body comes from (its ETag), so a changed body changes the model even when the summary does not.
     */
    record Feed(String file, ContentKind kind, String tag, List<FeedEntry> entries) implements IndexPage {
        public Feed {
            entries = List.copyOf(entries);
        }

        public boolean showsBodies() {
            return tag.isEmpty();
        }

        public List<ArticleSummary> articles() {
            return entries.stream().map(FeedEntry::article).toList();
        }
    }

    record FeedEntry(ArticleSummary article, String version) {
    }

    /** {@code sitemap.xml}: the sitemap index, each sitemap with its newest change. */
    record SitemapIndex(List<Sitemap.Page> sitemaps) implements IndexPage {
        public SitemapIndex {
            sitemaps = List.copyOf(sitemaps);
        }

        public String file() {
            return Sitemap.PATH;
        }
    }

    /** One sitemap the index names: its pages. */
    record SitemapXml(String file, List<Sitemap.Page> pages) implements IndexPage {
        public SitemapXml {
            pages = List.copyOf(pages);
        }
    }

    /** {@code search.json}: the paths of the search index's chunks. */
    record SearchChunks(List<String> chunks) implements IndexPage {
        public SearchChunks {
            chunks = List.copyOf(chunks);
        }

        public String file() {
            return SearchIndex.PATH;
        }
    }

    /** One chunk of the search index: its articles' titles, tags and summaries. */
    record SearchJson(String file, List<ArticleSummary> articles) implements IndexPage {
        public SearchJson {
            articles = List.copyOf(articles);
        }
    }

    /** The search page: the same for every article list, since its script reads {@code search.json}. */
    record Search() implements IndexPage {
        public String file() {
            return SiteRenderer.SEARCH;
        }
    }

    /** A file that depends on no article: the stylesheet, the search script, robots.txt. */
    record Fixed(SiteFile content) implements IndexPage {
        public String file() {
            return content.path();
        }
    }
}
