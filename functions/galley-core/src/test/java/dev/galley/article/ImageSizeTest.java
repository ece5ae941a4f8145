package dev.galley.article;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * An image's size comes from its file's header. PNG, JPEG and GIF files are real ones, written by javax.imageio;
 * WebP and AVIF files are built here byte by byte from their specifications (the WebP container and its VP8, VP8L
 * and VP8X headers; ISO/IEC 14496-12 boxes with AVIF's ispe and irot properties), as no encoder for them runs in
 * the JDK. Each header is as an encoder writes it; the pixel data after it is left out, which a header reader
 * never looks at.
 */
class ImageSizeTest {

    static Stream<Arguments> images() throws IOException {
        return Stream.of(
                arguments("PNG, landscape", imageIo("png", 640, 480), "640x480"),
                arguments("PNG, one pixel", imageIo("png", 1, 1), "1x1"),
                arguments("PNG, wider than 65,535 would fit in 16 bits", imageIo("png", 70_000, 1), "70000x1"),
                arguments("JPEG, portrait", imageIo("jpg", 300, 1200), "300x1200"),
                arguments("JPEG, behind a large EXIF block", withExif(imageIo("jpg", 800, 600), 1, 20_000), "800x600"),
                arguments("JPEG, EXIF orientation 6: a phone photo turned a quarter, shown 600 wide", withExif(imageIo("jpg", 800, 600), 6, 0), "600x800"),
                arguments("JPEG, EXIF orientation 3: upside down, not turned", withExif(imageIo("jpg", 800, 600), 3, 0), "800x600"),
                arguments("GIF", imageIo("gif", 120, 45), "120x45"),
                arguments("WebP, lossy (VP8)", webpLossy(1024, 768), "1024x768"),
                arguments("WebP, lossless (VP8L)", webpLossless(16383, 2), "16383x2"),
                arguments("WebP, extended (VP8X), as animations and images with alpha are", webpExtended(4000, 3000), "4000x3000"),
                arguments("AVIF, one image", avif(new int[][] {{1920, 1080}}, -1), "1920x1080"),
                arguments("AVIF, a grid of tiles: the largest image is the picture", avif(new int[][] {{512, 512}, {2048, 1536}}, -1), "2048x1536"),
                arguments("AVIF, turned a quarter by irot", avif(new int[][] {{1920, 1080}}, 1), "1080x1920"),
                arguments("SVG: no header size", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>".getBytes(StandardCharsets.UTF_8), ""),
                arguments("a PNG cut inside its header", Arrays.copyOf(imageIo("png", 640, 480), 18), ""),
                arguments("a JPEG cut before its frame header", Arrays.copyOf(withExif(imageIo("jpg", 8, 8), 1, 100), 200), ""),
                arguments("a GIF of zero pixels", gifHeader(0, 10), ""),
                arguments("text", "hello".getBytes(StandardCharsets.UTF_8), ""),
                arguments("nothing", new byte[0], ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void sizeIsReadFromTheHeaderOrNotAtAll(String name, byte[] image, String expected) {
        assertEquals(expected, ImageSize.of(image).map(ImageSize::toString).orElse(""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void sizeSurvivesTheMetadataItTravelsIn(String name, byte[] image, String expected) {
        Optional<ImageSize> size = ImageSize.of(image);
        assertEquals(size, size.flatMap(s -> ImageSize.parse(s.toString())));
    }

    private static byte[] imageIo(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IllegalStateException("no " + format + " writer");
        }
        return out.toByteArray();
    }

    /** A JPEG with an APP1 EXIF block right after its start: a big-endian TIFF directory holding Orientation, then padding. */
    private static byte[] withExif(byte[] jpeg, int orientation, int padding) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4 + padding).order(ByteOrder.BIG_ENDIAN);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);  // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);  // no next directory
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        ByteBuffer app1 = ByteBuffer.allocate(4 + exif.length);
        app1.put((byte) 0xff).put((byte) 0xe1).putShort((short) (2 + exif.length)).put(exif);
        return concat(Arrays.copyOf(jpeg, 2), app1.array(), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private static byte[] gifHeader(int width, int height) {
        ByteBuffer gif = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height);
        return gif.array();
    }

    /** RIFF, WEBP, then one chunk. */
    private static byte[] webp(String chunk, byte[] payload) {
        ByteBuffer riff = ByteBuffer.allocate(20 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + payload.length).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        riff.put(chunk.getBytes(StandardCharsets.US_ASCII)).putInt(payload.length).put(payload);
        return riff.array();
    }

    /** VP8 key frame: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height with 2 bits of scaling each. */
    private static byte[] webpLossy(int width, int height) {
        ByteBuffer vp8 = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8.put((byte) 0x50).put((byte) 0x01).put((byte) 0x00).put((byte) 0x9d).put((byte) 0x01).put((byte) 0x2a);
        vp8.putShort((short) (width | 0x4000)).putShort((short) height);  // scaling bits set on the width: not part of the size
        return webp("VP8 ", vp8.array());
    }

    /** VP8L: the signature 0x2f, then width-1 and height-1 in 14 bits each, an alpha bit and a 3-bit version. */
    private static byte[] webpLossless(int width, int height) {
        int bits = (width - 1) | ((height - 1) << 14) | (1 << 28);
        ByteBuffer vp8l = ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x2f).putInt(bits);
        return webp("VP8L", vp8l.array());
    }

    /** VP8X: flags, 3 reserved bytes, then canvas width-1 and height-1 in 24 bits each. */
    private static byte[] webpExtended(int width, int height) {
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) 0x10).put(new byte[3]);  // alpha flag
        vp8x.put(int24(width - 1)).put(int24(height - 1));
        return webp("VP8X", vp8x.array());
    }

    private static byte[] int24(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
    }

    /** ftyp, then meta (a full box) holding hdlr and iprp/ipco with one ispe per size and, for irot >= 0, an irot. */
    private static byte[] avif(int[][] sizes, int irot) {
        byte[] ftyp = box("ftyp", concat(ascii("avif"), new byte[4], ascii("avifmif1miaf")));
        byte[] hdlr = box("hdlr", concat(new byte[8], ascii("pict"), new byte[13]));
        byte[] properties = new byte[0];
        for (int[] size : sizes) {
            properties = concat(properties, box("ispe", ByteBuffer.allocate(12).putInt(0).putInt(size[0]).putInt(size[1]).array()));
        }
        if (irot >= 0) {
            properties = concat(properties, box("irot", new byte[] {(byte) irot}));
        }
        byte[] iprp = box("iprp", box("ipco", properties));
        byte[] meta = box("meta", concat(new byte[4], hdlr, iprp));
        return concat(ftyp, meta, box("mdat", new byte[16]));
    }

    private static byte[] box(String type, byte[] content) {
        return ByteBuffer.allocate(8 + content.length).putInt(8 + content.length).put(ascii(type)).put(content).array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
