package dev.galley.publish;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

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
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record PagesOwed(Set<String> index, Set<String> neighbours, Set<String> gone, String since) {

    static final PagesOwed NONE = new PagesOwed(Set.of(), Set.of(), Set.of(), (String) null);

    /** Pages owed from {@code now} on. */
    PagesOwed(Set<String> index, Set<String> neighbours, Set<String> gone, Instant now) {
        this(index, neighbours, gone, now.toString());
    }

    PagesOwed {
        index = sorted(index);
        neighbours = sorted(neighbours);
        gone = sorted(gone);
    }

    @JsonIgnore
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
        return new PagesOwed(union(index, other.index), union(neighbours, other.neighbours), union(gone, other.gone), first);
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
        return new PagesOwed(index, left, gone, since);
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
