package dev.galley.benchmarks;

import dev.galley.aws.s3.S3Observer;
import dev.galley.benchmarks.corpus.Corpus;
import dev.galley.benchmarks.corpus.CorpusWriter;
import dev.galley.emulator.EmbeddedS3;
import dev.galley.lambda.FunctionConfig;
import dev.galley.lambda.PublishHandler;
import dev.galley.lambda.S3Clients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-upload cost in a big site: the real handler, warm, against the in-process S3 server. Seeds a site of N
 * generated articles with a full rebuild through S3 (reported too), or with {@code --seeding memory} by the same
 * re-render over stores in memory whose objects are then put into the S3 server directly (minutes instead of most of
 * an hour at 100,000 articles; the articles' own pages are left out, which only turns a publish's HEAD of a page it
 * rewrites into a 404). Then publishes a new article, edits an existing one and deletes one, many times each, and
 * publishes a new article dated today (the newest: on the home page and in the site's feeds) and takes it down again,
 * and prints the handler's time, the CPU time of the process (handler and S3 server, which share it), the bytes read and
 * written and the S3 requests. Requests are counted by an SDK interceptor on the handler's own client, per HTTP
 * attempt. {@code --results FILE} appends the medians as a JSON line, which {@code publish-chart} draws.
 */
final class PublishOne {

    static final String USAGE = "publish [--articles 10000] [--seed 2026] [--warmup 200] [--samples 25] [--seeding s3|memory]"
            + " [--only new|edit|delete|newest] [--feed full|summary] [--site-gzip true|false] [--results FILE --label before|after]";
    /** The changes a round makes, in its order, and how the report names them. */
    private static final List<String> CHANGES = List.of("new", "edit", "delete", "newest");
    private static final Map<String, String> DESCRIPTIONS = Map.of("new", "publish a new article", "edit", "edit an existing article",
            "delete", "delete an article", "newest", "publish the newest article");

    private int articles = 10_000;
    private long seed = 2026;
    // After 30 rounds the handler was still getting faster (a new article in 1,000 articles: 30 to 41 ms, after 200
    // rounds 21 ms), most in a small site, whose shorter seeding warms less: 200 compare sizes (docs/performance.md, flat2).
    private int warmup = 200;
    private int samples = 25;
    private boolean seedInMemory;
    private Path results;
    private String label = "";
    private String siteYaml = CorpusWriter.SITE_YAML;
    private boolean gzipSite = true;
    /** The one change to time, the others left out (but the publish a delete takes down); all four when null. */
    private String only;

    static PublishOne parse(String[] args) {
        PublishOne command = new PublishOne();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--articles" -> command.articles = Integer.parseInt(value);
                case "--seed" -> command.seed = Integer.parseInt(value);
                case "--warmup" -> command.warmup = Integer.parseInt(value);
                case "--samples" -> command.samples = Integer.parseInt(value);
                case "--seeding" -> command.seedInMemory = switch (value) {
                    case "memory" -> true;
                    case "s3" -> false;
                    default -> throw new IllegalArgumentException("--seeding is s3 or memory, not " + value);
                };
                case "--results" -> command.results = Path.of(value);
                case "--label" -> command.label = value;
                case "--only" -> {
                    if (!CHANGES.contains(value)) {
                        throw new IllegalArgumentException("--only is one of " + CHANGES + ", not " + value);
                    }
                    command.only = value;
                }
                case "--feed" -> command.siteYaml = CorpusWriter.SITE_YAML + "feed: {content: " + value + "}\n";
                case "--site-gzip" -> command.gzipSite = switch (value) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException("--site-gzip is true or false, not " + value);
                };
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException(args[args.length - 1] + " needs a value");
        }
        return command;
    }

    /**
     * Counts S3 requests by operation name, and the bytes of the objects read (GetObject) and written (PutObject), both
     * also by what they are ({@link #kindOf}). The bytes are the bodies on the wire, as S3 bills them: gzip-encoded where
     * the site store encodes them.
     */
    static final class RequestCounter implements S3Observer {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        private final LongAdder read = new LongAdder();
        private final LongAdder written = new LongAdder();
        private final Map<String, LongAdder> readByKind = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> writtenByKind = new ConcurrentHashMap<>();
        /** The page of the article the event is about, which is not a neighbour's. */
        private volatile String ownPage = "";

        @Override
        public void sending(S3Exchange exchange) {
            counts.computeIfAbsent(exchange.operation(), k -> new LongAdder()).increment();
            if (exchange.operation().equals("PutObject")) {
                written.add(exchange.requestBytes());
                writtenByKind.computeIfAbsent(kindOf(exchange.key(), ownPage), k -> new LongAdder()).add(exchange.requestBytes());
            }
        }

        /** Bytes read and written since the last call by kind of object: "read ..." and "written ..." keys. */
        Map<String, Long> takeBytesByKind() {
            Map<String, Long> snapshot = new TreeMap<>();
            readByKind.forEach((kind, bytes) -> snapshot.put("read " + kind, bytes.sumThenReset()));
            writtenByKind.forEach((kind, bytes) -> snapshot.put("written " + kind, bytes.sumThenReset()));
            snapshot.values().removeIf(bytes -> bytes == 0);
            return snapshot;
        }

        @Override
        public void received(S3Exchange exchange, int status, long bodyBytes) {
            if (exchange.operation().equals("GetObject") && status / 100 == 2) {
                read.add(bodyBytes);
                readByKind.computeIfAbsent(kindOf(exchange.key(), ownPage), k -> new LongAdder()).add(bodyBytes);
            }
        }

        /** Bytes read and written since the last call. */
        long[] takeBytes() {
            return new long[] {read.sumThenReset(), written.sumThenReset()};
        }

        Map<String, Long> takeCounts() {
            Map<String, Long> snapshot = new TreeMap<>();
            counts.forEach((operation, count) -> snapshot.put(operation, count.sumThenReset()));
            snapshot.values().removeIf(count -> count == 0);
            return snapshot;
        }
    }

    /**
     * What an object is, by its key: in the site bucket, a piece of the state, an index page of some kind, the page of
     * the article the event is about ({@code ownPage}, its folder) or another article's (a neighbour's); in the content
     * bucket, a source.
     */
    static String kindOf(String key, String ownPage) {
        if (key.equals("_galley/state/root.json")) {
            return "state root";
        }
        if (key.startsWith("_galley/state/") && !key.equals("_galley/state/writer")) {
            return "state shards";
        }
        if (key.startsWith("_galley/")) {
            return "state records";
        }
        if (key.equals("sitemap.xml")) {
            return "sitemap index";
        }
        if (key.startsWith("sitemaps/")) {
            return "sitemaps";
        }
        if (key.equals("search.json")) {
            return "search index";
        }
        if (key.startsWith("search/") && key.endsWith(".json")) {
            return "search chunks";
        }
        if (key.equals("feed.xml") || key.equals("rss.xml") || key.equals("index.xml")) {
            return "site feeds";
        }
        if (key.startsWith("tags/") && key.endsWith("/feed.xml")) {
            return "tag feeds";
        }
        if (key.equals("tags/index.html")) {
            return "tag list";
        }
        if (key.startsWith("tags/")) {
            return "tag pages";
        }
        if (key.equals("index.html") || key.startsWith("page/")) {
            return "listing pages";
        }
        if (key.equals("404.html")) {
            return "404 page";
        }
        if (key.endsWith(".md") || key.equals("site.yaml")) {
            return "sources";
        }
        return !ownPage.isEmpty() && key.startsWith(ownPage) ? "own page" : "neighbour pages";
    }

    private record Sample(double millis, double cpuMillis, double handlerCpuMillis, Map<String, Long> requests, long bytesRead, long bytesWritten,
                          Map<String, Long> bytesByKind) {
        long total() {
            return requests.values().stream().mapToLong(Long::longValue).sum();
        }

        /** What issue 15's 256 KB counts: every byte read or written but the article's own page and its source. */
        long besidesOwnPage() {
            return bytesRead + bytesWritten - bytesByKind.getOrDefault("written own page", 0L) - bytesByKind.getOrDefault("read sources", 0L);
        }
    }

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * The CPU time of the threads the handler runs on, by thread: the caller's and the publisher's pools (named
     * galley-...), not the S3 server's, the collector's or the compiler's, which the process's CPU time counts too.
     */
    private static Map<Long, Long> handlerThreadCpu() {
        Map<Long, Long> cpu = new java.util.HashMap<>();
        long self = Thread.currentThread().getId();
        for (java.lang.management.ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && (thread.getThreadId() == self || thread.getThreadName().startsWith("galley-"))) {
                cpu.put(thread.getThreadId(), THREADS.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return cpu;
    }

    private final AtomicLong sequencer = new AtomicLong(1);

    void run() throws Exception {
        Corpus corpus = new Corpus(seed);
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start();
             S3Client author = author(server)) {
            server.createBucket("content");
            server.createBucket("site");
            RequestCounter counter = new RequestCounter();
            FunctionConfig config = new FunctionConfig(server.region(), "content", "", "site", Optional.of(server.endpoint())).withGzipSite(gzipSite);
            PublishHandler handler = new PublishHandler(config, S3Clients.create(config, credentials(server), counter));

            long started = System.nanoTime();
            if (seedInMemory) {
                new MemorySeeding(server, corpus, articles, siteYaml, gzipSite).seed();
                System.out.printf("seeded %,d articles in memory and put them into S3 in %.1f s%n", articles, (System.nanoTime() - started) / 1e9);
            } else {
                author.putObject(r -> r.bucket("content").key("site.yaml"), RequestBody.fromString(siteYaml));
                upload(author, corpus, articles);
                System.out.printf("uploaded %,d articles in %.1f s%n", articles, (System.nanoTime() - started) / 1e9);

                resetPeakHeap();
                Sample rebuild = invoke(handler, counter, "{\"action\":\"rebuild\"}", "\"rejected\":0");
                System.out.printf("full rebuild through S3: %,.0f ms, %,d S3 requests %s, %,d bytes read, %,d written, peak heap %,d MiB (S3 server in the same heap)%n",
                        rebuild.millis(), rebuild.total(), rebuild.requests(), rebuild.bytesRead(), rebuild.bytesWritten(), peakHeapMib());
            }

            Map<String, List<Sample>> timed = new LinkedHashMap<>();  // the measured rounds' samples, by change timed
            for (String change : CHANGES) {
                if (only == null || only.equals(change)) {
                    timed.put(change, new ArrayList<>());
                }
            }
            String today = "date: " + java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            for (int i = 0; i < warmup + samples; i++) {
                boolean measured = i >= warmup;
                Corpus.Article fresh = corpus.article(articles + i);
                if (runs("new")) {
                    Sample publish = invoke(handler, counter, created(author, fresh.fileName(), fresh.text()), "\"published\"", pageOf(fresh));
                    keep(timed, "new", publish, measured);
                }
                if (runs("edit")) {
                    Corpus.Article existing = corpus.article(i * 7 % articles);
                    Sample edit = invoke(handler, counter, created(author, existing.fileName(), existing.text() + "\nEdited " + i + ".\n"),
                            "\"published\"", pageOf(existing));
                    keep(timed, "edit", edit, measured);
                }
                if (runs("delete")) {
                    author.deleteObject(r -> r.bucket("content").key(fresh.fileName()));
                    Sample delete = invoke(handler, counter, removed(fresh.fileName()), "\"unpublished\"", pageOf(fresh));
                    keep(timed, "delete", delete, measured);
                }
                if (runs("newest")) {
                    // The usual new post: the newest of the site, so on the home page and in the site's feeds.
                    Corpus.Article latest = corpus.article(articles + 1_000_000 + i);
                    Sample first = invoke(handler, counter, created(author, latest.fileName(), latest.text().replaceFirst("date: [0-9-]+", today)),
                            "\"published\"", pageOf(latest));
                    author.deleteObject(r -> r.bucket("content").key(latest.fileName()));
                    invoke(handler, counter, removed(latest.fileName()), "\"unpublished\"");
                    keep(timed, "newest", first, measured);
                }
            }
            System.out.printf("%n%,d-article site, warm handler (%d warm-up rounds), %d samples each: median handler time, S3 requests%n",
                    articles, warmup, samples);
            timed.forEach((change, samples) -> report(DESCRIPTIONS.get(change), samples));
            if (results != null) {
                Files.writeString(results, resultLine(timed) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }

    /** Whether a round runs this change: every change, or the one {@code --only} names (a delete with its publish). */
    private boolean runs(String change) {
        return only == null || only.equals(change) || only.equals("delete") && change.equals("new") || only.equals("new") && change.equals("delete");
    }

    /** Keeps a measured round's sample of a change that is timed (a publish run only for the delete after it is not). */
    private static void keep(Map<String, List<Sample>> timed, String change, Sample sample, boolean measured) {
        List<Sample> samples = timed.get(change);
        if (measured && samples != null) {
            samples.add(sample);
        }
    }

    /** The folder of an article's page under the corpus's permalink (the default one). */
    private static String pageOf(Corpus.Article article) {
        return "articles/" + article.slug() + "/";
    }

    private static void report(String what, List<Sample> samples) {
        List<Double> millis = new ArrayList<>(samples.stream().map(Sample::millis).toList());
        Collections.sort(millis);
        long fewest = samples.stream().mapToLong(Sample::total).min().orElseThrow();
        long most = samples.stream().mapToLong(Sample::total).max().orElseThrow();
        Sample last = samples.get(samples.size() - 1);
        System.out.printf("  %-26s median %6.1f ms (min %.1f, max %.1f), CPU %.1f ms handler, %.0f ms process   %s S3 requests, e.g. %s%n", what,
                millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1), medianOf(samples, Sample::handlerCpuMillis),
                medianOf(samples, Sample::cpuMillis),
                fewest == most ? fewest : fewest + " to " + most, last.requests());
        System.out.printf("  %-26s median %,9d bytes read, %,9d bytes written (max %,d and %,d)%n", "", median(samples, Sample::bytesRead),
                median(samples, Sample::bytesWritten), samples.stream().mapToLong(Sample::bytesRead).max().orElseThrow(),
                samples.stream().mapToLong(Sample::bytesWritten).max().orElseThrow());
        System.out.printf("  %-26s bytes by kind, median: %s%n", "", bytesByKind(samples));
        System.out.printf("  %-26s besides the own page, median %,d bytes read plus written (max %,d)%n", "", median(samples, Sample::besidesOwnPage),
                samples.stream().mapToLong(Sample::besidesOwnPage).max().orElseThrow());
    }

    /** The median bytes read and written of each kind of object, over the samples (0 where a sample moved none). */
    private static Map<String, Long> bytesByKind(List<Sample> samples) {
        Map<String, Long> medians = new TreeMap<>();
        samples.forEach(sample -> sample.bytesByKind().keySet().forEach(kind -> medians.put(kind, 0L)));
        medians.replaceAll((kind, zero) -> median(samples, sample -> sample.bytesByKind().getOrDefault(kind, 0L)));
        return medians;
    }

    private static double medianOf(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> of) {
        return samples.stream().mapToDouble(of).sorted().skip(samples.size() / 2).findFirst().orElseThrow();
    }

    /** {@code {"label":..,"articles":N,"new":{"ms":..,"cpuMs":..,"read":..,"written":..,"requests":..},"edit":..,"delete":..}} */
    private String resultLine(Map<String, List<Sample>> byChange) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode line = json.createObjectNode().put("label", label).put("articles", articles);
        for (Map.Entry<String, List<Sample>> timed : byChange.entrySet()) {
            String change = timed.getKey();
            List<Sample> samples = timed.getValue();
            line.putObject(change).put("ms", medianOf(samples, Sample::millis)).put("cpuMs", medianOf(samples, Sample::cpuMillis))
                    .put("handlerCpuMs", medianOf(samples, Sample::handlerCpuMillis))
                    .put("read", median(samples, Sample::bytesRead)).put("written", median(samples, Sample::bytesWritten))
                    .put("requests", median(samples, Sample::total))
                    .put("besidesOwnPage", median(samples, Sample::besidesOwnPage))
                    .set("bytesByKind", json.valueToTree(bytesByKind(samples)));
        }
        return json.writeValueAsString(line);
    }

    private static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> of) {
        return samples.stream().mapToLong(of).sorted().skip(samples.size() / 2).findFirst().orElseThrow();
    }

    private String created(S3Client author, String key, String text) {
        String etag = author.putObject(r -> r.bucket("content").key(key), RequestBody.fromString(text)).eTag();
        return event("ObjectCreated:Put", key, ",\"eTag\":" + etag);
    }

    private String removed(String key) {
        return event("ObjectRemoved:Delete", key, "");
    }

    private String event(String name, String key, String etag) {
        return "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"" + name + "\",\"s3\":{\"bucket\":{\"name\":\"content\"},"
                + "\"object\":{\"key\":\"" + key + "\"" + etag + ",\"sequencer\":\"" + String.format("%016X", sequencer.getAndIncrement()) + "\"}}}]}";
    }

    /** Runs one event; {@code expected} must appear in the handler's result. */
    private static Sample invoke(PublishHandler handler, RequestCounter counter, String event, String expected) throws IOException {
        return invoke(handler, counter, event, expected, "");
    }

    /** @param ownPage the folder of the page of the article the event is about, whose bytes are not a neighbour's */
    private static Sample invoke(PublishHandler handler, RequestCounter counter, String event, String expected, String ownPage) throws IOException {
        counter.takeCounts();
        counter.takeBytes();
        counter.takeBytesByKind();
        counter.ownPage = ownPage;
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));  // the handler's one log line per record
        long cpu = PROCESS.getProcessCpuTime();
        Map<Long, Long> threads = handlerThreadCpu();
        long started = System.nanoTime();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), result, null);
        } finally {
            System.setOut(console);
        }
        double millis = (System.nanoTime() - started) / 1e6;
        double cpuMillis = (PROCESS.getProcessCpuTime() - cpu) / 1e6;
        double handlerCpuMillis = 0;
        for (Map.Entry<Long, Long> thread : handlerThreadCpu().entrySet()) {
            handlerCpuMillis += (thread.getValue() - threads.getOrDefault(thread.getKey(), 0L)) / 1e6;
        }
        String outcome = result.toString(StandardCharsets.UTF_8);
        if (!outcome.contains(expected)) {
            throw new IllegalStateException("the handler did not succeed: " + outcome);
        }
        long[] bytes = counter.takeBytes();
        return new Sample(millis, cpuMillis, handlerCpuMillis, counter.takeCounts(), bytes[0], bytes[1], counter.takeBytesByKind());
    }

    private static void upload(S3Client author, Corpus corpus, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Corpus.Article article = corpus.article(i);
                uploads.add(pool.submit(() -> author.putObject(r -> r.bucket("content").key(article.fileName()), RequestBody.fromString(article.text()))));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static S3Client author(EmbeddedS3 server) {
        return S3Client.builder().region(Region.of(server.region())).endpointOverride(server.endpoint()).forcePathStyle(true)
                .credentialsProvider(credentials(server))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static StaticCredentialsProvider credentials(EmbeddedS3 server) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey()));
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMib() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
