package dev.galley.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.gaul.shaded.org.eclipse.jetty.server.handler.EagerContentHandler;

import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * An S3-compatible server running in this process: S3Proxy on 127.0.0.1, speaking the S3 REST API over
 * HTTP with SigV4 authentication, plus atomic conditional writes, S3 event notifications, object
 * tagging and fault injection.
 *
 * <pre>{@code
 * try (EmbeddedS3 s3 = EmbeddedS3.builder().inMemory().notifications(sink).build().start()) {
 *     s3.createBucket("content");
 *     s3.enableNotifications("content");
 *     S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true)...
 * }
 * }</pre>
 *
 * <p>Clients must use path-style addressing.
 */
public final class EmbeddedS3 implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final Pattern VALID_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    /** Bodies up to this size are read before S3Proxy handles the request; larger ones stream. */
    private static final long MAX_BUFFERED_BODY = 64L * 1024 * 1024;

    private final Path directory;
    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final NotificationSink sink;
    private final FaultInjector faults;

    private final Set<String> notifyingBuckets = ConcurrentHashMap.newKeySet();
    private final HandlerCpu handlerCpu = new HandlerCpu();

    private volatile S3Proxy proxy;
    private volatile S3SemanticsBlobStore store;
    private volatile URI endpoint;

    private EmbeddedS3(Builder builder) {
        this.directory = builder.directory;
        this.accessKey = builder.accessKey;
        this.secretKey = builder.secretKey;
        this.region = builder.region;
        this.sink = builder.sink;
        this.faults = builder.faultPlan == null ? FaultInjector.none() : new FaultInjector(builder.faultPlan);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server on a free loopback port. Returns this, for try-with-resources. */
    public synchronized EmbeddedS3 start() {
        if (proxy != null) {
            throw new IllegalStateException("already started");
        }
        BlobStore backend = directory == null ? new TransientNio2BlobStore() : filesystemStore(directory);
        NotificationSink target = sink == null ? event -> { } : sink;
        store = new S3SemanticsBlobStore(backend, target, new S3EventFactory(region, accessKey), notifyingBuckets);
        S3Proxy started = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + LOOPBACK + ":0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                // Requests still running at close() are aborted rather than waited for.
                .stopTimeout(0)
                .build();
        Server server = jettyServerOf(started);
        // S3Proxy can reject a PUT (a 412, say) after "100 Continue" but before reading the body; Jetty then
        // closes the connection on a client still sending it, which sees a broken pipe instead of the 412.
        // Reading each body in full before S3Proxy sees the request keeps the answer reaching the client.
        Handler readBodyFirst = new EagerContentHandler(handlerCpu.around(server.getHandler()),
                new EagerContentHandler.RetainedContentLoaderFactory(MAX_BUFFERED_BODY, -1, false));
        server.setHandler(handlerCpu.around(new FrontHandler(readBodyFirst, faults, store, accessKey)));
        try {
            started.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        proxy = started;
        endpoint = URI.create("http://" + LOOPBACK + ":" + started.getPort());
        return this;
    }

    /** The HTTP endpoint, e.g. {@code http://127.0.0.1:41234}, for the SDK's endpointOverride. */
    public URI endpoint() {
        requireStarted();
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public String region() {
        return region;
    }

    /**
     * The CPU time the server has spent handling requests since it started, in nanoseconds: benchmarks that run
     * their clients in this process tell the server's share apart with it (Jetty's own reading and writing aside).
     */
    public long handlerCpuNanos() {
        return handlerCpu.nanos();
    }

    /** Runtime control of the fault plan; a no-op injector when none was given. */
    public FaultInjector faults() {
        return faults;
    }

    /** Creates the bucket unless it exists. Bypasses the fault plan. */
    public void createBucket(String bucket) {
        requireStarted();
        // S3Proxy creates any name but then answers NoSuchBucket for the ones S3 forbids.
        if (!VALID_BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("not a valid S3 bucket name: " + bucket);
        }
        if (store.containerExists(bucket)) {
            return;
        }
        try {
            store.createContainer(bucket);
        } catch (BucketAlreadyOwnedByYouException e) {
            // created concurrently: that is what was asked for
        }
    }

    /**
     * Puts an object into the store without a request over HTTP, as a PUT would (ETag, version, notification): for
     * seeding a bucket of 100,000 objects, which takes minutes one request at a time. Bypasses the fault plan.
     */
    public void putObject(String bucket, String key, byte[] bytes) {
        putObject(bucket, key, bytes, null, null);
    }

    /** The same, held as S3 holds an object PUT with this Content-Type and Content-Encoding (null: none). */
    public void putObject(String bucket, String key, byte[] bytes, String contentType, String contentEncoding) {
        requireStarted();
        store.putBlob(PutObjectRequest.builder().bucket(bucket).key(key).contentLength((long) bytes.length).contentType(contentType)
                        .contentEncoding(contentEncoding).build(),
                new java.io.ByteArrayInputStream(bytes));
    }

    /**
     * From now on, writes and deletes in this bucket are announced to the notification sink, like an S3
     * bucket notification configuration for {@code s3:ObjectCreated:*} and {@code s3:ObjectRemoved:*}.
     */
    public void enableNotifications(String bucket) {
        if (sink == null) {
            throw new IllegalStateException("no NotificationSink was given to the builder");
        }
        notifyingBuckets.add(Objects.requireNonNull(bucket));
    }

    @Override
    public synchronized void close() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop cleanly", e);
        } finally {
            store.close();
            proxy = null;
        }
    }

    private void requireStarted() {
        if (proxy == null) {
            throw new IllegalStateException("not started");
        }
    }

    private static BlobStore filesystemStore(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        StorageTempFiles.sweep(directory);  // what a killed process was still writing
        return new FilesystemNio2BlobStore(directory.toAbsolutePath().toString());
    }

    /**
     * S3Proxy offers no hook around its Jetty handler, and its servlet is package-private, so the one
     * way to put a handler in front of it is to reach its private server before start(). This fails
     * loudly at startup if a new S3Proxy version renames the field.
     */
    private static Server jettyServerOf(S3Proxy proxy) {
        try {
            Field field = S3Proxy.class.getDeclaredField("server");
            field.setAccessible(true);
            return (Server) field.get(proxy);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("this S3Proxy version has no reachable Jetty server field", e);
        }
    }

    public static final class Builder {

        private Path directory;
        private boolean storeChosen;
        private String accessKey = "galley-access-key";
        private String secretKey = "galley-secret-key";
        private String region = "us-east-1";
        private NotificationSink sink;
        private FaultPlan faultPlan;

        private Builder() {
        }

        /** Objects live in memory and vanish on close. For tests. */
        public Builder inMemory() {
            this.directory = null;
            this.storeChosen = true;
            return this;
        }

        /**
         * Objects live under {@code directory}, one subdirectory per bucket, and survive restarts. For
         * the local preview. Content-Type and user metadata are kept in extended attributes, so the
         * filesystem must support user xattrs; tags are kept in memory only.
         */
        public Builder filesystem(Path directory) {
            this.directory = Objects.requireNonNull(directory);
            this.storeChosen = true;
            return this;
        }

        public Builder credentials(String accessKey, String secretKey) {
            this.accessKey = requireNonBlank(accessKey, "accessKey");
            this.secretKey = requireNonBlank(secretKey, "secretKey");
            return this;
        }

        /** The region reported in event records; clients may sign for any region. Defaults to us-east-1. */
        public Builder region(String region) {
            this.region = requireNonBlank(region, "region");
            return this;
        }

        public Builder notifications(NotificationSink sink) {
            this.sink = Objects.requireNonNull(sink);
            return this;
        }

        public Builder faults(FaultPlan plan) {
            this.faultPlan = Objects.requireNonNull(plan);
            return this;
        }

        public EmbeddedS3 build() {
            if (!storeChosen) {
                throw new IllegalStateException("choose inMemory() or filesystem(Path)");
            }
            return new EmbeddedS3(this);
        }

        private static String requireNonBlank(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
