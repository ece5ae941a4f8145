package dev.galley.article.internal;

import dev.galley.article.ImageSize;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads an image's size from the header of a PNG, JPEG, GIF, WebP or AVIF file, as each format's specification
 * lays it out, without decoding a pixel. A few dozen lines per format instead of a library: javax.imageio knows
 * neither WebP nor AVIF and loads its plugin registry, and the metadata libraries that know all five parse every
 * metadata block (docs/libraries.md). The size is the one a browser shows: a JPEG whose EXIF orientation turns it
 * a quarter, or an AVIF with such an {@code irot}, has width and height swapped. Anything it cannot read is empty.
 */
public final class ImageHeaders {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageHeaders() {
    }

    public static Optional<ImageSize> read(byte[] b) {
        try {
            int[] size = png(b);
            if (size == null) {
                size = gif(b);
            }
            if (size == null) {
                size = jpeg(b);
            }
            if (size == null) {
                size = webp(b);
            }
            if (size == null) {
                size = avif(b);
            }
            return size == null || size[0] < 1 || size[1] < 1 ? Optional.empty() : Optional.of(new ImageSize(size[0], size[1]));
        } catch (ArrayIndexOutOfBoundsException e) {
            return Optional.empty();  // a header cut short
        }
    }

    /** PNG: the signature, then the IHDR chunk's width and height (big-endian). */
    private static int[] png(byte[] b) {
        if (!startsWith(b, 0, PNG) || !startsWith(b, 12, ascii("IHDR"))) {
            return null;
        }
        return new int[] {int32(b, 16), int32(b, 20)};
    }

    /** GIF: the logical screen's width and height (little-endian) after GIF87a or GIF89a. */
    private static int[] gif(byte[] b) {
        if (!startsWith(b, 0, ascii("GIF87a")) && !startsWith(b, 0, ascii("GIF89a"))) {
            return null;
        }
        return new int[] {uint16le(b, 6), uint16le(b, 8)};
    }

    /** JPEG: the marker segments up to the first start-of-frame, which holds height then width; APP1 may hold EXIF's orientation. */
    private static int[] jpeg(byte[] b) {
        if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) {
            return null;
        }
        boolean quarterTurn = false;
        int at = 2;
        while (at + 3 < b.length) {
            if ((b[at] & 0xff) != 0xff) {
                return null;
            }
            int marker = b[at + 1] & 0xff;
            if (marker == 0xff) {
                at++;  // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
                at += 2;  // no length
                continue;
            }
            int length = uint16(b, at + 2);
            if (length < 2) {
                return null;
            }
            boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (startOfFrame) {
                int height = uint16(b, at + 5);
                int width = uint16(b, at + 7);
                return quarterTurn ? new int[] {height, width} : new int[] {width, height};
            }
            if (marker == 0xe1 && startsWith(b, at + 4, ascii("Exif\0\0"))) {
                int orientation = exifOrientation(b, at + 10, Math.min(b.length, at + 2 + length));
                quarterTurn = orientation >= 5 && orientation <= 8;
            }
            at += 2 + length;
        }
        return null;
    }

    /** The Orientation tag (0x0112) of an EXIF block's first image directory, or 0. */
    private static int exifOrientation(byte[] b, int tiff, int end) {
        boolean little = b[tiff] == 'I';
        int directory = tiff + (int) field(b, tiff + 4, 4, little);
        int entries = (int) field(b, directory, 2, little);
        for (int i = 0; i < entries; i++) {
            int entry = directory + 2 + 12 * i;
            if (entry + 12 > end) {
                return 0;
            }
            if (field(b, entry, 2, little) == 0x0112) {
                return (int) field(b, entry + 8, 2, little);
            }
        }
        return 0;
    }

    /** WebP: a RIFF file whose first chunk is lossy VP8, lossless VP8L or extended VP8X, each with the size its own way. */
    private static int[] webp(byte[] b) {
        if (!startsWith(b, 0, ascii("RIFF")) || !startsWith(b, 8, ascii("WEBP"))) {
            return null;
        }
        if (startsWith(b, 12, ascii("VP8X"))) {  // canvas width and height minus one, 24 bits each
            return new int[] {uint24le(b, 24) + 1, uint24le(b, 27) + 1};
        }
        if (startsWith(b, 12, ascii("VP8L")) && (b[20] & 0xff) == 0x2f) {  // 14 bits each, minus one, after the signature
            int bits = (int) field(b, 21, 4, true);
            return new int[] {(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1};
        }
        if (startsWith(b, 12, ascii("VP8 ")) && (b[23] & 0xff) == 0x9d && (b[24] & 0xff) == 0x01 && (b[25] & 0xff) == 0x2a) {
            return new int[] {uint16le(b, 26) & 0x3fff, uint16le(b, 28) & 0x3fff};  // the top two bits are scaling
        }
        return null;
    }

    /**
     * AVIF: an ISO base media file whose {@code meta} box holds item properties ({@code iprp/ipco}); each image
     * item's {@code ispe} gives its size. A grid image's tiles and an alpha plane have sizes too: the primary image
     * is the largest.
     */
    private static int[] avif(byte[] b) {
        if (!startsWith(b, 4, ascii("ftyp"))) {
            return null;
        }
        int[] meta = box(b, 0, b.length, "meta");
        int[] iprp = meta == null ? null : box(b, meta[0] + 4, meta[1], "iprp");  // meta is a full box: 4 bytes of version and flags
        int[] ipco = iprp == null ? null : box(b, iprp[0], iprp[1], "ipco");
        if (ipco == null) {
            return null;
        }
        int[] largest = null;
        boolean quarterTurn = false;
        for (int at = ipco[0]; at + 8 <= ipco[1]; ) {
            long size = int32(b, at) & 0xffffffffL;
            if (size < 8 || at + size > ipco[1]) {
                return null;
            }
            if (startsWith(b, at + 4, ascii("ispe"))) {
                int width = int32(b, at + 12);
                int height = int32(b, at + 16);
                if (largest == null || (long) width * height > (long) largest[0] * largest[1]) {
                    largest = new int[] {width, height};
                }
            } else if (startsWith(b, at + 4, ascii("irot"))) {
                quarterTurn = (b[at + 8] & 1) == 1;  // angle in quarter turns, anticlockwise
            }
            at += (int) size;
        }
        return largest != null && quarterTurn ? new int[] {largest[1], largest[0]} : largest;
    }

    /** The content (start, end) of the first box of this type between two offsets, or null. */
    private static int[] box(byte[] b, int from, int to, String type) {
        for (int at = from; at + 8 <= to; ) {
            long size = int32(b, at) & 0xffffffffL;
            int header = 8;
            if (size == 1) {
                size = ((long) int32(b, at + 8) << 32) | (int32(b, at + 12) & 0xffffffffL);
                header = 16;
            } else if (size == 0) {
                size = to - at;  // to the end of the file
            }
            if (size < header || at + size > to) {
                return null;
            }
            if (startsWith(b, at + 4, ascii(type))) {
                return new int[] {at + header, (int) (at + size)};
            }
            at += (int) size;
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int offset, byte[] magic) {
        if (offset < 0 || b.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int int32(byte[] b, int at) {
        return (int) field(b, at, 4, false);
    }

    private static int uint16(byte[] b, int at) {
        return (int) field(b, at, 2, false);
    }

    private static int uint16le(byte[] b, int at) {
        return (int) field(b, at, 2, true);
    }

    private static int uint24le(byte[] b, int at) {
        return (int) field(b, at, 3, true);
    }

    /** An unsigned integer of {@code bytes} bytes at {@code at}, in either byte order. */
    private static long field(byte[] b, int at, int bytes, boolean littleEndian) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            int next = b[littleEndian ? at + bytes - 1 - i : at + i] & 0xff;
            value = (value << 8) | next;
        }
        return value;
    }
}
