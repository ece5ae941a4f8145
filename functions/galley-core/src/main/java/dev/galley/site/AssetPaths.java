package dev.galley.site;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a file that never changes goes: under {@code assets/} with a hash of its bytes in its name
 * ({@code assets/style.1a2b3c4d5e.css}), so a changed file gets a new URL and the CDN and browsers may keep each
 * one for a year.
 */
public final class AssetPaths {

    public static final String FOLDER = "assets/";

    private AssetPaths() {
    }

    /** @param extension the file's ending with its dot, such as {@code .css} */
    public static String fingerprinted(String name, String extension, byte[] bytes) {
        return FOLDER + name + "." + fingerprint(bytes) + extension;
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
