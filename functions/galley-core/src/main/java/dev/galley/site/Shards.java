package dev.galley.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Splits a set of keyed items (articles by path) into shards whose boundaries the keys choose, so that adding,
 * changing or removing one item changes one shard, or two where it starts or ends one, however many there are.
 *
 * <p>Items are ordered by key; a key ends its shard when a hash of it says so (on average one in {@code averageSize},
 * by the rule that ended {@link Pagination}'s archive pages until layout 3), and the items after the last such key form the tail.
 * A shard is named after the key that ends it, hashed so the name is safe in a URL and in a file name; the tail is
 * {@value #TAIL}. Numbered shards would shift every shard after an insertion.
 */
public final class Shards {

    /** The name of the shard of the items after the last key that ends one. */
    public static final String TAIL = "tail";

    /** One shard: its name and its items, by key. */
    public record Shard<T>(String name, List<T> items) {
        public Shard {
            items = List.copyOf(items);
        }
    }

    private Shards() {
    }

    /** The items' shards in key order; no shard is empty, and none when there are no items. */
    public static <T> List<Shard<T>> split(List<T> items, Function<T, String> key, int averageSize) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(key));
        List<Shard<T>> shards = new ArrayList<>();
        List<T> current = new ArrayList<>();
        for (T item : sorted) {
            current.add(item);
            String k = key.apply(item);
            if (ends(k, averageSize)) {
                shards.add(new Shard<>(nameOf(k), current));
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            shards.add(new Shard<>(TAIL, current));
        }
        return shards;
    }

    /** Whether the item of this key ends its shard: what {@link #split} asks of each key. */
    public static boolean ends(String key, int averageSize) {
        return Pagination.endsArchivePage(key, averageSize);
    }

    /** The name of the shard this key ends: 48 bits of the key's SHA-256, names that never meet among the shards of one site. */
    public static String nameOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
