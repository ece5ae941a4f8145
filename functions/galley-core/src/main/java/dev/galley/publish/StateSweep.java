package dev.galley.publish;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes the state's shard objects that no root names: a commit writes its new shards before the root, so a commit
 * refused (or a writer that failed in between) leaves them for good. A shard written less than {@link #MIN_AGE} ago
 * is kept, since another writer may be about to write the root that names it (the compare-and-set guards against a
 * second writer; this keeps its shards while it tries). Listing {@value StatePieces#FOLDER} costs a request per
 * thousand shards, so the sweep runs when a failure may have left some: when a writer finds the record of a writer
 * that did not clear it ({@link PendingWrites}), and at a re-render's commit.
 */
final class StateSweep {

    /** When a shard was written (an ISO-8601 instant), in its metadata. */
    static final String WRITTEN = "galley-written";
    /** Far longer than a commit takes from its first shard to its root. */
    static final Duration MIN_AGE = Duration.ofMinutes(5);

    private StateSweep() {
    }

    /** @return how many shards it deleted */
    static int sweep(SiteStore site, Instant now) {
        Optional<SiteStore.Stored> root = site.read(StatePieces.ROOT);
        if (root.isEmpty()) {
            return 0;  // a site before its first commit, or still in the single file of before: nothing names anything
        }
        Set<String> known = StatePieces.known(site, root.get().bytes());
        List<String> unnamed = site.list(StatePieces.FOLDER).stream()
                .filter(path -> !path.equals(StatePieces.ROOT) && path.endsWith(".json"))
                .filter(path -> !known.contains(path.substring(StatePieces.FOLDER.length(), path.length() - ".json".length())))
                .toList();
        List<String> old = Parallel.map(IndexPages.PAGES, unnamed, path -> {
            Optional<SiteStore.Version> version = site.head(path);
            return version.isPresent() && writtenBefore(version.get(), now.minus(MIN_AGE)) ? path : null;
        });
        site.deleteAll(old);
        return old.size();
    }

    /** A shard that does not say when it was written (an older Galley's, or a store without metadata) is old. */
    private static boolean writtenBefore(SiteStore.Version version, Instant limit) {
        String written = version.metadata().get(WRITTEN);
        try {
            return written == null || Instant.parse(written).isBefore(limit);
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
