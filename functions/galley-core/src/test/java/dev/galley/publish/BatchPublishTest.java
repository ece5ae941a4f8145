package dev.galley.publish;

import dev.galley.site.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch of changes published as one commit ends where the same changes published one at a time end. */
class BatchPublishTest {

    /** One site: its stores and its publisher. */
    private record Site(InMemoryStores.Content content, InMemoryStores.Site site, Publisher publisher) {

        static Site seeded() {
            Site s = new Site(new InMemoryStores.Content(), new InMemoryStores.Site(), null).withPublisher();
            s.apply(List.of(
                    "+kept.md Zero-downtime migrations|2026-03-10|tags: [PostgreSQL, DevOps]",
                    "+edited.md Profiling Go services in production|2026-02-01|tags: [Go]",
                    "+gone.md Why we left Kubernetes|2026-01-15|tags: [DevOps]",
                    "+renamed.md Rust error handling|2025-12-01|tags: [Rust]"));
            s.content().files.keySet().forEach(key -> s.publisher().sync(SourceChange.of(key)));
            return s;
        }

        Site withPublisher() {
            return new Site(content, site, new Publisher(content, site));
        }

        /**
         * Writes the changes to the content store: {@code +key title|date|front matter line|...} writes an article,
         * {@code +key.png} an image, {@code !key} a file that is no article, {@code -key} deletes.
         *
         * @return the keys named, in order
         */
        List<SourceChange> apply(List<String> changes) {
            return changes.stream().map(change -> {
                String key = change.substring(1).split(" ", 2)[0];
                if (change.startsWith("-")) {
                    content.files.remove(key);
                } else if (change.startsWith("!")) {
                    content.put(key, "---\ntitle: Broken\ndate: someday\n---\n");
                } else if (key.endsWith(".png")) {
                    content.files.put(key, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
                } else {
                    String[] parts = change.split(" ", 2)[1].split("\\|");
                    StringBuilder text = new StringBuilder("---\ntitle: " + parts[0] + "\ndate: " + parts[1] + "\n");
                    for (int i = 2; i < parts.length; i++) {
                        text.append(parts[i]).append('\n');
                    }
                    content.put(key, text + "---\nThe body of " + parts[0] + ".\n");
                }
                return SourceChange.of(key);
            }).toList();
        }

        /** Every object's bytes; the manifest as its entries and retired paths, without the revision that counts commits. */
        Map<String, String> objects() {
            Map<String, String> all = new TreeMap<>();
            site.objects.forEach((path, stored) -> {
                // The record of pending writes stays once committed, and records what each commit changed: one or many.
                if (!path.startsWith(StatePieces.FOLDER) && !path.equals(PendingWrites.PATH)) {
                    all.put(path, new String(stored.bytes(), StandardCharsets.UTF_8));
                }
            });
            Manifest manifest = new ManifestStore(site).read().value();
            all.put(StatePieces.ROOT, manifest.entries() + " " + manifest.retired());
            return all;
        }
    }

    static Stream<Arguments> batches() {
        return Stream.of(
                Arguments.of("a new article and an edit", List.of(
                        "+fresh.md Backpressure in async Rust|2026-03-20|tags: [Rust]",
                        "+edited.md Profiling Go services in production|2026-02-02|tags: [Go, Performance]")),
                Arguments.of("a file deleted and its slug taken in the same batch", List.of(
                        "-gone.md", "+taken.md Leaving Kubernetes, again|2026-03-01|slug: gone")),
                Arguments.of("the first of two files claiming one slug wins", List.of(
                        "+one.md One|2026-03-01|slug: twin", "+two.md Two|2026-03-02|slug: twin")),
                Arguments.of("a slug given up and taken by another file", List.of(
                        "+renamed.md Rust error handling|2025-12-01|tags: [Rust]|slug: rust-errors",
                        "+usurper.md Rust errors, revisited|2026-03-05|slug: renamed")),
                Arguments.of("a draft over a published article, a broken file and a file that is no article", List.of(
                        "+edited.md Profiling Go services in production|2026-02-01|draft: true", "!broken.md", "!notes.txt")),
                Arguments.of("a file published and deleted within the batch", List.of(
                        "+brief.md Brief|2026-03-02", "-brief.md")),
                Arguments.of("an image, and a file named three times", List.of(
                        "+diagram.png", "+fresh.md Backpressure|2026-03-20", "+kept.md Zero-downtime migrations, revised|2026-03-10",
                        "+fresh.md Backpressure in async Rust|2026-03-20|tags: [Rust]", "+fresh.md Backpressure in async Rust|2026-03-21")),
                Arguments.of("a refused file published once the owner of its URL is deleted", List.of(
                        "+twin.md Zero-downtime migrations again|2026-03-12|slug: kept", "-kept.md")),
                Arguments.of("an earlier file takes a URL from its owner, who is refused", List.of(
                        "+older.md Older notes on migrations|2025-01-01|slug: kept")),
                Arguments.of("an article held until next year and one past its expiry", List.of(
                        "+later.md Later|2999-01-01", "+kept.md Zero-downtime migrations|2026-03-10|expiryDate: 2026-03-11")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void aBatchEndsInTheSiteItsChangesMakeOneAtATime(String name, List<String> changes) {
        Site oneByOne = Site.seeded();
        Site batched = Site.seeded();
        List<Outcome.Kind> expected = oneByOne.apply(changes).stream().map(c -> oneByOne.publisher().sync(c).kind()).toList();
        long revision = new ManifestStore(batched.site()).read().value().revision();

        BatchOutcome done = batched.publisher().publish(batched.apply(changes), () -> true);

        assertEquals(expected, done.results().stream().map(r -> r.outcome().orElseThrow().kind()).toList());
        assertEquals(oneByOne.objects(), batched.objects());
        assertEquals(oneByOne.content().statuses, batched.content().statuses);
        assertEquals(List.of(), batched.site().brokenLinkMoments, "no page ever links to a missing one");
        long commits = new ManifestStore(batched.site()).read().value().revision() - revision;
        assertTrue(commits == done.commits() && commits <= 1, "one commit at most: " + commits);
    }

    @Test
    void aSiteConfigInABatchRerendersTheSiteBetweenTwoCommits() {
        Site s = Site.seeded();
        List<SourceChange> changes = s.apply(List.of("+before.md Before|2026-03-01", "+after.md After|2026-03-02"));
        s.content().put(SiteConfig.FILE_NAME, "title: Renamed blog\n");

        BatchOutcome done = s.publisher().publish(List.of(changes.get(0), SourceChange.of(SiteConfig.FILE_NAME), changes.get(1)), () -> true);

        // The re-render publishes what the content store holds, after.md too: its own change then finds it done.
        assertEquals(List.of(Outcome.Kind.PUBLISHED, Outcome.Kind.REBUILT, Outcome.Kind.UNCHANGED),
                done.results().stream().map(r -> r.outcome().orElseThrow().kind()).toList());
        assertEquals(1, done.commits(), "the change before the site.yaml; the re-render commits on its own, and after.md has nothing to commit");
        assertTrue(s.site().text("articles/after/index.html").contains("Renamed blog"));
    }

    @Test
    void noFurtherCommitStartsWhenTheTimeIsUp() {
        Site s = Site.seeded();
        List<SourceChange> changes = s.apply(List.of("+before.md Before|2026-03-01", "+after.md After|2026-03-02"));
        s.content().put(SiteConfig.FILE_NAME, "title: Renamed blog\n");

        BatchOutcome done = s.publisher().publish(List.of(changes.get(0), SourceChange.of(SiteConfig.FILE_NAME), changes.get(1)), () -> false);

        assertEquals(1, done.handedBackFrom());
        assertEquals(BatchOutcome.OUT_OF_TIME, done.handBackCause().orElseThrow().getMessage());
        assertTrue(s.site().text("index.html").contains("/articles/before/"));
        assertEquals(null, s.site().text("articles/after/index.html"), "neither the re-render nor after.md was started");
    }

    @Test
    void aBatchWhoseCommitASecondWriterBeatHandsBackEveryChangeForTheQueueToDeliverAgain() {
        Site s = Site.seeded();
        List<SourceChange> changes = s.apply(List.of("+first.md First|2026-03-01", "+second.md Second|2026-03-02"));
        boolean[] raced = {false};
        s.site().beforeWrite = path -> {
            // A writer that one queue with one message group rules out commits between the batch's read and its commit.
            if (path.equals(StatePieces.ROOT) && !raced[0]) {
                raced[0] = true;
                s.content().put("other.md", "---\ntitle: Other\ndate: 2026-03-03\n---\nThe other writer's.\n");
                new Publisher(s.content(), s.site()).sync(SourceChange.of("other.md"));
            }
        };

        BatchOutcome refused = s.publisher().publish(changes, () -> true);

        assertEquals(0, refused.handedBackFrom(), "nothing of the batch was committed");
        assertTrue(refused.handBackCause().orElseThrow() instanceof CommitRefusedException r && r.retryable(), refused.toString());
        Manifest manifest = new ManifestStore(s.site()).read().value();
        assertTrue(manifest.bySource("other.md") != null && manifest.bySource("first.md") == null, "the other writer's commit stands");

        BatchOutcome again = s.publisher().publish(changes, () -> true);

        assertEquals(List.of(Outcome.Kind.PUBLISHED, Outcome.Kind.PUBLISHED),
                again.results().stream().map(r -> r.outcome().orElseThrow().kind()).toList());
        String home = s.site().text("index.html");
        assertTrue(home.contains("/articles/first/") && home.contains("/articles/second/") && home.contains("/articles/other/"), home);
    }
}
