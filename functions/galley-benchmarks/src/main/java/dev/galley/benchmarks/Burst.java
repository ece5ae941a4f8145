package dev.galley.benchmarks;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.galley.aws.GzipEncoding;
import dev.galley.aws.s3.S3Http;
import dev.galley.aws.s3.S3Observer;
import dev.galley.emulator.DeliveryStats;
import dev.galley.emulator.EmbeddedS3;
import dev.galley.emulator.FaultPlan;
import dev.galley.emulator.EmbeddedSqs;
import dev.galley.emulator.LambdaStyleDelivery;
import dev.galley.emulator.NotificationSink;
import dev.galley.emulator.QueueDelivery;
import dev.galley.emulator.QueueStats;
import dev.galley.lambda.FunctionConfig;
import dev.galley.lambda.PublishHandler;
import dev.galley.lambda.S3Clients;
import dev.galley.lambda.SqsClients;
import dev.galley.aws.SqsRefreshRequests;
import dev.galley.publish.RefreshRequests;
import dev.galley.publish.StatePieces;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The 200-upload burst of issue #4, measured: authors' writes all at once, the embedded S3 server's own
 * notifications delivered Lambda-style to one invocation at a time (one writer, as the queue makes it; its own
 * handler and S3 client, 10% of notifications duplicated, up to 20 ms of reordering), failed invocations retried
 * twice and then re-delivered until they succeed. Prints, per scenario, the wall time, the invocations, the refused
 * manifest commits (412s on conditional writes) and the function's S3 requests per source change, by operation.
 *
 * <p>Usage: {@code java -cp ... dev.galley.benchmarks.Burst [articles] [scenario...]}, scenarios
 * {@code create delete mix create-faults mix-faults} (default: all). "mix" publishes three quarters of the
 * articles first, then creates the last quarter, edits half of the published ones and deletes the other half;
 * "-faults" runs the same with 10% of all S3 requests failing (500, 503 SlowDown, dropped connection, 300 ms
 * delay). A scenario ending in "-queue" ({@code create-queue}, {@code mix-faults-queue}, ...) delivers through the
 * deployed stack's path instead: EventBridge-shaped events on an SQS FIFO queue (ElasticMQ in process) in one
 * message group, handed to one function in batches of 10 with ReportBatchItemFailures (visibility timeout 1 s, not
 * the template's 600 s). Wall time depends on what else the machine runs; request and retry counts much less.
 *
 * <p>{@code --existing N} first publishes N other articles (one full re-render, no notifications), so the burst
 * lands on a site of that size: {@code Burst 1000 create-queue --existing 10000}.
 *
 * <p>Before the scenarios the servers are warmed alone ({@code --server-warm-up N} uploads, default 1,000; 0 for
 * none), then the function with a 50-article burst. Run it as the function runs on Lambda, C1 only: {@code java
 * -XX:TieredStopAtLevel=1 -cp ...}. Each scenario prints its CPU by kind of thread (function, servers, authors,
 * JIT, GC), as the function, the servers and the authors' clients share this JVM.
 */
public final class Burst {

    /**
     * Direct (Lambda-style) invocations at once: one, as the FIFO queue's one message group makes the writer. Many
     * concurrent writers are no situation Galley meets any more; their manifest commits refuse each other.
     */
    private static final int INVOCATIONS = 1;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] TAGS = {"Go", "Rust", "PostgreSQL", "DevOps", "Architecture"};
    /** Uploads through the servers alone before the scenarios: {@link #warmServers}. */
    private static final int DEFAULT_SERVER_WARM_UP = 1_000;
    private static final List<String> CPU_GROUPS = List.of("function's pools", "handler, on the poller's thread",
            "Lambda's poller and EventBridge (emulated)", "S3 server", "ElasticMQ", "authors' uploads", "JIT C1", "JIT C2",
            "GC", "other");

    private final EmbeddedS3 server;
    private final Map<String, NotificationSink> routes = new ConcurrentHashMap<>();
    private EmbeddedSqs sqs;
    private final S3Client author;
    private int run;

    private Burst(EmbeddedS3 server) {
        this.server = server;
        this.author = S3Client.builder().region(Region.of(server.region())).endpointOverride(server.endpoint()).forcePathStyle(true)
                .credentialsProvider(credentials(server)).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(10).build()))
                .build();
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(args));
        int existing = 0;
        int option = arguments.indexOf("--existing");
        if (option >= 0) {
            existing = Integer.parseInt(arguments.get(option + 1));
            arguments.subList(option, option + 2).clear();
        }
        int serverWarmUp = DEFAULT_SERVER_WARM_UP;
        option = arguments.indexOf("--server-warm-up");
        if (option >= 0) {
            serverWarmUp = Integer.parseInt(arguments.get(option + 1));
            arguments.subList(option, option + 2).clear();
        }
        int articles = !arguments.isEmpty() ? Integer.parseInt(arguments.get(0)) : 200;
        List<String> scenarios = arguments.size() > 1 ? arguments.subList(1, arguments.size())
                : List.of("create", "delete", "mix", "create-faults", "mix-faults");
        Map<String, Burst> self = new ConcurrentHashMap<>();
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory()
                .notifications(event -> self.get("burst").route(event))
                .faults(FaultPlan.builder().rate(0.10).delay(Duration.ofMillis(300)).enabledAtStart(false).build())
                .build().start()) {
            Burst burst = new Burst(server);
            self.put("burst", burst);
            System.out.printf("burst of %d source changes into a site of %d other articles, %d concurrent invocations, %d cores, Java %s%n",
                    articles, existing, INVOCATIONS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.println(c1Only() ? "JIT: C1 only (-XX:TieredStopAtLevel=1), as the template runs the function"
                    : "JIT: C1 and C2, the JVM's default; the template runs the function with C1 only:"
                    + " add -XX:TieredStopAtLevel=1 to compare");
            burst.warmServers(serverWarmUp);
            burst.run("create-queue", 50, 0, false);  // warms up the JIT, so the first scenario is not charged for it
            try {
                for (String scenario : scenarios) {
                    burst.run(scenario, articles, existing, true);
                }
            } finally {
                if (burst.sqs != null) {
                    burst.sqs.close();
                }
            }
        }
    }

    /**
     * Warms the in-process servers, which AWS runs warm, without running the function: {@code uploads} authors'
     * uploads into a bucket that notifies, each read back, HEADed and tagged, delivered through its own FIFO queue
     * (ElasticMQ, the emulated EventBridge and Lambda poller) to a function that does nothing; then as many
     * gzip-encoded objects with metadata put on condition, read, listed and deleted in a bucket that does not
     * notify, as the function's site writes are. Only the servers' code and the authors' SDK client run here; the
     * function is warmed by the 50-article burst after this, as SnapStart's priming warms it on Lambda.
     */
    private void warmServers(int uploads) throws Exception {
        if (uploads <= 0) {
            return;
        }
        long started = System.nanoTime();
        long cpuBefore = processCpuNanos();
        run++;
        String notifying = "warm-content-" + run;
        String quiet = "warm-site-" + run;
        server.createBucket(notifying);
        server.createBucket(quiet);
        if (sqs == null) {
            sqs = EmbeddedSqs.start();
        }
        try (QueueDelivery queue = QueueDelivery.builder(batch -> "{\"batchItemFailures\":[]}", sqs.endpoint()).region(server.region())
                .visibilityTimeout(Duration.ofSeconds(1)).build()) {
            routes.put(notifying, queue);
            server.enableNotifications(notifying);
            List<Runnable> work = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                int n = i;
                work.add(() -> {
                    put(notifying, n, "v1");
                    author.getObjectAsBytes(r -> r.bucket(notifying).key(key(n)));
                    author.headObject(r -> r.bucket(notifying).key(key(n)));
                    author.putObjectTagging(r -> r.bucket(notifying).key(key(n))
                            .tagging(t -> t.tagSet(tag -> tag.key("galley-status").value("published"))));
                    String page = "articles/" + n + "/index.html";
                    author.putObject(r -> r.bucket(quiet).key(page).contentEncoding("gzip").contentType("text/html")
                            .metadata(Map.of("galley-md5", "warm-up")).ifNoneMatch("*"), RequestBody.fromBytes(gzip(
                            ("<html><body>page " + n + "</body></html>").repeat(20).getBytes(StandardCharsets.UTF_8))));
                    author.getObjectAsBytes(r -> r.bucket(quiet).key(page));
                });
            }
            allAtOnce(work);
            settle(queue);
            routes.remove(notifying);
        }
        author.listObjectsV2Paginator(r -> r.bucket(quiet)).contents().forEach(o -> author.deleteObject(r -> r.bucket(quiet).key(o.key())));
        System.out.printf("warmed the servers with %,d uploads and %,d site objects, no function (%,d ms, %,d ms CPU)%n", uploads, uploads,
                (System.nanoTime() - started) / 1_000_000, (processCpuNanos() - cpuBefore) / 1_000_000);
    }

    /** The JDK's gzip, not the function's {@code GzipEncoding}, which the server warm-up leaves alone. */
    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void route(String event) {
        routes.forEach((bucket, delivery) -> {
            if (event.contains("\"name\":\"" + bucket + "\"")) {
                delivery.accept(event);
            }
        });
    }

    private void run(String scenario, int articles, int existing, boolean print) throws Exception {
        run++;
        String content = "content-" + run;
        String site = "site-" + run;
        server.createBucket(content);
        server.createBucket(site);
        FunctionConfig config = new FunctionConfig(server.region(), content, "", site, Optional.of(server.endpoint()));
        boolean queued = scenario.endsWith("-queue");
        String base = queued ? scenario.substring(0, scenario.length() - "-queue".length()) : scenario;
        boolean faults = base.endsWith("-faults");
        String kind = faults ? base.substring(0, base.length() - "-faults".length()) : base;

        List<Runnable> writes = new ArrayList<>();
        int expected;
        switch (kind) {
            case "create" -> {
                for (int i = 0; i < articles; i++) {
                    int n = i;
                    writes.add(() -> put(content, n, "v1"));
                }
                expected = articles;
            }
            case "delete" -> {
                seed(config, articles);
                for (int i = 0; i < articles; i++) {
                    int n = i;
                    writes.add(() -> author.deleteObject(r -> r.bucket(content).key(key(n))));
                }
                expected = 0;
            }
            case "mix" -> {
                int seeded = articles * 3 / 4;
                int edits = seeded / 2;
                seed(config, seeded);
                for (int i = seeded; i < articles; i++) {
                    int n = i;
                    writes.add(() -> put(content, n, "new"));
                }
                for (int i = 0; i < edits; i++) {
                    int n = i;
                    writes.add(() -> put(content, n, "edited"));
                }
                for (int i = edits; i < seeded; i++) {
                    int n = i;
                    writes.add(() -> author.deleteObject(r -> r.bucket(content).key(key(n))));
                }
                Collections.shuffle(writes, new Random(4));
                expected = articles - (seeded - edits);
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        if (existing > 0) {
            seedOthers(config, existing);
            expected += existing;
        }

        Counters counters = new Counters(content, site);
        LongAdder handlerNanos = new LongAdder();
        AtomicInteger containers = new AtomicInteger();
        AtomicInteger refreshes = new AtomicInteger();
        Set<String> refreshIds = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicReference<RefreshRequests> refreshQueue = new java.util.concurrent.atomic.AtomicReference<>();
        ThreadLocal<PublishHandler> handlers = ThreadLocal.withInitial(() -> {
            containers.incrementAndGet();
            PublishHandler handler = new PublishHandler(config, client(config, counters));
            if (refreshQueue.get() != null) {  // as GALLEY_PUBLISH_QUEUE_URL makes it on AWS
                handler.leavePagesToRefreshesThrough(id -> {
                    refreshes.incrementAndGet();
                    refreshIds.add(id);
                    refreshQueue.get().request(id);
                });
            }
            return handler;
        });
        LambdaStyleDelivery direct = null;
        QueueDelivery queue = null;
        if (queued) {
            if (sqs == null) {
                sqs = EmbeddedSqs.start();
            }
            queue = QueueDelivery.builder(event -> invokeForResponse(handlers.get(), event, handlerNanos), sqs.endpoint())
                    .region(server.region())
                    .visibilityTimeout(Duration.ofSeconds(1)).build();
            refreshQueue.set(new SqsRefreshRequests(() -> SqsClients.create(server.region(), credentials(server), Optional.of(sqs.endpoint())),
                    queue.queueUrl()));
            routes.put(content, queue);
        } else {
            direct = LambdaStyleDelivery.builder(event -> invoke(handlers.get(), event, handlerNanos))
                    .threads(INVOCATIONS).duplicateProbability(0.1).maxDelay(Duration.ofMillis(20)).retryBackoff(Duration.ofMillis(20))
                    .build();
            routes.put(content, direct);
        }
        server.enableNotifications(content);
        if (faults) {
            server.faults().resetCounters();
            server.faults().enable();
        }
        long cpuBefore = processCpuNanos();
        Optional<ThreadCpu.Snapshot> threadsBefore = ThreadCpu.snapshot(cpuBefore);
        long started = System.nanoTime();
        int redelivered;
        long authorsNanos;
        try {
            authorsNanos = allAtOnce(writes);
            redelivered = queued ? settle(queue) : settle(direct);
        } finally {
            server.faults().disable();
            routes.remove(content);
        }
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        long cpuAfter = processCpuNanos();
        long cpuMillis = (cpuAfter - cpuBefore) / 1_000_000;
        Optional<ThreadCpu.Snapshot> threadsAfter = ThreadCpu.snapshot(cpuAfter);
        if (queued) {
            queue.close();
        } else {
            direct.close();
        }

        int listed = verify(content, site);
        if (listed != expected) {
            throw new IllegalStateException(scenario + ": the manifest lists " + listed + " articles, expected " + expected);
        }
        if (!print) {
            return;
        }
        int changes = writes.size();
        System.out.printf("%n%s: %d changes, settled in %,d ms wall (%,d ms CPU, all threads; server and clients share the JVM)%n",
                scenario, changes, wallMillis, cpuMillis);
        if (queued) {
            QueueStats stats = queue.stats();
            System.out.printf("  invocations %d (batches of up to 10; %d failed whole), %d records handed back and retried, %d in the dead-letter queue, %d containers%n",
                    stats.batches(), stats.failedInvocations(), stats.handedBack(), stats.deadLettered(), containers.get());
            System.out.printf("  refreshes asked for %d times, %d distinct (the queue keeps one message an id; SendMessage, not counted below)%n",
                    refreshes.get(), refreshIds.size());
        } else {
            DeliveryStats stats = direct.stats();
            System.out.printf("  invocations %d (%d duplicates, %d failed and retried by Lambda, %d re-delivered after that), %d containers%n",
                    stats.delivered() + stats.failures(), stats.duplicates(), stats.failures(), redelivered, containers.get());
        }
        if (faults) {
            System.out.printf("  faults injected: %s of %d requests%n", server.faults().injectedByKind(), server.faults().considered());
        }
        if (threadsBefore.isPresent() && threadsAfter.isPresent()) {
            printCpuSplit(ThreadCpu.between(threadsBefore.get(), threadsAfter.get(), Burst::cpuGroup, CPU_GROUPS),
                    handlerNanos.sum() / 1_000_000, authorsNanos / 1_000_000, changes, queued ? queue.stats().batches() : 0);
        }
        counters.print(changes);
    }

    /**
     * The timed run's CPU by kind of thread. The handler runs on the poller's thread, timed around each invocation
     * (so the function is the handler plus its pools); the authors' uploads are timed on their threads, which end
     * with the burst.
     */
    private static void printCpuSplit(Map<String, Long> byGroup, long handlerMillis, long authorsMillis, int changes, long batches) {
        byGroup.merge("Lambda's poller and EventBridge (emulated)", -handlerMillis, Long::sum);
        byGroup.put("handler, on the poller's thread", handlerMillis);
        byGroup.put("authors' uploads", authorsMillis);
        byGroup.merge("threads that ended", -authorsMillis, (a, b) -> Math.max(0, a + b));
        long function = byGroup.get("function's pools") + handlerMillis;
        long servers = byGroup.get("S3 server") + byGroup.get("ElasticMQ") + byGroup.get("Lambda's poller and EventBridge (emulated)");
        long jit = byGroup.get("JIT C1") + byGroup.get("JIT C2");
        System.out.printf("  CPU by thread: function %,d ms (%.1f ms a change%s), servers %,d ms, authors %,d ms, JIT %,d ms, GC %,d ms%n",
                function, (double) function / changes,
                batches > 0 ? String.format(", %.0f ms an invocation", (double) function / batches) : "",
                servers, authorsMillis, jit, byGroup.get("GC"));
        byGroup.forEach((group, millis) -> System.out.printf("    %-50s %,9d ms%n", group, millis));
    }

    /** Which kind of work a thread does, by its name as Linux keeps it (15 characters). */
    private static String cpuGroup(String threadName) {
        if (threadName.startsWith("galley-")) {
            return "function's pools";
        }
        if (threadName.startsWith("queue-delivery-") || threadName.startsWith("lambda-style-de")) {
            return "Lambda's poller and EventBridge (emulated)";
        }
        if (threadName.startsWith("S3Proxy-Jetty") || threadName.startsWith("Scheduler-")) {
            return "S3 server";
        }
        if (threadName.startsWith("elasticmq-")) {
            return "ElasticMQ";
        }
        if (threadName.startsWith("C1 CompilerThre")) {
            return "JIT C1";
        }
        if (threadName.startsWith("C2 CompilerThre")) {
            return "JIT C2";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
            return "GC";
        }
        return "other";
    }

    private void put(String bucket, int n, String version) {
        String text = "---\ntitle: Post " + n + " " + version + "\ndate: 2026-01-" + String.format("%02d", 1 + n % 28)
                + "\ntags: [" + TAGS[n % TAGS.length] + ", " + TAGS[(n + version.length()) % TAGS.length] + "]\n---\nThe body of post "
                + n + ", " + version + ".\n";
        author.putObject(r -> r.bucket(bucket).key(key(n)), RequestBody.fromString(text));
    }

    private static String key(int n) {
        return String.format("post-%03d.md", n);
    }

    /** Publishes the first {@code count} articles without notifications, with one full rebuild. */
    private void seed(FunctionConfig config, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            put(config.contentBucket(), i, "v1");
        }
        rebuild(config);
    }

    /** Publishes {@code count} articles the scenario does not touch (keys {@code old-NNNNN.md}), with one full rebuild. */
    private void seedOthers(FunctionConfig config, int count) throws Exception {
        List<Runnable> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            writes.add(() -> {
                String text = "---\ntitle: Earlier post " + n + "\ndate: 2025-" + String.format("%02d-%02d", 1 + n % 12, 1 + n % 28)
                        + "\ntags: [" + TAGS[n % TAGS.length] + "]\n---\nThe body of earlier post " + n + ".\n";
                author.putObject(r -> r.bucket(config.contentBucket()).key(String.format("old-%05d.md", n)), RequestBody.fromString(text));
            });
        }
        allAtOnce(writes);
        long started = System.nanoTime();
        rebuild(config);
        System.out.printf("%nseeded %,d other articles (full re-render %,d ms)%n", count, (System.nanoTime() - started) / 1_000_000);
    }

    private void rebuild(FunctionConfig config) throws Exception {
        new PublishHandler(config, client(config, null)).handleRequest(new ByteArrayInputStream("{\"action\":\"rebuild\"}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), QuietContext.INSTANCE);
    }

    /** An object of the site bucket, decoded as its Content-Encoding says (the bucket holds text gzip-encoded). */
    private byte[] siteObject(String site, String key) {
        var held = author.getObjectAsBytes(r -> r.bucket(site).key(key));
        return GzipEncoding.decode(held.asByteArray(), held.response().contentEncoding());
    }

    private int verify(String content, String site) {
        int keys = author.listObjectsV2Paginator(r -> r.bucket(content)).contents().stream().mapToInt(o -> 1).sum();
        int listed = StatePieces.assemble(siteObject(site, StatePieces.ROOT),
                name -> Optional.of(siteObject(site, StatePieces.FOLDER + name + ".json"))).entries().size();
        if (listed != keys) {
            throw new IllegalStateException("the site lists " + listed + " articles, the content bucket holds " + keys);
        }
        return listed;
    }

    /** Runs the writes on 8 threads and returns the CPU nanoseconds they took. */
    private static long allAtOnce(List<Runnable> writes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        LongAdder nanos = new LongAdder();
        try {
            List<Future<?>> done = new ArrayList<>();
            writes.forEach(w -> done.add(pool.submit(() -> {
                long before = THREADS.getCurrentThreadCpuTime();
                w.run();
                nanos.add(THREADS.getCurrentThreadCpuTime() - before);
            })));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return nanos.sum();
    }

    private static void invoke(PublishHandler handler, String event, LongAdder cpuNanos) throws java.io.IOException {
        invokeForResponse(handler, event, cpuNanos);
    }

    private static String invokeForResponse(PublishHandler handler, String event, LongAdder cpuNanos) throws java.io.IOException {
        long before = THREADS.getCurrentThreadCpuTime();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, QuietContext.INSTANCE);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            cpuNanos.add(THREADS.getCurrentThreadCpuTime() - before);
        }
    }

    /** Waits until the queue is drained; nothing is re-delivered by hand (the dead-letter queue keeps what is left). */
    private static int settle(QueueDelivery delivery) throws InterruptedException {
        if (!delivery.awaitQuiescence(Duration.ofMinutes(10))) {
            throw new IllegalStateException("did not settle: " + delivery.stats());
        }
        return 0;
    }

    /** Waits for quiescence, re-delivering events that failed all of Lambda's attempts; returns how many were. */
    private static int settle(LambdaStyleDelivery delivery) throws InterruptedException {
        int redelivered = 0;
        for (int round = 0; round <= 5; round++) {
            if (!delivery.awaitQuiescence(Duration.ofMinutes(10))) {
                throw new IllegalStateException("did not settle: " + delivery.stats());
            }
            List<DeliveryStats.FailedEvent> failed = delivery.stats().failedEvents();
            if (failed.size() == redelivered) {
                return redelivered;
            }
            failed.subList(redelivered, failed.size()).forEach(e -> delivery.accept(e.eventJson()));
            redelivered = failed.size();
        }
        throw new IllegalStateException("events kept failing: " + delivery.stats());
    }

    private S3Http client(FunctionConfig config, Counters counters) {
        return S3Clients.create(config, credentials(server), counters == null ? S3Observer.NONE : counters);
    }

    private static StaticCredentialsProvider credentials(EmbeddedS3 server) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey()));
    }

    private static boolean c1Only() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:TieredStopAtLevel=1");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Counts the function's HTTP requests (retries included) by operation and kind of object, and its 412s. An
     * article page's first PUT in the scenario is its own page; a later one re-renders it as a neighbour.
     */
    private static final class Counters implements S3Observer {
        private final String content;
        private final String site;
        private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> conflicts = new ConcurrentHashMap<>();
        private final Set<String> pagesWritten = ConcurrentHashMap.newKeySet();

        Counters(String content, String site) {
            this.content = content;
            this.site = site;
        }

        @Override
        public void sending(S3Exchange exchange) {
            requests.computeIfAbsent(name(exchange, true), k -> new LongAdder()).increment();
        }

        @Override
        public void received(S3Exchange exchange, int status, long bodyBytes) {
            if (status == 412 || status == 409) {
                conflicts.computeIfAbsent(name(exchange, false), k -> new LongAdder()).increment();
            }
        }

        private String name(S3Exchange exchange, boolean sending) {
            String kind = objectKind(exchange.bucket(), exchange.key());
            if (exchange.operation().equals("PutObject") && kind.equals("article page")) {
                boolean first = sending ? pagesWritten.add(exchange.key()) : !pagesWritten.contains(exchange.key());
                kind = first ? "article page (own)" : "article page (neighbour)";
            }
            return exchange.operation() + " " + kind;
        }

        private String objectKind(String bucket, String key) {
            if (bucket.equals(content)) {
                return "source";
            }
            if (!bucket.equals(site)) {
                return bucket;
            }
            if (key.equals(StatePieces.ROOT)) {
                return "state root";
            }
            if (key.equals(StatePieces.FOLDER + "writer")) {
                return "state: writer's claim";
            }
            if (key.startsWith(StatePieces.FOLDER)) {
                return "state shard";
            }
            if (key.startsWith("_galley/")) {
                return "galley notes (drafts, theme)";
            }
            if (key.startsWith("articles/")) {
                return "article page";
            }
            if (key.startsWith("tags/")) {
                return key.endsWith(".xml") ? "tag feed" : "tag page";
            }
            if (key.equals("feed.xml") || key.equals("index.xml") || key.equals("rss.xml")) {
                return "site feed";
            }
            if (key.startsWith("sitemap")) {
                return "sitemap";
            }
            if (key.startsWith("search")) {
                return "search index";
            }
            if (key.equals("index.html") || key.startsWith("page/")) {
                return "home/archive page";
            }
            return key.isEmpty() ? "" : "other";
        }

        /** The breakdown the issue asks for: what each kind of work costs a change. */
        private static String category(String name) {
            String operation = name.substring(0, name.indexOf(' '));
            String kind = name.substring(name.indexOf(' ') + 1);
            if (operation.equals("HeadObject")) {
                return "HEAD before a write";
            }
            if (operation.equals("DeleteObject")) {
                return "delete";
            }
            if (operation.startsWith("List")) {
                return "list";
            }
            if (operation.endsWith("Tagging")) {
                return "status tags";
            }
            if (kind.equals("source")) {
                return "read source";
            }
            if (kind.startsWith("state")) {
                return "state (root, shards, writer's claim)";
            }
            if (kind.startsWith("galley notes")) {
                return "galley notes (drafts, theme)";
            }
            if (kind.equals("article page (own)")) {
                return "article's own page";
            }
            if (kind.equals("article page (neighbour)")) {
                return "neighbour pages";
            }
            return "index pages (home, tags, feeds, sitemap, search)";
        }

        void print(int changes) {
            long total = requests.values().stream().mapToLong(LongAdder::sum).sum();
            System.out.printf("  S3 requests by the function: %,d, %.1f per change%n", total, (double) total / changes);
            Map<String, Long> byCategory = new TreeMap<>();
            requests.forEach((name, count) -> byCategory.merge(category(name), count.sum(), Long::sum));
            byCategory.forEach((category, count) -> System.out.printf("    %-50s %7.2f per change%n", category, (double) count / changes));
            System.out.println("  by operation and object:");
            new TreeMap<>(requests).forEach((name, count) -> System.out.printf("    %-50s %7.2f per change%n", name, (double) count.sum() / changes));
            long conflictTotal = conflicts.values().stream().mapToLong(LongAdder::sum).sum();
            System.out.printf("  conditional writes refused (412/409), i.e. Publisher retries: %,d, %.2f per change%n",
                    conflictTotal, (double) conflictTotal / changes);
            new TreeMap<>(conflicts).forEach((name, count) -> System.out.printf("    %-50s %7.2f per change%n", name, (double) count.sum() / changes));
        }
    }

    /** The Lambda runtime's context, reduced to a logger that drops the per-record lines. */
    private enum QuietContext implements Context, LambdaLogger {
        INSTANCE;

        @Override public void log(String message) { }
        @Override public void log(byte[] message) { }
        @Override public LambdaLogger getLogger() { return this; }
        @Override public String getAwsRequestId() { return "benchmark"; }
        @Override public String getLogGroupName() { return "benchmark"; }
        @Override public String getLogStreamName() { return "benchmark"; }
        @Override public String getFunctionName() { return "galley-benchmark"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "benchmark"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 900_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
    }
}
