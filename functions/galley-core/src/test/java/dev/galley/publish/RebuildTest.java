package dev.galley.publish;

import dev.galley.article.ArticleException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a full re-render uses the stores: a fixed number of calls in flight, every author told the outcome. */
class RebuildTest {

    private static String article(String title, String date, String... extra) {
        return "---\ntitle: " + title + "\ndate: " + date + "\n" + String.join("\n", extra) + (extra.length > 0 ? "\n" : "")
                + "---\nBody of " + title + ".\n";
    }

    /** Counts the calls in flight; each of the first {@code gate} calls waits until that many run together. */
    private static final class Gauge {
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();
        private final AtomicInteger timedOut = new AtomicInteger();
        private final CountDownLatch together;

        Gauge(int gate) {
            together = new CountDownLatch(gate);
        }

        <T> T during(java.util.function.Supplier<T> call) {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                together.countDown();
                if (!together.await(5, TimeUnit.SECONDS)) {
                    timedOut.incrementAndGet();
                }
                return call.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    @Test
    void aBrokenReplacementKeepsItsLastGoodVersionUpThroughAFullReRender() {
        InMemoryStores.Content files = new InMemoryStores.Content();
        InMemoryStores.Site site = new InMemoryStores.Site();
        Publisher publisher = new Publisher(files, site);
        files.put("post.md", article("The good version", "2026-03-01"));
        publisher.sync(SourceChange.of("post.md"));
        files.put("post.md", "---\ntitle: Broken\ndate: someday\n---\nHalf-written.\n");
        assertEquals(Outcome.Kind.REJECTED, publisher.sync(SourceChange.of("post.md")).kind());

        Rebuild.Report report = publisher.rebuild();

        assertTrue(site.text("articles/post/index.html").contains("The good version"), "the author's last good version is not lost");
        assertTrue(site.text("index.html").contains("/articles/post/"));
        assertEquals(PublishStatus.State.REJECTED, files.statuses.get("post.md").state(), "the status still says why the new bytes are not up");
        assertEquals(List.of("post.md"), report.rejected().stream().map(ArticleException::file).toList());
    }

    @Test
    void mustReadArticlesAndReportStatusesSixteenAtATimeAndNeverMore() {
        assertCallsInFlight(new InMemoryStores.Site(), SiteStore.DEFAULT_CONCURRENT_CALLS);
    }

    @Test
    void mustRunAsManyCallsAtOnceAsTheSiteStoreAsks() {
        // A local folder's store asks for one thread a core and one more, not the sixteen that hide S3's latency.
        SiteStore site = new ForwardingSiteStore(new InMemoryStores.Site()) {
            @Override
            public int concurrentCalls() {
                return 3;
            }
        };
        assertCallsInFlight(site, 3);
    }

    private static void assertCallsInFlight(SiteStore site, int expected) {
        InMemoryStores.Content files = new InMemoryStores.Content();
        for (int i = 0; i < 100; i++) {
            files.put(String.format("post-%03d.md", i), article("Post " + i, "2026-01-01", i % 10 == 0 ? "draft: true" : ""));
        }
        files.put("broken.md", "---\ntitle: Broken\n---\n");
        Gauge reads = new Gauge(expected);
        Gauge reports = new Gauge(expected);
        ContentStore content = new ContentStore() {
            @Override
            public Optional<SourceFile> read(String key) {
                return key.endsWith(".md") ? reads.during(() -> files.read(key)) : files.read(key);
            }

            @Override
            public List<String> list() {
                return files.list();
            }

            @Override
            public void reportStatus(String key, PublishStatus status) {
                reports.during(() -> {
                    files.reportStatus(key, status);
                    return null;
                });
            }
        };

        Rebuild.Report report = new Publisher(content, site).rebuild();

        assertEquals(0, reads.timedOut.get() + reports.timedOut.get(), "fewer than " + expected + " calls ever ran together");
        assertEquals(expected, reads.most.get(), "reads in flight at most");
        assertEquals(expected, reports.most.get(), "status reports in flight at most");
        assertEquals(90, report.published());
        assertEquals(10, report.drafts());
        assertEquals(101, files.statuses.size(), "every file's author is told");
        assertEquals(PublishStatus.State.PUBLISHED, files.statuses.get("post-001.md").state());
        assertEquals(PublishStatus.State.DRAFT, files.statuses.get("post-010.md").state());
        assertEquals(PublishStatus.State.REJECTED, files.statuses.get("broken.md").state());
    }
}
