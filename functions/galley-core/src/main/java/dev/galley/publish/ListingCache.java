package dev.galley.publish;

import dev.galley.render.SiteListing;

/**
 * The {@link SiteListing} of the last manifest this process published, handed from one publish to the next: a warm
 * writer changes it by the articles a publish changes instead of sorting and grouping the site again. One owner at a
 * time: {@link #take} hands it out and forgets it, so a publish that fails half way leaves nothing half changed here.
 */
final class ListingCache {

    private static Manifest owner;
    private static SiteListing listing;

    private ListingCache() {
    }

    /** The listing of this manifest: the one kept, or one built from its entries (a cold start, or another site). */
    static SiteListing take(Manifest manifest) {
        synchronized (ListingCache.class) {
            if (owner == manifest && listing != null) {
                SiteListing kept = listing;
                owner = null;
                listing = null;
                return kept;
            }
        }
        return SiteListing.of(manifest.entries().values().stream().map(Manifest.Entry::article).toList());
    }

    /** The listing kept for {@code same} serves {@code next}, the same entries under another revision. */
    static synchronized void sameEntries(Manifest same, Manifest next) {
        if (owner == same) {
            owner = next;
        }
    }

    /** Keeps the listing of the manifest a publish is about to commit, for the next publish. */
    static synchronized void keep(Manifest manifest, SiteListing kept) {
        owner = manifest;
        listing = kept;
    }
}
