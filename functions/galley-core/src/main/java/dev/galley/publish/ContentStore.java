package dev.galley.publish;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where authors' files come from: an S3 content bucket, or a folder for local builds.
 * Keys are relative to the content root (an S3 adapter strips its prefix).
 */
public interface ContentStore {

    /**
     * Adapters read at most this many bytes of a file, so that a huge upload cannot exhaust memory; a larger
     * file arrives cut to this length and fails every size check (articles 1 MiB, images 10 MiB).
     */
    int READ_LIMIT = 10 * 1024 * 1024 + 1;

    /** A source file as it is now. */
    record SourceFile(String key, byte[] bytes, String etag) {
    }

    /** The file as it is now, or empty when it does not exist. */
    Optional<SourceFile> read(String key);

    /**
     * The version of a file whose ETag is {@code etag}: the current one, or an earlier one the store keeps (a
     * versioned S3 bucket); empty when it keeps none. A broken replacement's last good version renders from it.
     */
    default Optional<SourceFile> readVersion(String key, String etag) {
        return read(key).filter(file -> file.etag().equals(etag));
    }

    /** Every key under the content root, in no particular order. */
    List<String> list();

    /**
     * Every key under the content root with the ETag of its current bytes. A full re-render that fanned out
     * compares them with the versions it rendered; an S3 adapter has them from its listing, without a read a key.
     */
    default Map<String, String> etags() {
        Map<String, String> etags = new HashMap<>();
        for (String key : list()) {
            read(key).ifPresent(file -> etags.put(key, file.etag()));
        }
        return etags;
    }

    /** Tells the author what happened to a file (on S3: object tags). A missing file is ignored. */
    void reportStatus(String key, PublishStatus status);
}
