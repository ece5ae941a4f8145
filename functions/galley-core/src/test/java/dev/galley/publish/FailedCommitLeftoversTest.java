package dev.galley.publish;

import dev.galley.site.SiteConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch writes its pages before it commits the state, so a batch whose commit fails leaves pages, index pages and
 * neighbours written for a state that was never committed. When the author changes the files before the batch comes
 * again, the batch finds nothing to do for them: the next batch still puts the site right, and it ends as a full
 * re-render of the bucket makes it.
 */
class FailedCommitLeftoversTest {

    private static final String ZERO_DOWNTIME = "---\ntitle: Zero-downtime migrations\ndate: 2026-03-10\ntags: [PostgreSQL, DevOps]\n---\n"
            + "Add the column, backfill in batches, then switch reads.\n";
    private static final String PROFILING = "---\ntitle: Profiling Go services in production\ndate: 2026-02-01\ntags: [Go]\n---\n"
            + "Start with `pprof` and a flame graph before touching the code.\n";
    private static final String BACKPRESSURE = "---\ntitle: Backpressure in async Rust\ndate: 2026-03-20\ntags: [Rust]\n---\n"
            + "A bounded channel is the simplest way to push back on a fast producer.\n";
    private static final String BACKPRESSURE_RENAMED = BACKPRESSURE.replace("tags: [Rust]", "slug: bounded-channels\ntags: [Rust, Tokio]");

    /** One author step: put a file's text, or delete it when the text is null. */
    private record Put(String key, String text) {
        @Override
        public String toString() {
            return (text == null ? "delete " : "put ") + key;
        }
    }

    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of("a new article's page, after its source is deleted",
                        List.of(new Put("queues.md", BACKPRESSURE.replace("Backpressure", "Bounded queues"))), List.of(new Put("queues.md", null))),
                Arguments.of("an edit's page at its new slug, after the edit is undone",
                        List.of(new Put("backpressure.md", BACKPRESSURE_RENAMED)), List.of(new Put("backpressure.md", BACKPRESSURE))),
                Arguments.of("an edit's page at its new slug, after the source is deleted",
                        List.of(new Put("backpressure.md", BACKPRESSURE_RENAMED)), List.of(new Put("backpressure.md", null))),
                Arguments.of("a deleted article's page, after the source is put back as it was",
                        List.of(new Put("backpressure.md", null)), List.of(new Put("backpressure.md", BACKPRESSURE))),
                Arguments.of("a new article's page at a permalink of the year, after its source is deleted",
                        List.of(new Put(SiteConfig.FILE_NAME, "permalink: /:year/:slug/\npageSize: 2\n"), new Put("fresh.md", BACKPRESSURE_RENAMED.replace(
                                "Backpressure", "Bounded queues"))), List.of(new Put("fresh.md", null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void theNextBatchPutsRightWhatABatchWhoseCommitFailedWrote(String name, List<Put> failing, List<Put> meanwhile) {
        InMemoryStores.Content content = new InMemoryStores.Content();
        InMemoryStores.Site site = new InMemoryStores.Site();
        Publisher publisher = new Publisher(content, site);
        content.put("zero-downtime.md", ZERO_DOWNTIME);
        content.put("profiling.md", PROFILING);
        content.put("backpressure.md", BACKPRESSURE);
        publisher.rebuild();
        failing.stream().filter(put -> put.key().equals(SiteConfig.FILE_NAME)).forEach(put -> {
            content.put(put.key(), put.text());
            publisher.sync(SourceChange.of(put.key()));
        });
        boolean[] failCommit = {true};
        site.beforeWrite = path -> {
            if (path.equals(StatePieces.ROOT) && failCommit[0]) {
                failCommit[0] = false;
                throw new StoreException("connection reset while committing (injected)", true, null);
            }
        };
        List<Put> articles = failing.stream().filter(put -> !put.key().equals(SiteConfig.FILE_NAME)).toList();
        List<SourceChange> batch = apply(content, articles);

        BatchOutcome failed = publisher.publish(batch, () -> true);

        assertEquals(0, failed.handedBackFrom(), "the commit failed: the whole batch is handed back");
        assertTrue(!failCommit[0], "the commit was attempted");
        List<SourceChange> later = apply(content, meanwhile);
        List<SourceChange> again = new java.util.ArrayList<>(batch);
        again.addAll(later);

        BatchOutcome done = publisher.publish(again, () -> true);

        assertEquals(again.size(), done.handedBackFrom(), "the batch delivered again is done: " + done);
        Map<String, String> expected = servedByAFullReRender(content, site);
        Map<String, String> settled = site.served();
        assertEquals(expected.keySet(), settled.keySet(), "the site's files");
        expected.forEach((path, text) -> assertEquals(text, settled.get(path), path));
        assertEquals(List.of(), site.brokenLinksNow(), "no page links to a missing one");
    }

    private static List<SourceChange> apply(InMemoryStores.Content content, List<Put> puts) {
        return puts.stream().map(put -> {
            if (put.text() == null) {
                content.files.remove(put.key());
            } else {
                content.put(put.key(), put.text());
            }
            return SourceChange.of(put.key());
        }).toList();
    }

    /**
     * What a full re-render of the same files makes into a site of its own that holds only the state (which remembers
     * the URLs articles had, for their redirects): a page the state does not list is not carried over.
     */
    private static Map<String, String> servedByAFullReRender(InMemoryStores.Content content, InMemoryStores.Site site) {
        InMemoryStores.Content copy = new InMemoryStores.Content();
        copy.files.putAll(content.files);
        InMemoryStores.Site fresh = new InMemoryStores.Site();
        site.objects.forEach((path, stored) -> {
            if (path.startsWith("_galley/")) {
                fresh.objects.put(path, stored);
            }
        });
        new Publisher(copy, fresh).rebuild();
        return fresh.served();
    }

    /** Every object a reader can be served, with its text: not Galley's own state under {@code _galley/}. */
}
