package dev.galley.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.galley.article.ArticleException;
import dev.galley.article.Author;
import dev.galley.article.internal.Yaml;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The site-wide settings an author keeps in {@code site.yaml} beside the articles.
 *
 * @param baseUrl        absolute URL of the site, always ending in "/"; used for canonical links and feeds
 * @param wordsPerMinute reading speed for "N min read" (CJK text counts characters, see ReadingTime)
 * @param pageSize       articles per index page
 */
public record SiteConfig(
        String title,
        String tagline,
        String description,
        URI baseUrl,
        String author,
        String language,
        ZoneId timezone,
        int wordsPerMinute,
        int pageSize) {

    /** The name of the config file at the root of the content. */
    public static final String FILE_NAME = "site.yaml";

    public static SiteConfig defaults() {
        return new SiteConfig("Galley", "", "", URI.create("http://localhost/"), "", "en", ZoneOffset.UTC, 220, 10);
    }

    public SiteConfig {
        if (wordsPerMinute < 50 || wordsPerMinute > 2000) {
            throw new IllegalArgumentException("wordsPerMinute must be between 50 and 2000");
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000");
        }
    }

    /** The site's {@code author}, read as an article's is: the authors of articles that name none. */
    public List<Author> authors() {
        return Author.listFrom(author);
    }

    /** Reads {@code site.yaml}; keys left out keep their defaults. */
    public static SiteConfig parse(String file, byte[] yaml) throws ArticleException {
        ObjectNode root = Yaml.parseFile(file, new String(yaml, java.nio.charset.StandardCharsets.UTF_8));
        SiteConfig d = defaults();
        String base = text(root, "baseUrl", d.baseUrl.toString());
        URI baseUrl;
        try {
            baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
            if (!baseUrl.isAbsolute() || !(baseUrl.getScheme().equals("https") || baseUrl.getScheme().equals("http"))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new ArticleException(file, Yaml.lineOf(new String(yaml, java.nio.charset.StandardCharsets.UTF_8), "baseUrl", 0),
                    ArticleException.Problem.BAD_FIELD, "baseUrl \"" + base + "\" must be an absolute http(s) URL such as https://example.com/");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(text(root, "timezone", "UTC"));
        } catch (DateTimeException e) {
            throw new ArticleException(file, ArticleException.Problem.BAD_FIELD,
                    "timezone \"" + text(root, "timezone", "") + "\" is not a time zone; use a name like Europe/Berlin or UTC");
        }
        try {
            return new SiteConfig(
                    text(root, "title", d.title),
                    text(root, "tagline", d.tagline),
                    text(root, "description", d.description),
                    baseUrl,
                    text(root, "author", d.author),
                    text(root, "language", d.language),
                    zone,
                    root.path("wordsPerMinute").asInt(d.wordsPerMinute),
                    root.path("pageSize").asInt(d.pageSize));
        } catch (IllegalArgumentException e) {
            throw new ArticleException(file, ArticleException.Problem.BAD_FIELD, e.getMessage());
        }
    }

    private static String text(ObjectNode root, String key, String fallback) {
        JsonNode node = root.get(key);
        return node == null || node.isNull() ? fallback : node.asText().strip();
    }

    /** The absolute URL of a site path such as {@code articles/x/}. */
    public URI absolute(String path) {
        return baseUrl.resolve(path.startsWith("/") ? path.substring(1) : path);
    }
}
