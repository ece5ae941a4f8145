package dev.galley.publish;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batches from the queue leave their index pages and neighbours' pages to a refresh ({@link DeferredPages}): the
 * refresh that comes settles the site as a full re-render of the bucket makes it, whatever was lost, doubled or cut
 * short on the way, and no page ever links to a missing one meanwhile.
 */
class DeferredPagesTest {

    private static final String ZERO_DOWNTIME = """
            ---
            title: Zero-downtime migrations
            date: 2026-03-10
            tags: [PostgreSQL, DevOps]
            ---
            Add the column, backfill in batches, then switch reads.
            """;
    private static final String PROFILING = """
            ---
            title: Profiling Go services in production
            date: 2026-02-01
            tags: [Go]
            ---
            Start with `pprof` and a flame graph before touching the code.
            """;
    private static final String BACKPRESSURE = """
            ---
            title: Backpressure in async Rust
            date: 2026-03-20
            tags: [Rust]
            ---
            A bounded channel is the simplest way to push back on a fast producer.
            """;
    private static final String FLAKY_TESTS = """
            ---
            title: Quarantining flaky tests
            date: 2026-02-14
            tags: [Testing, DevOps]
            ---
            A test that fails one run in fifty is worse than no test: move it aside, then fix it.
            """;

    private final InMemoryStores.Content content = new InMemoryStores.Content();
    private final InMemoryStores.Site site = new InMemoryStores.Site();
    private final Publisher publisher = new Publisher(content, site);
    /** The refreshes asked for and not delivered yet, by deduplication id, in the order asked (not deduplicated). */
    private final List<String> queued = new ArrayList<>();

    DeferredPagesTest() {
        publisher.leavePagesToRefreshesThrough(queued::add);
    }

    @Test
    void aBatchPublishesItsArticlesAndLeavesTheHomePageToTheRefreshItAsksFor() {
        publishedAtOnce("zero-downtime.md", ZERO_DOWNTIME);  // a new site's first batch writes everything
        content.put("profiling.md", PROFILING);
        content.put("backpressure.md", BACKPRESSURE);
        deliver("profiling.md", "backpressure.md");

        assertTrue(site.objects.containsKey("articles/backpressure/index.html"), "the article's own page is published by its batch");
        assertEquals(PublishStatus.State.PUBLISHED, content.statuses.get("backpressure.md").state());
        assertFalse(site.text("index.html").contains("Backpressure in async Rust"), "the home page waits for the refresh");
        assertEquals(1, queued.size(), "one refresh asked for");

        deliverRefreshes();

        assertTrue(site.text("index.html").contains("Backpressure in async Rust"));
        assertSettledAsAReRender();
    }

    @Test
    void refreshesPiledUpBehindABurstWriteEachOwedPageOnceAndTheRestWriteNothing() {
        publishedAtOnce("zero-downtime.md", ZERO_DOWNTIME);
        content.put("profiling.md", PROFILING);
        deliver("profiling.md");
        content.put("backpressure.md", BACKPRESSURE);
        deliver("backpressure.md");
        content.put("flaky-tests.md", FLAKY_TESTS);
        deliver("flaky-tests.md");
        assertEquals(3, queued.size(), "each batch that leaves pages owed asks for a refresh");
        assertEquals(1, new java.util.HashSet<>(queued).size(), "with one id, so the queue keeps one refresh behind them all");
        String first = queued.remove(0);

        int writes = site.writes;
        publisher.publish(List.of(), () -> true, Refresh.LAST);  // the first refresh pays for the three batches
        assertTrue(site.writes > writes, "the first refresh writes the owed pages");
        assertSettledAsAReRender();

        writes = site.writes;
        int deletes = site.deletes;
        publisher.publish(List.of(), () -> true, Refresh.LAST);
        publisher.publish(List.of(), () -> true, Refresh.LAST);
        assertEquals(writes, site.writes, "later refreshes find nothing owed");
        assertEquals(deletes, site.deletes);
        assertEquals(List.of(first, first), queued, "and ask for none");
    }

    @Test
    void aTagPageThatCameAndWentWithinOneDebtIsNotDeleted() {
        publishedAtOnce("zero-downtime.md", ZERO_DOWNTIME);
        content.put("backpressure.md", BACKPRESSURE);
        deliver("backpressure.md");  // owes tags/rust/, which the state had not: never written
        content.files.remove("backpressure.md");
        deliver("backpressure.md");
        int written = site.writes;

        deliverRefreshes();

        assertFalse(site.objects.containsKey("tags/rust/index.html"));
        assertEquals(List.of(), site.deleteRequests.stream().filter(path -> path.startsWith("tags/rust/")).toList(),
                "no DELETE for pages never written");
        assertTrue(site.writes > written, "the pages that did change are written");
        assertSettledAsAReRender();
    }

    @Test
    void aTagPageWrittenByARefreshCutShortIsDeletedWhenItGoes() {
        publishedAtOnce("zero-downtime.md", ZERO_DOWNTIME);
        content.put("backpressure.md", BACKPRESSURE);
        deliver("backpressure.md");
        site.beforeWrite = path -> {
            if (path.equals(StatePieces.ROOT)) {
                throw new StoreException("the refresh's commit fails (injected)", true, null);
            }
        };
        publisher.publish(List.of(), () -> true, Refresh.LAST);  // writes tags/rust/ and fails before its commit
        site.beforeWrite = path -> { };
        assertTrue(site.objects.containsKey("tags/rust/index.html"));
        content.files.remove("backpressure.md");
        deliver("backpressure.md");

        deliverRefreshes();

        assertFalse(site.objects.containsKey("tags/rust/index.html"), "written, so deleted");
        assertSettledAsAReRender();
    }

    @Test
    void theRefreshRendersTheFeedFromTheArticlesItsBatchesReadWithoutReadingThemAgain() {
        publishedAtOnce("profiling.md", PROFILING);
        content.put("zero-downtime.md", ZERO_DOWNTIME);
        deliver("zero-downtime.md");
        content.put("backpressure.md", BACKPRESSURE);
        deliver("backpressure.md");
        content.reads.clear();

        deliverRefreshes();

        assertEquals(List.of(), content.reads.stream().filter(key -> key.endsWith(".md")).toList(), "articles read by the refresh");
        assertTrue(site.text("feed.xml").contains("A bounded channel is the simplest way"), "the feed shows the new article's body");
        assertSettledAsAReRender();
    }

    @Test
    void aRefreshBeforeAnyDebtWritesNothing() {
        publishedAtOnce("zero-downtime.md", ZERO_DOWNTIME);
        Map<String, String> before = site.served();
        int writes = site.writes;

        BatchOutcome done = publisher.publish(List.of(), () -> true, Refresh.LAST);

        assertTrue(done.handBackCause().isEmpty());
        assertEquals(0, done.commits());
        assertEquals(writes, site.writes);
        assertEquals(before, site.served());
        assertTrue(queued.isEmpty());
    }

    @Test
    void aBatchHoldingARefreshWritesWhatItsOwnChangesOweAndAsksForNone() {
        publishedAtOnce("zero-downtime.md", ZERO_DOWNTIME);
        content.put("profiling.md", PROFILING);
        deliver("profiling.md");
        queued.clear();  // its refresh is the one in this batch, queued behind the upload
        content.put("backpressure.md", BACKPRESSURE);

        BatchOutcome done = publisher.publish(List.of(SourceChange.of("backpressure.md")), () -> true, Refresh.LAST);

        assertEquals(1, done.commits(), "its changes and the refresh are one commit");
        assertTrue(queued.isEmpty());
        assertSettledAsAReRender();
    }

    @Test
    void aRefreshWithUploadsQueuedBehindItLeavesThePayingToTheRefreshTheyAskFor() {
        publishedAtOnce("zero-downtime.md", ZERO_DOWNTIME);
        content.put("profiling.md", PROFILING);
        deliver("profiling.md");
        String met = queued.remove(0);  // in the next batch, with an upload behind it
        content.put("backpressure.md", BACKPRESSURE);
        int writes = site.writes;

        publisher.publish(List.of(SourceChange.of("backpressure.md")), () -> true, Refresh.FOLLOWED);

        assertFalse(site.text("index.html").contains("Profiling Go services"), "the home page waits for the last refresh");
        assertTrue(site.writes - writes < 6, "its own page, the record of pending writes, the state: " + (site.writes - writes));
        assertEquals(1, queued.size(), "which the upload behind it asks for");
        assertNotEquals(met, queued.get(0), "a new message, not one the queue would take for the refresh it delivered");
        deliverRefreshes();
        assertSettledAsAReRender();
    }

    @Test
    void aRefreshWithUploadsQueuedBehindItPaysADebtOwedLongerThanTheMostWait() {
        MovableClock clock = new MovableClock();
        Publisher publisher = new Publisher(content, site, clock, PublishSchedule.NONE);
        publisher.leavePagesToRefreshesThrough(queued::add);
        content.put("zero-downtime.md", ZERO_DOWNTIME);
        publisher.publish(List.of(SourceChange.of("zero-downtime.md")), () -> true);
        content.put("profiling.md", PROFILING);
        publisher.publish(List.of(SourceChange.of("profiling.md")), () -> true);
        clock.now = clock.now.plus(DeferredPages.MOST_WAIT).plusSeconds(1);
        content.put("backpressure.md", BACKPRESSURE);

        publisher.publish(List.of(SourceChange.of("backpressure.md")), () -> true, Refresh.FOLLOWED);

        assertTrue(site.text("index.html").contains("Backpressure in async Rust"), "a stream of uploads holds the home page back no longer");
        assertSettledAsAReRender();
    }

    /** A clock the test moves on. */
    private static final class MovableClock extends java.time.Clock {
        java.time.Instant now = java.time.Instant.parse("2026-04-01T09:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void aLostRefreshIsAskedForAgainByTheNextBatchWhichFindsTheDebt() {
        publishedAtOnce("zero-downtime.md", ZERO_DOWNTIME);
        content.put("profiling.md", PROFILING);
        deliver("profiling.md");
        queued.clear();  // lost: sent and swallowed, or the batch failed between its commit and its request

        deliver("profiling.md");  // delivered again (or any batch): nothing changes, but the debt is found
        assertEquals(1, queued.size(), "the batch that finds the debt asks for a refresh itself");

        deliverRefreshes();
        assertSettledAsAReRender();
    }

    @Test
    void aBatchWhoseRequestFailsAfterItsCommitIsHandedBackAndAsksAgain() {
        Publisher failing = new Publisher(content, site);
        failing.leavePagesToRefreshesThrough(id -> {
            throw new StoreException("SendMessage: connection reset (injected)", true, null);
        });
        publishedAtOnce("zero-downtime.md", ZERO_DOWNTIME);
        content.put("backpressure.md", BACKPRESSURE);

        BatchOutcome failed = failing.publish(List.of(SourceChange.of("backpressure.md")), () -> true);
        assertEquals(0, failed.handedBackFrom(), "handed back, to be delivered again");

        deliver("backpressure.md");
        assertEquals(1, queued.size());
        deliverRefreshes();
        assertSettledAsAReRender();
    }

    @Test
    void aRefreshCutShortBetweenItsIndexPageWritesLeavesTheDebtToTheNextOne() {
        publishedAtOnce("zero-downtime.md", ZERO_DOWNTIME);
        content.put("profiling.md", PROFILING);
        content.put("flaky-tests.md", FLAKY_TESTS);
        deliver("profiling.md", "flaky-tests.md");
        int[] writes = {0};
        site.beforeWrite = path -> {
            if (!path.startsWith("_galley/") && !path.startsWith("articles/") && ++writes[0] == 3) {
                throw new StoreException("connection reset before " + path + " was written (injected)", true, null);
            }
        };

        BatchOutcome cut = publisher.publish(List.of(), () -> true, Refresh.LAST);
        site.beforeWrite = path -> { };

        assertTrue(cut.handBackCause().isPresent(), "the refresh is handed back");
        assertFalse(RootPieces.parse(site.objects.get(StatePieces.ROOT).bytes()).owed().isEmpty(), "and the debt stays");
        deliverRefreshes();
        assertSettledAsAReRender();
    }

    @Test
    void aDeleteLeavesItsPageUntilTheRefreshHasTakenTheLinksToItAway() {
        publishedAtOnce("zero-downtime.md", ZERO_DOWNTIME);
        content.put("profiling.md", PROFILING);
        content.put("backpressure.md", BACKPRESSURE);
        deliver("profiling.md", "backpressure.md");
        deliverRefreshes();
        content.files.remove("profiling.md");

        deliver("profiling.md");
        assertTrue(site.objects.containsKey("articles/profiling/index.html"), "the home page still links to it");
        deliverRefreshes();

        assertFalse(site.objects.containsKey("articles/profiling/index.html"));
        assertSettledAsAReRender();
        assertEquals(List.of(), site.brokenLinkMoments);
    }

    /** A new site's first batch writes every page at once, as a direct publish does. */
    private void publishedAtOnce(String key, String text) {
        content.put(key, text);
        deliver(key);
        assertTrue(queued.isEmpty(), "a new site's first batch owes nothing");
    }

    private void deliver(String... keys) {
        BatchOutcome done = publisher.publish(java.util.Arrays.stream(keys).map(SourceChange::of).toList(), () -> true);
        assertTrue(done.handBackCause().isEmpty(), () -> "handed back: " + done.handBackCause());
    }

    /** Delivers the refreshes asked for, a batch of up to ten at a time, until none is asked for. */
    private void deliverRefreshes() {
        for (int round = 0; !queued.isEmpty(); round++) {
            assertTrue(round < 10, "refreshes kept asking for refreshes");
            queued.subList(0, Math.min(10, queued.size())).clear();
            BatchOutcome done = publisher.publish(List.of(), () -> true, Refresh.LAST);
            assertTrue(done.handBackCause().isEmpty(), () -> "handed back: " + done.handBackCause());
        }
    }

    private void assertSettledAsAReRender() {
        assertNull(RootPieces.parse(site.objects.get(StatePieces.ROOT).bytes()).owed(), "nothing owed");
        InMemoryStores.Site apart = new InMemoryStores.Site();
        site.objects.forEach((path, stored) -> {
            if (path.startsWith("_galley/")) {
                apart.objects.put(path, stored);
            }
        });
        new Publisher(content, apart).rebuild();
        Map<String, String> settled = site.served();
        Map<String, String> rebuilt = apart.served();
        assertEquals(rebuilt.keySet(), settled.keySet());
        List<String> differ = new ArrayList<>(new TreeSet<>(settled.keySet()).stream()
                .filter(path -> !Objects.equals(settled.get(path), rebuilt.get(path))).toList());
        assertEquals(List.of(), differ, "pages that differ from a full re-render's");
        assertEquals(List.of(), site.brokenLinksNow());
    }

}
