package dev.galley.lambda;

import dev.galley.aws.s3.S3Http;
import dev.galley.aws.s3.S3Observer;
import dev.galley.emulator.EmbeddedS3;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The S3-compatible server of a test class, started when a test first asks for it and stopped after the class's
 * last test: {@code @RegisterExtension static final TestS3 S3 = TestS3.s3proxy();} for S3Proxy in process, or
 * {@link #moto()} for moto_server, which also serves the other AWS APIs the function calls. Where moto_server is
 * not installed or does not start, each test that asks for it is skipped with the reason, so one class can run
 * some tests over S3Proxy and others over moto.
 */
public final class TestS3 implements AfterAllCallback {

    private static final String MOTO_KEY = "test";

    private final UnaryOperator<EmbeddedS3.Builder> s3proxy;
    private final String region;
    private EmbeddedS3 embedded;
    private MotoServer moto;
    private String whyNotStarted;
    private S3Client sdk;

    private TestS3(UnaryOperator<EmbeddedS3.Builder> s3proxy, String region) {
        this.s3proxy = s3proxy;
        this.region = region;
    }

    /** S3Proxy in process, in memory. */
    public static TestS3 s3proxy() {
        return s3proxy(builder -> builder);
    }

    /** S3Proxy in process, in memory, with what {@code configure} adds (notifications, faults). */
    public static TestS3 s3proxy(UnaryOperator<EmbeddedS3.Builder> configure) {
        return new TestS3(configure, null);
    }

    /** moto_server on a free local port, requests signed for us-east-1. */
    public static TestS3 moto() {
        return new TestS3(null, "us-east-1");
    }

    /** This moto_server, with requests signed for {@code region}. */
    public TestS3 inRegion(String region) {
        if (s3proxy != null) {
            throw new IllegalStateException("S3Proxy has a region of its own");
        }
        return new TestS3(null, region);
    }

    /** How to reach the server, started now if it is not yet; skips the calling test where it cannot run. */
    public synchronized S3Endpoint endpoint() {
        if (s3proxy != null) {
            if (embedded == null) {
                embedded = s3proxy.apply(EmbeddedS3.builder().inMemory()).build().start();
            }
            return new S3Endpoint(embedded.endpoint(), embedded.accessKey(), embedded.secretKey(), embedded.region());
        }
        if (moto == null && whyNotStarted == null) {
            MotoServer.Started started = startMoto();
            moto = started.server();
            whyNotStarted = started.whyNot();
        }
        Assumptions.assumeTrue(moto != null, whyNotStarted);
        return new S3Endpoint(moto.endpoint(), MOTO_KEY, MOTO_KEY, region);
    }

    /** The S3Proxy server itself, for what only it does: injected faults, notifications. */
    public EmbeddedS3 embedded() {
        if (s3proxy == null) {
            throw new IllegalStateException("moto_server is not an EmbeddedS3");
        }
        endpoint();
        return embedded;
    }

    /** The SDK's S3 client on this server ({@link S3Endpoint#sdk()}), one for the class, closed after it. */
    public synchronized S3Client sdk() {
        S3Endpoint endpoint = endpoint();
        if (sdk == null) {
            sdk = endpoint.sdk();
        }
        return sdk;
    }

    /** A new, empty bucket: {@code prefix}, a dash and eight random characters. */
    public String newBucket(String prefix) {
        String bucket = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        sdk().createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** The function's own client on this server, as a fresh Lambda container builds it, {@code observer} seeing each request. */
    public S3Http client(FunctionConfig config, S3Observer observer) {
        return S3Clients.create(config, endpoint().credentials(), observer);
    }

    private static MotoServer.Started startMoto() {
        try {
            return MotoServer.start();
        } catch (IOException e) {
            return new MotoServer.Started(null, "moto_server did not start: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MotoServer.Started(null, "interrupted while moto_server started");
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (sdk != null) {
            sdk.close();
            sdk = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
        if (moto != null) {
            moto.close();
            moto = null;
        }
        whyNotStarted = null;
    }
}
