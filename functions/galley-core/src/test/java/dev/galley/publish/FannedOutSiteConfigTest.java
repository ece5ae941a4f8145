package dev.galley.publish;

import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.galley.publish.PublisherTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a fanned-out re-render is set (on AWS), a site.yaml or theme upload starts it instead of re-rendering the
 * site in the batch's invocation: one for the batch, named after the change; a broken site.yaml is still rejected at
 * once; the batch's articles are published in order meanwhile.
 */
class FannedOutSiteConfigTest {

    private final InMemoryStores.Content content = new InMemoryStores.Content();
    private final InMemoryStores.Site site = new InMemoryStores.Site();
    private final Publisher publisher = new Publisher(content, site);
    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void aSiteOfTwoArticles() {
        content.put(SiteConfig.FILE_NAME, "title: Field notes\n");
        content.put("zero-downtime.md", article("Zero-downtime migrations", "2026-03-10", "tags: [PostgreSQL]"));
        content.put("profiling.md", article("Profiling Go services in production", "2026-02-01", "tags: [Go]"));
        publisher.rebuild();
        publisher.fanOutRebuildsThrough(started::add);
    }

    @Test
    void aSiteConfigAndAThemeFileStartOneFannedOutReRenderAndTheBatchsArticlesArePublished() {
        content.put(SiteConfig.FILE_NAME, "title: Notes from the field\n");
        content.put("theme/custom.css", ".site-title { letter-spacing: 0.05em; }\n");
        content.put("backpressure.md", article("Backpressure in async Rust", "2026-03-20", "tags: [Rust]"));

        BatchOutcome done = publisher.publish(List.of(new SourceChange(SiteConfig.FILE_NAME, "e1", "0062A3B1C2D3E4F501"),
                new SourceChange("theme/custom.css", "e2", "0062A3B1C2D3E4F502"), new SourceChange("backpressure.md", "e3", "0062A3B1C2D3E4F503")),
                () -> true);

        assertEquals(List.of(Outcome.Kind.REBUILD_STARTED, Outcome.Kind.REBUILD_STARTED, Outcome.Kind.PUBLISHED),
                done.results().stream().map(r -> r.outcome().orElseThrow().kind()).toList());
        assertEquals(1, started.size(), "one re-render serves the batch: it reads the bucket as it is then");
        assertTrue(Pattern.matches("[A-Za-z0-9_-]{1,80}", started.get(0)), "a name a Step Functions execution and a run may have: " + started);
        assertEquals(started.get(0), done.results().get(1).outcome().orElseThrow().reason());
        assertTrue(site.text("articles/profiling/index.html").contains("Field notes"), "nothing is re-rendered in the batch");
        assertTrue(site.text("articles/backpressure/index.html") != null, "the article after it is published");
    }

    @Test
    void theStartedRunRendersInStepsAndCommitsWhatAReRenderInProcessMakes() {
        content.put(SiteConfig.FILE_NAME, "title: Notes from the field\npermalink: /:year/:slug/\n");
        publisher.sync(new SourceChange(SiteConfig.FILE_NAME, "e1", "0062A3B1C2D3E4F501"));
        RebuildRun run = publisher.rebuildRun(started.get(0));
        String chunks = run.plan(1);
        assertTrue(site.text(chunks) != null);
        List<RebuildRun.Chunk> all = List.of(new RebuildRun.Chunk(0, List.of("profiling.md")), new RebuildRun.Chunk(1, List.of("zero-downtime.md")));
        all.forEach(run::read);
        run.list();
        all.forEach(run::render);
        List.of(new RebuildState.IndexPart(0, 2), new RebuildState.IndexPart(1, 2)).forEach(run::index);

        run.commit();

        assertTrue(site.text("2026/zero-downtime/index.html").contains("Notes from the field"));
        assertEquals("PUBLISHED", content.statuses.get(SiteConfig.FILE_NAME).state().name(), "the author learns at the commit");
        InMemoryStores.Site inProcess = new InMemoryStores.Site();
        new Publisher(content, inProcess).rebuild();
        assertEquals(inProcess.text("index.html"), site.text("index.html"));
        assertEquals(inProcess.text("2026/profiling/index.html"), site.text("2026/profiling/index.html"));
    }

    @Test
    void aBrokenSiteConfigIsRejectedAtOnceAndStartsNothing() {
        content.put(SiteConfig.FILE_NAME, "title: [unclosed\n");

        Outcome outcome = publisher.sync(new SourceChange(SiteConfig.FILE_NAME, "e1", "0062A3B1C2D3E4F501"));

        assertEquals(Outcome.Kind.REJECTED, outcome.kind());
        assertEquals(PublishStatus.State.REJECTED, content.statuses.get(SiteConfig.FILE_NAME).state());
        assertEquals(List.of(), started);
    }

    @Test
    void aRecordDeliveredAgainNamesTheSameRunAndAnotherUploadAnother() {
        SourceChange upload = new SourceChange(SiteConfig.FILE_NAME, "e1", "0062A3B1C2D3E4F501");

        assertEquals(RebuildFanOut.runFor(upload), RebuildFanOut.runFor(new SourceChange(SiteConfig.FILE_NAME, "e1", "0062A3B1C2D3E4F501")));
        assertNotEquals(RebuildFanOut.runFor(upload), RebuildFanOut.runFor(new SourceChange(SiteConfig.FILE_NAME, "e1", "0062A3B1C2D3E4F502")));
        assertNotEquals(RebuildFanOut.runFor(upload), RebuildFanOut.runFor(new SourceChange("theme/custom.css", "e1", "0062A3B1C2D3E4F501")));
        assertNotEquals(RebuildFanOut.runFor(SourceChange.of(SiteConfig.FILE_NAME)), RebuildFanOut.runFor(SourceChange.of(SiteConfig.FILE_NAME)));
    }
}
