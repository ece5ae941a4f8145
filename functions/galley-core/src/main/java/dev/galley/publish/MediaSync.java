package dev.galley.publish;

import dev.galley.article.ArticleException;
import dev.galley.publish.PublishStatus.State;
import dev.galley.publish.SiteStore.Condition;
import dev.galley.site.SiteFile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Publishes, replaces and removes the site's copies of images. */
final class MediaSync {

    private final ContentStore content;
    private final SiteStore site;
    private final Statuses statuses;

    MediaSync(ContentStore content, SiteStore site, Statuses statuses) {
        this.content = content;
        this.site = site;
        this.statuses = statuses;
    }

    /**
     * Publishes, replaces or removes one image. The site copy records the source ETag, so a copy of the same
     * bytes is not written again.
     */
    Outcome sync(String key, SiteSettings settings) {
        String path = Media.sitePath(key);
        Optional<SiteStore.Version> published = site.head(path);
        Optional<ContentStore.SourceFile> source = content.read(key);
        List<String> stale = published.isPresent() ? List.of("/" + path) : List.of();
        if (source.isEmpty()) {
            if (published.isPresent()) {
                site.delete(path);
            }
            return new Outcome(key, Outcome.Kind.UNPUBLISHED, "", "", stale);
        }
        ContentStore.SourceFile file = source.get();
        PublishStatus status = new PublishStatus(State.PUBLISHED, "", settings.publicUrl("/" + path)).forVersion(file.etag());
        // A copy published before sizes were kept is written once more, with its size.
        if (published.isPresent() && file.etag().equals(published.get().metadata().get(SiteWriter.SOURCE_ETAG))
                && (!Media.hasSize(key) || published.get().metadata().containsKey(Media.IMAGE_SIZE))) {
            content.reportStatus(key, status);
            return Outcome.of(key, Outcome.Kind.UNCHANGED, "");
        }
        SiteFile image;
        try {
            image = Media.file(key, file.bytes());
        } catch (ArticleException e) {
            return statuses.reject(key, file.etag(), e);
        }
        site.write(image, Media.hasSize(key)
                ? Map.of(SiteWriter.SOURCE, key, SiteWriter.SOURCE_ETAG, file.etag(), Media.IMAGE_SIZE, Media.sizeMetadata(file.bytes()))
                : Map.of(SiteWriter.SOURCE, key, SiteWriter.SOURCE_ETAG, file.etag()), new Condition.None());
        content.reportStatus(key, status);
        return new Outcome(key, Outcome.Kind.PUBLISHED, "", "", stale);
    }
}
