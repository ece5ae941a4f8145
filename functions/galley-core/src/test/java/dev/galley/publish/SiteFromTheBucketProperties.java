package dev.galley.publish;

import dev.galley.publish.AuthorHistory.Operation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    static LongStream seeds() {
        return LongStream.range(0, HISTORIES);
    }

    @ParameterizedTest(name = "history {0}")
    @MethodSource("seeds")
    void theSettledSiteIsWhatAFullReRenderOfTheBucketMakes(long seed) {
        List<Operation> history = AuthorHistory.random(new Random(seed), 14);
        String failure = differenceFromAReRender(history, seed);
        if (failure != null) {
            List<Operation> shortest = AuthorHistory.shrink(history, shorter -> differenceFromAReRender(shorter, seed) != null);
            assertNull(differenceFromAReRender(shortest, seed), "after " + shortest + " (shrunk from " + history.size() + " operations)");
        }
    }

    /** Plays the history, delivering its notifications as {@code seed} says; what a full re-render then changes, or null. */
    private static String differenceFromAReRender(List<Operation> history, long seed) {
        Random delivery = new Random(seed * 31 + 7);
        InMemoryStores.Content content = new InMemoryStores.Content();
        InMemoryStores.Site site = new InMemoryStores.Site();
        Publisher publisher = new Publisher(content, site);
        AuthorHistory.Bucket bucket = bucketOf(content);
        List<String> undelivered = new ArrayList<>();
        for (Operation operation : history) {
            operation.applyTo(bucket);
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

    private static void deliver(List<String> keys, Random random, Publisher publisher) {
        AuthorHistory.deliveries(keys, random).forEach(batch -> publisher.publish(batch.stream().map(SourceChange::of).toList(), () -> true));
        keys.clear();
    }

    private static AuthorHistory.Bucket bucketOf(InMemoryStores.Content content) {
        return new AuthorHistory.Bucket() {
            @Override
            public void put(String key, String text) {
                content.put(key, text);
            }

            @Override
            public void delete(String key) {
                content.files.remove(key);
            }
        };
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
