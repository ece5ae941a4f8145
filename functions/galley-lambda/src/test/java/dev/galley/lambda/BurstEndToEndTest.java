package dev.galley.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.galley.emulator.NotificationSink;
import dev.galley.publish.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many uploads at once, handled by concurrent invocations (each with its own handler and S3 client) against one
 * S3 server, with duplicated and reordered notifications, while a reader watches the index pages: the site ends
 * showing exactly what the content bucket holds, and at no moment links to a missing page.
 */
abstract class BurstEndToEndTest {

    static final int BURST = 200;
    static final int INVOCATIONS = 16;
    static final Duration SETTLE = Duration.ofSeconds(120);
    private static final String[] TAGS = {"Go", "Rust", "PostgreSQL", "DevOps", "Architecture"};
    private static final Pattern TITLE = Pattern.compile("(?m)^title: (.*)$");
    private static final Pattern TAG_LIST = Pattern.compile("(?m)^tags: \\[(.*)]$");

    protected abstract PublishEndToEndTest.Endpoint endpoint();

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

    /** Runs the writes as a burst while a reader watches, and waits for the site to settle. */
    Invocations burst(List<Runnable> writes) throws Exception {
        Invocations invocations = new Invocations(buckets, INVOCATIONS, 0.1, Duration.ofMillis(20));
        notifications(invocations);
        try (ConsistencyObserver reader = new ConsistencyObserver(buckets)) {
            allAtOnce(writes);
            invocations.awaitAll(SETTLE);
            reader.close();
            assertEquals(List.of(), reader.violations(), reader.toString());
            assertTrue(reader.judgedLinks() > 0, "the reader never judged a link: " + reader);
        } finally {
            invocations.close();
        }
        return invocations;
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
    void mustListEveryArticleOfABurstOf200Uploads() throws Exception {
        List<Runnable> uploads = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            int n = i;
            uploads.add(() -> upload(post(n) + ".md", postText(n, "v1")));
        }

        Invocations invocations = burst(uploads);

        assertEquals(BURST, buckets.manifest().entries().size());
        assertEquals(BURST, buckets.homePageArticles().size());
        assertSiteShowsExactlyTheContentBucket();
        assertEquals(INVOCATIONS, invocations.containers(), "every invocation thread had its own handler");
    }

    @Test
    void mustRemoveEveryArticleOfABurstOf200Deletes() throws Exception {
        seed(BURST);
        List<Runnable> deletes = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            int n = i;
            deletes.add(() -> delete(post(n) + ".md"));
        }

        burst(deletes);

        assertTrue(buckets.manifest().entries().isEmpty(), buckets.manifest().entries().keySet().toString());
        assertEquals(Set.of(), buckets.homePageArticles());
        assertEquals(List.of(), buckets.sitePaths("articles/"));
        assertSiteShowsExactlyTheContentBucket();
    }

    @Test
    void mustEndWithExactlyWhatTheContentBucketHoldsAfterAMixedBurst() throws Exception {
        seed(150);
        List<Runnable> writes = new ArrayList<>();
        for (int i = 150; i < 200; i++) {
            int n = i;
            writes.add(() -> upload(post(n) + ".md", postText(n, "new")));
        }
        for (int i = 0; i < 75; i++) {
            int n = i;
            writes.add(() -> upload(post(n) + ".md", postText(n, "edited")));
        }
        for (int i = 75; i < 150; i++) {
            int n = i;
            writes.add(() -> delete(post(n) + ".md"));
        }
        Collections.shuffle(writes, new Random(4));

        burst(writes);

        assertEquals(125, buckets.manifest().entries().size());
        assertSiteShowsExactlyTheContentBucket();
    }

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

    @Test
    void mustNotLetAFullRerenderPutAPageRenderedBeforeAnEditOverTheEdit() throws Exception {
        PublishHandler fast = buckets.newHandler();
        RecordingContext logs = new RecordingContext();
        SiteBuckets.handle(fast, buckets.upload("hello.md", SiteBuckets.article("Version one", "2026-03-10")), logs);
        buckets.upload("site.yaml", "title: Renamed\n");  // so that the re-render writes every page again
        SlowRequest slow = SlowRequest.beforeWriting("articles/hello/index.html");
        PublishHandler rerendering = new PublishHandler(buckets.config, buckets.newClient(slow));

        CompletableFuture<String> rerender = CompletableFuture.supplyAsync(() -> SiteBuckets.handle(rerendering, "{\"action\":\"rebuild\"}", logs));
        assertTrue(slow.holding.await(30, TimeUnit.SECONDS), "the re-render never wrote the page");
        String edit = buckets.upload("hello.md", SiteBuckets.article("Version two", "2026-03-10"));
        SiteBuckets.handle(fast, edit, logs);  // published while the re-render's write of Version one is on its way
        slow.release.countDown();
        rerender.get(60, TimeUnit.SECONDS);

        SiteBuckets.handle(fast, edit, logs);  // a repeated notification of the edit must not find a stale page 'unchanged'
        assertTrue(buckets.siteText("articles/hello/index.html").contains("Version two"),
                "the re-render put the page it rendered before the edit over the edit");
    }

    @Test
    void mustNotLetASlowInvocationHoldingOldContentOverwriteANewerPage() throws Exception {
        PublishHandler fast = buckets.newHandler();
        RecordingContext logs = new RecordingContext();
        SiteBuckets.handle(fast, buckets.upload("hello.md", SiteBuckets.article("Version one", "2026-03-10")), logs);
        SlowClient slow = new SlowClient(buckets.content, "hello.md");
        PublishHandler slowHandler = new PublishHandler(buckets.config, buckets.newClient(slow));

        String second = buckets.upload("hello.md", SiteBuckets.article("Version two", "2026-03-10"));
        CompletableFuture<String> slowRun = CompletableFuture.supplyAsync(() -> SiteBuckets.handle(slowHandler, second, logs));
        assertTrue(slow.holding.await(30, TimeUnit.SECONDS), "the slow invocation never read the source");
        SiteBuckets.handle(fast, buckets.upload("hello.md", SiteBuckets.article("Version three", "2026-03-10")), logs);
        assertTrue(buckets.siteText("articles/hello/index.html").contains("Version three"));
        slow.release.countDown();
        slowRun.get(60, TimeUnit.SECONDS);

        List<String> slowPages = slow.pagesWritten("articles/hello/index.html");
        assertTrue(slowPages.stream().noneMatch(page -> page.contains("Version two")),
                "the slow invocation wrote its old content over the newer page");
        assertTrue(buckets.siteText("articles/hello/index.html").contains("Version three"));
        assertTrue(buckets.siteText("index.html").contains("Version three"));
        assertEquals(buckets.s3.headObject(r -> r.bucket(buckets.content).key("hello.md")).eTag().replace("\"", ""),
                buckets.manifest().byPath("articles/hello/").sourceEtag());
    }

    @Test
    void mustKeepATagPageANewerRevisionWroteWhileASlowInvocationDeletedIt() throws Exception {
        PublishHandler fast = buckets.newHandler();
        RecordingContext logs = new RecordingContext();
        SiteBuckets.handle(fast, buckets.upload("first.md", SiteBuckets.article("First", "2026-03-10", "tags: [Solo]")), logs);
        assertTrue(buckets.siteBytes("tags/solo/index.html").isPresent());

        // The tag's last article goes; the invocation stalls just before it deletes the tag page.
        SlowRequest slow = SlowRequest.beforeDeleting("tags/solo/index.html");
        PublishHandler slowHandler = new PublishHandler(buckets.config, buckets.newClient(slow));
        String removal = buckets.delete("first.md");
        CompletableFuture<String> slowRun = CompletableFuture.supplyAsync(() -> SiteBuckets.handle(slowHandler, removal, logs));
        assertTrue(slow.holding.await(30, TimeUnit.SECONDS), "the slow invocation never came to delete the tag page");
        // Meanwhile another article brings the tag back, and its page is written.
        SiteBuckets.handle(fast, buckets.upload("second.md", SiteBuckets.article("Second", "2026-03-11", "tags: [Solo]")), logs);
        slow.release.countDown();
        slowRun.get(60, TimeUnit.SECONDS);

        assertEquals(Set.of("second"), buckets.listing("tags/solo/index.html", new TreeSet<>()),
                "the tag page of the newest revision is gone or wrong");
    }

    @Test
    void mustKeepAnArticlePageRepublishedWhileASlowInvocationDeletedIt() throws Exception {
        PublishHandler fast = buckets.newHandler();
        RecordingContext logs = new RecordingContext();
        SiteBuckets.handle(fast, buckets.upload("back.md", SiteBuckets.article("Gone for a moment", "2026-03-10")), logs);

        SlowRequest slow = SlowRequest.beforeDeleting("articles/back/index.html");
        PublishHandler slowHandler = new PublishHandler(buckets.config, buckets.newClient(slow));
        String removal = buckets.delete("back.md");
        CompletableFuture<String> slowRun = CompletableFuture.supplyAsync(() -> SiteBuckets.handle(slowHandler, removal, logs));
        assertTrue(slow.holding.await(30, TimeUnit.SECONDS), "the slow invocation never came to delete the page");
        SiteBuckets.handle(fast, buckets.upload("back.md", SiteBuckets.article("Back again", "2026-03-10")), logs);
        slow.release.countDown();
        slowRun.get(60, TimeUnit.SECONDS);

        assertEquals(Set.of("articles/back/"), buckets.manifest().entries().keySet());
        assertTrue(buckets.siteText("articles/back/index.html").contains("Back again"),
                "the manifest lists an article whose page a slow invocation deleted");
    }

    /** An interceptor that stops its invocation once, until the test releases it. */
    abstract static class Stalling implements ExecutionInterceptor {
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void stallUntilReleased() {
            holding.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** An invocation that stalls just before it writes or deletes one page, as a Lambda container may between two requests. */
    static final class SlowRequest extends Stalling {
        private final Predicate<SdkRequest> stalled;

        private SlowRequest(Predicate<SdkRequest> stalled) {
            this.stalled = stalled;
        }

        static SlowRequest beforeWriting(String key) {
            return new SlowRequest(request -> request instanceof PutObjectRequest put && put.key().equals(key));
        }

        static SlowRequest beforeDeleting(String key) {
            return new SlowRequest(request -> request instanceof DeleteObjectRequest delete && delete.key().equals(key));
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (stalled.test(context.request()) && holding.getCount() > 0) {
                stallUntilReleased();
            }
        }
    }

    private static String etagOf(String event) {
        try {
            return new ObjectMapper().readTree(event).path("Records").get(0).path("s3").path("object").path("eTag").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An invocation that stalls after reading one source file, as a Lambda container may (a GC pause, a slow
     * network), and records every page it then writes.
     */
    static final class SlowClient extends Stalling {
        private final String bucket;
        private final String key;
        private final List<String[]> puts = Collections.synchronizedList(new ArrayList<>());

        SlowClient(String bucket, String key) {
            this.bucket = bucket;
            this.key = key;
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof GetObjectRequest get && get.bucket().equals(bucket) && get.key().equals(key)
                    && holding.getCount() > 0) {
                stallUntilReleased();
            }
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof PutObjectRequest put && context.requestBody().isPresent()) {
                try (InputStream body = context.requestBody().get().contentStreamProvider().newStream()) {
                    puts.add(new String[] {put.key(), new String(body.readAllBytes(), StandardCharsets.UTF_8)});
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        List<String> pagesWritten(String path) {
            synchronized (puts) {
                return puts.stream().filter(p -> p[0].equals(path)).map(p -> p[1]).toList();
            }
        }
    }
}
