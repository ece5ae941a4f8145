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
 */
public final class Burst {

    /**
     * Direct (Lambda-style) invocations at once: one, as the FIFO queue's one message group makes the writer. Many
     * concurrent writers are no situation Galley meets any more; their manifest commits refuse each other.
     */
    private static final int INVOCATIONS = 1;
    private static final String[] TAGS = {"Go", "Rust", "PostgreSQL", "DevOps", "Architecture"};

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
            queue = QueueDelivery.builder(event -> invokeForResponse(handlers.get(), event), sqs.endpoint()).region(server.region())
                    .visibilityTimeout(Duration.ofSeconds(1)).build();
            refreshQueue.set(new SqsRefreshRequests(() -> SqsClients.create(server.region(), credentials(server), Optional.of(sqs.endpoint())),
                    queue.queueUrl()));
            routes.put(content, queue);
        } else {
            direct = LambdaStyleDelivery.builder(event -> invoke(handlers.get(), event))
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
        long started = System.nanoTime();
        int redelivered;
        try {
            allAtOnce(writes);
            redelivered = queued ? settle(queue) : settle(direct);
        } finally {
            server.faults().disable();
            routes.remove(content);
        }
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        long cpuMillis = (processCpuNanos() - cpuBefore) / 1_000_000;
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
        counters.print(changes);
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

    private static void allAtOnce(List<Runnable> writes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            writes.forEach(w -> done.add(pool.submit(w)));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void invoke(PublishHandler handler, String event) throws java.io.IOException {
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), QuietContext.INSTANCE);
    }

    private static String invokeForResponse(PublishHandler handler, String event) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, QuietContext.INSTANCE);
        return out.toString(StandardCharsets.UTF_8);
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
