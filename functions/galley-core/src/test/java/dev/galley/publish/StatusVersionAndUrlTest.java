package dev.galley.publish;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A status tells the author where the page is, as an absolute URL when {@code site.yaml} sets {@code baseUrl}, and
 * which version of the file it is about, so an author who has just uploaded knows the status is the upload's own.
 */
class StatusVersionAndUrlTest {

    private static final String POST = """
            ---
            title: Zero-downtime migrations
            date: 2026-03-10
            tags: [PostgreSQL]
            ---
            Add the column, backfill in batches, then flip the reads.
            """;
    private static final String BROKEN = """
            ---
            title: Zero-downtime migrations
            date: the tenth of March
            ---
            """;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    private InMemoryStores.Content content;
    private Publisher publisher;

    @BeforeEach
    void setUp() {
        content = new InMemoryStores.Content();
        content.put("site.yaml", "title: Field notes\nbaseUrl: https://notes.example.com/blog\n");
        publisher = new Publisher(content, new InMemoryStores.Site());
    }

    private String etag(String key) {
        return content.read(key).orElseThrow().etag();
    }

    @Test
    void aPublishedArticlesStatusHasItsAbsoluteUrlAndItsVersion() {
        content.put("zero-downtime.md", POST);
        publisher.sync(SourceChange.of("zero-downtime.md"));

        PublishStatus status = content.statuses.get("zero-downtime.md");
        assertEquals("https://notes.example.com/blog/articles/zero-downtime/", status.url());
        assertEquals(etag("zero-downtime.md"), status.sourceEtag());
    }

    @Test
    void anImagesStatusHasItsAbsoluteUrlAndItsVersion() {
        content.files.put("zero-downtime/plan.png", PNG);
        publisher.sync(SourceChange.of("zero-downtime/plan.png"));

        PublishStatus status = content.statuses.get("zero-downtime/plan.png");
        assertEquals("https://notes.example.com/blog/media/zero-downtime/plan.png", status.url());
        assertEquals(etag("zero-downtime/plan.png"), status.sourceEtag());
    }

    @Test
    void aRejectedFilesStatusNamesTheVersionThatWasRejected() {
        content.put("zero-downtime.md", BROKEN);
        publisher.sync(SourceChange.of("zero-downtime.md"));

        PublishStatus status = content.statuses.get("zero-downtime.md");
        assertEquals(PublishStatus.State.REJECTED, status.state());
        assertEquals(etag("zero-downtime.md"), status.sourceEtag());
    }

    @Test
    void aRebuildReportsAbsoluteUrlsAndVersionsToo() {
        content.put("zero-downtime.md", POST);
        content.put("broken.md", BROKEN);
        content.files.put("zero-downtime/plan.png", PNG);
        publisher.rebuild();

        assertEquals("https://notes.example.com/blog/articles/zero-downtime/", content.statuses.get("zero-downtime.md").url());
        assertEquals("https://notes.example.com/blog/", content.statuses.get("site.yaml").url());
        assertEquals("https://notes.example.com/blog/media/zero-downtime/plan.png", content.statuses.get("zero-downtime/plan.png").url());
        for (String key : java.util.List.of("zero-downtime.md", "broken.md", "site.yaml", "zero-downtime/plan.png")) {
            assertEquals(etag(key), content.statuses.get(key).sourceEtag(), key);
        }
    }

    @Test
    void withoutBaseUrlTheStatusKeepsThePath() {
        content.files.remove("site.yaml");
        content.put("zero-downtime.md", POST);
        publisher.sync(SourceChange.of("zero-downtime.md"));

        assertEquals("/articles/zero-downtime/", content.statuses.get("zero-downtime.md").url());
    }
}
