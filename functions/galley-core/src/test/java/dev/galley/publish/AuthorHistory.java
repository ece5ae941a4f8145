package dev.galley.publish;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Random histories of what authors do to a content bucket (creates, edits, deletes, drafts, broken files, two files
 * claiming one URL, site.yaml changes), their deliveries (late, shuffled, twice, in batches), and the shrinking of a
 * failing history: shared by the property tests over the in-memory stores and over S3.
 */
public final class AuthorHistory {

    private static final List<String> FILES = List.of("a.md", "b.md", "c.md", "notes/d.md");

    private AuthorHistory() {
    }

    /** Where the operations land: the in-memory bucket or a real one. */
    public interface Bucket {
        void put(String key, String text);

        void delete(String key);
    }

    /** One author operation on the content bucket. */
    public sealed interface Operation {
        String key();

        void applyTo(Bucket bucket);
    }

    /**
     * Writes an article: {@code slug} "" for the file name's, {@code day} its date in January; or a broken file, whose
     * last good version, if it had one, stays published (the bucket keeps versions, as a versioned S3 bucket does).
     */
    public record Write(String key, int day, String slug, boolean draft, boolean broken) implements Operation {

        @Override
        public void applyTo(Bucket bucket) {
            bucket.put(key, broken ? "---\ntitle: Broken " + key + "\ndate: someday\n---\nNo date.\n"
                    : "---\ntitle: Post " + key + " of day " + day + "\ndate: 2026-01-0" + day + "\n"
                    + (slug.isEmpty() ? "" : "slug: " + slug + "\n") + (draft ? "draft: true\n" : "") + "tags: [T" + (day % 2) + "]\n---\n"
                    + "The body of " + key + ".\n");
        }
    }

    public record Delete(String key) implements Operation {
        @Override
        public void applyTo(Bucket bucket) {
            bucket.delete(key);
        }
    }

    /** site.yaml with a permalink pattern and two articles a page (so archive pages come and go), or none. */
    public record Config(String permalink) implements Operation {
        @Override
        public String key() {
            return "site.yaml";
        }

        @Override
        public void applyTo(Bucket bucket) {
            if (permalink.isEmpty()) {
                bucket.delete(key());
            } else {
                bucket.put(key(), "permalink: " + permalink + "\npageSize: 2\n");
            }
        }
    }

    /** One to {@code maxLength} operations. */
    public static List<Operation> random(Random random, int maxLength) {
        List<Operation> history = new ArrayList<>();
        for (int i = 1 + random.nextInt(maxLength); i > 0; i--) {
            int kind = random.nextInt(9);
            String file = FILES.get(random.nextInt(FILES.size()));
            if (kind < 6) {
                history.add(new Write(file, 1 + random.nextInt(9), List.of("", "", "twin", "other").get(random.nextInt(4)),
                        random.nextInt(4) == 0, random.nextInt(4) == 0));
            } else if (kind < 8) {
                history.add(new Delete(file));
            } else {
                history.add(new Config(List.of("", "/articles/:slug/", "/:year/:slug/", "/:section/:slug/").get(random.nextInt(4))));
            }
        }
        return history;
    }

    /** The notifications, shuffled, some twice, cut into batches of one to four. */
    public static <T> List<List<T>> deliveries(List<T> sent, Random random) {
        List<T> notifications = new ArrayList<>(sent);
        sent.forEach(notification -> {
            if (random.nextInt(4) == 0) {
                notifications.add(notification);
            }
        });
        Collections.shuffle(notifications, random);
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < notifications.size(); ) {
            int to = Math.min(notifications.size(), from + 1 + random.nextInt(4));
            batches.add(List.copyOf(notifications.subList(from, to)));
            from = to;
        }
        return batches;
    }

    /**
     * Fails, with the shortest history that still shows it, when playing {@code history} leaves a difference.
     *
     * @param difference what playing a history leaves different from a full re-render of the final bucket, or null
     */
    public static void assertSettlesAsAReRender(List<Operation> history, Function<List<Operation>, String> difference) {
        if (difference.apply(history) != null) {
            List<Operation> shortest = shrink(history, shorter -> difference.apply(shorter) != null);
            assertNull(difference.apply(shortest), "after " + shortest + " (shrunk from " + history.size() + " operations)");
        }
    }

    /**
     * The shortest history found by dropping one operation at a time while it still fails; never the empty one (no
     * notification ever runs the function, so the site stays empty where a re-render would write its index pages).
     */
    private static List<Operation> shrink(List<Operation> failing, Predicate<List<Operation>> fails) {
        List<Operation> shortest = failing;
        for (boolean dropped = true; dropped; ) {
            dropped = false;
            for (int i = 0; shortest.size() > 1 && i < shortest.size() && !dropped; i++) {
                List<Operation> shorter = new ArrayList<>(shortest);
                shorter.remove(i);
                if (fails.test(shorter)) {
                    shortest = shorter;
                    dropped = true;
                }
            }
        }
        return shortest;
    }
}
