package dev.galley.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How the site bucket holds text: gzip-encoded ({@code Content-Encoding: gzip}), as CloudFront serves it to browsers.
 * The encoder is deterministic: {@link GZIPOutputStream} writes no file name and no time, at zlib's default level
 * (6, the level docs/performance.md measured in sections kb256 and gzip), so the same bytes always give the same
 * object on one JDK. {@code java.util.zip} (docs/libraries.md).
 */
public final class GzipEncoding {

    /** The value of {@code Content-Encoding} for an encoded object. */
    public static final String GZIP = "gzip";

    private GzipEncoding() {
    }

    /**
     * Whether objects of this media type are kept encoded: text (HTML, XML and its feeds, JSON, YAML, plain text, CSS,
     * JavaScript, SVG), not images nor anything already compressed.
     */
    public static boolean encodes(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("/xml") || type.endsWith("/json")
                || type.endsWith("+json") || type.endsWith("/javascript") || type.endsWith("/yaml");
    }

    /** The gzip encoding of {@code plain}: always the same bytes for the same input. */
    public static byte[] encode(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: the output is in memory", e);
        }
        return out.toByteArray();
    }

    /** Whether an object's {@code Content-Encoding} (null: none) says it holds gzip bytes. */
    public static boolean isGzip(String contentEncoding) {
        return contentEncoding != null && GZIP.equalsIgnoreCase(contentEncoding.strip());
    }

    /** The bytes an object holds, decoded as its {@code Content-Encoding} says (null or anything but gzip: as they are). */
    public static byte[] decode(byte[] stored, String contentEncoding) {
        if (!isGzip(contentEncoding)) {
            return stored;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("an object marked Content-Encoding: gzip does not hold gzip bytes", e);
        }
    }
}
