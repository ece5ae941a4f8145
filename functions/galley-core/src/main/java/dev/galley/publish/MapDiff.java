package dev.galley.publish;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;

/**
 * The keys whose values differ between two sorted maps, found in one merged walk. Two revisions of the manifest share
 * the objects of what did not change, so the walk compares references and only a handful of values: it costs a pass
 * over the keys, not the sorting, hashing and rendering that grow faster with the site.
 */
final class MapDiff {

    private MapDiff() {
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
        List<String> changed = walk(before, after);
        last = new Object[] {before, after, changed};
        return changed;
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
