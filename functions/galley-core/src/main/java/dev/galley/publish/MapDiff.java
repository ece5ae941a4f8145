package dev.galley.publish;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The keys whose values differ between two sorted maps, found in one merged walk. Two revisions of the manifest share
 * the objects of what did not change, so the walk compares references and only a handful of values: it costs a pass
 * over the keys, not the sorting, hashing and rendering that grow faster with the site. A map made from another by a
 * few keys' changes can say so ({@link #derived}); two maps linked by such steps are then compared at those keys only,
 * which does not grow with the site at all.
 */
final class MapDiff {

    /** How many derivations are remembered: far more than one publish makes between the revisions it compares. */
    private static final int REMEMBERED = 64;
    /** Maps made from others, newest last; compared by identity. */
    private static final Deque<Derived> DERIVED = new ArrayDeque<>();

    private record Derived(Map<?, ?> from, Map<?, ?> to, Collection<String> keys) {
    }

    private MapDiff() {
    }

    /** Remembers that {@code to} is {@code from} with at most these keys changed (added, removed or given other values). */
    static void derived(Map<?, ?> from, Map<?, ?> to, Collection<String> keys) {
        synchronized (DERIVED) {
            DERIVED.addLast(new Derived(from, to, List.copyOf(keys)));
            if (DERIVED.size() > REMEMBERED) {
                DERIVED.removeFirst();
            }
        }
    }

    /** The last pair of maps compared: a publish asks about the same two revisions' entries four times. */
    private static volatile Object[] last = {null, null, List.of()};

    /** The keys in either map whose values differ, or that only one map has, in key order; not to be changed. */
    @SuppressWarnings("unchecked")
    static <V> List<String> changedKeys(NavigableMap<String, V> before, NavigableMap<String, V> after) {
        Object[] known = last;
        if (known[0] == before && known[1] == after) {
            return (List<String>) known[2];
        }
        List<String> changed = alongDerivations(before, after);
        if (changed == null) {
            changed = walk(before, after);
        }
        last = new Object[] {before, after, changed};
        return changed;
    }

    /** The changed keys, if {@code after} was made from {@code before} by remembered steps; null otherwise. */
    private static <V> List<String> alongDerivations(NavigableMap<String, V> before, NavigableMap<String, V> after) {
        TreeSet<String> candidates = new TreeSet<>();
        Object at = after;
        synchronized (DERIVED) {
            while (at != before) {
                Derived step = null;
                for (Derived derived : DERIVED) {
                    if (derived.to() == at) {
                        step = derived;
                    }
                }
                if (step == null) {
                    return null;
                }
                candidates.addAll(step.keys());
                at = step.from();
            }
        }
        List<String> changed = new ArrayList<>();
        for (String key : candidates) {
            V x = before.get(key);
            V y = after.get(key);
            if (x != y && !Objects.equals(x, y)) {
                changed.add(key);
            }
        }
        return java.util.Collections.unmodifiableList(changed);
    }

    private static <V> List<String> walk(NavigableMap<String, V> before, NavigableMap<String, V> after) {
        List<String> changed = new ArrayList<>();
        if (before == after) {
            return List.of();
        }
        Iterator<Map.Entry<String, V>> a = before.entrySet().iterator();
        Iterator<Map.Entry<String, V>> b = after.entrySet().iterator();
        Map.Entry<String, V> x = a.hasNext() ? a.next() : null;
        Map.Entry<String, V> y = b.hasNext() ? b.next() : null;
        while (x != null || y != null) {
            int order = x == null ? 1 : y == null ? -1 : x.getKey().compareTo(y.getKey());
            if (order < 0) {
                changed.add(x.getKey());
                x = a.hasNext() ? a.next() : null;
            } else if (order > 0) {
                changed.add(y.getKey());
                y = b.hasNext() ? b.next() : null;
            } else {
                if (x.getValue() != y.getValue() && !Objects.equals(x.getValue(), y.getValue())) {
                    changed.add(x.getKey());
                }
                x = a.hasNext() ? a.next() : null;
                y = b.hasNext() ? b.next() : null;
            }
        }
        return java.util.Collections.unmodifiableList(changed);
    }
}
