package dev.galley.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * S3Proxy's filesystem store writes an object to {@code <name>-<random UUID>} beside its final name and then
 * renames it into place. The rename is atomic, but the temporary file is an ordinary file in the bucket's
 * folder while it is written, and stays there when the process is killed: S3Proxy would list it and serve it
 * as an object. Such names are hidden from every read, refused for writes, and swept away on start.
 */
final class StorageTempFiles {

    private static final Pattern TEMPORARY = Pattern.compile(
            ".+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private StorageTempFiles() {
    }

    /** S3Proxy's multipart bookkeeping, whose names also end in a UUID: its own, never an author's object. */
    private static final String MULTIPART_STUB = ".s3proxy-mpu-stub-";

    /** True for a key, or a file name, that is one of S3Proxy's temporary files rather than an object. */
    static boolean isTemporary(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return TEMPORARY.matcher(name).matches() && !name.startsWith(MULTIPART_STUB);
    }

    /**
     * Deletes the temporary files a killed process left in the buckets below {@code root}. Dot-folders are
     * S3Proxy's own bookkeeping and are left alone.
     *
     * @return how many were deleted
     */
    static int sweep(Path root) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int[] deleted = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() && isTemporary(file.getFileName().toString())) {
                        Files.deleteIfExists(file);
                        deleted[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sweep " + root, e);
        }
        return deleted[0];
    }
}
