package dev.galley.publish;

import java.util.Map;
import java.util.Optional;

/** The site's state: reads the manifest, and commits the next one (the only conditional write Galley makes). */
final class ManifestStore {

    /**
     * A manifest as read, with the stored version a commit is conditional on (empty before the first commit), and the
     * pages batches left to a refresh.
     *
     * @param oldLayout the site's index pages are laid out as an older Galley did (see {@link StatePieces#LAYOUT})
     */
    record Snapshot(Manifest value, Optional<SiteStore.Version> version, PagesOwed owed, boolean oldLayout) {

        Snapshot(Manifest value, Optional<SiteStore.Version> version) {
            this(value, version, PagesOwed.NONE, false);
        }

        /** Whether the next commit writes every index page whose bytes differ: a new site's first, or an old layout's. */
        boolean rewritesEveryIndexPage() {
            return version.isEmpty() || oldLayout;
        }
    }

    private final SiteStore site;
    /** The writer's knowledge of the site, null for a store it is not kept for: nothing is kept across reads then. */
    private final KnownSite known;
    /** The state this writer committed last, with the mark of what it knew then: see {@link #read}. */
    private Committed committed;

    private record Committed(Snapshot snapshot, long mark) {
    }

    ManifestStore(SiteStore site) {
        this.site = site;
        this.known = site instanceof KnownSite k ? k : null;
    }

    /**
     * The manifest as stored: in pieces (see {@link StatePieces}), or in the single file of older sites. Not read when
     * this writer committed it last and holds the claim: every writer claims the site before it commits
     * ({@link KnownSite#claimBefore}), so no other writer changed the root since. A root changed all the same (by
     * hand, or by an older Galley) only makes the next commit's {@code If-Match} fail: the batch is handed back and
     * delivered again, and this writer reads the root then.
     */
    Snapshot read() {
        Committed last = committed;
        if (last != null && known.stillKnows(last.mark())) {
            return last.snapshot();
        }
        committed = null;
        return StatePieces.read(site);
    }

    /**
     * Writes the manifest if nobody changed it since {@code base} was read: the guard against a second writer. What
     * {@code base} owes a refresh stays owed.
     *
     * @throws CommitRefusedException when somebody did
     */
    void commit(Snapshot base, Manifest next) {
        commit(base, next, base.owed());
    }

    /** The same, leaving {@code owed} to a refresh: see {@link DeferredPages}. */
    void commit(Snapshot base, Manifest next, PagesOwed owed) {
        committed = null;
        if (known != null) {
            known.claimBefore();
        }
        Optional<String> etag = StatePieces.commit(site, base, next, owed);
        if (etag == null) {
            throw new CommitRefusedException(StatePieces.ROOT);
        }
        Optional<Long> mark = known == null ? Optional.empty() : known.mark();
        if (etag.isPresent() && mark.isPresent()) {
            PagesOwed stored = owed.isEmpty() ? PagesOwed.NONE : owed;  // as a read of the root gives it
            committed = new Committed(new Snapshot(next, Optional.of(new SiteStore.Version(etag.get(), Map.of())), stored, false), mark.get());
        }
    }
}
