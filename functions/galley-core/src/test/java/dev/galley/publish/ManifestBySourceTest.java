package dev.galley.publish;

import dev.galley.article.ArticleSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Manifest#bySource} answers from an index carried from revision to revision; over random histories of
 * publishes, moves to another slug, a file taking the slug another file held, and deletions, every revision (the old
 * ones too, after newer ones were made from them) answers what a scan of its entries finds.
 */
class ManifestBySourceTest {

    private static Manifest.Entry entry(String source, String slug, int day) {
        ArticleSummary article = new ArticleSummary(slug, "Title of " + slug, OffsetDateTime.parse("2025-01-01T00:00:00Z").plusDays(day), null,
                List.of("Go"), List.of("Summary."), "", List.of(), 2, null, false);
        return new Manifest.Entry(source, "etag-" + day, "", article);
    }

    private static Manifest.Entry scan(Manifest manifest, String source) {
        return manifest.entries().values().stream().filter(e -> e.sourceKey().equals(source)).findFirst().orElse(null);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyRevisionFindsTheEntryOfASourceAsAScanDoes(long seed) {
        Random random = new Random(seed);
        List<Manifest> revisions = new ArrayList<>();
        Manifest manifest = Manifest.EMPTY;
        for (int step = 0; step < 300; step++) {
            String source = "post-" + random.nextInt(25) + ".md";
            // Twelve slugs for 25 files: a file often takes a slug another file holds, displacing its entry.
            manifest = random.nextInt(4) == 0 ? manifest.without(source)
                    : manifest.with(entry(source, "slug-" + random.nextInt(12), step));
            revisions.add(manifest);
            if (step % 7 == 0) {
                manifest = revisions.get(random.nextInt(revisions.size()));  // go on from an older revision, as a retried batch does
            }
        }
        for (Manifest revision : revisions) {
            for (int i = 0; i < 25; i++) {
                String source = "post-" + i + ".md";
                assertEquals(scan(revision, source), revision.bySource(source), source + " in " + revision);
            }
        }
    }
}
