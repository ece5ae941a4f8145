package dev.galley.publish;

import dev.galley.article.ArticleException;
import dev.galley.article.internal.MediaLinks;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Images authors upload beside their articles. They are published as they are, at {@code media/<key>}, when
 * the name says PNG, JPEG, GIF, WebP or AVIF, the bytes agree, and the file is at most {@link #MAX_BYTES}.
 * SVG is refused: it can carry script, and it would run on the site's own origin.
 */
final class Media {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final Map<String, ContentKind> BY_EXTENSION = Map.of(
            "png", ContentKind.PNG, "jpg", ContentKind.JPEG, "jpeg", ContentKind.JPEG,
            "gif", ContentKind.GIF, "webp", ContentKind.WEBP, "avif", ContentKind.AVIF);

    private Media() {
    }

    /** True for keys Galley publishes as images (by name; the bytes are checked by {@link #file}). */
    static boolean isMedia(String key) {
        return BY_EXTENSION.containsKey(extension(key));
    }

    /** The site path an image is published at. */
    static String sitePath(String key) {
        return MediaLinks.MEDIA_ROOT + key;
    }

    /** The image as a site file, or why it cannot be published. */
    static SiteFile file(String key, byte[] bytes) throws ArticleException {
        ContentKind kind = BY_EXTENSION.get(extension(key));
        if (bytes.length > MAX_BYTES) {
            throw new ArticleException(key, ArticleException.Problem.TOO_LARGE,
                    "the image has more than " + MAX_BYTES / (1024 * 1024) + " MiB, the most an image may have");
        }
        if (!looksLike(kind, bytes)) {
            throw new ArticleException(key, ArticleException.Problem.UNSUPPORTED_FILE,
                    "the name says " + kind.contentType() + " but the bytes are not one; save it in that format or rename it");
        }
        return new SiteFile(sitePath(key), bytes, kind);
    }

    private static boolean looksLike(ContentKind kind, byte[] b) {
        return switch (kind) {
            case PNG -> startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            case JPEG -> startsWith(b, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            case GIF -> startsWith(b, 0, ascii("GIF87a")) || startsWith(b, 0, ascii("GIF89a"));
            case WEBP -> startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"));
            case AVIF -> startsWith(b, 4, ascii("ftypavif")) || startsWith(b, 4, ascii("ftypavis"));
            default -> false;
        };
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        return bytes.length >= offset + magic.length
                && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String extension(String key) {
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        return dot > slash + 1 ? key.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
