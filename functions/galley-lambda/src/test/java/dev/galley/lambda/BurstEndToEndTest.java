package dev.galley.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.galley.emulator.NotificationSink;
import dev.galley.publish.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many uploads at once, handled by one writer (as the FIFO queue's one message group makes it) against one S3 server,
 * with duplicated and reordered notifications, while a reader watches the index pages: the site ends
 * showing exactly what the content bucket holds, and at no moment links to a missing page.
 */
abstract class BurstEndToEndTest {

    static final int BURST = 200;
    static final Duration SETTLE = Duration.ofSeconds(120);
    private static final String[] TAGS = {"Go", "Rust", "PostgreSQL", "DevOps", "Architecture"};
    private static final Pattern TITLE = Pattern.compile("(?m)^title: (.*)$");
    private static final Pattern TAG_LIST = Pattern.compile("(?m)^tags: \\[(.*)]$");

    protected abstract S3Endpoint endpoint();

    /**
     * Sends the server's own notifications of the bucket's changes to {@code sink}. Returns false when the server
     * sends none (LocalStack here); the test then announces each of its writes itself.
     */
    protected abstract boolean routeNotifications(String bucket, NotificationSink sink);

    protected SiteBuckets buckets;
    private NotificationSink announce;

    @BeforeEach
    void createBuckets() {
        buckets = SiteBuckets.create(endpoint());
    }

    @AfterEach
    void closeClients() {
        buckets.close();
    }

    // --- the author, S3's notifications, the function ---

    /** Notifications of every later write go to {@code sink}. */
    void notifications(NotificationSink sink) {
        announce = routeNotifications(buckets.content, sink) ? null : sink;
    }

    void upload(String key, String text) {
        String event = buckets.upload(key, text);
        if (announce != null) {
            announce.accept(event);
        }
    }

    void delete(String key) {
        String event = buckets.delete(key);
        if (announce != null) {
            announce.accept(event);
        }
    }

    /** Runs the author's writes from several threads at once, as {@code aws s3 sync} does. */
    static void allAtOnce(List<Runnable> writes) throws Exception {
        ExecutorService author = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            writes.forEach(write -> done.add(author.submit(write)));
            for (Future<?> write : done) {
                write.get();
            }
        } finally {
            author.shutdown();
        }
    }

    static String post(int i) {
        return String.format("post-%03d", i);
    }

    static String postText(int i, String version) {
        return SiteBuckets.article("Post " + i + " " + version, "2026-01-" + String.format("%02d", 1 + i % 28),
                "tags: [" + TAGS[i % TAGS.length] + ", " + TAGS[(i + version.length()) % TAGS.length] + "]");
    }

    /** Publishes {@code count} articles with one full rebuild, before notifications are on. */
    void seed(int count) {
        for (int i = 0; i < count; i++) {
            buckets.upload(post(i) + ".md", postText(i, "v1"));
        }
        String result = SiteBuckets.handle(buckets.newHandler(), "{\"action\":\"rebuild\"}", new RecordingContext());
        assertTrue(result.contains("\"published\":" + count), result);
    }

    // --- what the site must show ---

    /**
     * The site shows exactly the content bucket: one manifest entry, one listed article and one page per file,
     * each from the file's current bytes, every tag page listing exactly its articles, and nothing else.
     */
    void assertSiteShowsExactlyTheContentBucket() {
        Map<String, String> files = buckets.contentFiles();
        Map<String, String> etags = buckets.s3.listObjectsV2Paginator(r -> r.bucket(buckets.content)).contents().stream()
                .collect(Collectors.toMap(S3Object::key, o -> o.eTag().replace("\"", "")));
        Map<String, String> titles = new TreeMap<>();
        Map<String, Set<String>> byTag = new TreeMap<>();
        files.forEach((key, text) -> {
            String slug = key.replace(".md", "");
            titles.put(slug, field(TITLE, text));
            for (String tag : field(TAG_LIST, text).split(", ")) {
                byTag.computeIfAbsent(tag.toLowerCase(java.util.Locale.ROOT), t -> new TreeSet<>()).add(slug);
            }
        });

        Manifest manifest = buckets.manifest();
        assertEquals(titles.keySet().stream().map(s -> "articles/" + s + "/").collect(Collectors.toCollection(TreeSet::new)),
                manifest.entries().keySet(), "the manifest lists other articles");
        manifest.entries().values().forEach(entry -> {
            String slug = entry.article().slug();
            assertEquals(slug + ".md", entry.sourceKey());
            assertEquals(etags.get(entry.sourceKey()), entry.sourceEtag(), "the manifest entry of " + slug + " is from other bytes");
            assertEquals(titles.get(slug), entry.article().title());
        });
        assertEquals(titles.keySet(), new TreeSet<>(buckets.homePageArticles()), "the home page lists other articles");
        assertEquals(titles.keySet().stream().map(s -> "articles/" + s + "/index.html").collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(buckets.sitePaths("articles/")), "the site holds other article pages");
        titles.forEach((slug, title) -> assertTrue(buckets.siteText("articles/" + slug + "/index.html").contains(title),
                "the page of " + slug + " does not show " + title));
        Set<String> tagPages = new TreeSet<>();
        byTag.forEach((tag, slugs) -> {
            String path = "tags/" + tag + "/index.html";
            assertEquals(slugs, new TreeSet<>(buckets.listing(path, tagPages)), path + " and its archive pages list other articles");
            tagPages.add("tags/" + tag + "/feed.xml");  // a tag has a feed exactly while it has articles
        });
        Set<String> storedTagPages = new TreeSet<>(buckets.sitePaths("tags/"));
        storedTagPages.remove("tags/index.html");
        assertEquals(tagPages, storedTagPages, "the site holds other tag pages and feeds");
    }

    private static String field(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }

    // --- the rules ---

    @Test
    void mustEndWithTheNewestVersionWhenNotificationsArriveNewestFirstAndTwice() {
        String older = "0055AED6DCD90281E5";
        String newer = "0055AED6DCD90281E6";
        String etag1 = etagOf(buckets.upload("hello.md", SiteBuckets.article("Version one", "2026-03-10")));
        String etag2 = etagOf(buckets.upload("hello.md", SiteBuckets.article("Version two", "2026-03-10")));
        PublishHandler handler = buckets.newHandler();
        RecordingContext logs = new RecordingContext();

        for (String event : List.of(
                Events.record("ObjectCreated:Put", buckets.content, "hello.md", etag2, newer),
                Events.record("ObjectCreated:Put", buckets.content, "hello.md", etag2, newer),
                Events.record("ObjectCreated:Put", buckets.content, "hello.md", etag1, older),
                Events.record("ObjectCreated:Put", buckets.content, "hello.md", etag1, older))) {
            SiteBuckets.handle(handler, event, logs);
        }

        assertEquals(List.of("published", "unchanged", "unchanged", "unchanged"),
                logs.lines().stream().map(line -> line.path("outcome").asText()).toList());
        assertTrue(buckets.siteText("articles/hello/index.html").contains("Version two"));
        assertTrue(buckets.siteText("index.html").contains("Version two"));
        assertFalse(buckets.siteText("index.html").contains("Version one"));
        Manifest.Entry entry = buckets.manifest().byPath("articles/hello/");
        assertEquals(etag2, entry.sourceEtag());
        assertEquals(newer, entry.sequencer());
    }

    private static String etagOf(String event) {
        try {
            return new ObjectMapper().readTree(event).path("Records").get(0).path("s3").path("object").path("eTag").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
