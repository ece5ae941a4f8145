package dev.galley.article.internal;

import dev.galley.tree.Tree;

import java.util.List;

/**
 * The image an article names for link previews ({@code og:image}), as Jekyll and Hugo sites write it: Jekyll's
 * {@code image: /x.png} or {@code image: {path: /x.png}} (jekyll-seo-tag), Hugo's {@code images: [x.png]}, and
 * the {@code cover: x.png} or {@code cover: {image: x.png}} of Hugo themes such as PaperMod.
 */
public final class ShareImage {

    /** The keys, in the order they are asked. */
    public static final List<String> KEYS = List.of("image", "images", "cover");

    private ShareImage() {
    }

    /** The image as written under {@code key}, or "" when the value names none. */
    public static String written(Tree value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText().strip();
        }
        if (value.isArray()) {
            return value.isEmpty() ? "" : written(value.get(0));
        }
        for (String field : List.of("path", "image", "src", "url")) {
            if (value.hasNonNull(field)) {
                return written(value.get(field));
            }
        }
        return "";
    }
}
