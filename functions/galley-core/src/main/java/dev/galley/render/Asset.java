package dev.galley.render;

import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file of ours shipped in the jar, such as the stylesheet, published under {@code assets/} with a hash of its
 * bytes in its name ({@code style.css} is {@code assets/style.1a2b3c4d5e.css}): a changed file gets a new URL,
 * so the CDN and browsers may keep each one for a year.
 */
final class Asset {

    private Asset() {
    }

    /** @param resource a resource next to this class, named {@code name.extension} */
    static SiteFile load(String resource, ContentKind kind) {
        byte[] bytes = read(resource);
        int dot = resource.lastIndexOf('.');
        String path = "assets/" + resource.substring(0, dot) + "." + fingerprint(bytes) + resource.substring(dot);
        return new SiteFile(path, bytes, kind);
    }

    private static byte[] read(String name) {
        try (InputStream in = Asset.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
