package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.site.ContentKind;
import dev.galley.site.ListingPage;
import dev.galley.site.Pagination;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The index pages a change can touch, as {@link SiteRenderer#indexModels} makes them, from a {@link SiteListing}: the
 * site-wide pages (the feeds, the 404 page, the tag list, the sitemap index and the listings' sitemap, the search
 * index's list of chunks), and, around each changed article (and each article of its slug, which may name archive
 * pages after paths now), the home and archive pages, the tag pages and feeds of its tags, its sitemap and its search
 * chunk, with the pages next to each. What a page shows depends on its own articles and its neighbours' names only,
 * and the boundaries of archive pages, sitemaps and chunks are chosen by the articles at them (an archive page's also
 * by the articles within half a page of its end, which {@link Pagination#around} takes in), so no page further off
 * changes. {@link #before} reaches two pages further than {@link #after}, so that it holds every page {@code after}
 * finds (a page that a new boundary splits, or that a removed one joins to the next); {@code after} then adds each page
 * of {@code before} that still exists, so that the two differ exactly where the whole site's models do.
 */
public final class ChangedIndexModels {

    private ChangedIndexModels() {
    }

    /**
     * The pages around a change on the listing before it.
     *
     * @param changed  every article or page the change removes or adds, as it was and as it is
     * @param versions the source version of each article by path, for the feeds (see {@link SiteRenderer#indexModels})
     */
    public static Map<String, IndexPage> before(SiteConfig site, SiteListing listing, Collection<ArticleSummary> changed,
                                                Function<String, String> versions) {
        return around(site, listing, changed, versions, 2, Map.of());
    }

    /** The pages around a change on the listing after it, and those of {@code before}'s that the site still has. */
    public static Map<String, IndexPage> after(SiteConfig site, SiteListing listing, Collection<ArticleSummary> changed,
                                               Function<String, String> versions, Map<String, IndexPage> before) {
        Map<String, IndexPage> pages = around(site, listing, changed, versions, 1, before);
        before.forEach((file, page) -> {
            if (!pages.containsKey(file)) {
                stillThere(site, listing, page).ifPresent(now -> pages.put(file, now));
            }
        });
        return pages;
    }

    /** The page at the same file after the change, if the site still has it: the page that ends at the same article. */
    private static Optional<IndexPage> stillThere(SiteConfig site, SiteListing listing, IndexPage page) {
        if (page instanceof IndexPage.SitemapXml sitemap) {
            return listing.sitemapEndingAt(sitemap.pages().get(sitemap.pages().size() - 1).path())
                    .filter(now -> now.getKey().equals(page.file())).map(now -> new IndexPage.SitemapXml(now.getKey(), now.getValue()));
        }
        if (page instanceof IndexPage.SearchJson chunk) {
            return listing.searchChunkEndingAt(chunk.articles().get(chunk.articles().size() - 1).path())
                    .filter(now -> now.getKey().equals(page.file())).map(now -> new IndexPage.SearchJson(now.getKey(), now.getValue()));
        }
        if (page instanceof IndexPage.Home home) {
            List<ArticleSummary> articles = home.listing().articles();
            return pageEndingAt(listing.newestFirst(), "", site.pageSize(), articles.get(articles.size() - 1), listing::sharedSlug,
                    page.file(), featuredAt(listing)).map(IndexPage.Home::new);
        }
        if (page instanceof IndexPage.Tag tag) {
            String slug = page.file().substring("tags/".length(), page.file().indexOf('/', "tags/".length()));
            List<ArticleSummary> articles = listing.byTag().get(slug);
            if (articles == null) {
                return Optional.empty();
            }
            List<ArticleSummary> shown = tag.listing().articles();
            return pageEndingAt(articles, "tags/" + slug + "/", site.pageSize(), shown.get(shown.size() - 1), s -> sharedIn(listing, articles, s),
                    page.file(), -1).map(now -> new IndexPage.Tag(tagName(slug, articles), now));
        }
        return Optional.empty();  // the site-wide pages and the changed tags' feeds are in both already
    }

    /**
     * The page of this listing at {@code file} whose last article is {@code last}, if there is one.
     *
     * @param featuredAt where the article the home page shows first is in {@code newestFirst}, or -1
     */
    private static Optional<ListingPage> pageEndingAt(List<ArticleSummary> newestFirst, String root, int pageSize, ArticleSummary last,
                                                      Predicate<String> shared, String file, int featuredAt) {
        int at = Collections.binarySearch(newestFirst, last, SiteIndex.NEWEST_FIRST);
        if (at < 0) {
            return Optional.empty();
        }
        List<ArticleSummary> ordered = featuredAt < 0 ? newestFirst : SiteIndex.featuredFirst(newestFirst);
        int position = featuredAt < 0 || featuredAt < at ? at : featuredAt == at ? 0 : at + 1;
        return Pagination.around(root, ordered, pageSize, List.of(position), 0, shared).stream().filter(p -> p.file().equals(file)).findFirst();
    }

    /** @param before the pages before the change, when this is after it: a tag whose name changed shows it on every page */
    private static Map<String, IndexPage> around(SiteConfig site, SiteListing listing, Collection<ArticleSummary> changed,
                                                 Function<String, String> versions, int reach, Map<String, IndexPage> before) {
        Map<String, IndexPage> pages = new LinkedHashMap<>();
        List<ArticleSummary> newestFirst = listing.newestFirst();
        Set<String> paths = new TreeSet<>();
        changed.forEach(article -> paths.add(article.path()));

        Map<String, List<Sitemap.Page>> listings = Map.of(Sitemap.LISTINGS, listingsSitemap(listing));
        List<Sitemap.Page> index = new ArrayList<>(Sitemap.indexEntries(listings));
        index.addAll(listing.sitemapEntries());
        pages.put(Sitemap.PATH, new IndexPage.SitemapIndex(index));
        listings.forEach((file, urls) -> pages.put(file, new IndexPage.SitemapXml(file, urls)));
        listing.sitemapsAround(paths, reach).forEach((file, urls) -> pages.put(file, new IndexPage.SitemapXml(file, urls)));
        pages.put(SearchIndex.PATH, new IndexPage.SearchChunks(listing.searchChunks()));
        listing.searchChunksAround(paths, reach).forEach((file, chunk) -> pages.put(file, new IndexPage.SearchJson(file, chunk)));

        boolean bodies = site.feed().fullContent();
        List<IndexPage.FeedEntry> feed = newest(newestFirst, site.feed().entries()).stream()
                .map(a -> new IndexPage.FeedEntry(a, bodies ? versions.apply(a.path()) : "")).toList();
        pages.put(AtomFeed.PATH, new IndexPage.Feed(AtomFeed.PATH, ContentKind.ATOM, "", feed));
        pages.put(RssFeed.PATH, new IndexPage.Feed(RssFeed.PATH, ContentKind.RSS, "", feed));
        pages.put(RssFeed.HUGO_PATH, new IndexPage.Feed(RssFeed.HUGO_PATH, ContentKind.RSS, "", feed));

        for (ListingPage page : homePages(site.pageSize(), newestFirst, changed, listing, reach)) {
            pages.put(page.file(), new IndexPage.Home(page));
        }
        List<IndexPage.TagCount> counts = new ArrayList<>();
        Set<String> changedTags = new LinkedHashSet<>();
        changed.stream().filter(a -> !a.page()).forEach(a -> a.tags().forEach(tag -> changedTags.add(SiteIndex.tagSlug(tag))));
        listing.byTag().forEach((slug, articles) -> {
            String name = tagName(slug, articles);
            counts.add(new IndexPage.TagCount(name, slug, articles.size()));
            if (!changedTags.contains(slug)) {
                return;
            }
            List<Integer> positions = new ArrayList<>(List.of(0, site.pageSize()));
            Set<String> slugs = new HashSet<>();
            changed.stream().filter(a -> !a.page() && a.tags().stream().anyMatch(tag -> SiteIndex.tagSlug(tag).equals(slug)))
                    .forEach(a -> {
                        positions.add(position(articles, a));
                        slugs.add(a.slug());
                    });
            for (String sameSlug : slugs) {  // pages named after an article of a changed article's slug: by slug or by path
                listing.withSlug(sameSlug).forEach(other -> positions.addAll(positionsOf(articles, other)));
            }
            String root = "tags/" + slug + "/";
            boolean renamed = before.get(root + "index.html") instanceof IndexPage.Tag was && !was.name().equals(name);
            for (ListingPage page : renamed ? Pagination.paginate(root, articles, site.pageSize())
                    : Pagination.around(root, articles, site.pageSize(), positions, reach, s -> sharedIn(listing, articles, s))) {
                pages.put(page.file(), new IndexPage.Tag(name, page));
            }
            String tagFeed = AtomFeed.tagPath(slug);
            pages.put(tagFeed, new IndexPage.Feed(tagFeed, ContentKind.ATOM, name,
                    newest(articles, AtomFeed.SIZE).stream().map(a -> new IndexPage.FeedEntry(a, "")).toList()));
        });
        pages.put(SiteRenderer.TAGS, new IndexPage.TagCloud(counts));
        pages.put(SiteRenderer.NOT_FOUND, new IndexPage.NotFound(newest(newestFirst, SiteRenderer.RECENT_ON_404)));
        return pages;
    }

    /** What {@link Sitemap#sitemaps} lists first: the home page, the tag list and every tag's page, with their newest change. */
    private static List<Sitemap.Page> listingsSitemap(SiteListing listing) {
        List<Sitemap.Page> urls = new ArrayList<>();
        var newest = listing.newest("", listing.newestFirst());
        urls.add(new Sitemap.Page("", newest));
        urls.add(new Sitemap.Page("tags/", newest));
        listing.byTag().forEach((slug, articles) ->
                urls.add(new Sitemap.Page("tags/" + slug + "/", listing.newest("tags/" + slug, articles))));
        return urls;
    }

    /**
     * The home page and the archive pages around the changed articles; all of them when a featured article is among
     * the changed ones (it moves to the top, and every page between shifts by one).
     */
    private static List<ListingPage> homePages(int pageSize, List<ArticleSummary> newestFirst, Collection<ArticleSummary> changed,
                                               SiteListing listing, int reach) {
        if (changed.stream().anyMatch(ArticleSummary::featured)) {
            return Pagination.paginate("", SiteIndex.featuredFirst(newestFirst), pageSize);
        }
        int featuredAt = featuredAt(listing);
        List<ArticleSummary> home = featuredAt < 0 ? newestFirst : SiteIndex.featuredFirst(newestFirst);
        List<Integer> positions = new ArrayList<>(List.of(0, pageSize));
        List<ArticleSummary> around = new ArrayList<>();
        for (ArticleSummary article : changed) {
            if (!article.page()) {
                around.add(article);
                around.addAll(listing.withSlug(article.slug()));  // pages named after an article of its slug: by slug or by path
            }
        }
        for (ArticleSummary article : around) {
            int at = position(newestFirst, article);
            positions.add(featuredAt < 0 || featuredAt < at ? at : at + 1);
        }
        return Pagination.around("", home, pageSize, positions, reach, listing::sharedSlug);
    }

    /** Where the newest featured article is in the listing's newest-first order, or -1: it tops the home page. */
    private static int featuredAt(SiteListing listing) {
        ArticleSummary featured = listing.newestFeatured();
        return featured == null ? -1 : position(listing.newestFirst(), featured);
    }

    /** Whether two of a tag's articles have this slug; a slug no two articles of the site share is answered at once. */
    private static boolean sharedIn(SiteListing listing, List<ArticleSummary> articles, String slug) {
        if (!listing.sharedSlug(slug)) {
            return false;
        }
        int seen = 0;
        for (ArticleSummary article : articles) {
            if (article.slug().equals(slug) && ++seen > 1) {
                return true;
            }
        }
        return false;
    }

    /** Where the article is in a newest-first list, or where it would go. */
    private static int position(List<ArticleSummary> newestFirst, ArticleSummary article) {
        int at = Collections.binarySearch(newestFirst, article, SiteIndex.NEWEST_FIRST);
        return at >= 0 ? at : -at - 1;
    }

    /** Where the article is in a newest-first list: nowhere, once, or twice when two of its tags share a slug. */
    private static List<Integer> positionsOf(List<ArticleSummary> newestFirst, ArticleSummary article) {
        int at = Collections.binarySearch(newestFirst, article, SiteIndex.NEWEST_FIRST);
        if (at < 0) {
            return List.of();
        }
        int first = at;
        while (first > 0 && SiteIndex.NEWEST_FIRST.compare(newestFirst.get(first - 1), article) == 0) {
            first--;
        }
        List<Integer> positions = new ArrayList<>(2);
        for (int i = first; i < newestFirst.size() && SiteIndex.NEWEST_FIRST.compare(newestFirst.get(i), article) == 0; i++) {
            positions.add(i);
        }
        return positions;
    }

    private static List<ArticleSummary> newest(List<ArticleSummary> newestFirst, int count) {
        return List.copyOf(newestFirst.subList(0, Math.min(count, newestFirst.size())));
    }

    /** A tag's display name: its first spelling met, newest article first, as {@link SiteIndex#tags} names it. */
    private static String tagName(String slug, List<ArticleSummary> articles) {
        for (String tag : articles.get(0).tags()) {
            if (SiteIndex.tagSlug(tag).equals(slug)) {
                return tag;
            }
        }
        throw new IllegalStateException("a tag's newest article has the tag: " + slug);
    }
}
