package dev.galley.local;

import dev.galley.publish.DraftLinks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The draft key of the local build and the preview: 32 random bytes kept in the state folder ({@code .galley/draft-key},
 * base64), made at the first draft met and kept, so a draft's link is the same across builds and restarts.
 */
final class LocalDraftKey {

    /** Beside the preview's buckets; the build and the preview run from the same folder share it. */
    static final Path DEFAULT = Path.of(".galley", "draft-key");
    private static final int BYTES = 32;

    private LocalDraftKey() {
    }

    /** Links keyed by the key in {@code file}, which is read (or made) only when the first draft's link is. */
    static DraftLinks links(Path file) {
        return DraftLinks.keyedBy(() -> readOrCreate(file));
    }

    static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the draft key " + file.toAbsolutePath(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file.toAbsolutePath() + " is not a base64 draft key; delete it to make a new one"
                    + " (every draft's link changes)", e);
        }
    }

    /** Written aside and moved in place: a build and a preview starting together agree on one key. */
    private static void create(Path file) throws IOException {
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path aside = Files.createTempFile(folder, "draft-key", ".tmp");
        try {
            ownerOnly(aside);
            Files.writeString(aside, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.move(aside, file);  // not REPLACE_EXISTING: whoever came first keeps their key
        } catch (FileAlreadyExistsException e) {
            // another process made it meanwhile: theirs is the key
        } finally {
            Files.deleteIfExists(aside);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user's profile folder protects it
        }
    }
}
