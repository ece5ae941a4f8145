package dev.galley.publish;

import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.galley.publish.PublisherTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A commit writes the state's new shards before its root; when the root's compare-and-set is refused, or the batch
 * fails in between, no root names them. The next writer that finds the failed batch's record deletes the shards no
 * root names once they are older than another writer's commit in flight can be.
 */
class StateSweepTest {

    private final InMemoryStores.Content content = new InMemoryStores.Content();
    private final InMemoryStores.Site site = new InMemoryStores.Site();
    private final Publisher publisher = new Publisher(content, site);

    @BeforeEach
    void aSiteOfThreeArticles() {
        StatePieces.forgetShards();
        content.put("zero-downtime.md", article("Zero-downtime migrations", "2026-03-10", "tags: [PostgreSQL]"));
        content.put("profiling.md", article("Profiling Go services in production", "2026-02-01", "tags: [Go]"));
        content.put("backpressure.md", article("Backpressure in async Rust", "2026-03-20", "tags: [Rust]"));
        publisher.rebuild();
    }

    @Test
    void theShardsOfARefusedCommitAreDeletedByTheNextBatchOnceTheyAreOld() {
        Set<String> left = shardsLeftByARefusedCommit();
        age(left, Duration.ofMinutes(10));

        content.put("later.md", article("Bounded queues", "2026-03-21", "tags: [Rust]"));
        publisher.sync(SourceChange.of("later.md"));

        assertEquals(Set.of(), unnamed(), "no shard is left that no root names");
        assertTrue(left.stream().noneMatch(site.objects::containsKey), "the refused commit's shards are gone");
        assertEquals(List.of(), site.brokenLinksNow());
    }

    @Test
    void aShardYoungerThanAnotherWritersCommitInFlightIsKept() {
        Set<String> left = shardsLeftByARefusedCommit();

        content.put("later.md", article("Bounded queues", "2026-03-21", "tags: [Rust]"));
        publisher.sync(SourceChange.of("later.md"));

        assertEquals(left, unnamed(), "written a moment ago: perhaps for a root about to be written");
    }

    @Test
    void aShardWithoutTheTimeItWasWrittenCountsAsOld() {
        site.write(new SiteFile(StatePieces.FOLDER + "0123456789abcdef0123.json", "{}".getBytes(), ContentKind.INTERNAL_JSON), Map.of(),
                new SiteStore.Condition.None());

        assertEquals(1, StateSweep.sweep(site, Instant.now()));
        assertEquals(Set.of(), unnamed());
    }

    @Test
    void aSiteWithoutARootIsLeftAlone() {
        InMemoryStores.Site empty = new InMemoryStores.Site();
        empty.write(new SiteFile(StatePieces.FOLDER + "0123456789abcdef0123.json", "{}".getBytes(), ContentKind.INTERNAL_JSON), Map.of(),
                new SiteStore.Condition.None());

        assertEquals(0, StateSweep.sweep(empty, Instant.now().plus(Duration.ofDays(1))));
        assertFalse(empty.objects.isEmpty());
    }

    /** An edit whose commit another writer's beat: the batch is handed back, and its new shards stay unnamed. */
    private Set<String> shardsLeftByARefusedCommit() {
        boolean[] raced = {false};
        site.beforeWrite = path -> {
            if (path.equals(StatePieces.ROOT) && !raced[0]) {
                raced[0] = true;
                throw new WriteConflictException(path, null);
            }
        };
        content.put("profiling.md", article("Profiling Go services in production", "2026-02-02", "tags: [Go, Performance]"));
        BatchOutcome refused = publisher.publish(List.of(SourceChange.of("profiling.md")), () -> true);
        site.beforeWrite = path -> { };
        assertTrue(refused.handBackCause().orElseThrow() instanceof CommitRefusedException, refused.toString());
        Set<String> left = unnamed();
        assertFalse(left.isEmpty(), "the refused commit wrote shards");
        return left;
    }

    /** Shard objects no root names (the writer's claim, {@link KnownSite#CLAIM}, is not a shard). */
    private Set<String> unnamed() {
        Set<String> named = StatePieces.known(site, site.objects.get(StatePieces.ROOT).bytes());
        Set<String> unnamed = new TreeSet<>();
        site.objects.keySet().stream().filter(path -> path.startsWith(StatePieces.FOLDER) && !path.equals(StatePieces.ROOT) && path.endsWith(".json"))
                .filter(path -> !named.contains(path.substring(StatePieces.FOLDER.length(), path.length() - ".json".length())))
                .forEach(unnamed::add);
        return unnamed;
    }

    /** Sets back the time each object says it was written. */
    private void age(Set<String> paths, Duration by) {
        paths.forEach(path -> {
            SiteStore.Stored stored = site.objects.get(path);
            Map<String, String> metadata = new HashMap<>(stored.version().metadata());
            metadata.put(StateSweep.WRITTEN, Instant.parse(metadata.get(StateSweep.WRITTEN)).minus(by).toString());
            site.objects.put(path, new SiteStore.Stored(stored.bytes(), new SiteStore.Version(stored.version().etag(), Map.copyOf(metadata))));
        });
    }
}
