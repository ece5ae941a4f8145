package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleParser;
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
 * rewritten with most of the same articles. A feed body that shows an image is kept for the publish that parsed it
 * only (its parser asked that publish's image sizes): the batch that writes an article's page then renders the feed
 * with it without reading and parsing its source again.
 */
final class RecentArticles {

    /** About the neighbours of a few hundred batches of ten. */
    private static final int KEPT = 1024;

    private record Version(String sourceKey, String sourceEtag, SiteConfig site) {
    }

    private final Map<Version, Article> articles = lastUsed();
    private final Map<Version, String> feedBodies = lastUsed();
    /**
     * The feed bodies that show an image, of the last publish's parser alone (so one configuration), by source key and
     * ETag: a string key, as a record's generated {@code hashCode} costs a cold start some 65 classes to bootstrap.
     */
    private final Map<String, String> imageFeedBodies = new java.util.HashMap<>();
    private ArticleParser imageFeedBodiesParser;

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

    /**
     * @param parser the publish's parser, which made {@code body}
     * @param body   the article's body with absolute URLs, as a feed shows it
     */
    synchronized void keepFeedBody(ArticleParser parser, String sourceKey, String sourceEtag, String body) {
        if (!showsAnImage(body)) {
            feedBodies.put(new Version(sourceKey, sourceEtag, parser.site()), body);
            return;
        }
        if (imageFeedBodiesParser != parser) {
            imageFeedBodies.clear();
            imageFeedBodiesParser = parser;
        }
        imageFeedBodies.put(sourceKey + '\n' + sourceEtag, body);
    }

    /** @param parser the publish's parser: a body that shows an image is found only by the publish that parsed it */
    synchronized Optional<String> feedBody(ArticleParser parser, String sourceKey, String sourceEtag) {
        String body = feedBodies.get(new Version(sourceKey, sourceEtag, parser.site()));
        if (body == null && imageFeedBodiesParser == parser) {
            body = imageFeedBodies.get(sourceKey + '\n' + sourceEtag);
        }
        return Optional.ofNullable(body);
    }

    static boolean showsAnImage(String html) {
        return html.contains("<img");
    }
}
