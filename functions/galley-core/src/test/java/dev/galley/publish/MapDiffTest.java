package dev.galley.publish;

import dev.galley.article.ArticleSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The keys that differ between two revisions' entries, whether one was made from the other by remembered changes
 * (compared at those keys only), by more changes than are remembered, on another branch, or not at all (a walk).
 */
class MapDiffTest {

    private static Manifest.Entry entry(String source, String slug, int day) {
        ArticleSummary article = new ArticleSummary(slug, "Title of " + slug, OffsetDateTime.parse("2025-01-01T00:00:00Z").plusDays(day), null,
                List.of("Go"), List.of("Summary."), "", List.of(), 2, null, false);
        return new Manifest.Entry(source, "etag-" + day, "", article);
    }

    /** What differs, key by key, over the union of both maps' keys. */
    private static List<String> byEveryKey(Map<String, Manifest.Entry> before, Map<String, Manifest.Entry> after) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys.stream().filter(key -> !Objects.equals(before.get(key), after.get(key))).toList();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theKeysThatDifferAreFoundAlongTheChangesAsByEveryKey(long seed) {
        Random random = new Random(seed);
        List<Manifest> revisions = new ArrayList<>();
        Manifest manifest = new Manifest(1, Map.of());
        for (int i = 0; i < 40; i++) {
            manifest = manifest.with(entry("post-" + i + ".md", "slug-" + i, i));
        }
        manifest = new Manifest(2, manifest.entries());  // read back: made from nothing remembered
        revisions.add(manifest);
        for (int step = 0; step < 200; step++) {
            String source = "post-" + random.nextInt(50) + ".md";
            manifest = switch (random.nextInt(4)) {
                case 0 -> manifest.without(source);
                case 1 -> manifest.withRevision(manifest.revision() + 1);
                default -> manifest.with(entry(source, "slug-" + random.nextInt(45), step));  // a slug another file may hold
            };
            revisions.add(manifest);
            if (random.nextInt(10) == 0) {
                manifest = revisions.get(random.nextInt(revisions.size()));  // another branch, as a retried batch makes
            }
        }
        for (int pair = 0; pair < 400; pair++) {
            // Mostly near pairs, whose derivations are remembered, and some far apart, whose are not.
            int a = random.nextInt(revisions.size());
            int b = random.nextBoolean() ? Math.min(revisions.size() - 1, a + random.nextInt(4)) : random.nextInt(revisions.size());
            Manifest before = revisions.get(a);
            Manifest after = revisions.get(b);
            assertEquals(byEveryKey(before.entries(), after.entries()), MapDiff.changedKeys(before.entriesByPath(), after.entriesByPath()),
                    "revisions " + a + " and " + b);
        }
    }
}
