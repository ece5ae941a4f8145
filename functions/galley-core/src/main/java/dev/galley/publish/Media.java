package dev.galley.publish;

import dev.galley.article.ArticleException;
import dev.galley.article.ImageSize;
import dev.galley.article.internal.MediaLinks;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Images authors upload beside their articles. They are published as they are, at {@code media/<key>}, when
 * the name says PNG, JPEG, GIF, WebP, AVIF or SVG, the bytes agree, and the file is at most {@link #MAX_BYTES}.
 * An SVG can carry script: it never runs in an {@code <img>}, and the CDN and the preview serve SVG files with a
 * content security policy that sandboxes them and allows no script, so opening one on the site's origin runs none.
 */
final class Media {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    /**
     * The metadata of a published raster image that holds its size, {@code 640x480} ({@link ImageSize#toString}),
     * or {@code unknown} when its header cannot be read: read once here, so an article's render asks the site for
     * it and never reads the image.
     */
    static final String IMAGE_SIZE = "galley-image-size";

    private static final Map<String, ContentKind> BY_EXTENSION = Map.of(
            "png", ContentKind.PNG, "jpg", ContentKind.JPEG, "jpeg", ContentKind.JPEG,
            "gif", ContentKind.GIF, "webp", ContentKind.WEBP, "avif", ContentKind.AVIF, "svg", ContentKind.SVG);

    private Media() {
    }

    /** True for keys Galley publishes as images (by name; the bytes are checked by {@link #file}); the theme's are the theme's. */
    static boolean isMedia(String key) {
        return !ThemeFiles.isTheme(key) && BY_EXTENSION.containsKey(extension(key));
    }

    /** True for the images whose header states a size: all but SVG, whose size is whatever its drawing says. */
    static boolean hasSize(String key) {
        ContentKind kind = BY_EXTENSION.get(extension(key));
        return kind != null && kind != ContentKind.SVG;
    }

    /** The metadata value {@link #IMAGE_SIZE} of a raster image's bytes. */
    static String sizeMetadata(byte[] bytes) {
        return ImageSize.of(bytes).map(ImageSize::toString).orElse("unknown");
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
        Document svg = kind == ContentKind.SVG ? svgDocument(bytes) : null;  // parsed once, for both checks
        if (kind == ContentKind.SVG ? !isSvgDrawing(svg) : !looksLike(kind, bytes)) {
            throw new ArticleException(key, ArticleException.Problem.UNSUPPORTED_FILE,
                    "the name says " + kind.contentType() + " but the bytes are not one; save it in that format or rename it");
        }
        if (svg != null && holdsScript(svg)) {
            throw new ArticleException(key, ArticleException.Problem.UNSUPPORTED_FILE,
                    // No commas or brackets: the reason travels in an S3 tag, which keeps none.
                    "the SVG holds script: a script element or an on... attribute or a javascript: link. Script is never published: "
                            + "export the drawing without it");
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

    /** UTF-8 XML whose first element is {@code <svg>}, as drawing programs write it (declaration, comments, doctype allowed). */
    private static boolean isSvgDrawing(Document document) {
        Element root = document == null ? null : document.children().first();
        return root != null && root.tagName().equalsIgnoreCase("svg");
    }

    /** The bytes as an XML document, or null when they are not UTF-8. jsoup's XML parser fetches nothing. */
    private static Document svgDocument(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return Jsoup.parse(text, "", Parser.xmlParser());
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    /** A second wall behind the CDN's policy: a drawing with script in it is refused rather than published. */
    private static boolean holdsScript(Document svg) {
        for (Element element : svg.getAllElements()) {
            String name = element.tagName().toLowerCase(Locale.ROOT);
            if (name.equals("script") || name.endsWith(":script")) {
                return true;
            }
            for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                if (key.startsWith("on") || value.contains("javascript:")) {
                    return true;
                }
            }
        }
        return false;
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
