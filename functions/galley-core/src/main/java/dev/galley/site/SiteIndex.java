package dev.galley.site;

import dev.galley.article.ArticleSummary;
import dev.galley.article.Slugs;
import dev.galley.article.internal.BoundedMemo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The order and grouping of articles on index pages: a pure function of the article list. */
public final class SiteIndex {

    /**
     * Newest first; ties broken by slug, then path, so that the same articles always give the same page. Written out
     * rather than chained from {@code Comparator.comparing}: every listing, neighbour search and feed runs it, and the
     * client compiler the build runs with inlines none of the chain's lambdas.
     */
    public static final Comparator<ArticleSummary> NEWEST_FIRST = (a, b) -> {
        int byDate = b.date().compareTo(a.date());
        if (byDate != 0) {
            return byDate;
        }
        int bySlug = a.slug().compareTo(b.slug());
        return bySlug != 0 ? bySlug : a.path().compareTo(b.path());
    };

    /** One tag's page: its display name (the first spelling met, newest article first), slug and articles. */
    public record Tag(String name, String slug, List<ArticleSummary> articles) {
    }

    /** A link to an article: what the previous/next links of an article page show. */
    /** @param path the linked article's {@link ArticleSummary#path()} */
    public record ArticleLink(String path, String title) {
        public String url() {
            return "/" + path;
        }
    }

    /** The articles before and after one article in date order; either may be null. */
    public record Neighbours(ArticleLink newer, ArticleLink older) {
        public static final Neighbours NONE = new Neighbours(null, null);
    }

    /**
     * Slugs of the tags met so far: every listing groups every article by tag slug, and a slug is a Unicode
     * normalisation and two regular expressions. Bounded, since tags come from authors.
     */
    private static final BoundedMemo<String, String> TAG_SLUGS = new BoundedMemo<>(10_000, SiteIndex::slugOf);

    private SiteIndex() {
    }

    /** The home page order: the newest featured article first, then all others newest first. */
    public static List<ArticleSummary> homeOrder(Collection<ArticleSummary> articles) {
        List<ArticleSummary> sorted = new ArrayList<>(articles);
        sorted.sort(NEWEST_FIRST);
        return featuredFirst(sorted);
    }

    /** Newest first with the featured article, if any, moved to the top: the home listing's order. */
    public static List<ArticleSummary> featuredFirst(List<ArticleSummary> newestFirst) {
        List<ArticleSummary> sorted = new ArrayList<>(newestFirst);
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).featured()) {
                sorted.add(0, sorted.remove(i));
                break;
            }
        }
        return sorted;
    }

    /** Each article's newer and older neighbour, by path, in {@link #NEWEST_FIRST} order. */
    public static Map<String, Neighbours> neighbours(Collection<ArticleSummary> articles) {
        List<ArticleSummary> sorted = new ArrayList<>(articles);
        sorted.sort(NEWEST_FIRST);
        Map<String, Neighbours> result = new java.util.HashMap<>(sorted.size() * 2);
        for (int i = 0; i < sorted.size(); i++) {
            result.put(sorted.get(i).path(), new Neighbours(
                    i == 0 ? null : link(sorted.get(i - 1)),
                    i == sorted.size() - 1 ? null : link(sorted.get(i + 1))));
        }
        return result;
    }

    /**
     * One article's neighbours, found by binary search, without the map of every article's that
     * {@link #neighbours} builds.
     *
     * @param newestFirst every article, in {@link #NEWEST_FIRST} order
     */
    public static Neighbours neighbours(List<ArticleSummary> newestFirst, ArticleSummary article) {
        int i = Collections.binarySearch(newestFirst, article, NEWEST_FIRST);
        if (i < 0) {
            return Neighbours.NONE;
        }
        return new Neighbours(i == 0 ? null : link(newestFirst.get(i - 1)),
                i == newestFirst.size() - 1 ? null : link(newestFirst.get(i + 1)));
    }

    private static ArticleLink link(ArticleSummary article) {
        return new ArticleLink(article.path(), article.title());
    }

    /** The article shown in the featured slot, or null when no article is featured. */
    public static ArticleSummary featured(List<ArticleSummary> homeOrder) {
        return !homeOrder.isEmpty() && homeOrder.get(0).featured() ? homeOrder.get(0) : null;
    }

    /** Tags by slug, so that "DevOps" and "devops" are one tag. */
    public static List<Tag> tags(Collection<ArticleSummary> articles) {
        List<ArticleSummary> sorted = new ArrayList<>(articles);
        sorted.sort(NEWEST_FIRST);
        Map<String, List<ArticleSummary>> bySlug = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (ArticleSummary article : sorted) {
            for (String tag : article.tags()) {
                String slug = tagSlug(tag);
                names.putIfAbsent(slug, tag);
                bySlug.computeIfAbsent(slug, s -> new ArrayList<>()).add(article);
            }
        }
        List<Tag> tags = new ArrayList<>();
        bySlug.forEach((slug, list) -> tags.add(new Tag(names.get(slug), slug, List.copyOf(list))));
        return tags;
    }

    /**
     * The URL name of a tag: {@code Release Engineering} is {@code release-engineering}. A tag with no
     * Latin letters or digits (such as チーム) keeps a stable name made from its code points.
     */
    public static String tagSlug(String tag) {
        return TAG_SLUGS.apply(tag);
    }

    private static String slugOf(String tag) {
        String slug = Slugs.ofTag(tag);
        if (!slug.isEmpty()) {
            return slug;
        }
        StringBuilder hex = new StringBuilder("t");
        tag.strip().toLowerCase(java.util.Locale.ROOT).codePoints().forEach(cp -> hex.append('-').append(Integer.toHexString(cp)));
        return hex.toString();
    }
}
