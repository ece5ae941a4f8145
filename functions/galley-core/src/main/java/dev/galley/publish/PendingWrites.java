package dev.galley.publish;

import dev.galley.article.ArticleParser;
import dev.galley.render.SiteRenderer;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The write-ahead record that closes the gap of committing last. A batch writes its pages, index pages, neighbours and
 * redirects before it commits the state, so that a batch delivered again redoes them; but when its commit fails and
 * the author changes the files before it comes again (deletes a new article, undoes an edit that moved a page), the
 * batch finds nothing to do for them, and what it wrote for a state never committed would stay. So before its first
 * write a writer (a batch, or a re-render in one process) records in {@value #PATH} the entry of every path it is
 * about to change (none where it takes an article off), the files whose status it tells besides its own, and the
 * revision its commit makes. The record stays after the commit: the next writer's record overwrites it, which saves a
 * DELETE a batch. The next writer to read the state (any batch, or a re-render's commit) reads the record, unless it
 * is the writer that left it, committed it, and still holds the claim ({@link KnownSite#knownDone}). A record is done
 * when the state has its revision and lists its entries: its files are told their status again (the commit may have
 * gone through with its answer lost) and it is left for the next record to overwrite. Any other record was left by a
 * writer that did not commit; its paths are put right as the committed state has them: the pages of paths it lists
 * rendered again, the others removed, and the index pages, neighbours and redirects that differ between the recorded
 * state and the committed one written again; its files are told their status again, and the record is deleted.
 * Putting right is idempotent, so a failure while doing it leaves the record for the next writer. The record is an
 * unconditional write: the commit stays the one conditional write.
 */
final class PendingWrites {

    static final String PATH = "_galley/pending-writes.json";
    /** The most paths a record holds, some 2 MB; a batch changes a few dozen. */
    static final int MOST_PATHS = 1_000;

    /**
     * A writer's record.
     *
     * @param revision  the revision its commit makes (one past the state it read); 0 in a record of an older Galley,
     *                  which deleted its record once committed, so that one left behind was never committed
     * @param paths     the entry of every path it changes, by path; null where it takes the path's article off
     * @param followUps files outside its changes whose status it tells after its commit (a file it displaces, say)
     */
    record Pending(long revision, Map<String, Manifest.Entry> paths, Set<String> followUps) {
        static final Pending NONE = new Pending(0, Map.of(), Set.of());
    }

    private final PublishParts parts;
    /** What this writer has recorded so far. */
    private Pending recorded = Pending.NONE;

    PendingWrites(PublishParts parts) {
        this.parts = parts;
    }

    /**
     * Puts right what a writer that recorded its writes and did not commit them left, as {@code committed} has those
     * paths, then deletes its record. One read when there is a record (a 404 when there is none); none when this writer
     * left the record there, committed it and holds the claim; nothing at all once this writer recorded its own writes
     * (it settled before).
     *
     * @param renderers the renderer to put pages right with, asked for only when there are some
     *
     * @return the files whose status that writer was to tell after its commit: it may have committed and failed after
     */
    Set<String> settle(Supplier<SiteRenderer> renderers, Manifest committed) {
        if (recorded != Pending.NONE || parts.site().knownDone(PATH)) {
            return Set.of();
        }
        Optional<SiteStore.Stored> left = parts.site().read(PATH);
        if (left.isEmpty()) {
            return Set.of();
        }
        Pending pending = parse(left.get().bytes());
        Map<String, Manifest.Entry> entries = new TreeMap<>(committed.entries());
        pending.paths().forEach((path, entry) -> {
            if (entry == null) {
                entries.remove(path);
            } else {
                entries.put(path, entry);
            }
        });
        boolean listsThem = entries.equals(committed.entries());
        if (listsThem && pending.revision() > 0 && committed.revision() >= pending.revision()) {
            parts.site().markDone(PATH);  // committed: the next record overwrites it
            return pending.followUps();
        }
        if (!listsThem) {
            SiteRenderer renderer = renderers.get();
            Manifest written = new Manifest(committed.revision(), entries, committed.retired(), committed.claims());
            putRight(renderer, new ArticleParser(renderer.site(), parts.imageSizes()), written, committed, pending.paths().keySet());
        }
        parts.site().delete(PATH);
        StateSweep.sweep(parts.site(), Instant.now());  // that writer may have written shards and no root
        return pending.followUps();
    }

    /**
     * Records, before any of its writes, every path whose entry {@code listed} changes from {@code base}, and the files
     * whose status it tells besides its own, together with what this writer recorded before (a batch folded again
     * writes for a second listing after its first). A listing that changes more than {@value #MOST_PATHS} paths (a
     * re-render of a new site, or of a changed permalink) records nothing: the record would be as large as the state.
     */
    void record(Manifest base, Manifest listed, Set<String> followUps) {
        Map<String, Manifest.Entry> paths = new TreeMap<>(recorded.paths());
        // null: the listing drops the path
        MapDiff.changedKeys(base.entriesByPath(), listed.entriesByPath()).forEach(path -> paths.put(path, listed.byPath(path)));
        Set<String> told = new TreeSet<>(recorded.followUps());
        told.addAll(followUps);
        Pending next = new Pending(base.revision() + 1, paths, told);
        if (paths.size() > MOST_PATHS || recorded != Pending.NONE && next.equals(recorded)) {
            return;  // a record even of nothing: a commit that fails leaves shards, which the next writer sweeps when it finds one
        }
        parts.site().write(new SiteFile(PATH, StatePieces.write(next), ContentKind.INTERNAL_JSON), Map.of(), new SiteStore.Condition.None());
        recorded = next;
    }

    /** Marks this writer's record done once its state is committed: it stays until the next record overwrites it. */
    void clear() {
        if (recorded != Pending.NONE) {
            parts.site().markDone(PATH);
            recorded = Pending.NONE;
        }
    }

    /**
     * Writes again what differs between {@code written} (the committed state with the recorded entries) and
     * {@code committed}, in a publish's order: pages first, then the index pages and neighbours that link to them,
     * redirects, and last the removal of pages the committed state does not list.
     */
    private void putRight(SiteRenderer renderer, ArticleParser parser, Manifest written, Manifest committed, Set<String> paths) {
        List<String> listed = paths.stream().filter(path -> committed.byPath(path) != null).toList();
        Parallel.map(IndexPages.PAGES, listed, path -> {
            parts.articles().rerender(parser, renderer, committed, committed.byPath(path));
            return path;
        });
        parts.updatePagesAround(renderer, parser, written, committed, false, Set.copyOf(listed),
                paths.stream().filter(path -> committed.byPath(path) == null).toList());
    }

    private static Pending parse(byte[] bytes) {
        return ManifestCodec.parse(bytes, "the record of pending writes " + PATH, ManifestCodec::readPending);
    }
}
