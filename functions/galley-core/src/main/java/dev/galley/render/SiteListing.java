package dev.galley.render;

import dev.galley.article.ArticleSummary;
import dev.galley.site.Shards;
import dev.galley.site.SiteIndex;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A site's articles in the orders its index pages list them (newest first, by tag, by path for the sitemaps and the
 * search chunks), kept up to date one article at a time, so that the pages a change touches are found without
 * sorting or grouping the whole site again: {@link ChangedIndexModels} reads it before and after a change. It also
 * keeps what the site-wide pages show of every shard (each sitemap's newest change), worked out again only for the
 * shards a change touches. Built once from every article (a cold start), then changed in place: not thread-safe,
 * one owner at a time.
 */
public final class SiteListing {

    /** The key of the shard after the last key that ends one; no path holds a NUL character. */
    private static final String TAIL = "\0tail";

    /** Every article and standalone page by path: what the sitemaps list. */
    private final TreeMap<String, ArticleSummary> all = new TreeMap<>();
    /** The listed articles by path: what the search chunks hold. */
    private final TreeMap<String, ArticleSummary> listed = new TreeMap<>();
    private final List<ArticleSummary> newestFirst;
    /** Each tag's articles newest first, by tag slug; an article with two spellings of one tag is there twice, as on its pages. */
    private final TreeMap<String, List<ArticleSummary>> byTag = new TreeMap<>();
    /** The listed articles by slug: two of one slug name their archive pages after their paths. */
    private final Map<String, List<ArticleSummary>> bySlug = new HashMap<>();
    private final TreeSet<String> sitemapEnds = new TreeSet<>();
    private final TreeSet<String> searchEnds = new TreeSet<>();
    /** Each sitemap's entry in the index, by the key that ends it, once asked; dropped when one of its pages changes. */
    private final Map<String, Sitemap.Page> sitemapEntries = new HashMap<>();
    /**
     * What {@link #sitemapEntries()} last answered, and the key ending each entry in the same order; null when a sitemap
     * came or went since. The entries whose pages changed since are in {@link #staleEntries}: a change replaces one or
     * two of a list that has an entry for every 64 pages of the site.
     */
    private List<Sitemap.Page> sitemapIndex;
    private List<String> sitemapIndexEnds;
    private final Set<String> staleEntries = new HashSet<>();
    /**
     * The updates later than their article's date, counted by instant, by listing ({@code ""} or {@code tags/<slug>}):
     * with each listing's newest date (its first article), they give its newest change without a look at the rest.
     */
    private final Map<String, TreeMap<Instant, Integer>> laterUpdates = new HashMap<>();
    private final Map<String, String> shardNames = new HashMap<>();
    /** {@link #searchChunks()}, once asked; dropped when a change may add or remove a chunk. */
    private List<String> searchChunks;
    /** The featured listed articles, newest first: the newest goes to the top of the home page. */
    private final TreeSet<ArticleSummary> featured = new TreeSet<>(SiteIndex.NEWEST_FIRST);

    private SiteListing(List<ArticleSummary> newestFirst) {
        this.newestFirst = newestFirst;
    }

    /** The listing of these articles and standalone pages: one sort, as a full render makes. */
    public static SiteListing of(Collection<ArticleSummary> summaries) {
        List<ArticleSummary> sorted = new ArrayList<>(summaries.size());
        for (ArticleSummary article : summaries) {
            if (!article.page()) {
                sorted.add(article);
            }
        }
        sorted.sort(SiteIndex.NEWEST_FIRST);
        SiteListing listing = new SiteListing(sorted);
        for (ArticleSummary article : summaries) {
            listing.index(article);
        }
        for (ArticleSummary article : sorted) {
            for (String tag : article.tags()) {
                listing.byTag.computeIfAbsent(SiteIndex.tagSlug(tag), slug -> new ArrayList<>()).add(article);
            }
            listing.countLaterUpdate(article, 1);
        }
        return listing;
    }

    /** Takes an article or page out (the one of its path), as a change removes it or before it is added again changed. */
    public void remove(ArticleSummary article) {
        forgetAround(article);
        countLaterUpdate(article, -1);
        all.remove(article.path());
        if (sitemapEnds.remove(article.path())) {
            sitemapIndex = null;
        }
        if (article.page()) {
            return;
        }
        searchChunksMayChange(article.path());
        listed.remove(article.path());
        searchEnds.remove(article.path());
        featured.remove(article);
        List<ArticleSummary> sameSlug = bySlug.get(article.slug());
        sameSlug.removeIf(a -> a.path().equals(article.path()));
        if (sameSlug.isEmpty()) {
            bySlug.remove(article.slug());
        }
        removeFrom(newestFirst, article);
        for (String tag : article.tags()) {
            String slug = SiteIndex.tagSlug(tag);
            List<ArticleSummary> tagged = byTag.get(slug);
            if (tagged != null) {
                removeFrom(tagged, article);
                if (tagged.isEmpty()) {
                    byTag.remove(slug);
                }
            }
        }
        forgetAround(article);
    }

    /** Adds an article or page; its path must be free. */
    public void add(ArticleSummary article) {
        forgetAround(article);
        countLaterUpdate(article, 1);
        index(article);
        if (!article.page()) {
            insert(newestFirst, article);
            for (String tag : article.tags()) {
                insert(byTag.computeIfAbsent(SiteIndex.tagSlug(tag), slug -> new ArrayList<>()), article);
            }
        }
        forgetAround(article);
    }

    private void index(ArticleSummary article) {
        all.put(article.path(), article);
        if (Shards.ends(article.path(), Sitemap.AVERAGE_SHARD)) {
            sitemapEnds.add(article.path());
            sitemapIndex = null;
        }
        if (article.page()) {
            return;
        }
        searchChunksMayChange(article.path());
        listed.put(article.path(), article);
        if (article.featured()) {
            featured.add(article);
        }
        bySlug.computeIfAbsent(article.slug(), slug -> new ArrayList<>(1)).add(article);
        if (Shards.ends(article.path(), SearchIndex.AVERAGE_CHUNK)) {
            searchEnds.add(article.path());
        }
    }

    /**
     * Drops the list of search chunks if the article at this path may end one, or start the tail: an article added or
     * removed elsewhere changes what a chunk holds, not which chunks there are.
     */
    private void searchChunksMayChange(String path) {
        if (searchEnds.isEmpty() || Shards.ends(path, SearchIndex.AVERAGE_CHUNK) || path.compareTo(searchEnds.last()) > 0) {
            searchChunks = null;
        }
    }

    /** Drops the index entry of the sitemap this article's page is in. */
    private void forgetAround(ArticleSummary article) {
        String end = sitemapEnds.ceiling(article.path());
        sitemapEntries.remove(end == null ? TAIL : end);
        staleEntries.add(end == null ? TAIL : end);
    }

    /** Counts (or, by -1, uncounts) the article's update in each listing it is in, if it is later than its date. */
    private void countLaterUpdate(ArticleSummary article, int by) {
        OffsetDateTime modified = Format.modified(article);
        if (modified == null || modified.equals(article.date())) {
            return;
        }
        for (String listing : listingsOf(article)) {
            TreeMap<Instant, Integer> updates = laterUpdates.computeIfAbsent(listing, l -> new TreeMap<>());
            updates.merge(modified.toInstant(), by, (count, change) -> count + change == 0 ? null : count + change);
        }
    }

    private static List<String> listingsOf(ArticleSummary article) {
        if (article.page()) {
            return List.of();
        }
        List<String> listings = new ArrayList<>();
        listings.add("");
        article.tags().forEach(tag -> listings.add("tags/" + SiteIndex.tagSlug(tag)));
        return listings;
    }

    private static void removeFrom(List<ArticleSummary> newestFirst, ArticleSummary article) {
        int at;
        while ((at = Collections.binarySearch(newestFirst, article, SiteIndex.NEWEST_FIRST)) >= 0) {
            newestFirst.remove(at);  // twice when two of its tags share a slug
        }
    }

    private static void insert(List<ArticleSummary> newestFirst, ArticleSummary article) {
        int at = Collections.binarySearch(newestFirst, article, SiteIndex.NEWEST_FIRST);
        newestFirst.add(at >= 0 ? at : -at - 1, article);
    }

    /** The listed articles, newest first; not to be changed. */
    public List<ArticleSummary> newestFirst() {
        return Collections.unmodifiableList(newestFirst);
    }

    /** Each tag's articles newest first, by tag slug; not to be changed. */
    public NavigableMap<String, List<ArticleSummary>> byTag() {
        return Collections.unmodifiableNavigableMap(byTag);
    }

    /** The newest featured article, or null. */
    public ArticleSummary newestFeatured() {
        return featured.isEmpty() ? null : featured.first();
    }

    /** Whether two listed articles have this slug. */
    public boolean sharedSlug(String slug) {
        return withSlug(slug).size() > 1;
    }

    /** The listed articles of this slug. */
    public List<ArticleSummary> withSlug(String slug) {
        return bySlug.getOrDefault(slug, List.of());
    }

    /**
     * The newest change among the listed articles ({@code ""}) or a tag's ({@code tags/<slug>}), as {@link Sitemap#lastModified}
     * finds it: the newest date is the first article's, and a later change is one of the updates counted.
     *
     * @param articles the listing's articles, newest first
     */
    OffsetDateTime newest(String listing, List<ArticleSummary> articles) {
        if (articles.isEmpty()) {
            return null;
        }
        Instant newest = articles.get(0).date().toInstant();
        TreeMap<Instant, Integer> updates = laterUpdates.get(listing);
        if (updates != null && !updates.isEmpty() && updates.lastKey().isAfter(newest)) {
            newest = updates.lastKey();
        }
        return OffsetDateTime.ofInstant(newest, ZoneOffset.UTC);
    }

    /** Every page's sitemap in path order, each with the newest change among its pages: what the sitemap index names; not to be changed. */
    List<Sitemap.Page> sitemapEntries() {
        boolean tail = !(sitemapEnds.isEmpty() ? all : all.tailMap(sitemapEnds.last(), false)).isEmpty();
        if (sitemapIndex == null || tail != (!sitemapIndexEnds.isEmpty() && sitemapIndexEnds.get(sitemapIndexEnds.size() - 1).equals(TAIL))) {
            List<String> ends = new ArrayList<>(sitemapEnds);
            if (tail) {
                ends.add(TAIL);
            }
            List<Sitemap.Page> entries = new ArrayList<>(ends.size());
            for (int i = 0; i < ends.size(); i++) {
                entries.add(sitemapEntry(ends.get(i), i == 0 ? null : ends.get(i - 1)));
            }
            sitemapIndexEnds = ends;
            sitemapIndex = Collections.unmodifiableList(entries);
        } else if (!staleEntries.isEmpty()) {
            List<Sitemap.Page> entries = new ArrayList<>(sitemapIndex);
            int real = sitemapIndexEnds.size() - (tail ? 1 : 0);  // the ends but the tail, in path order
            for (String end : staleEntries) {
                int at = end.equals(TAIL) ? (tail ? real : -1) : Collections.binarySearch(sitemapIndexEnds.subList(0, real), end);
                if (at >= 0) {
                    entries.set(at, sitemapEntry(end, at == 0 ? null : sitemapIndexEnds.get(at - 1)));
                }
            }
            sitemapIndex = Collections.unmodifiableList(entries);
        }
        staleEntries.clear();
        return sitemapIndex;
    }

    private Sitemap.Page sitemapEntry(String end, String after) {
        return sitemapEntries.computeIfAbsent(end, key -> Sitemap.indexEntries(Map.of(sitemapFile(end), sitemapPages(shard(all, after, end)))).get(0));
    }

    /** The sitemaps that hold these paths, and the {@code reach} after each (which a removed boundary joins), by file. */
    Map<String, List<Sitemap.Page>> sitemapsAround(Collection<String> paths, int reach) {
        Map<String, List<Sitemap.Page>> sitemaps = new TreeMap<>();
        for (Map.Entry<String, List<ArticleSummary>> shard : around(all, sitemapEnds, paths, reach).entrySet()) {
            sitemaps.put(sitemapFile(shard.getKey()), sitemapPages(shard.getValue()));
        }
        return sitemaps;
    }

    /** The sitemap whose last page is at this path, if the path ends one here (or is the last of the tail). */
    java.util.Optional<Map.Entry<String, List<Sitemap.Page>>> sitemapEndingAt(String path) {
        return endingAt(all, sitemapEnds, path).map(shard -> Map.entry(sitemapFile(shard.getKey()), sitemapPages(shard.getValue())));
    }

    /** The search chunk whose last article is at this path, if the path ends one here (or is the last of the tail). */
    java.util.Optional<Map.Entry<String, List<ArticleSummary>>> searchChunkEndingAt(String path) {
        return endingAt(listed, searchEnds, path).map(shard -> Map.entry(chunkFile(shard.getKey()), shard.getValue()));
    }

    private static java.util.Optional<Map.Entry<String, List<ArticleSummary>>> endingAt(NavigableMap<String, ArticleSummary> items,
                                                                                      NavigableSet<String> ends, String path) {
        if (ends.contains(path)) {
            return java.util.Optional.of(Map.entry(path, shard(items, ends.lower(path), path)));
        }
        if (!items.isEmpty() && items.lastKey().equals(path) && (ends.isEmpty() || ends.last().compareTo(path) < 0)) {
            return java.util.Optional.of(Map.entry(TAIL, shard(items, ends.isEmpty() ? null : ends.last(), TAIL)));
        }
        return java.util.Optional.empty();
    }

    /** The search chunks' paths in path order; not to be changed. */
    List<String> searchChunks() {
        if (searchChunks == null) {
            searchChunks = chunkFiles();
        }
        return searchChunks;
    }

    private List<String> chunkFiles() {
        List<String> chunks = new ArrayList<>();
        for (String end : searchEnds) {
            chunks.add(chunkFile(end));
        }
        if (!(searchEnds.isEmpty() ? listed : listed.tailMap(searchEnds.last(), false)).isEmpty()) {
            chunks.add(chunkFile(TAIL));
        }
        return List.copyOf(chunks);
    }

    /** The search chunks that hold these paths, and the one after each, by file. */
    Map<String, List<ArticleSummary>> searchChunksAround(Collection<String> paths, int reach) {
        Map<String, List<ArticleSummary>> chunks = new TreeMap<>();
        around(listed, searchEnds, paths, reach).forEach((end, items) -> chunks.put(chunkFile(end), items));
        return chunks;
    }

    private String sitemapFile(String end) {
        return Sitemap.FOLDER + shardName(end) + ".xml";
    }

    private String chunkFile(String end) {
        return SearchIndex.FOLDER + shardName(end) + ".json";
    }

    /** A shard's name, a hash of the key that ends it, worked out once: the list of chunks names every one each publish. */
    private String shardName(String end) {
        return end.equals(TAIL) ? Shards.TAIL : shardNames.computeIfAbsent(end, Shards::nameOf);
    }

    private static List<Sitemap.Page> sitemapPages(List<ArticleSummary> items) {
        return items.stream().map(a -> new Sitemap.Page(a.path(), Format.modified(a))).toList();
    }

    /** The shards (by the key that ends them, {@link #TAIL} for the tail) holding each path and the {@code reach} after it; none empty. */
    private static Map<String, List<ArticleSummary>> around(NavigableMap<String, ArticleSummary> items, NavigableSet<String> ends,
                                                            Collection<String> paths, int reach) {
        Map<String, List<ArticleSummary>> shards = new HashMap<>();
        for (String path : paths) {
            String end = ends.ceiling(path);
            String after = ends.lower(path);
            for (int i = 0; i <= reach; i++) {
                List<ArticleSummary> shard = shard(items, after, end == null ? TAIL : end);
                if (!shard.isEmpty()) {
                    shards.put(end == null ? TAIL : end, shard);
                }
                if (end == null) {
                    break;
                }
                after = end;
                end = ends.higher(end);
            }
        }
        return shards;
    }

    /** The items after {@code after} (null: from the first) up to {@code end} ({@link #TAIL}: to the last), in path order. */
    private static List<ArticleSummary> shard(NavigableMap<String, ArticleSummary> items, String after, String end) {
        NavigableMap<String, ArticleSummary> from = after == null ? items : items.tailMap(after, false);
        return List.copyOf((end.equals(TAIL) ? from : from.headMap(end, true)).values());
    }
}
