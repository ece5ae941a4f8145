package dev.galley.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * How the site bucket holds text: gzip-encoded ({@code Content-Encoding: gzip}), as CloudFront serves it to browsers.
 * The encoder is deterministic: a fixed header (no file name, no time) and a fixed level, so the same bytes always give
 * the same object. {@code java.util.zip} (docs/libraries.md).
 */
public final class GzipEncoding {

    /** The value of {@code Content-Encoding} for an encoded object. */
    public static final String GZIP = "gzip";

    /** zlib's default, the level docs/performance.md measured (sections kb256 and gzip). */
    private static final int LEVEL = 6;
    /** RFC 1952: magic, deflate, no flags, no modification time, no extra flags, operating system unknown (255). */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

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
        Deflater deflater = new Deflater(LEVEL, true);
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
            out.writeBytes(HEADER);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            CRC32 crc = new CRC32();
            crc.update(plain);
            writeLittleEndian(out, crc.getValue());
            writeLittleEndian(out, plain.length);
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The bytes an object holds, decoded as its {@code Content-Encoding} says (null or anything but gzip: as they are). */
    public static byte[] decode(byte[] stored, String contentEncoding) {
        if (!GZIP.equalsIgnoreCase(contentEncoding == null ? "" : contentEncoding.strip())) {
            return stored;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("an object marked Content-Encoding: gzip does not hold gzip bytes", e);
        }
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
