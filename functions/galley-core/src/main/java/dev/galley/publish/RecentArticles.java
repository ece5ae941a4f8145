package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.site.SiteConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The articles this writer rendered lately, by source version and site configuration, so that re-rendering one as a
 * neighbour of a new article (which a burst of uploads does for nearly every article it publishes) neither reads nor
 * parses its source again. A source version's bytes never change, and the configuration is part of the key; the one
 * other thing a parse reads, the size of an image from the site's media, may change, so an article that shows an
 * image is not kept. The bodies of the feed's articles, whose URLs are absolute, are kept the same way: a feed is
 * rewritten with most of the same articles.
 */
final class RecentArticles {

    /** About the neighbours of a few hundred batches of ten. */
    private static final int KEPT = 1024;

    private record Version(String sourceKey, String sourceEtag, SiteConfig site) {
    }

    private final Map<Version, Article> articles = lastUsed();
    private final Map<Version, String> feedBodies = lastUsed();

    private static <V> Map<Version, V> lastUsed() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Version, V> eldest) {
                return size() > KEPT;
            }
        };
    }

    synchronized void keep(Article article, String sourceEtag, SiteConfig site) {
        if (!showsAnImage(article.bodyHtml())) {
            articles.put(new Version(article.sourceKey(), sourceEtag, site), article);
        }
    }

    synchronized Optional<Article> get(String sourceKey, String sourceEtag, SiteConfig site) {
        return Optional.ofNullable(articles.get(new Version(sourceKey, sourceEtag, site)));
    }

    /** @param body the article's body with absolute URLs, as a feed shows it */
    synchronized void keepFeedBody(String sourceKey, String sourceEtag, SiteConfig site, String body) {
        if (!showsAnImage(body)) {
            feedBodies.put(new Version(sourceKey, sourceEtag, site), body);
        }
    }

    synchronized Optional<String> feedBody(String sourceKey, String sourceEtag, SiteConfig site) {
        return Optional.ofNullable(feedBodies.get(new Version(sourceKey, sourceEtag, site)));
    }

    private static boolean showsAnImage(String html) {
        return html.contains("<img");
    }
}
