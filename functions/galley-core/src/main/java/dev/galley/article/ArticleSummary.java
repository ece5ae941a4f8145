package dev.galley.article;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything an index page needs to show one article. Index pages are a pure function of a list of these,
 * so they can be rendered from the stored manifest without re-reading any article.
 *
 * @param summary        paragraphs of plain text
 * @param updated        when the article was last revised, or null
 * @param authors        who wrote it, as front matter names them; none when it does not
 * @param sample         the code-sample card, or null
 * @param readingMinutes the "N min read" figure, at least 1
 * @param path           the site path of the article's page, without the leading slash: {@code articles/zero-downtime/},
 *                       {@code 2023/06/01/rust-1-70-0/} or {@code 2023/06/01/Rust-1.70.0.html}. The one source of the
 *                       article's URL; manifests written before articles chose their path read as {@code articles/<slug>/}
 * @param aliases        the site paths that redirect here, from {@code aliases} and {@code redirect_from}, such as
 *                       {@code blog/2023/x/} or {@code 2010/01/old.html}
 * @param page           a standalone page (an About page): on the site and in the sitemap, never in a listing, feed or
 *                       search index; it needs no date, so {@code date} is null when its front matter gives none
 */
public record ArticleSummary(
        String slug,
        String title,
        OffsetDateTime date,
        OffsetDateTime updated,
        List<String> tags,
        List<String> summary,
        String description,
        List<Author> authors,
        int readingMinutes,
        CodeSample sample,
        boolean featured,
        String path,
        List<String> aliases,
        boolean page) {

    public ArticleSummary {
        if (path == null) {
            path = "articles/" + slug + "/";
        }
        tags = List.copyOf(tags);
        summary = List.copyOf(summary);
        authors = List.copyOf(authors);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);  // null: read from a manifest written before aliases
    }

    /** An article, listed on the site's index pages. */
    public ArticleSummary(String slug, String title, OffsetDateTime date, OffsetDateTime updated, List<String> tags, List<String> summary,
                          String description, List<Author> authors, int readingMinutes, CodeSample sample, boolean featured, String path,
                          List<String> aliases) {
        this(slug, title, date, updated, tags, summary, description, authors, readingMinutes, sample, featured, path, aliases, false);
    }

    /** An article at Galley's default path, {@code articles/<slug>/}, that no old URL redirects to. */
    public ArticleSummary(String slug, String title, OffsetDateTime date, OffsetDateTime updated, List<String> tags, List<String> summary,
                          String description, List<Author> authors, int readingMinutes, CodeSample sample, boolean featured) {
        this(slug, title, date, updated, tags, summary, description, authors, readingMinutes, sample, featured, null, List.of());
    }

    /** The root-relative URL of the article's page, {@code /articles/zero-downtime/}. */
    public String url() {
        return "/" + path;
    }

    /** The file of the article's page in the site: {@code articles/zero-downtime/index.html}, or the path itself for an {@code .html} path. */
    public String pageFile() {
        return pageFileOf(path);
    }

    /** The file of the page of an article at this site path. */
    public static String pageFileOf(String path) {
        return path.endsWith("/") ? path + "index.html" : path;
    }

    /** The text for a meta description: the author's description, else the first summary paragraph. */
    public String metaDescription() {
        if (!description.isEmpty()) {
            return description;
        }
        return summary.isEmpty() ? "" : summary.get(0);
    }
}
