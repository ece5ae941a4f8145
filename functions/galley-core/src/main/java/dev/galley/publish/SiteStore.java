package dev.galley.publish;

import dev.galley.site.SiteFile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the finished site goes: an S3 site bucket, or a folder for local builds. */
public interface SiteStore {

    /**
     * The metadata a writer keeps the MD5 of a file's bytes under, to skip writing the same bytes again (as rendered:
     * whatever encoding the store keeps them in). A store that holds an object otherwise than it would write it now (plain
     * where it would encode it, or the other way round) leaves this out of the object's {@link Version}, so that the
     * next write of the path puts it in the store's current form.
     */
    String CONTENT_HASH = "galley-md5";

    /** A stored object's version and Galley's metadata on it. */
    record Version(String etag, Map<String, String> metadata) {
    }

    /** A stored object's bytes and version. */
    record Stored(byte[] bytes, Version version) {
    }

    /** A condition on a write, as S3 conditional writes express it. */
    sealed interface Condition {
        /** Write whatever is there. */
        record None() implements Condition {
        }

        /** Write only if nothing is stored at the path. */
        record Absent() implements Condition {
        }

        /** Write only if the stored object still has this ETag. */
        record Matches(String etag) implements Condition {
        }

        static Condition of(Optional<Version> current) {
            return current.<Condition>map(v -> new Matches(v.etag())).orElseGet(Absent::new);
        }
    }

    Optional<Stored> read(String path);

    Optional<Version> head(String path);

    /**
     * Writes a file with Galley's metadata.
     *
     * @throws WriteConflictException when the condition does not hold (S3: 412 Precondition Failed or 409)
     */
    void write(SiteFile file, Map<String, String> metadata, Condition condition);

    /**
     * The same, telling the new version's ETag where the store answers a write with it (S3's PutObject does): a writer
     * that keeps what it committed need not read it back. Empty where it does not.
     */
    default Optional<String> writeTellingEtag(SiteFile file, Map<String, String> metadata, Condition condition) {
        write(file, metadata, condition);
        return Optional.empty();
    }

    void delete(String path);

    /** Deletes every path, in as few requests as the store can (S3 takes a thousand in one). */
    default void deleteAll(List<String> paths) {
        paths.forEach(this::delete);
    }

    /**
     * Whether a write should carry a hash of its bytes, so that writing the same bytes again is skipped. Worth it
     * on S3, where a skipped PUT saves a request and a CDN invalidation; a local folder keeps no metadata past
     * the process and rewrites a file for less than hashing it costs.
     */
    default boolean skipsIdenticalWrites() {
        return true;
    }

    /**
     * How many calls a step of a re-render makes at a time, at least one: its reads of the content and status reports
     * too, as the site and the content are on S3 together or local together. S3 takes tens of milliseconds to answer,
     * so sixteen in flight keep the CPU busy; on Lambda the core count says little about the CPU share the memory size
     * buys. A store that answers at once leaves the work to the CPU, where more threads than cores only contend: for
     * the cores, the collector and the folder each new page is made in.
     */
    default int concurrentCalls() {
        return DEFAULT_CONCURRENT_CALLS;
    }

    /** Store requests in flight for a store that waits on the network. */
    int DEFAULT_CONCURRENT_CALLS = 16;

    /** Every path under a prefix such as {@code articles/}. */
    List<String> list(String prefix);
}
