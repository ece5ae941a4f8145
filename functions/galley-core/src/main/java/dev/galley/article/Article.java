package dev.galley.article;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A parsed article: what index pages need, the rendered body, and the front matter keys Galley does not use.
 *
 * @param sourceKey the file it came from, relative to the content root (e.g. {@code posts/hello.md})
 * @param bodyHtml  the body rendered to safe HTML
 * @param toc       the body's h2 headings, each with the h3 headings of its section, in order
 * @param extra     unknown front matter keys, kept as the author wrote them
 * @param warnings  what was published other than as written, in the order met in the file
 * @param canonicalElsewhere the canonical URL of an article first published on another site, or null
 * @param localLinks         the paths in the site that the body's links and images point at, such as
 *                           {@code /media/posts/a.png} or an old site's {@code /blog/2023/x/}
 * @param window             when the article may be on the site ({@code publishDate}, {@code expiryDate})
 * @param shareImage         the absolute URL of the image link previews show ({@code og:image}): the front matter's
 *                           {@code image}, {@code images} or {@code cover}, else the body's first image; or null
 */
public record Article(ArticleSummary summary, String sourceKey, String bodyHtml, List<TocEntry> toc, boolean draft,
                      Map<String, Object> extra, List<ArticleWarning> warnings, URI canonicalElsewhere, List<String> localLinks,
                      PublishWindow window, URI shareImage) {

    public Article {
        toc = List.copyOf(toc);
        extra = Map.copyOf(extra);
        warnings = List.copyOf(warnings);
        localLinks = List.copyOf(localLinks);
    }

    public Article(ArticleSummary summary, String sourceKey, String bodyHtml, List<TocEntry> toc, boolean draft, Map<String, Object> extra,
                   List<ArticleWarning> warnings, URI canonicalElsewhere, List<String> localLinks) {
        this(summary, sourceKey, bodyHtml, toc, draft, extra, warnings, canonicalElsewhere, localLinks, PublishWindow.from(summary.date()), null);
    }

    public Article(ArticleSummary summary, String sourceKey, String bodyHtml, List<TocEntry> toc, boolean draft, Map<String, Object> extra,
                   List<ArticleWarning> warnings) {
        this(summary, sourceKey, bodyHtml, toc, draft, extra, warnings, null, List.of());
    }

    public Article(ArticleSummary summary, String sourceKey, String bodyHtml, List<TocEntry> toc, boolean draft, Map<String, Object> extra) {
        this(summary, sourceKey, bodyHtml, toc, draft, extra, List.of());
    }

    /** How many headings the table of contents lists, at every level. */
    public int tocHeadings() {
        return toc.stream().mapToInt(TocEntry::headings).sum();
    }

    public String slug() {
        return summary.slug();
    }
}
