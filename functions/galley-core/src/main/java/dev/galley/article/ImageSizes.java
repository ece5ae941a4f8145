package dev.galley.article;

import java.util.Optional;

/**
 * Where an article's render learns the size of a local image: the image is a file of its own, the article's
 * bytes do not hold it. Asked only for images the article shows from the site's own media, so an article
 * without images never asks.
 */
@FunctionalInterface
public interface ImageSizes {

    /** Knows no image: images render without {@code width} and {@code height}. */
    ImageSizes NONE = key -> Optional.empty();

    /**
     * @param imageKey the image's file, relative to the content root ({@code posts/diagram.png})
     * @return its size, or empty when the image is missing or its size cannot be read
     */
    Optional<ImageSize> of(String imageKey);
}
