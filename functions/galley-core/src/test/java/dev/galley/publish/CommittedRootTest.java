package dev.galley.publish;

import dev.galley.site.SiteFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.galley.publish.PublisherTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A writer that committed the state last and still holds the claim knows the root (its ETag answered the PUT) and
 * does not read it again; a root another writer committed is read again, and a root changed behind every claim (by
 * hand) fails the commit's {@code If-Match}, hands the batch back, and is read when the batch comes again.
 */
class CommittedRootTest {

    private final InMemoryStores.Content content = new InMemoryStores.Content();
    private final InMemoryStores.Site stored = new InMemoryStores.Site();
    private final RootReads site = new RootReads(stored);
    private final Publisher container = new Publisher(content, site);

    @Test
    void theWriterThatCommittedLastDoesNotReadTheRootAgain() {
        publish(container, "zero-downtime.md", "2026-03-10");
        int reads = site.rootReads;
        publish(container, "profiling.md", "2026-02-01");
        publish(container, "backpressure.md", "2026-03-20");

        assertEquals(reads, site.rootReads, "no GET of the root it committed");
        assertEquals(3, new ManifestStore(stored).read().value().entries().size());
    }

    @Test
    void aRootAnotherWriterCommittedIsReadAgain() {
        publish(container, "zero-downtime.md", "2026-03-10");
        publish(new Publisher(content, stored), "profiling.md", "2026-02-01");
        int reads = site.rootReads;

        publish(container, "backpressure.md", "2026-03-20");

        assertTrue(site.rootReads > reads, "the other writer's claim makes it read the root");
        assertEquals(3, new ManifestStore(stored).read().value().entries().size(), "nothing the other writer committed is lost");
    }

    @Test
    void aRootChangedByHandFailsTheCommitAndIsReadWhenTheBatchComesAgain() {
        publish(container, "zero-downtime.md", "2026-03-10");
        SiteStore.Stored root = stored.objects.get(StatePieces.ROOT);
        stored.write(new SiteFile(StatePieces.ROOT, (new String(root.bytes()) + " ").getBytes(), dev.galley.site.ContentKind.INTERNAL_JSON),
                Map.of(), new SiteStore.Condition.None());  // the same state, another ETag, and no claim
        content.put("profiling.md", article("Profiling", "2026-02-01"));

        BatchOutcome refused = container.publish(List.of(SourceChange.of("profiling.md")), () -> true);
        assertEquals(0, refused.handedBackFrom(), "the If-Match fails: handed back");
        BatchOutcome again = container.publish(List.of(SourceChange.of("profiling.md")), () -> true);

        assertTrue(again.handBackCause().isEmpty(), () -> "delivered again: " + again.handBackCause());
        assertEquals(2, new ManifestStore(stored).read().value().entries().size());
    }

    private void publish(Publisher publisher, String key, String date) {
        content.put(key, article(key, date));
        assertEquals(Outcome.Kind.PUBLISHED, publisher.sync(SourceChange.of(key)).kind());
    }

    /** The store, counting the reads of the state's root. */
    private static final class RootReads extends ForwardingSiteStore {
        int rootReads;

        RootReads(InMemoryStores.Site site) {
            super(site);
        }

        @Override
        public Optional<Stored> read(String path) {
            if (path.equals(StatePieces.ROOT)) {
                rootReads++;
            }
            return site.read(path);
        }

    }
}
