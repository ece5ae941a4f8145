package dev.galley.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationResponse;
import software.amazon.awssdk.utils.Lazy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Drops cached copies of site paths from the CloudFront distribution: one {@code CreateInvalidation} per call.
 *
 * <p>CloudFront bills per path (the first 1,000 a month are free) and counts a wildcard such as {@code /*} as one
 * path, so a call never sends more than {@link #MAX_PATHS}: beyond that it sends {@code /*} alone.
 */
public final class CloudFrontInvalidator {

    /** Every cached object: one billed path. */
    public static final String EVERYTHING = dev.galley.publish.Outcome.EVERYTHING;
    /** More distinct paths than this become {@link #EVERYTHING}. */
    public static final int MAX_PATHS = 10;

    private static final String INDEX = "index.html";
    // RFC 1738's unsafe characters: CloudFront wants these (and non-ASCII) percent-encoded, and nothing else.
    private static final String UNSAFE = " \"#%<>[\\]^`{|}~";

    /** What CloudFront accepted: its invalidation id and the paths sent. */
    public record Invalidation(String id, List<String> paths) {
    }

    private final Lazy<CloudFrontClient> client;
    private final String distributionId;

    /**
     * @param clientFactory builds the client on the first invalidation: only a full re-render needs one, so an
     *                      ordinary publish never loads CloudFront's SDK classes (some 200 ms of a cold start)
     */
    public CloudFrontInvalidator(Supplier<CloudFrontClient> clientFactory, String distributionId) {
        this.client = new Lazy<>(clientFactory);
        this.distributionId = distributionId;
    }

    /**
     * Invalidates site paths in one request.
     *
     * @param sitePaths site bucket keys ({@code articles/x/index.html}, {@code feed.xml}) or {@link #EVERYTHING}
     * @param reference names the work these paths come from, the same on every retry of it (the Lambda request id):
     *                  CloudFront answers a repeated reference with the same paths with the invalidation it already
     *                  made, so a retried invocation creates, and pays for, nothing new
     * @return the invalidation, or empty when there was no path to invalidate
     * @throws InvalidationFailedException when CloudFront refused or could not be reached (after the SDK's retries)
     */
    public Optional<Invalidation> invalidate(Collection<String> sitePaths, String reference) {
        List<String> paths = cachePaths(sitePaths);
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        try {
            CreateInvalidationResponse response = client.getValue().createInvalidation(r -> r
                    .distributionId(distributionId)
                    .invalidationBatch(b -> b
                            .callerReference(callerReference(reference, paths))
                            .paths(p -> p.quantity(paths.size()).items(paths))));
            return Optional.of(new Invalidation(response.invalidation().id(), paths));
        } catch (SdkException e) {
            throw new InvalidationFailedException("invalidating " + paths + " on CloudFront distribution "
                    + distributionId + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The paths CloudFront caches the given site keys under: with a leading slash, percent-encoded where CloudFront
     * asks for it, a page {@code x/index.html} also as {@code /x/} and {@code /x} (viewers ask for those; the
     * viewer-request function rewrites them, and AWS advises invalidating both forms), deduplicated and sorted, and
     * {@link #EVERYTHING} alone when it is asked for or when there would be more than {@link #MAX_PATHS}.
     */
    static List<String> cachePaths(Collection<String> sitePaths) {
        TreeSet<String> paths = new TreeSet<>();
        for (String sitePath : sitePaths) {
            if (sitePath.equals(EVERYTHING)) {
                return List.of(EVERYTHING);
            }
            String path = "/" + encode(sitePath.startsWith("/") ? sitePath.substring(1) : sitePath);
            paths.add(path);
            if (path.equals("/" + INDEX) || path.endsWith("/" + INDEX)) {
                String directory = path.substring(0, path.length() - INDEX.length());
                paths.add(directory);
                if (directory.length() > 1) {
                    paths.add(directory.substring(0, directory.length() - 1));
                }
            }
        }
        return paths.size() > MAX_PATHS ? List.of(EVERYTHING) : List.copyOf(paths);
    }

    private static String encode(String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            // A "*" is a wildcard only as the last character; anywhere else CloudFront refuses it.
            boolean literalStar = b == '*' && i < bytes.length - 1;
            if (b <= 0x20 || b >= 0x7F || UNSAFE.indexOf(b) >= 0 || literalStar) {
                out.writeBytes(String.format("%%%02X", b).getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** The reference and a digest of the paths: a retry with other paths is a new invalidation, not a conflict. */
    static String callerReference(String reference, List<String> paths) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest(String.join("\n", paths).getBytes(StandardCharsets.UTF_8));
            return reference + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** CloudFront refused an invalidation or could not be reached. */
    public static final class InvalidationFailedException extends RuntimeException {

        InvalidationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
