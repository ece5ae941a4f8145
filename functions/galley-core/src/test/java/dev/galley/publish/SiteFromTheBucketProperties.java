package dev.galley.publish;

import dev.galley.publish.AuthorHistory.Operation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;


/**
 * The site is a function of the content bucket: whatever history of author operations led there (creates, edits,
 * deletes, drafts, broken files, two files claiming one URL, site.yaml changes), delivered late, out of order,
 * twice and in batches of any size, the settled site is what a full re-render of the final bucket makes of it, into
 * a site that holds only Galley's state: the same files, bytes and statuses (a broken replacement's last good version
 * stays up in both). One batch in three meets a failed write of the site (its commit among them), and what it hands
 * back comes again after the author's next operations. Odd seeds publish as batches from the queue do, leaving their
 * index pages and neighbours to refreshes ({@link DeferredPages}), which are delivered among the changes, shuffled,
 * doubled and faulted like them: settled means every refresh asked for is delivered. Each seed makes one history and its
 * delivery; a failing history is shrunk (operations dropped one at a time while it still fails) before it is
 * reported, so the report is short.
 */
class SiteFromTheBucketProperties {

    private static final int HISTORIES = 200;

    /** A refresh among the keys delivered. */
    private static final String REFRESH = "<refresh>";

    static LongStream seeds() {
        return LongStream.range(0, HISTORIES);
    }

    @ParameterizedTest(name = "history {0}")
    @MethodSource("seeds")
    void theSettledSiteIsWhatAFullReRenderOfTheBucketMakes(long seed) {
        AuthorHistory.assertSettlesAsAReRender(AuthorHistory.random(new Random(seed), 14), history -> differenceFromAReRender(history, seed));
    }

    /**
     * Plays the history, delivering its notifications as {@code seed} says, with faults: a change handed back is
     * delivered again later, after the author's next operations; what a full re-render then changes, or null.
     */
    private static String differenceFromAReRender(List<Operation> history, long seed) {
        Random delivery = new Random(seed * 31 + 7);
        InMemoryStores.Content content = new InMemoryStores.Content();
        InMemoryStores.Site site = new InMemoryStores.Site();
        Faults faults = new Faults(new Random(seed * 17 + 3));
        site.beforeWrite = faults::before;
        site.afterWrite = faults::after;
        Publisher publisher = new Publisher(content, site);
        List<String> refreshes = new ArrayList<>();
        if (seed % 2 == 1) {  // as from the queue: index pages and neighbours wait for a refresh, delivered like a change
            java.util.Set<String> sent = new java.util.HashSet<>();
            publisher.leavePagesToRefreshesThrough(id -> {
                if (sent.add(id)) {  // as the FIFO queue deduplicates: one message an id
                    refreshes.add(REFRESH);
                }
            });
        }
        AuthorHistory.Bucket bucket = bucketOf(content);
        List<String> undelivered = new ArrayList<>();
        for (Operation operation : history) {
            operation.applyTo(bucket);
            undelivered.add(operation.key());
            if (delivery.nextInt(3) == 0) {
                deliver(undelivered, delivery, publisher, faults, refreshes);
            }
        }
        for (int round = 0; !undelivered.isEmpty(); round++) {
            if (round == 20) {
                throw new AssertionError("changes handed back 20 times: " + undelivered);
            }
            deliver(undelivered, delivery, publisher, faults, refreshes);
        }
        Map<String, String> settled = site.served();
        Map<String, PublishStatus> settledStatuses = new TreeMap<>(content.statuses);

        Map<String, String> rebuilt = reRenderedApart(content, site).served();

        if (!settled.keySet().equals(rebuilt.keySet())) {
            java.util.Set<String> extra = new java.util.TreeSet<>(settled.keySet());
            extra.removeAll(rebuilt.keySet());
            java.util.Set<String> missing = new java.util.TreeSet<>(rebuilt.keySet());
            missing.removeAll(settled.keySet());
            return "the site holds " + extra + " that a full re-render does not, and lacks " + missing;
        }
        for (String path : settled.keySet()) {
            if (!Objects.equals(settled.get(path), rebuilt.get(path))) {
                return path + " differs from a full re-render's";
            }
        }
        return settledStatuses.equals(new TreeMap<>(content.statuses)) ? null
                : "the statuses " + settledStatuses + " differ from a full re-render's " + new TreeMap<>(content.statuses);
    }

    /**
     * A full re-render of the bucket into a site of its own that holds only Galley's state (the last good versions,
     * the URLs articles had): a page the state does not list, which a re-render over the site itself may not find to
     * remove, is not carried over.
     */
    private static InMemoryStores.Site reRenderedApart(InMemoryStores.Content content, InMemoryStores.Site site) {
        InMemoryStores.Site apart = new InMemoryStores.Site();
        site.objects.forEach((path, stored) -> {
            if (path.startsWith("_galley/")) {
                apart.objects.put(path, stored);
            }
        });
        new Publisher(content, apart).rebuild();
        return apart;
    }

    /**
     * Delivers the keys in shuffled batches; {@code keys} is left holding the changes handed back and the refreshes
     * asked for meanwhile ({@link #REFRESH}), to come again later. A batch may hold refreshes, reordered like the rest.
     */
    private static void deliver(List<String> keys, Random random, Publisher publisher, Faults faults, List<String> refreshes) {
        List<String> handedBack = new ArrayList<>();
        for (List<String> batch : AuthorHistory.deliveries(keys, random)) {
            List<String> changes = batch.stream().filter(key -> !key.equals(REFRESH)).toList();
            Refresh refresh = changes.size() == batch.size() ? Refresh.NONE
                    : batch.get(batch.size() - 1).equals(REFRESH) ? Refresh.LAST : Refresh.FOLLOWED;
            faults.arm();
            BatchOutcome done = publisher.publish(changes.stream().map(SourceChange::of).toList(), () -> true, refresh);
            faults.disarm();
            handedBack.addAll(changes.subList(done.handedBackFrom(), changes.size()));
            if (refresh != Refresh.NONE && done.handBackCause().isPresent()) {
                handedBack.add(REFRESH);
            }
        }
        keys.clear();
        keys.addAll(handedBack);
        keys.addAll(refreshes);
        refreshes.clear();
    }

    /**
     * While armed, one batch in three meets one failed write of the site: its commit, before the root is written or
     * after with the answer lost, or one of its first thirty writes of pages, index pages and state.
     */
    private static final class Faults {
        private final Random random;
        private boolean commitBefore;
        private boolean commitAfter;
        private int writesLeft;

        Faults(Random random) {
            this.random = random;
        }

        synchronized void arm() {
            int kind = random.nextInt(9);
            commitBefore = kind == 0;
            commitAfter = kind == 1;
            writesLeft = kind == 2 ? 1 + random.nextInt(30) : 0;
        }

        synchronized void disarm() {
            commitBefore = false;
            commitAfter = false;
            writesLeft = 0;
        }

        synchronized void before(String path) {
            if (commitBefore && path.equals(StatePieces.ROOT) || writesLeft > 0 && --writesLeft == 0) {
                disarm();
                throw new StoreException("connection reset before " + path + " was written (injected)", true, null);
            }
        }

        synchronized void after(String path) {
            if (commitAfter && path.equals(StatePieces.ROOT)) {
                disarm();
                throw new StoreException("connection reset after " + path + " was written (injected)", true, null);
            }
        }
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
}
