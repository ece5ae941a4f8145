package dev.galley.lambda;

import dev.galley.aws.S3ContentStore;
import dev.galley.aws.S3SiteStore;
import dev.galley.publish.ContentStore;
import dev.galley.publish.PublishStatus;
import dev.galley.publish.Publisher;
import dev.galley.publish.SiteStore;
import dev.galley.publish.SourceChange;
import dev.galley.publish.WriteConflictException;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import dev.galley.aws.s3.S3Http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SnapStart: Lambda runs the function's init once, snapshots the JVM, and starts later environments from the
 * snapshot. What init has not loaded, run and compiled, every restored environment pays for on its first
 * event; so before the snapshot this runs the real code paths: the handler on a test event, the whole pipeline
 * (parse, render, manifest, index pages) on a sample article against in-memory stores, and each kind of S3
 * request on an absent key (signing, HTTP, error parsing), none of which changes anything. After a restore
 * the S3 client is built again, for fresh credentials and connections. Without SnapStart (or CRaC)
 * registering does nothing.
 */
final class SnapStartPriming implements Resource {

    static final String PRIMING_KEY = "_galley/snapstart-priming";
    private static final int PIPELINE_ROUNDS = 20;

    private final PublishHandler handler;
    private final FunctionConfig config;
    private final S3Http client;

    private SnapStartPriming(PublishHandler handler, FunctionConfig config, S3Http client) {
        this.handler = handler;
        this.config = config;
        this.client = client;
    }

    /** Registers with the runtime's checkpoint context, which holds resources weakly: keep the result. */
    static SnapStartPriming register(PublishHandler handler, FunctionConfig config, S3Http client) {
        SnapStartPriming priming = new SnapStartPriming(handler, config, client);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        handler.connect(S3Clients.create(config));
    }

    void prime() throws IOException {
        handler.handleRequest(new ByteArrayInputStream("{\"Event\":\"s3:TestEvent\"}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null);
        byte[] sample = sample();
        // Enough rounds for the JIT to compile the pipeline's hot code: the snapshot keeps compiled code too.
        for (int round = 0; round < PIPELINE_ROUNDS; round++) {
            new Publisher(new MemoryContent(sample), new MemorySite()).sync(SourceChange.of(MemoryContent.KEY));
        }
        // Every kind of S3 request the function makes, none of which can change anything: the key does not
        // exist, and a PUT conditional on an ETag of a missing key is refused.
        S3SiteStore site = new S3SiteStore(client, config.siteBucket(), config.gzipSite());
        attempt(() -> site.read(PRIMING_KEY));
        attempt(() -> site.head(PRIMING_KEY));
        attempt(() -> site.write(new SiteFile(PRIMING_KEY, sample, ContentKind.HTML), Map.of(), new SiteStore.Condition.Matches("priming")));
        attempt(() -> new S3ContentStore(client, config.contentBucket(), config.contentPrefix())
                .reportStatus(PRIMING_KEY, new PublishStatus(PublishStatus.State.PUBLISHED, "", "")));
    }

    /** No network or no permission at snapshot time, or a refusal: the classes are loaded all the same. */
    private static void attempt(Runnable request) {
        try {
            request.run();
        } catch (RuntimeException e) {
            // expected: see above
        }
    }

    private static byte[] sample() {
        try (InputStream in = SnapStartPriming.class.getResourceAsStream("snapstart-priming.md")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One source file, in memory. */
    private record MemoryContent(byte[] source) implements ContentStore {
        static final String KEY = "snapstart-priming.md";

        @Override
        public Optional<SourceFile> read(String key) {
            return key.equals(KEY) ? Optional.of(new SourceFile(key, source, "1")) : Optional.empty();
        }

        @Override
        public List<String> list() {
            return List.of(KEY);
        }

        @Override
        public void reportStatus(String key, PublishStatus status) {
        }
    }

    /** A site in memory, with the conditional writes the pipeline relies on. */
    private static final class MemorySite implements SiteStore {
        private final Map<String, Stored> site = new ConcurrentHashMap<>();
        private final AtomicLong versions = new AtomicLong();

        @Override
        public Optional<Stored> read(String path) {
            return Optional.ofNullable(site.get(path));
        }

        @Override
        public Optional<Version> head(String path) {
            return read(path).map(Stored::version);
        }

        @Override
        public synchronized void write(SiteFile file, Map<String, String> metadata, Condition condition) {
            Optional<Version> current = head(file.path());
            if (condition instanceof Condition.Absent && current.isPresent()
                    || condition instanceof Condition.Matches m && !current.map(v -> v.etag().equals(m.etag())).orElse(false)) {
                throw new WriteConflictException(file.path(), null);
            }
            site.put(file.path(), new Stored(file.bytes(), new Version(Long.toString(versions.incrementAndGet()), metadata)));
        }

        @Override
        public void delete(String path) {
            site.remove(path);
        }

        @Override
        public List<String> list(String prefix) {
            return site.keySet().stream().filter(path -> path.startsWith(prefix)).toList();
        }
    }
}
