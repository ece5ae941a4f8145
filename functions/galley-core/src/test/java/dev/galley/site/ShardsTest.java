package dev.galley.site;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardsTest {

    /** Article paths of real blogs, as their permalinks make them. */
    private static final List<String> PATHS = """
            articles/fast-rust-ci/
            articles/graceful-shutdown-go/
            articles/designing-dashboards/
            articles/fast-pre-commit-hook/
            articles/japanese-code-review/
            articles/progressive-delivery/
            articles/state-at-the-edges/
            articles/zero-downtime-migrations/
            articles/deploiements-sans-interruption/
            articles/zero-copy-parser/
            2024/03/why-we-left-kubernetes/
            2024/05/postgres-vacuum-in-practice/
            2024/11/the-on-call-handbook/
            2025/01/release-trains/
            2025/02/feature-flags-are-debt/
            2025/06/reading-flame-graphs/
            2025/09/one-writer-many-readers/
            2026/01/about-this-blog.html
            2026/02/sqlite-in-production.html
            2026/03/content-addressed-storage.html
            about/
            uses/
            now/
            """.lines().toList();

    private static final int SMALL = 4;

    private static List<Shards.Shard<String>> split(List<String> keys) {
        return Shards.split(keys, Function.identity(), SMALL);
    }

    @Test
    void everyKeyIsInOneShardAndTheShardsAreInKeyOrder() {
        List<String> joined = split(PATHS).stream().flatMap(s -> s.items().stream()).toList();
        assertEquals(PATHS.stream().sorted().toList(), joined);
        assertTrue(split(PATHS).stream().noneMatch(s -> s.items().isEmpty()));
        assertEquals(List.of(), Shards.split(List.<String>of(), Function.identity(), SMALL));
    }

    @Test
    void aShardEndsAtTheOneKeyThatChoosesToEndItAndIsNamedAfterItTheTailAtNone() {
        List<Shards.Shard<String>> shards = split(PATHS);
        assertTrue(shards.size() > 2, "the sample makes several shards: " + shards);
        Set<String> names = new HashSet<>();
        for (Shards.Shard<String> shard : shards) {
            List<String> items = shard.items();
            for (int i = 0; i < items.size() - 1; i++) {
                assertFalse(Pagination.endsArchivePage(items.get(i), SMALL), items.get(i) + " ends no shard but is inside " + shard);
            }
            boolean ends = Pagination.endsArchivePage(items.get(items.size() - 1), SMALL);
            assertEquals(!ends, shard.name().equals(Shards.TAIL), shard.toString());
            assertTrue(shard.name().matches("[0-9a-f]{12}|" + Shards.TAIL), shard.name());
            assertTrue(names.add(shard.name()), "two shards named " + shard.name());
        }
    }

    static List<String> eachPath() {
        return PATHS;
    }

    @ParameterizedTest
    @MethodSource("eachPath")
    void addingOrRemovingOneKeyChangesAtMostTwoShardsAndNamesNoOtherAnew(String path) {
        List<String> without = new ArrayList<>(PATHS);
        without.remove(path);
        Map<String, List<String>> before = byName(split(without));
        Map<String, List<String>> after = byName(split(PATHS));
        Set<String> changed = new HashSet<>();
        before.forEach((name, items) -> {
            if (!items.equals(after.get(name))) {
                changed.add(name);
            }
        });
        after.forEach((name, items) -> {
            if (!items.equals(before.get(name))) {
                changed.add(name);
            }
        });
        assertTrue(changed.size() <= 2, path + " changed " + changed);
    }

    @Test
    void shardsAverageTheSizeAskedForOnALargeSite() {
        List<String> keys = IntStream.range(0, 10_000).mapToObj(i -> "articles/note-" + i + "/").toList();
        double average = 10_000.0 / Shards.split(keys, Function.identity(), 128).size();
        assertTrue(average > 128 * 0.8 && average < 128 * 1.25, "average " + average);
    }

    private static Map<String, List<String>> byName(List<Shards.Shard<String>> shards) {
        return shards.stream().collect(Collectors.toMap(Shards.Shard::name, Shards.Shard::items));
    }
}
