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
 * @param aliases        the site paths that redirect here, from {@code aliases} and {@code redirect_from}, such as
 *                       {@code blog/2023/x/} or {@code 2010/01/old.html}
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
        List<String> aliases) {

    public ArticleSummary {
        tags = List.copyOf(tags);
        summary = List.copyOf(summary);
        authors = List.copyOf(authors);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);  // null: read from a manifest written before aliases
    }

    /** An article that no old URL redirects to. */
    public ArticleSummary(String slug, String title, OffsetDateTime date, OffsetDateTime updated, List<String> tags, List<String> summary,
                          String description, List<Author> authors, int readingMinutes, CodeSample sample, boolean featured) {
        this(slug, title, date, updated, tags, summary, description, authors, readingMinutes, sample, featured, List.of());
    }

    /** The site path of the article's page, e.g. {@code articles/zero-downtime/}. */
    public String path() {
        return "articles/" + slug + "/";
    }

    /** The text for a meta description: the author's description, else the first summary paragraph. */
    public String metaDescription() {
        if (!description.isEmpty()) {
            return description;
        }
        return summary.isEmpty() ? "" : summary.get(0);
    }
}
