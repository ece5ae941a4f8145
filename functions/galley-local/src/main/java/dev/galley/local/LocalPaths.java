package dev.galley.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Path and version rules shared by the local stores. */
final class LocalPaths {

    private LocalPaths() {
    }

    /** Resolves a store key inside a root folder, refusing keys that would leave it. */
    static Path resolve(Path root, String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("the key \"" + key + "\" points outside " + root);
        }
        return path;
    }

    /** An ETag as S3 computes it for a single-part upload: the MD5 of the bytes, in hex. */
    static String etag(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every regular file below a folder, as sorted store keys with '/' separators. */
    static List<String> listFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        // The walk's own attributes (of the link itself, for a symbolic link): one stat a file rather than two.
        try (Stream<Path> files = Files.find(root, Integer.MAX_VALUE,
                (path, attributes) -> attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(path))) {
            return files.map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** Dot-files and dot-folders (editor swap files, .DS_Store, .git) are not content. */
    static boolean isHidden(String key) {
        for (String part : key.split("/")) {
            if (part.startsWith(".") || part.endsWith("~")) {
                return true;
            }
        }
        return false;
    }
}
