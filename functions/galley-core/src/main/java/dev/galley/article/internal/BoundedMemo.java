package dev.galley.article.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Results of a pure function kept for reuse across threads, up to a fixed number of keys; past that, results
 * are computed and not kept. For values derived from author input, which is unbounded, in a process that
 * lives across Lambda invocations.
 */
public final class BoundedMemo<K, V> {

    private final Map<K, V> kept = new ConcurrentHashMap<>();
    private final int maxKept;
    private final Function<K, V> function;

    public BoundedMemo(int maxKept, Function<K, V> function) {
        this.maxKept = maxKept;
        this.function = function;
    }

    public V apply(K key) {
        V known = kept.get(key);
        if (known != null) {
            return known;
        }
        V value = function.apply(key);
        if (kept.size() < maxKept) {
            kept.put(key, value);
        }
        return value;
    }
}
