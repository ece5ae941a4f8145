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
        boolean featured) {

    public ArticleSummary {
        tags = List.copyOf(tags);
        summary = List.copyOf(summary);
        authors = List.copyOf(authors);
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
