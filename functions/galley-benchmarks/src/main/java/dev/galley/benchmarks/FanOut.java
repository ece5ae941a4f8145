package dev.galley.benchmarks;

import dev.galley.aws.S3ContentStore;
import dev.galley.aws.S3SiteStore;
import dev.galley.aws.s3.S3Http;
import dev.galley.benchmarks.corpus.CorpusWriter;
import dev.galley.emulator.EmbeddedS3;
import dev.galley.lambda.FunctionConfig;
import dev.galley.lambda.S3Clients;
import dev.galley.publish.ContentStore;
import dev.galley.publish.PublishSchedule;
import dev.galley.publish.Publisher;
import dev.galley.publish.Rebuild;
import dev.galley.publish.RebuildRun;
import dev.galley.publish.SiteStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A fanned-out full re-render, step by step as the state machine runs it: the plan, every chunk read and rendered
 * by {@code --concurrency} invocations at a time (each with stores of its own, as each Lambda container has), the
 * listing, and the writer's commit. Prints the wall time and the slowest chunk of each step: the longest any one
 * invocation runs. {@code --store s3} goes through the in-process S3 server; {@code --store memory} simulates the
 * stores in memory, for sizes S3Proxy would take an hour to hold.
 */
final class FanOut {

    static final String USAGE = "fan-out [--articles 10000] [--store s3|memory] [--concurrency 16] [--chunk 500] [--one-pass]";

    private int articles = 10_000;
    private String store = "s3";
    private int concurrency = 16;
    private int chunk = RebuildRun.CHUNK;
    private boolean onePass;

    static FanOut parse(String[] args) {
        FanOut command = new FanOut();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> command.articles = Integer.parseInt(args[++i]);
                case "--store" -> command.store = args[++i];
                case "--concurrency" -> command.concurrency = Integer.parseInt(args[++i]);
                case "--chunk" -> command.chunk = Integer.parseInt(args[++i]);
                case "--one-pass" -> command.onePass = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        return command;
    }

    /** Stores as one invocation makes them. */
    private record Stores(ContentStore content, SiteStore site) {
        /** The generated articles are dated a day apart from 2021 on: at 10,000, most would be held back as future. */
        Publisher publisher() {
            return new Publisher(content, site, Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC), PublishSchedule.NONE);
        }
    }

    void run() throws Exception {
        List<RebuildArticles.Source> sources = RebuildArticles.generate(articles, 2026);
        if (store.equals("memory")) {
            MemoryStores.Content content = new MemoryStores.Content();
            MemoryStores.Site site = new MemoryStores.Site();
            content.put("site.yaml", CorpusWriter.SITE_YAML.getBytes(StandardCharsets.UTF_8));
            sources.forEach(source -> content.put(source.key(), source.text().getBytes(StandardCharsets.UTF_8)));
            measure(() -> new Stores(content, site), () -> new Stores(content, new MemoryStores.Site()));
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
                S3Http s3 = function(server);
                return new Stores(new S3ContentStore(s3, "content", ""), new S3SiteStore(s3, "site"));
            }, () -> {
                S3Http s3 = function(server);
                return new Stores(new S3ContentStore(s3, "content", ""), new S3SiteStore(s3, "one-pass"));
            });
        }
    }

    private void measure(Supplier<Stores> invocation, Supplier<Stores> onePassStores) throws Exception {
        String run = "benchmark";
        long started = System.nanoTime();
        String chunksPath = invocation.get().publisher().rebuildRun(run).plan(chunk);
        long planned = System.nanoTime();
        System.out.printf("  plan %.1f s%n", seconds(planned - started));
        Stores reader = invocation.get();
        List<RebuildRun.Chunk> chunks = List.of(new ObjectMapper().readValue(reader.site().read(chunksPath).orElseThrow().bytes(), RebuildRun.Chunk[].class));
        long[] read = inParallel(chunks, (stores, item) -> stores.publisher().rebuildRun(run).read(item), invocation);
        System.out.printf("  read %.1f s, slowest chunk %.1f s%n", seconds(read[0]), seconds(read[1]));
        long listStarted = System.nanoTime();
        invocation.get().publisher().rebuildRun(run).list();
        long listed = System.nanoTime();
        System.out.printf("  list %.1f s%n", seconds(listed - listStarted));
        long[] rendered = inParallel(chunks, (stores, item) -> stores.publisher().rebuildRun(run).render(item), invocation);
        System.out.printf("  render %.1f s, slowest chunk %.1f s%n", seconds(rendered[0]), seconds(rendered[1]));
        long commitStarted = System.nanoTime();
        Rebuild.Report report = invocation.get().publisher().rebuildRun(run).commit();
        long ended = System.nanoTime();
        System.out.printf("fan-out of %,d articles (%s, %d chunks of %d, %d at a time): %s published, %d rejected%n",
                articles, store, chunks.size(), chunk, concurrency, report.published(), report.rejected().size());
        System.out.printf("  wall %.1f s: plan %.1f s, read %.1f s (slowest chunk %.1f s), list %.1f s, render %.1f s (slowest chunk %.1f s), commit %.1f s%n",
                seconds(ended - started), seconds(planned - started), seconds(read[0]), seconds(read[1]), seconds(listed - listStarted),
                seconds(rendered[0]), seconds(rendered[1]), seconds(ended - commitStarted));
        System.out.printf("  longest invocation: %.1f s%n", seconds(Math.max(Math.max(planned - started, listed - listStarted),
                Math.max(Math.max(read[1], rendered[1]), ended - commitStarted))));
        if (onePass) {
            long one = System.nanoTime();
            Rebuild.Report whole = onePassStores.get().publisher().rebuild();
            System.out.printf("  one pass in one invocation: %.1f s, %d published%n", seconds(System.nanoTime() - one), whole.published());
        }
    }

    private interface Step {
        void take(Stores stores, RebuildRun.Chunk chunk);
    }

    /** @return the step's wall time and its slowest chunk's, in nanoseconds */
    private long[] inParallel(List<RebuildRun.Chunk> chunks, Step step, Supplier<Stores> invocation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        try {
            List<Future<Long>> times = new ArrayList<>();
            for (RebuildRun.Chunk item : chunks) {
                times.add(pool.submit(() -> {
                    Stores stores = invocation.get();
                    long chunkStarted = System.nanoTime();
                    step.take(stores, item);
                    return System.nanoTime() - chunkStarted;
                }));
            }
            long slowest = 0;
            for (Future<Long> time : times) {
                slowest = Math.max(slowest, time.get());
            }
            return new long[] {System.nanoTime() - started, slowest};
        } finally {
            pool.shutdown();
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The function's own client, as each invocation builds it. */
    private static S3Http function(EmbeddedS3 server) {
        return S3Clients.create(new FunctionConfig(server.region(), "content", "", "site", Optional.of(server.endpoint())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())));
    }

    private static S3Client client(EmbeddedS3 server) {
        return S3Client.builder().region(Region.of(server.region())).endpointOverride(server.endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }
}
