package dev.galley.article;

import dev.galley.article.internal.ImageHeaders;

import java.util.Optional;

/**
 * The size of an image in pixels, as its file's header states it: an {@code <img>} that carries it keeps the
 * page from jumping while the image loads.
 */
public record ImageSize(int width, int height) {

    public ImageSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("an image has at least one pixel each way, not " + width + "x" + height);
        }
    }

    /** The size a PNG, JPEG, GIF, WebP or AVIF file's header states, or empty for any other bytes or a header it cannot read. */
    public static Optional<ImageSize> of(byte[] image) {
        return ImageHeaders.read(image);
    }

    /** The size written as {@code 640x480}, as {@link #parse} reads it (and as S3 metadata keeps it). */
    @Override
    public String toString() {
        return width + "x" + height;
    }

    /** The size written by {@link #toString}, or empty for any other text. */
    public static Optional<ImageSize> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int x = text.indexOf('x');
        try {
            return Optional.of(new ImageSize(Integer.parseInt(text.substring(0, x)), Integer.parseInt(text.substring(x + 1))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
