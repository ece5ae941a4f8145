package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.publish.PublishStatus.State;
import dev.galley.publish.RebuildState.ChunkRead;
import dev.galley.publish.RebuildState.Read;
import dev.galley.publish.RebuildState.Refusal;
import dev.galley.render.SiteRenderer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A re-render's second step, one chunk at a time: parses the chunk's articles for what they publish, falls back to
 * a broken file's last good version, and holds back drafts (sharing them for review), scheduled and expired ones.
 * No article page is written yet: a page links to its neighbours, known once every chunk is read.
 */
final class ChunkReader {

    private final PublishParts parts;
    private final ContentStore content;
    private final SiteSettings settings;
    private final SiteRenderer renderer;
    private final ArticleParser parser;
    private final Supplier<Manifest> base;

    /** @param base the manifest when the re-render started, asked only for a broken file's last good version */
    ChunkReader(PublishParts parts, SiteSettings settings, Supplier<Manifest> base) {
        this.parts = parts;
        this.content = parts.content();
        this.settings = settings;
        this.renderer = new SiteRenderer(settings.config(), ThemeFiles.load(parts.site()));
        this.parser = new ArticleParser(renderer.site(), parts.imageSizes());
        this.base = base;
    }

    /** @param parsed where each listable article parsed is kept, for a render step in the same process */
    ChunkRead read(List<String> chunk, Map<String, Article> parsed) {
        return new ChunkRead(Rebuild.inParallel(parts.site(), chunk.stream().filter(Publisher::isArticle).toList(),
                key -> content.read(key).map(file -> read(file, parsed)).orElse(null)));
    }

    private Read read(ContentStore.SourceFile file, Map<String, Article> parsed) {
        String key = file.key();
        Refusal refusal = null;
        String listedEtag = file.etag();
        Article article;
        try {
            article = parser.parse(key, file.bytes());
        } catch (ArticleException e) {
            refusal = Refusal.of(e);
            // A broken replacement of a listed article leaves the version the site shows up, as publishing it did.
            Optional<Article> good = lastGoodVersion(key);
            article = good.orElse(null);
            listedEtag = good.isPresent() ? base.get().bySource(key).sourceEtag() : file.etag();
        }
        PublishStatus withheld = article == null ? null : parts.statuses().withhold(article, settings);
        List<String> draftPaths = List.of();
        if (withheld != null && withheld.state() == State.DRAFT && refusal == null) {
            withheld = parts.drafts().settle(renderer, key, article, withheld, settings);
            draftPaths = parts.drafts().sharedPaths(key);
        }
        if (article != null && withheld == null) {
            parsed.put(Rebuild.parsedKey(key, listedEtag), article);
        }
        return new Read(key, file.etag(), listedEtag, article == null ? null : article.summary(), refusal, withheld, draftPaths);
    }

    /** The version a listed article was published from, parsed, when the bucket still holds it. */
    private Optional<Article> lastGoodVersion(String key) {
        Manifest.Entry listed = base.get().bySource(key);
        if (listed == null) {
            return Optional.empty();
        }
        return content.readVersion(key, listed.sourceEtag()).flatMap(good -> {
            try {
                return Optional.of(parser.parse(key, good.bytes()));
            } catch (ArticleException e) {
                return Optional.empty();
            }
        });
    }
}
