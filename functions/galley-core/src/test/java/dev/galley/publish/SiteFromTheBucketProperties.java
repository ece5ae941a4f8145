package dev.galley.publish;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The site is a function of the content bucket: whatever history of author operations led there (creates, edits,
 * deletes, drafts, broken files, two files claiming one URL, site.yaml changes), delivered late, out of order,
 * twice and in batches of any size, the settled site is what a full re-render of the final bucket makes of it:
 * the re-render finds nothing to write, delete or report differently (a broken replacement's last good version
 * stays up in both). Each seed makes one history and its
 * delivery; a failing history is shrunk (operations dropped one at a time while it still fails) before it is
 * reported, so the report is short.
 */
class SiteFromTheBucketProperties {

    private static final int HISTORIES = 200;
    private static final List<String> FILES = List.of("a.md", "b.md", "c.md", "notes/d.md");

    /** One author operation on the content bucket. */
    private interface Operation {
        String key();

        void applyTo(InMemoryStores.Content content);
    }

    /**
     * Writes an article: {@code slug} "" for the file name's, {@code day} its date in January; or a broken file, whose
     * last good version, if it had one, stays published (the in-memory bucket keeps versions, as S3's does).
     */
    private record Write(String key, int day, String slug, boolean draft, boolean broken) implements Operation {

        @Override
        public void applyTo(InMemoryStores.Content content) {
            content.put(key, broken ? "---\ntitle: Broken " + key + "\ndate: someday\n---\nNo date.\n"
                    : "---\ntitle: Post " + key + " of day " + day + "\ndate: 2026-01-0" + day + "\n"
                    + (slug.isEmpty() ? "" : "slug: " + slug + "\n") + (draft ? "draft: true\n" : "") + "tags: [T" + (day % 2) + "]\n---\n"
                    + "The body of " + key + ".\n");
        }
    }

    private record Delete(String key) implements Operation {
        @Override
        public void applyTo(InMemoryStores.Content content) {
            content.files.remove(key);
        }
    }

    /** site.yaml with a permalink pattern and two articles a page (so archive pages come and go), or none. */
    private record Config(String permalink) implements Operation {
        @Override
        public String key() {
            return "site.yaml";
        }

        @Override
        public void applyTo(InMemoryStores.Content content) {
            if (permalink.isEmpty()) {
                content.files.remove(key());
            } else {
                content.put(key(), "permalink: " + permalink + "\npageSize: 2\n");
            }
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, HISTORIES);
    }

    @ParameterizedTest(name = "history {0}")
    @MethodSource("seeds")
    void theSettledSiteIsWhatAFullReRenderOfTheBucketMakes(long seed) {
        List<Operation> history = history(new Random(seed));
        String failure = differenceFromAReRender(history, seed);
        if (failure != null) {
            List<Operation> shortest = shrink(history, seed);
            assertNull(differenceFromAReRender(shortest, seed), "after " + shortest + " (shrunk from " + history.size() + " operations)");
        }
    }

    private static List<Operation> history(Random random) {
        List<Operation> history = new ArrayList<>();
        for (int i = 1 + random.nextInt(14); i > 0; i--) {
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

    /** The shortest history found by dropping one operation at a time that still fails. */
    private static List<Operation> shrink(List<Operation> failing, long seed) {
        List<Operation> shortest = failing;
        for (boolean dropped = true; dropped; ) {
            dropped = false;
            for (int i = 0; i < shortest.size() && !dropped; i++) {
                List<Operation> shorter = new ArrayList<>(shortest);
                shorter.remove(i);
                if (differenceFromAReRender(shorter, seed) != null) {
                    shortest = shorter;
                    dropped = true;
                }
            }
        }
        return shortest;
    }

    /** Plays the history, delivering its notifications as {@code seed} says; what a full re-render then changes, or null. */
    private static String differenceFromAReRender(List<Operation> history, long seed) {
        Random delivery = new Random(seed * 31 + 7);
        InMemoryStores.Content content = new InMemoryStores.Content();
        InMemoryStores.Site site = new InMemoryStores.Site();
        Publisher publisher = new Publisher(content, site);
        List<String> undelivered = new ArrayList<>();
        for (Operation operation : history) {
            operation.applyTo(content);
            undelivered.add(operation.key());
            if (delivery.nextInt(3) == 0) {
                deliver(undelivered, delivery, publisher);
            }
        }
        deliver(undelivered, delivery, publisher);
        Map<String, String> settled = objects(site);
        Map<String, PublishStatus> settledStatuses = new TreeMap<>(content.statuses);

        publisher.rebuild();

        Map<String, String> rebuilt = objects(site);
        if (!settled.keySet().equals(rebuilt.keySet())) {
            return "the site's files " + settled.keySet() + " differ from a full re-render's " + rebuilt.keySet();
        }
        for (String path : settled.keySet()) {
            if (!Objects.equals(settled.get(path), rebuilt.get(path))) {
                return path + " differs from a full re-render's";
            }
        }
        return settledStatuses.equals(new TreeMap<>(content.statuses)) ? null
                : "the statuses " + settledStatuses + " differ from a full re-render's " + new TreeMap<>(content.statuses);
    }

    /** The notifications so far, shuffled, some twice, in batches of one to four. */
    private static void deliver(List<String> keys, Random random, Publisher publisher) {
        List<String> notifications = new ArrayList<>(keys);
        keys.forEach(key -> {
            if (random.nextInt(4) == 0) {
                notifications.add(key);
            }
        });
        Collections.shuffle(notifications, random);
        for (int from = 0; from < notifications.size(); ) {
            int to = Math.min(notifications.size(), from + 1 + random.nextInt(4));
            publisher.publish(notifications.subList(from, to).stream().map(SourceChange::of).toList(), () -> true);
            from = to;
        }
        keys.clear();
    }

    /**
     * Every object readers can be served, path and bytes: not Galley's own state under {@code _galley/} (the
     * manifest's revision counts commits, and only a full re-render writes its link report).
     */
    private static Map<String, String> objects(InMemoryStores.Site site) {
        Map<String, String> all = new TreeMap<>();
        site.objects.forEach((path, stored) -> {
            if (!path.startsWith("_galley/")) {
                all.put(path, new String(stored.bytes(), StandardCharsets.UTF_8));
            }
        });
        return all;
    }
}
