package dev.galley.publish;

import dev.galley.RecordingClassLoader;
import dev.galley.render.RssFeed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upload that changes no feed loads none of the feeds' writers (a Lambda pays for every class it loads at
 * cold start): the site's feeds, the RSS feed and the tags' feeds are rendered only when their articles change.
 */
class FeedClassLoadingTest {

    /** Runs inside a fresh class loader: the stores it is handed are plain maps, so that no class crosses loaders. */
    public static final class Scenario {

        /** Publishes {@code key} over a site holding {@code objects} (path to bytes) with {@code metadata}. */
        public static void sync(Map<String, byte[]> sources, Map<String, byte[]> objects, Map<String, Map<String, String>> metadata, String key) {
            InMemoryStores.Content content = new InMemoryStores.Content();
            content.files.putAll(sources);
            InMemoryStores.Site site = new InMemoryStores.Site();
            site.checkLinks = false;
            objects.forEach((path, bytes) -> site.objects.put(path,
                    new SiteStore.Stored(bytes, new SiteStore.Version(InMemoryStores.md5(bytes), metadata.get(path)))));
            new Publisher(content, site).sync(SourceChange.of(key));
        }
    }

    /** Twenty-five posts tagged Rust, one a day: the site's feed and the Rust feed show the newest twenty. */
    private static Map<String, byte[]> sources() {
        Map<String, byte[]> sources = new HashMap<>();
        for (int i = 0; i < 25; i++) {
            sources.put("post-" + i + ".md", PublisherTest.article("Post " + i, java.time.LocalDate.of(2024, 1, 1).plusDays(i).toString(),
                    "tags: [Rust]").getBytes(StandardCharsets.UTF_8));
        }
        return sources;
    }

    private static Set<String> loadedBySync(Map<String, byte[]> sources, String key) throws Exception {
        InMemoryStores.Content content = new InMemoryStores.Content();
        content.files.putAll(sources());
        InMemoryStores.Site site = new InMemoryStores.Site();
        site.checkLinks = false;
        new Publisher(content, site).rebuild();
        Map<String, byte[]> objects = new HashMap<>();
        Map<String, Map<String, String>> metadata = new HashMap<>();
        site.objects.forEach((path, stored) -> {
            objects.put(path, stored.bytes());
            metadata.put(path, stored.version().metadata());
        });

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (RecordingClassLoader loader = new RecordingClassLoader()) {
            thread.setContextClassLoader(loader);  // jte finds its precompiled templates there
            loader.loadClass(Scenario.class.getName()).getMethod("sync", Map.class, Map.class, Map.class, String.class)
                    .invoke(null, sources, objects, metadata, key);
            assertTrue(loader.requested().contains(Publisher.class.getName()), "the scenario ran in the recording loader");
            return Set.copyOf(loader.requested());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static boolean loadedAFeedWriter(Set<String> classes) {
        return classes.contains(RssFeed.class.getName()) || classes.stream().anyMatch(name -> name.startsWith("org.jsoup."));
    }

    @Test
    void anEditOfAnArticleInNoFeedLoadsNoFeedWriter() throws Exception {
        Map<String, byte[]> sources = sources();
        sources.put("post-0.md", PublisherTest.article("Post 0, retitled", "2024-01-01", "tags: [Rust]").getBytes(StandardCharsets.UTF_8));
        Set<String> loaded = loadedBySync(sources, "post-0.md");
        assertFalse(loadedAFeedWriter(loaded), "the oldest post is in no feed, yet a feed was rendered");
        assertFalse(loaded.contains("dev.galley.render.AtomFeed$Head"));
    }

    @Test
    void anEditOfAnArticleInTheFeedsLoadsTheirWriters() throws Exception {
        Map<String, byte[]> sources = sources();
        sources.put("post-24.md", PublisherTest.article("Post 24, retitled", "2024-01-25", "tags: [Rust]").getBytes(StandardCharsets.UTF_8));
        assertTrue(loadedAFeedWriter(loadedBySync(sources, "post-24.md")));
    }
}
