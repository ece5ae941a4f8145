package dev.galley.publish;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** publishDate, a future date and expiryDate, with the clock in the test's hand and the wake-ups recorded. */
class ScheduledPublishingTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private InMemoryStores.Content content;
    private InMemoryStores.Site site;
    private TestClock clock;
    private RecordingSchedule schedule;
    private Publisher publisher;

    @BeforeEach
    void setUp() {
        content = new InMemoryStores.Content();
        site = new InMemoryStores.Site();
        clock = new TestClock(NOW);
        schedule = new RecordingSchedule();
        publisher = new Publisher(content, site, clock, schedule);
    }

    private Outcome sync(String key) {
        return publisher.sync(SourceChange.of(key));
    }

    private boolean live(String slug) {
        return site.objects.containsKey("articles/" + slug + "/index.html") && site.text("index.html").contains("href=\"/articles/" + slug + "/\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # front matter (UTC site; now is 2026-06-01T12:00Z)           | state     | wake-up at           | reason
            date: 2026-06-01T11:59:59Z                                      | PUBLISHED |                      |
            date: 2026-06-01T12:00:01Z                                      | SCHEDULED | 2026-06-01T12:00:01Z | held until 2026-06-01T12:00:01Z by date: it goes live then
            date: 2026-05-01, publishDate: 2026-06-02T09:00:00+02:00       | SCHEDULED | 2026-06-02T07:00:00Z | held until 2026-06-02T09:00:00+02:00 by publishDate: it goes live then
            date: 2026-07-01, publishDate: 2026-05-01                      | PUBLISHED |                      |
            date: 2026-05-01, expiryDate: 2026-06-30                       | PUBLISHED | 2026-06-30T00:00:00Z |
            date: 2026-05-01, expiryDate: 2026-06-01T12:00:00Z             | EXPIRED   |                      | expired at 2026-06-01T12:00:00Z by expiryDate: it is not on the site
            date: 2026-07-01, expiryDate: 2026-06-01                       | EXPIRED   |                      | expired at 2026-06-01T00:00:00Z by expiryDate: it is not on the site
            date: 2026-07-01, draft: true                                  | DRAFT     |                      | draft: true, so it is not listed
            """)
    void thePublishWindowDecidesWhetherAnArticleIsOnTheSiteNow(String frontMatter, PublishStatus.State state, Instant wakeUp, String reason) {
        content.put("posts/post.md", "---\ntitle: Post\n" + frontMatter.replace(", ", "\n") + "\n---\nBody.\n");
        sync("posts/post.md");
        PublishStatus status = content.statuses.get("posts/post.md");
        assertEquals(state, status.state());
        assertEquals(reason == null ? "" : reason, status.reason());
        assertEquals(state == PublishStatus.State.PUBLISHED, live("post"));
        assertEquals(wakeUp, schedule.wakeUps.get("posts/post.md"));

        publisher.rebuild();
        assertEquals(status, content.statuses.get("posts/post.md"), "a re-render decides the same");
        assertEquals(state == PublishStatus.State.PUBLISHED, live("post"));
    }

    @Test
    void aHeldArticleGoesLiveWhenItsWakeUpComes() {
        content.put("earlier.md", PublisherTest.article("Earlier", "2026-05-01"));
        sync("earlier.md");
        content.put("launch.md", PublisherTest.article("Launch", "2026-06-01", "publishDate: 2026-06-03T08:00:00Z"));
        Outcome held = sync("launch.md");
        assertEquals(Outcome.Kind.SCHEDULED, held.kind());
        assertEquals("held until 2026-06-03T08:00:00Z by publishDate: it goes live then", held.reason());
        assertFalse(site.objects.containsKey("articles/launch/index.html"));
        assertFalse(site.text("feed.xml").contains("Launch"), "nothing of it leaks through the feed");

        clock.set(schedule.wakeUps.get("launch.md"));
        assertEquals(Outcome.Kind.PUBLISHED, sync("launch.md").kind());
        assertTrue(live("launch"));
        assertEquals("/articles/launch/", content.statuses.get("launch.md").url());
    }

    @Test
    void anEditWhileHeldMovesTheWakeUpAndTheWakeUpPublishesTheEdit() {
        content.put("launch.md", PublisherTest.article("Launch", "2026-06-03T08:00:00Z"));
        sync("launch.md");
        content.put("launch.md", PublisherTest.article("Launch, revised", "2026-06-05T08:00:00Z"));
        assertEquals(Outcome.Kind.SCHEDULED, sync("launch.md").kind());
        assertEquals(Instant.parse("2026-06-05T08:00:00Z"), schedule.wakeUps.get("launch.md"));

        clock.set(Instant.parse("2026-06-03T08:00:00Z"));
        assertEquals(Outcome.Kind.SCHEDULED, sync("launch.md").kind(), "a wake-up set before the edit finds it still held");
        assertFalse(live("launch"));
        clock.set(Instant.parse("2026-06-05T08:00:00Z"));
        sync("launch.md");
        assertTrue(site.text("articles/launch/index.html").contains("Launch, revised"));
    }

    @Test
    void aFileDeletedWhileHeldDropsItsWakeUpAndAWakeUpThatComesAnywayChangesNothing() {
        content.put("launch.md", PublisherTest.article("Launch", "2026-06-03"));
        sync("launch.md");
        content.files.remove("launch.md");
        assertEquals(Outcome.Kind.SKIPPED, sync("launch.md").kind());
        assertNull(schedule.wakeUps.get("launch.md"));
        assertEquals(List.of("launch.md"), schedule.cancelled);

        int writes = site.writes;
        clock.set(Instant.parse("2026-06-03T00:00:00Z"));
        assertEquals(Outcome.Kind.SKIPPED, sync("launch.md").kind());
        assertEquals(writes, site.writes);
    }

    @Test
    void anExpiringArticleIsTakenDownWhenItsExpiryComes() {
        content.put("sale.md", PublisherTest.article("Summer sale", "2026-05-20", "expiryDate: 2026-06-30T22:00:00Z"));
        content.put("other.md", PublisherTest.article("Other", "2026-05-01"));
        sync("sale.md");
        sync("other.md");
        assertTrue(live("sale"));
        assertEquals(Instant.parse("2026-06-30T22:00:00Z"), schedule.wakeUps.get("sale.md"));

        clock.set(schedule.wakeUps.get("sale.md"));
        Outcome expired = sync("sale.md");
        assertEquals(Outcome.Kind.EXPIRED, expired.kind());
        assertFalse(site.objects.containsKey("articles/sale/index.html"));
        assertFalse(site.text("index.html").contains("Summer sale"));
        assertFalse(site.text("articles/other/index.html").contains("/articles/sale/"), "its neighbour no longer links to it");
        assertEquals(PublishStatus.State.EXPIRED, content.statuses.get("sale.md").state());
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());
    }

    @Test
    void aLiveArticleWhosePublishDateMovesIntoTheFutureIsTakenDownUntilThen() {
        content.put("news.md", PublisherTest.article("News", "2026-05-01"));
        sync("news.md");
        assertTrue(live("news"));
        content.put("news.md", PublisherTest.article("News", "2026-05-01", "publishDate: 2026-06-10"));
        assertEquals(Outcome.Kind.SCHEDULED, sync("news.md").kind());
        assertFalse(live("news"));
        assertFalse(site.objects.containsKey("articles/news/index.html"), "an embargo is kept: the old version does not stay up");
    }

    @Test
    void aRebuildSetsTheWakeUpOfEveryHeldAndExpiringArticleAndCountsThem() {
        content.put("held.md", PublisherTest.article("Held", "2026-06-10"));
        content.put("expiring.md", PublisherTest.article("Expiring", "2026-05-01", "expiryDate: 2026-07-01"));
        content.put("expired.md", PublisherTest.article("Expired", "2026-05-01", "expiryDate: 2026-05-02"));
        content.put("plain.md", PublisherTest.article("Plain", "2026-05-01"));

        Rebuild.Report report = publisher.rebuild();

        assertEquals(Map.of("held.md", Instant.parse("2026-06-10T00:00:00Z"), "expiring.md", Instant.parse("2026-07-01T00:00:00Z")),
                schedule.wakeUps);
        assertEquals(List.of(2, 1, 1), List.of(report.published(), report.scheduled(), report.expired()));
        assertTrue(live("expiring") && live("plain"));
        assertFalse(site.objects.containsKey("articles/held/index.html") || site.objects.containsKey("articles/expired/index.html"));
    }

    /** A clock the test moves. */
    @Test
    void anEmbargoedEditNotYetHandledDoesNotLeakThroughANeighboursPageOrTheFeed() {
        content.put("a.md", PublisherTest.article("A", "2026-05-01"));
        content.put("b.md", PublisherTest.article("B", "2026-05-10"));
        sync("a.md");
        sync("b.md");
        // The author replaces A with an embargoed text; its event comes after C's (one queue batch, an s3 sync).
        content.put("a.md", "---\ntitle: A\ndate: 2026-05-01\npublishDate: 2026-07-01T00:00:00Z\n---\nSECRET launch text.\n");
        content.put("c.md", PublisherTest.article("C", "2026-05-05"));
        sync("c.md");

        assertFalse(site.text("feed.xml").contains("SECRET"), "feed.xml carries the embargoed body");
        assertFalse(site.text("articles/a/index.html").contains("SECRET"), "A's page carries the embargoed body");

        assertEquals(Outcome.Kind.SCHEDULED, sync("a.md").kind(), "A's own event holds it back");
        assertFalse(site.objects.containsKey("articles/a/index.html"));
        assertFalse(site.text("feed.xml").contains("SECRET"));
    }

    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** The wake-ups set, one per file as the port promises; and the files whose wake-up was dropped. */
    static final class RecordingSchedule implements PublishSchedule {
        final Map<String, Instant> wakeUps = new ConcurrentHashMap<>();
        final List<String> cancelled = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        @Override
        public void wakeAt(String sourceKey, Instant at) {
            wakeUps.put(sourceKey, at);
        }

        @Override
        public void cancel(String sourceKey) {
            wakeUps.remove(sourceKey);
            cancelled.add(sourceKey);
        }
    }
}
