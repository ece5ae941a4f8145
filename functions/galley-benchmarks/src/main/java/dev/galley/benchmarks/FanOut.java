package dev.galley.benchmarks;

import dev.galley.aws.S3ContentStore;
import dev.galley.aws.S3SiteStore;
import dev.galley.aws.s3.S3Http;
import dev.galley.aws.s3.S3Observer;
import dev.galley.benchmarks.corpus.CorpusWriter;
import dev.galley.emulator.EmbeddedS3;
import dev.galley.lambda.FunctionConfig;
import dev.galley.lambda.S3Clients;
import dev.galley.publish.ContentStore;
import dev.galley.publish.PublishSchedule;
import dev.galley.publish.Publisher;
import dev.galley.publish.Rebuild;
import dev.galley.publish.RebuildRun;
import dev.galley.publish.RebuildState;
import dev.galley.publish.SiteStore;
import dev.galley.publish.TaskCpu;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.sun.management.OperatingSystemMXBean;

/**
 * A fanned-out full re-render, step by step as the state machine runs it: the plan, every chunk read and rendered
 * by {@code --concurrency} invocations at a time (each with stores of its own, as each Lambda container has), the
 * listing, the index parts, and the writer's commit. Prints each step's wall time and, for its slowest invocation, the CPU of that
 * invocation's own threads and tasks ({@link TaskCpu}) and its S3 requests, with the S3 server's CPU apart; and an
 * estimate of the re-render with a CPU for each invocation, as on Lambda: the slowest invocations' CPU, step after
 * step, plus their requests at a nominal latency. {@code --store s3} goes through the in-process S3 server; {@code --store memory} simulates the
 * stores in memory, for sizes S3Proxy would take an hour to hold.
 */
final class FanOut {

    static final String USAGE = "fan-out [--articles 10000] [--store s3|memory] [--concurrency 16] [--chunk 500] [--one-pass] [--digest <file>]";

    private int articles = 10_000;
    private String store = "s3";
    private int concurrency = 16;
    private int chunk = RebuildRun.CHUNK;
    private boolean onePass;
    private Path digest;

    static FanOut parse(String[] args) {
        FanOut command = new FanOut();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> command.articles = Integer.parseInt(args[++i]);
                case "--store" -> command.store = args[++i];
                case "--concurrency" -> command.concurrency = Integer.parseInt(args[++i]);
                case "--chunk" -> command.chunk = Integer.parseInt(args[++i]);
                case "--one-pass" -> command.onePass = true;
                case "--digest" -> command.digest = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        return command;
    }

    /** Stores as one invocation makes them, and what it asks of S3: requests, and bytes of the answers' bodies. */
    private record Stores(ContentStore content, SiteStore site, LongAdder requests, LongAdder bytesRead) {
        /** The generated articles are dated a day apart from 2021 on: at 10,000, most would be held back as future. */
        Publisher publisher() {
            return new Publisher(content, site, Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC), PublishSchedule.NONE);
        }
    }

    /** What one invocation took: its wall time, its own CPU (its threads' and its pools' tasks'), its S3 requests and bytes read. */
    private record Invocation(long wallNanos, long cpuNanos, long requests, long bytesRead) {
    }

    /**
     * One step: its wall time, its invocations, and the CPU the process and the S3 server used meanwhile.
     *
     * @param slowest the invocation with the most CPU
     */
    private record Step(String name, long wallNanos, List<Invocation> invocations, long processCpuNanos, long serverCpuNanos) {
        Invocation slowest() {
            return invocations.stream().max(Comparator.comparingLong(Invocation::cpuNanos)).orElseThrow();
        }

        long invocationsCpuNanos() {
            return invocations.stream().mapToLong(Invocation::cpuNanos).sum();
        }
    }

    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** What an S3 request within a region takes, a PUT's order of magnitude: the estimate's allowance for the network. */
    private static final double REQUEST_MILLIS = 20;
    /** Requests an invocation has in flight: a step's store calls run as many at a time as S3's store asks. */
    private static final int IN_FLIGHT = SiteStore.DEFAULT_CONCURRENT_CALLS;

    void run() throws Exception {
        List<RebuildArticles.Source> sources = RebuildArticles.generate(articles, 2026);
        if (store.equals("memory")) {
            MemoryStores.Content content = new MemoryStores.Content();
            MemoryStores.Site site = new MemoryStores.Site();
            content.put("site.yaml", CorpusWriter.SITE_YAML.getBytes(StandardCharsets.UTF_8));
            sources.forEach(source -> content.put(source.key(), source.text().getBytes(StandardCharsets.UTF_8)));
            measure(() -> new Stores(content, site, new LongAdder(), new LongAdder()),
                    () -> new Stores(content, new MemoryStores.Site(), new LongAdder(), new LongAdder()),
                    () -> 0L);
            return;
        }
        try (EmbeddedS3 server = EmbeddedS3.builder().inMemory().build().start(); S3Client author = client(server)) {
            server.createBucket("content");
            server.createBucket("site");
            server.createBucket("one-pass");
            author.putObject(r -> r.bucket("content").key("site.yaml"), RequestBody.fromString(CorpusWriter.SITE_YAML));
            ExecutorService uploads = Executors.newFixedThreadPool(16);
            List<Future<?>> done = new ArrayList<>();
            sources.forEach(source -> done.add(uploads.submit(() -> author.putObject(r -> r.bucket("content").key(source.key()),
                    RequestBody.fromString(source.text())))));
            for (Future<?> upload : done) {
                upload.get();
            }
            uploads.shutdown();
            measure(() -> {
                LongAdder requests = new LongAdder();
                LongAdder bytesRead = new LongAdder();
                S3Http s3 = function(server, requests, bytesRead);
                return new Stores(new S3ContentStore(s3, "content", ""), new S3SiteStore(s3, "site"), requests, bytesRead);
            }, () -> {
                S3Http s3 = function(server, new LongAdder(), new LongAdder());
                return new Stores(new S3ContentStore(s3, "content", ""), new S3SiteStore(s3, "one-pass"), new LongAdder(), new LongAdder());
            }, server::handlerCpuNanos);
        }
    }

    private void measure(Supplier<Stores> invocation, Supplier<Stores> onePassStores, LongSupplier serverCpu) throws Exception {
        String run = "benchmark";
        long started = System.nanoTime();
        String[] chunksPath = new String[1];
        List<Step> steps = new ArrayList<>();
        steps.add(step("plan", List.of(""), serverCpu, (stores, none) -> chunksPath[0] = stores.publisher().rebuildRun(run).plan(chunk),
                invocation));
        List<RebuildRun.Chunk> chunks = List.of(new ObjectMapper().readValue(invocation.get().site().read(chunksPath[0]).orElseThrow().bytes(),
                RebuildRun.Chunk[].class));
        steps.add(step("read", chunks, serverCpu, (stores, item) -> stores.publisher().rebuildRun(run).read(item), invocation));
        steps.add(step("list", List.of(""), serverCpu, (stores, none) -> stores.publisher().rebuildRun(run).list(), invocation));
        steps.add(step("render", chunks, serverCpu, (stores, item) -> stores.publisher().rebuildRun(run).render(item), invocation));
        List<RebuildState.IndexPart> indexParts = List.of(new ObjectMapper().readValue(
                invocation.get().site().read(invocation.get().publisher().rebuildRun(run).indexParts()).orElseThrow().bytes(),
                RebuildState.IndexPart[].class));
        steps.add(step("index", indexParts, serverCpu, (stores, item) -> stores.publisher().rebuildRun(run).index(item), invocation));
        Rebuild.Report[] report = new Rebuild.Report[1];
        steps.add(step("commit", List.of(""), serverCpu, (stores, none) -> report[0] = stores.publisher().rebuildRun(run).commit(),
                invocation));
        long ended = System.nanoTime();
        System.out.printf("fan-out of %,d articles (%s, %d chunks of %d, %d at a time): %s published, %d rejected, load %s%n",
                articles, store, chunks.size(), chunk, concurrency, report[0].published(), report[0].rejected().size(), loadAverage());
        System.out.printf("  %-7s %7s %13s %38s %15s %13s %12s%n", "step", "wall", "invocations", "slowest: CPU, requests, MB read, wall",
                "CPU of all", "S3 server CPU", "process CPU");
        for (Step step : steps) {
            Invocation slowest = step.slowest();
            System.out.printf("  %-7s %6.1fs %13d %9.2fs %,9d %8.1f %6.1fs %14.1fs %12.1fs %11.1fs%n", step.name(), seconds(step.wallNanos()),
                    step.invocations().size(), seconds(slowest.cpuNanos()), slowest.requests(), slowest.bytesRead() / 1e6,
                    seconds(slowest.wallNanos()), seconds(step.invocationsCpuNanos()), seconds(step.serverCpuNanos()),
                    seconds(step.processCpuNanos()));
        }
        double cpu = steps.stream().mapToDouble(step -> seconds(step.slowest().cpuNanos())).sum();
        long requests = steps.stream().mapToLong(step -> step.slowest().requests()).sum();
        double latency = requests * REQUEST_MILLIS / 1000 / IN_FLIGHT;
        System.out.printf("  wall %.1f s; longest invocation %.1f s%n", seconds(ended - started),
                seconds(steps.stream().mapToLong(step -> step.invocations().stream().mapToLong(Invocation::wallNanos).max().orElse(0)).max().orElse(0)));
        System.out.printf("  with one CPU per invocation (an estimate): %.1f s of CPU (the slowest invocation of each step, steps in turn)"
                        + " + %.1f s of S3 latency (their %,d requests x %.0f ms / %d in flight) = %.1f s%n",
                cpu, latency, requests, REQUEST_MILLIS, IN_FLIGHT, cpu + latency);
        if (digest != null) {
            System.out.printf("  site digest: %s (each object's in %s)%n", digest(invocation.get().site(), digest), digest);
        }
        if (onePass) {
            long one = System.nanoTime();
            Rebuild.Report whole = onePassStores.get().publisher().rebuild();
            System.out.printf("  one pass in one invocation: %.1f s, %d published%n", seconds(System.nanoTime() - one), whole.published());
        }
    }

    private interface Work<I> {
        void take(Stores stores, I item);
    }

    /** Runs a step's invocations, {@code --concurrency} at a time, each with stores of its own and its CPU measured. */
    private <I> Step step(String name, List<I> items, LongSupplier serverCpu, Work<I> work, Supplier<Stores> invocation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long processCpu = PROCESS.getProcessCpuTime();
        long server = serverCpu.getAsLong();
        long started = System.nanoTime();
        try {
            List<Future<Invocation>> invocations = new ArrayList<>();
            for (I item : items) {
                invocations.add(pool.submit(() -> {
                    TaskCpu cpu = new TaskCpu();
                    long invocationStarted = System.nanoTime();
                    Stores stores = cpu.measure(() -> {
                        Stores made = invocation.get();
                        work.take(made, item);
                        return made;
                    });
                    return new Invocation(System.nanoTime() - invocationStarted, cpu.nanos(), stores.requests().sum(),
                            stores.bytesRead().sum());
                }));
            }
            List<Invocation> done = new ArrayList<>();
            for (Future<Invocation> each : invocations) {
                done.add(each.get());
            }
            return new Step(name, System.nanoTime() - started, done, PROCESS.getProcessCpuTime() - processCpu, serverCpu.getAsLong() - server);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A SHA-256 over every object of the site, key and bytes as stored, in key order, and each object's in
     * {@code perObject}: two runs that print the same wrote the same site, byte for byte; a diff of the files says where not.
     */
    private static String digest(SiteStore site, Path perObject) throws Exception {
        MessageDigest whole = MessageDigest.getInstance("SHA-256");
        List<String> lines = new ArrayList<>();
        List<String> keys = site.list("").stream().sorted().toList();
        for (String key : keys) {
            byte[] bytes = site.read(key).orElseThrow().bytes();
            whole.update(key.getBytes(StandardCharsets.UTF_8));
            whole.update((byte) 0);
            whole.update(bytes);
            lines.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + " " + key);
        }
        Files.write(perObject, lines);
        return keys.size() + " objects, " + HexFormat.of().formatHex(whole.digest());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The function's own client, as each invocation builds it. */
    private static S3Http function(EmbeddedS3 server, LongAdder requests, LongAdder bytesRead) {
        return S3Clients.create(new FunctionConfig(server.region(), "content", "", "site", Optional.of(server.endpoint())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())), new S3Observer() {
                    @Override
                    public void sending(S3Exchange exchange) {
                        requests.increment();
                    }

                    @Override
                    public void received(S3Exchange exchange, int status, long bodyBytes) {
                        bytesRead.add(bodyBytes);
                    }
                });
    }

    private static S3Client client(EmbeddedS3 server) {
        return S3Client.builder().region(Region.of(server.region())).endpointOverride(server.endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }
}
