package dev.galley.site;

import dev.galley.article.ArticleSummary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Splits a listing into pages so that one upload rewrites a bounded number of them, however large the site.
 *
 * <p>The first page shows the newest {@code pageSize} articles. Older articles go to archive pages whose
 * boundaries the articles choose themselves: an article ends an archive page when the hash of its slug is the
 * largest of the articles within {@code pageSize / 2} of it on either side (content-defined chunking by local
 * maximum), and the oldest article ends the last one. Each archive page is named after the article that ends it,
 * {@code page/<slug>/}. Numbered pages ("page 7") would shift every page after an insertion or deletion, rewriting
 * the whole archive; here adding or removing an article changes the first page, the archive page it falls on, at most
 * a boundary within {@code pageSize / 2} articles of it, and its neighbours' links.
 *
 * <p>Two boundaries are never within {@code pageSize / 2} of each other, so an archive page (but the first and the
 * last) holds more than {@code pageSize / 2} articles, {@code pageSize + 1} on average, and seldom more than three
 * times that. A boundary wherever a hash says so (one in {@code pageSize}, layout 2) made page lengths geometric: the
 * page a new article lands on held twice {@code pageSize} on average, and a tenth of them over four times.
 */
public final class Pagination {

    private Pagination() {
    }

    /**
     * @param root    the listing's folder: {@code ""} for the home page, {@code tags/go/} for a tag
     * @param ordered the listing's articles in display order
     */
    public static List<ListingPage> paginate(String root, List<ArticleSummary> ordered, int pageSize) {
        List<List<ArticleSummary>> groups = new ArrayList<>();
        groups.add(ordered.subList(0, Math.min(pageSize, ordered.size())));
        int first = pageSize;
        for (int i = pageSize; i < ordered.size(); i++) {
            if (endsArchivePage(ordered, i, pageSize)) {
                groups.add(ordered.subList(first, i + 1));
                first = i + 1;
            }
        }
        List<String> paths = new ArrayList<>(groups.size());
        paths.add(root);
        Set<String> shared = sharedSlugs(ordered);
        for (int g = 1; g < groups.size(); g++) {
            List<ArticleSummary> group = groups.get(g);
            paths.add(root + "page/" + pageName(group.get(group.size() - 1), shared) + "/");
        }
        List<ListingPage> pages = new ArrayList<>(groups.size());
        for (int g = 0; g < groups.size(); g++) {
            pages.add(new ListingPage(paths.get(g), groups.get(g),
                    g == 0 ? null : paths.get(g - 1),
                    g == groups.size() - 1 ? null : paths.get(g + 1)));
        }
        return pages;
    }

    /**
     * The pages of {@link #paginate} that hold the given positions of the listing, and the {@code reach} pages before
     * and after each, as {@code paginate} makes them, without walking the rest of the listing: an archive page's
     * boundaries are its own articles' slugs, and its links name its neighbours after their last articles.
     *
     * @param positions indexes into {@code ordered}; those past its end stand for its last article
     * @param shared    whether two articles of the listing have this slug (then pages are named after paths)
     */
    public static List<ListingPage> around(String root, List<ArticleSummary> ordered, int pageSize, Collection<Integer> positions,
                                           int reach, Predicate<String> shared) {
        int n = ordered.size();
        java.util.TreeMap<Integer, Integer> groups = new java.util.TreeMap<>();  // first index: last index
        List<Integer> near = new ArrayList<>();
        for (int position : positions) {
            // A change moves at most the boundaries within half a page of it: the pages holding those are around it too.
            near.add(position - pageSize / 2);
            near.add(position);
            near.add(position + pageSize / 2);
        }
        for (int position : near) {
            int[] group = groupOf(ordered, pageSize, Math.max(0, Math.min(position, n - 1)));
            groups.put(group[0], group[1]);
            int[] newer = group;
            int[] older = group;
            for (int step = 0; step < reach; step++) {
                if (newer[0] > 0) {
                    newer = groupOf(ordered, pageSize, newer[0] - 1);
                    groups.put(newer[0], newer[1]);
                }
                if (older[1] < n - 1) {
                    older = groupOf(ordered, pageSize, older[1] + 1);
                    groups.put(older[0], older[1]);
                }
            }
        }
        List<ListingPage> pages = new ArrayList<>(groups.size());
        groups.forEach((first, last) -> {
            String newer = first == 0 ? null : first == Math.min(pageSize, n) ? root : pagePath(root, ordered.get(first - 1), shared);
            String older = last >= n - 1 ? null : pagePath(root, ordered.get(groupOf(ordered, pageSize, last + 1)[1]), shared);
            String path = first == 0 ? root : pagePath(root, ordered.get(last), shared);
            pages.add(new ListingPage(path, ordered.subList(first, last + 1), newer, older));
        });
        return pages;
    }

    /** The first and last index of the page that holds {@code position}: the first page is {@code 0..pageSize-1}. */
    private static int[] groupOf(List<ArticleSummary> ordered, int pageSize, int position) {
        int n = ordered.size();
        if (position < pageSize) {
            return new int[] {0, Math.min(pageSize, n) - 1};
        }
        int first = position;
        while (first > pageSize && !endsArchivePage(ordered, first - 1, pageSize)) {
            first--;
        }
        int last = position;
        while (!endsArchivePage(ordered, last, pageSize)) {
            last++;
        }
        return new int[] {first, last};
    }

    private static String pagePath(String root, ArticleSummary last, Predicate<String> shared) {
        return root + "page/" + pageName(last, shared.test(last.slug()) ? Set.of(last.slug()) : Set.of()) + "/";
    }

    /**
     * An archive page is named after its last article's slug, or, where two articles of the listing share that slug
     * (one name in two years, under {@code /:year/:slug/}), after its path, which no other article has.
     */
    private static String pageName(ArticleSummary last, Set<String> shared) {
        if (!shared.contains(last.slug())) {
            return last.slug();
        }
        String path = last.path().endsWith(".html") ? last.path().substring(0, last.path().length() - ".html".length()) : last.path();
        return String.join("-", path.split("/"));
    }

    private static Set<String> sharedSlugs(List<ArticleSummary> articles) {
        Set<String> seen = new HashSet<>();
        Set<String> shared = new HashSet<>();
        for (ArticleSummary article : articles) {
            if (!seen.add(article.slug())) {
                shared.add(article.slug());
            }
        }
        return shared;
    }

    /**
     * Whether the article at {@code i} ends an archive page: it is the oldest, or its slug's hash outranks that of every
     * article within {@code pageSize / 2} of it in the listing (the first page's articles count as neighbours too, so a
     * new newest article moves no boundary of the archive).
     */
    static boolean endsArchivePage(List<ArticleSummary> ordered, int i, int pageSize) {
        if (i == ordered.size() - 1) {
            return true;
        }
        ArticleSummary article = ordered.get(i);
        int hash = hash(article.slug());
        int half = pageSize / 2;
        for (int j = Math.max(0, i - half); j <= Math.min(ordered.size() - 1, i + half); j++) {
            if (j != i && outranks(ordered.get(j), article, hash)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code other} outranks {@code article} (whose hash is given): a larger hash, then a later slug, then path. */
    private static boolean outranks(ArticleSummary other, ArticleSummary article, int hash) {
        int byHash = Integer.compareUnsigned(hash(other.slug()), hash);
        if (byHash != 0) {
            return byHash > 0;
        }
        int bySlug = other.slug().compareTo(article.slug());
        return bySlug != 0 ? bySlug > 0 : String.valueOf(other.path()).compareTo(String.valueOf(article.path())) > 0;
    }

    /**
     * True for about one key in {@code average}, always the same answer for the same key: where the state's shards end
     * ({@link Shards}), and archive pages did before layout 3.
     */
    static boolean endsArchivePage(String slug, int average) {
        return Integer.remainderUnsigned(hash(slug), average) == 0;
    }

    private static int hash(String slug) {
        int h = slug.hashCode();
        // MurmurHash3's finaliser: String.hashCode alone is too regular for similar slugs.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
