package dev.galley.publish;

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

    ManifestStore(SiteStore site) {
        this.site = site;
    }

    /** The manifest as stored: in pieces (see {@link StatePieces}), or in the single file of older sites. */
    Snapshot read() {
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
        if (!StatePieces.commit(site, base, next, owed)) {
            throw new CommitRefusedException(StatePieces.ROOT);
        }
    }
}
