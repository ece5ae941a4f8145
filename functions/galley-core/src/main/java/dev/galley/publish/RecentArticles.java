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
 * image is not kept.
 */
final class RecentArticles {

    /** About the neighbours of a few hundred batches of ten. */
    private static final int KEPT = 1024;

    private record Version(String sourceKey, String sourceEtag, SiteConfig site) {
    }

    private final Map<Version, Article> articles = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Version, Article> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void keep(Article article, String sourceEtag, SiteConfig site) {
        if (!article.bodyHtml().contains("<img")) {
            articles.put(new Version(article.sourceKey(), sourceEtag, site), article);
        }
    }

    synchronized Optional<Article> get(String sourceKey, String sourceEtag, SiteConfig site) {
        return Optional.ofNullable(articles.get(new Version(sourceKey, sourceEtag, site)));
    }
}
