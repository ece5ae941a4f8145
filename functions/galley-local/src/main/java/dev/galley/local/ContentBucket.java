package dev.galley.local;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The content bucket as the author commands reach it: an S3 client with the SDK's default credentials and region
 * (or the preview's endpoint), the bucket, and the prefix of the content root in it.
 *
 * @param where the endpoint or the region, to say where a failure happened
 */
record ContentBucket(S3Client s3, String bucket, String prefix, String where) implements AutoCloseable {

    /** The preview's region, when an endpoint is given and no region is configured. */
    private static final String PREVIEW_REGION = "us-east-1";

    static ContentBucket connect(BucketOptions options, Map<String, String> env, AwsCredentialsProvider credentials) {
        if (options.bucket(env).isEmpty() && options.stack().isEmpty()) {
            throw new AuthorError("no content bucket: pass --bucket NAME (the stack's output ContentBucketName) or --stack NAME, "
                    + "or set GALLEY_BUCKET");
        }
        Region region = Region.of(region(options, env));
        String where = options.endpoint().map(Object::toString).orElse("region " + region);
        String bucket;
        String prefix;
        if (options.bucket(env).isPresent()) {
            bucket = options.bucket(env).get();
            prefix = options.prefix(env).orElse("");
        } else {
            StackOutputs stack = StackOutputs.read(options.stack().get(), region, credentials, where);
            bucket = stack.contentBucket();
            prefix = options.prefix(env).orElse(BucketOptions.asFolder(stack.contentPrefix()));
        }
        var builder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMinutes(2)));
        options.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return new ContentBucket(builder.build(), bucket, prefix, where);
    }

    /**
     * The SDK's region lookup (environment, profile, instance metadata) for AWS; for another endpoint (the preview),
     * whose region is only a name in the signature, {@code AWS_REGION} or the preview's, with no lookup.
     */
    private static String region(BucketOptions options, Map<String, String> env) {
        if (options.region().isPresent()) {
            return options.region().get();
        }
        if (options.endpoint().isPresent()) {
            return env.getOrDefault("AWS_REGION", PREVIEW_REGION);
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkException e) {
            throw new AuthorError("no AWS region: pass --region, or set AWS_REGION, or name a region in your AWS profile");
        }
    }

    /** Runs an S3 call, turning its failure into one line for the author. */
    <T> T call(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AwsFailures.explain(e, bucket, where, doing);
        }
    }

    /** What the publish function said of a file, from its tags; empty until it has said anything, or when the file is gone. */
    Optional<TaggedStatus> status(String key) {
        return call("reading the status of " + prefix + key, () -> {
            try {
                return TaggedStatus.of(s3.getObjectTagging(r -> r.bucket(bucket).key(prefix + key)).tagSet());
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void close() {
        s3.close();
    }
}
