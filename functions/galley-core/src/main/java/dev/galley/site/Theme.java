package dev.galley.site;

import dev.galley.article.ImageSize;

/**
 * The site owner's look, from the files under {@code theme/} in the content: a stylesheet linked after Galley's, a
 * logo before the site's title and a favicon. Each is the root-relative URL of a fingerprinted copy under
 * {@code assets/}, or null for Galley's default.
 */
public record Theme(String stylesheet, Logo logo, String favicon) {

    /** Galley's own look: no file under {@code theme/}. */
    public static final Theme DEFAULT = new Theme(null, null, null);

    /** The logo's URL and the size its header states, for the {@code width} and {@code height} that keep the header from jumping. */
    public record Logo(String url, ImageSize size) {
    }
}
