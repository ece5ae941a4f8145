package dev.galley.site;

import dev.galley.article.ArticleSummary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a listing into pages so that one upload rewrites a bounded number of them, however large the site.
 *
 * <p>The first page shows the newest {@code pageSize} articles. Older articles go to archive pages whose
 * boundaries the articles choose themselves: an article ends an archive page when a hash of its slug says
 * so (on average one in {@code pageSize}), and the oldest article ends the last one. Each archive page is
 * named after the article that ends it, {@code page/<slug>/}. Numbered pages ("page 7") would shift every
 * page after an insertion or deletion, rewriting the whole archive; here adding or removing an article
 * changes the first page, the archive page it falls on, and at most its neighbours' links.
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
        List<ArticleSummary> current = new ArrayList<>();
        for (int i = pageSize; i < ordered.size(); i++) {
            ArticleSummary article = ordered.get(i);
            current.add(article);
            if (endsArchivePage(article.slug(), pageSize) || i == ordered.size() - 1) {
                groups.add(current);
                current = new ArrayList<>();
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

    /** True for about one slug in {@code pageSize}, always the same answer for the same slug. */
    static boolean endsArchivePage(String slug, int pageSize) {
        int h = slug.hashCode();
        // MurmurHash3's finaliser: String.hashCode alone is too regular for similar slugs.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Integer.remainderUnsigned(h, pageSize) == 0;
    }
}
