package dev.galley.site;

import dev.galley.article.ArticleException;
import dev.galley.article.internal.Yaml;
import dev.galley.tree.Tree;

import java.util.Locale;

/**
 * What the site's feeds ({@code feed.xml}, {@code rss.xml}, {@code index.xml}) carry, as {@code site.yaml}'s
 * {@code feed: {entries: 20, content: full}} says: how many of the newest articles, and whether with their whole
 * bodies ({@code full}, as jekyll-feed does) or with their summaries and links only ({@code summary}, as Hugo's RSS
 * does). The default is what Galley's feeds have always carried, 20 whole articles, so that no reader loses content
 * the site used to send; {@code summary} is the owner's choice: a new article then rewrites a few kilobytes of feed
 * instead of the 20 newest bodies (see docs/performance.md). The tags' feeds always carry summaries.
 */
public record FeedSettings(int entries, boolean fullContent) {

    public static final FeedSettings DEFAULT = new FeedSettings(20, true);
    static final int MAX_ENTRIES = 1000;

    public FeedSettings {
        if (entries < 1 || entries > MAX_ENTRIES) {
            throw new IllegalArgumentException("feed: entries must be between 1 and " + MAX_ENTRIES);
        }
    }

    /** {@code feed:} of {@code site.yaml}, or the defaults when there is none. */
    static FeedSettings read(String file, String yaml, Tree node) throws ArticleException {
        if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            return DEFAULT;  // no feed:, or a feed: with nothing under it
        }
        int line = Yaml.lineOf(yaml, "feed", 0);
        Tree entries = node.get("entries");
        Tree content = node.get("content");
        if (!node.isObject() || node.size() != (entries == null ? 0 : 1) + (content == null ? 0 : 1)) {
            throw new ArticleException(file, line, ArticleException.Problem.BAD_FIELD,
                    "feed must be like {entries: 20, content: full}; content is full or summary");
        }
        if (entries != null && !(entries.canConvertToInt() && entries.isIntegralNumber() && entries.asInt() >= 1 && entries.asInt() <= MAX_ENTRIES)) {
            throw new ArticleException(file, line, ArticleException.Problem.BAD_FIELD,
                    "feed: entries \"" + entries.asText() + "\" must be a whole number between 1 and " + MAX_ENTRIES);
        }
        String kind = content == null ? "full" : content.asText().strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("full") && !kind.equals("summary")) {
            throw new ArticleException(file, line, ArticleException.Problem.BAD_FIELD,
                    "feed: content \"" + content.asText() + "\" must be full (whole articles) or summary (summaries and links)");
        }
        return new FeedSettings(entries == null ? DEFAULT.entries() : entries.asInt(), kind.equals("full"));
    }
}
