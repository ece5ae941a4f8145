package dev.galley.publish;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pages batches from the queue left to a refresh ({@link DeferredPages}), kept in the state's root and committed
 * with it, accumulated across batches until a refresh writes them from the state as it is then. Names only: what a
 * page shows is worked out when it is paid, so a page owed by ten batches is written once.
 *
 * @param index      index pages (home and archive, tag pages, feeds, sitemaps, search) whose content changed: each is
 *                   written as the state has it then, or deleted when the state has no such page any more
 * @param neighbours article paths whose previous/next links changed: each page is rendered again if the state still
 *                   lists it (a later batch that removes it owes its removal)
 * @param gone       article paths the state stopped listing: each page is deleted unless the state lists it again
 *                   or a redirect took its key, after the index pages and neighbours no longer link to it
 * @param since      when the oldest of them was first owed (an ISO-8601 instant), null when none is
 * @param round      how many refreshes met this debt and left it (they had changes queued behind them): see
 *                   {@link #refreshId}
 */
record PagesOwed(Set<String> index, Set<String> neighbours, Set<String> gone, String since, int round) {

    static final PagesOwed NONE = new PagesOwed(Set.of(), Set.of(), Set.of(), null, 0);

    /** Pages owed from {@code now} on. */
    PagesOwed(Set<String> index, Set<String> neighbours, Set<String> gone, Instant now) {
        this(index, neighbours, gone, now.toString(), 0);
    }

    PagesOwed {
        index = sorted(index);
        neighbours = sorted(neighbours);
        gone = sorted(gone);
    }

    boolean isEmpty() {
        return index.isEmpty() && neighbours.isEmpty() && gone.isEmpty();
    }

    /** What both owe. */
    PagesOwed plus(PagesOwed other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        String first = since == null || other.since != null && other.since.compareTo(since) < 0 ? other.since : since;
        return new PagesOwed(union(index, other.index), union(neighbours, other.neighbours), union(gone, other.gone), first,
                Math.max(round, other.round));
    }

    /**
     * The deduplication id of the refresh this debt asks for: the same for every batch that adds to the debt until a
     * refresh meets it, so the queue keeps one refresh behind them all, not one a batch (each takes a place in a batch
     * of ten). Swallowing a later batch's request is safe: that batch's changes were handed over before the refresh
     * already queued (a batch that held it would have met it), so it comes behind them. A refresh that meets the debt
     * and leaves it moves the debt to the next round, whose id is new.
     */
    String refreshId() {
        return since + "#" + round;
    }

    /** This debt, met by a refresh that left it: the next request is a new message. */
    PagesOwed nextRound() {
        return new PagesOwed(index, neighbours, gone, since, round + 1);
    }

    /** Whether something has been owed since before {@code then}. */
    boolean owedSinceBefore(Instant then) {
        return !isEmpty() && since != null && Instant.parse(since).isBefore(then);
    }

    /**
     * Without the neighbours whose pages a batch wrote itself, with the links its state gives them: a later batch that
     * moves their links owes them again.
     */
    PagesOwed withoutNeighbours(Set<String> written) {
        if (written.isEmpty() || neighbours.stream().noneMatch(written::contains)) {
            return this;
        }
        Set<String> left = new TreeSet<>(neighbours);
        left.removeAll(written);
        return new PagesOwed(index, left, gone, since, round);
    }

    /** Sorted, so that the root's bytes do not depend on the order pages were owed in; null: a root written before. */
    private static Set<String> sorted(Set<String> names) {
        return names == null || names.isEmpty() ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
