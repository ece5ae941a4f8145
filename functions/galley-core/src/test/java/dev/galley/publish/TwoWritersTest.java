package dev.galley.publish;

import dev.galley.publish.AuthorHistory.Operation;
import dev.galley.site.SiteFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A writer writes without asking what it knows of the site ({@link KnownSite}), and that is safe only while no other
 * writer wrote. Consecutive batches may run in different containers: two publishers over one bucket, each with what
 * it knows, taking the batches in turn, must leave the site exactly as a full re-render by a third, which knows
 * nothing and asks for every page, makes it.
 */
class TwoWritersTest {

    private static final byte[] DRAFT_KEY = "a draft key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8);

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    @ParameterizedTest(name = "history {0}")
    @MethodSource("seeds")
    void twoContainersTakingTurnsLeaveWhatAFullReRenderMakes(long seed) {
        AuthorHistory.assertSettlesAsAReRender(AuthorHistory.random(new Random(seed), 14), history -> differenceFromAReRender(history, seed));
    }

    @Test
    void aWriterForgetsWhatItKnowsOnceAnotherWroteTheSite() {
        InMemoryStores.Content content = new InMemoryStores.Content();
        InMemoryStores.Site site = new InMemoryStores.Site();
        Publisher first = publisher(content, site);
        Publisher second = publisher(content, site);
        String before = PublisherTest.article("Release trains", "2026-02-01", "tags: [DevOps]");
        content.put("trains.md", before);
        first.sync(SourceChange.of("trains.md"));
        String page = site.objects.keySet().stream().filter(path -> path.startsWith("articles/")).findFirst().orElseThrow();
        String firstPage = site.text(page);

        content.put("trains.md", before.replace("tags: [DevOps]", "tags: [DevOps]\ndescription: Shipping on a timetable."));
        second.sync(SourceChange.of("trains.md"));
        assertTrue(!site.text(page).equals(firstPage), "the second writer rewrote the page");

        content.put("trains.md", before);  // back to the bytes the first writer wrote the page from
        first.sync(SourceChange.of("trains.md"));
        assertEquals(firstPage, site.text(page), "the first writer wrote the page again, not trusting what it had written");
    }

    @Test
    void aWarmWriterAsksForNoPageItWroteItself() {
        InMemoryStores.Content content = new InMemoryStores.Content();
        Heads site = new Heads(new InMemoryStores.Site());
        Publisher publisher = publisher(content, site);
        for (int day = 1; day <= 6; day++) {
            content.put("post-" + day + ".md", PublisherTest.article("Post " + day, "2026-02-0" + day, "tags: [Go]"));
            publisher.sync(SourceChange.of("post-" + day + ".md"));
        }
        site.heads.set(0);
        content.put("post-7.md", PublisherTest.article("Post 7", "2026-02-07", "tags: [Go, Rust]"));
        publisher.sync(SourceChange.of("post-7.md"));
        assertEquals(0, site.heads.get(), "every page a new article changes is one this writer wrote, or new: " + site.asked);
    }

    /** Plays the history, each batch delivered to one of two publishers at random; what a full re-render then changes, or null. */
    private static String differenceFromAReRender(List<Operation> history, long seed) {
        Random delivery = new Random(seed * 31 + 7);
        InMemoryStores.Content content = new InMemoryStores.Content();
        InMemoryStores.Site site = new InMemoryStores.Site();
        site.checkLinks = false;
        List<Publisher> containers = List.of(publisher(content, site), publisher(content, site));
        AuthorHistory.Bucket bucket = new AuthorHistory.Bucket() {
            @Override
            public void put(String key, String text) {
                content.put(key, text);
            }

            @Override
            public void delete(String key) {
                content.files.remove(key);
            }
        };
        List<String> undelivered = new ArrayList<>();
        for (Operation operation : history) {
            operation.applyTo(bucket);
            undelivered.add(operation.key());
            if (delivery.nextInt(3) == 0) {
                deliver(undelivered, delivery, containers);
            }
        }
        deliver(undelivered, delivery, containers);
        Map<String, String> settled = site.served();
        Map<String, PublishStatus> settledStatuses = new TreeMap<>(content.statuses);

        publisher(content, site).rebuild();  // a third container: it knows nothing, so it asks for every page

        Map<String, String> rebuilt = site.served();
        if (!settled.keySet().equals(rebuilt.keySet())) {
            return "the site's files " + settled.keySet() + " differ from a full re-render's " + rebuilt.keySet();
        }
        for (String path : settled.keySet()) {
            if (!Objects.equals(settled.get(path), rebuilt.get(path))) {
                return path + " differs from a full re-render's";
            }
        }
        return settledStatuses.equals(new TreeMap<>(content.statuses)) ? null
                : "the statuses " + settledStatuses + " differ from a full re-render's " + new TreeMap<>(content.statuses);
    }

    private static void deliver(List<String> keys, Random random, List<Publisher> containers) {
        AuthorHistory.deliveries(keys, random).forEach(batch -> containers.get(random.nextInt(containers.size()))
                .publish(batch.stream().map(SourceChange::of).toList(), () -> true));
        keys.clear();
    }

    /** Shares drafts, so that batches write draft pages and notes without committing the manifest. */
    private static Publisher publisher(InMemoryStores.Content content, SiteStore site) {
        return new Publisher(content, site, Clock.systemUTC(), PublishSchedule.NONE, DraftLinks.keyedBy(() -> DRAFT_KEY));
    }

    /** Every object readers can be served, path and bytes (Galley's own state under {@code _galley/} aside). */

    /** Counts the HEADs of pages asked of a store. */
    private static final class Heads extends ForwardingSiteStore {
        final AtomicInteger heads = new AtomicInteger();
        final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

        Heads(SiteStore site) {
            super(site);
        }

        @Override
        public Optional<Version> head(String path) {
            if (!path.startsWith("_galley/")) {
                heads.incrementAndGet();
                asked.add(path);
            }
            return site.head(path);
        }
    }
}
