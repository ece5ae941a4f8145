package dev.galley.publish;

import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static dev.galley.publish.PublisherTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A writer reads {@code site.yaml} once while its claim holds, not once a batch; a change to it, through this writer
 * or another, is seen by the next batch all the same. The re-render a {@code site.yaml} starts is fanned out here, so
 * nothing in the writer's own invocation re-renders (and forgets) in between.
 */
class KeptSiteConfigTest {

    private final InMemoryStores.Content content = new InMemoryStores.Content();
    private final InMemoryStores.Site site = new InMemoryStores.Site();
    private final List<String> started = new ArrayList<>();
    private final Publisher container = publisher();

    private Publisher publisher() {
        Publisher publisher = new Publisher(content, site, Clock.systemUTC(), PublishSchedule.NONE);
        publisher.fanOutRebuildsThrough(started::add);
        return publisher;
    }

    @BeforeEach
    void aSiteOfOneArticle() {
        content.put(SiteConfig.FILE_NAME, "title: Field notes\n");
        content.put("zero-downtime.md", article("Zero-downtime migrations", "2026-03-10", "tags: [PostgreSQL]"));
        new Publisher(content, site).rebuild();
        content.reads.clear();
    }

    @Test
    void batchesOfOneContainerReadSiteYamlOnce() {
        publish(container, "profiling.md", article("Profiling Go services in production", "2026-02-01", "tags: [Go]"));
        publish(container, "backpressure.md", article("Backpressure in async Rust", "2026-03-20", "tags: [Rust]"));
        publish(container, "flaky-tests.md", article("Flaky tests", "2026-01-20", "tags: [Testing]"));

        assertEquals(1, content.reads.stream().filter(SiteConfig.FILE_NAME::equals).count(), "read by the first batch, kept by the others");
        assertTrue(site.text("articles/flaky-tests/index.html").contains("Field notes"));
    }

    @Test
    void aSiteYamlChangeBetweenTwoBatchesOfOneContainerIsSeen() {
        publish(container, "profiling.md", article("Profiling Go services in production", "2026-02-01", "tags: [Go]"));
        content.put(SiteConfig.FILE_NAME, "title: Notes from the field\n");
        container.sync(SourceChange.of(SiteConfig.FILE_NAME));  // starts the fanned-out re-render, which runs elsewhere

        publish(container, "backpressure.md", article("Backpressure in async Rust", "2026-03-20", "tags: [Rust]"));

        assertEquals(1, started.size());
        assertTrue(site.text("articles/backpressure/index.html").contains("Notes from the field"), "the next batch renders with the new site.yaml");
    }

    @Test
    void aSiteYamlChangeThroughAnotherContainerIsSeen() {
        publish(container, "profiling.md", article("Profiling Go services in production", "2026-02-01", "tags: [Go]"));
        content.put(SiteConfig.FILE_NAME, "title: Notes from the field\n");
        Publisher other = publisher();
        other.sync(SourceChange.of(SiteConfig.FILE_NAME));  // the notification went to another container

        publish(container, "backpressure.md", article("Backpressure in async Rust", "2026-03-20", "tags: [Rust]"));

        assertTrue(site.text("articles/backpressure/index.html").contains("Notes from the field"),
                "the other container claimed the site anew, so this one forgot its copy");
    }

    @Test
    void aBrokenSiteYamlIsSeenByTheNextBatch() {
        publish(container, "profiling.md", article("Profiling Go services in production", "2026-02-01", "tags: [Go]"));
        content.put(SiteConfig.FILE_NAME, "title: [unclosed\n");
        publisher().sync(SourceChange.of(SiteConfig.FILE_NAME));

        publish(container, "backpressure.md", article("Backpressure in async Rust", "2026-03-20", "tags: [Rust]"));

        assertTrue(content.statuses.get("backpressure.md").warnings().stream().anyMatch(w -> w.contains("site.yaml is ignored")),
                "its author is told the site.yaml is ignored: " + content.statuses.get("backpressure.md"));
    }

    private void publish(Publisher publisher, String key, String text) {
        content.put(key, text);
        assertEquals(Outcome.Kind.PUBLISHED, publisher.sync(SourceChange.of(key)).kind());
    }
}
