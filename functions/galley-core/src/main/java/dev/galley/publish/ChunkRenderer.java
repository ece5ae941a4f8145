package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.publish.RebuildState.ChunkListing;
import dev.galley.publish.RebuildState.ChunkRendered;
import dev.galley.publish.RebuildState.Refusal;
import dev.galley.publish.RebuildState.Rendered;
import dev.galley.render.SiteRenderer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A re-render's fourth step, one chunk at a time: writes the page of each article of the chunk that the listing
 * shows, rendered from the version it lists, with its neighbours ({@link ChunkListing}: the chunk's part of the
 * listing, not the whole); and publishes the chunk's images.
 */
final class ChunkRenderer {

    private final PublishParts parts;
    private final ContentStore content;
    private final SiteSettings settings;
    private final SiteRenderer renderer;
    private final ArticleParser parser;

    ChunkRenderer(PublishParts parts, SiteSettings settings) {
        this.parts = parts;
        this.content = parts.content();
        this.settings = settings;
        this.renderer = new SiteRenderer(settings.config(), ThemeFiles.load(parts.site()));
        this.parser = new ArticleParser(renderer.site(), parts.imageSizes());
    }

    /**
     * @param parsed      the articles a read step in this process parsed, by {@link Rebuild#parsedKey}; the others are parsed again
     * @param currentEtag the version the read step found of each article: a listed version that is not it is a broken
     *                    file's last good one, whose status says why the current one is refused
     */
    ChunkRendered render(List<String> chunk, ChunkListing listed, Map<String, Article> parsed, Function<String, String> currentEtag) {
        AtomicInteger written = new AtomicInteger();
        List<Rendered> articles = Rebuild.inParallel(parts.site(), listed.articles(), entry -> {
            String key = entry.key();
            Article article = parsed.get(Rebuild.parsedKey(key, entry.sourceEtag()));
            if (article == null) {
                Optional<ContentStore.SourceFile> file = content.readVersion(key, entry.sourceEtag());
                if (file.isEmpty()) {
                    return null;  // the source moved on and the bucket keeps no earlier version: the commit syncs it
                }
                try {
                    article = parser.parse(key, file.get().bytes());
                } catch (ArticleException e) {
                    return null;  // not the bytes the chunk read: the source moved on, and the commit syncs it
                }
            }
            if (parts.articles().writePage(renderer, article, key, entry.sourceEtag(), entry.neighbours())) {
                written.incrementAndGet();
            }
            PublishStatus status = parts.statuses().published(article, settings);
            if (entry.sourceEtag().equals(currentEtag.apply(key))) {
                // Told now, so the commit's requests do not grow with the site; it tells again only a status it changes.
                content.reportStatus(key, status.forVersion(entry.sourceEtag()));
            }
            return new Rendered(key, status, article.warnings(), article.localLinks());
        });
        List<Refusal> refusedMedia = Rebuild.inParallel(parts.site(), chunk.stream().filter(Media::isMedia).toList(), key -> {
            Outcome done = parts.media().sync(key, settings);
            if (done.kind() == Outcome.Kind.PUBLISHED) {
                written.incrementAndGet();
            }
            return done.rejection().map(Refusal::of).orElse(null);
        });
        return new ChunkRendered(articles.stream().filter(Objects::nonNull).toList(), refusedMedia, written.get());
    }
}
