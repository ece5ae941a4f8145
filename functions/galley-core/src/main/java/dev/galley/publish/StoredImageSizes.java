package dev.galley.publish;

import dev.galley.article.ImageSize;
import dev.galley.article.ImageSizes;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Image sizes for one publish or re-render. {@link Media} reads an image's size from its header once, when it
 * publishes the image, and keeps it in the published copy's metadata; an article's render asks for it with a
 * HEAD request, not the image's bytes, and only for images the article shows. An image not published yet (it
 * was uploaded with the article, whose notification came first) or published before sizes were kept is read
 * from the content store instead. Each image is asked once per instance: make one per publish, since an image
 * may be replaced between two.
 */
final class StoredImageSizes implements ImageSizes {

    private final ContentStore content;
    private final SiteStore site;
    private final Map<String, Optional<ImageSize>> known = new ConcurrentHashMap<>();

    StoredImageSizes(ContentStore content, SiteStore site) {
        this.content = content;
        this.site = site;
    }

    @Override
    public Optional<ImageSize> of(String imageKey) {
        if (!Media.hasSize(imageKey)) {
            return Optional.empty();
        }
        return known.computeIfAbsent(imageKey, this::lookUp);
    }

    private Optional<ImageSize> lookUp(String imageKey) {
        Optional<String> kept = site.head(Media.sitePath(imageKey)).map(version -> version.metadata().get(Media.IMAGE_SIZE));
        if (kept.isPresent()) {
            return ImageSize.parse(kept.get());
        }
        return content.read(imageKey).flatMap(file -> ImageSize.of(file.bytes()));
    }
}
