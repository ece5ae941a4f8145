package dev.galley.lambda;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The function's settings, from environment variables.
 *
 * @param contentPrefix  key prefix of the content in the content bucket, "" or ending in "/"
 * @param endpoint       an S3 endpoint override, for emulators only
 * @param distributionId the CloudFront distribution in front of the site bucket, to invalidate after a full
 *                       re-render; empty where there is none (local preview, tests)
 * @param wakeUps        where the function sets its wake-ups for held and expiring articles; empty where it sets none
 * @param draftKeySecret the Secrets Manager secret holding the key of drafts' links; empty: drafts are not shared
 * @param gzipSite       whether the site bucket holds text gzip-encoded ({@value #GZIP_SITE}, true unless "false"): for
 *                       CloudFront, which serves it as it is; off for a bucket something else serves
 */
public record FunctionConfig(String region, String contentBucket, String contentPrefix, String siteBucket, Optional<URI> endpoint,
                             Optional<String> distributionId, Optional<WakeUps> wakeUps, Optional<String> draftKeySecret,
                             boolean gzipSite) {

    /** The environment variable that turns the site bucket's gzip encoding off ({@code false}); on when unset. */
    public static final String GZIP_SITE = "GALLEY_SITE_GZIP";

    /**
     * EventBridge Scheduler's side of the wake-ups.
     *
     * @param group     the schedule group the function keeps its one-time schedules in
     * @param roleArn   the role the scheduler invokes the function with
     * @param targetArn what the schedules invoke: the function's alias
     */
    public record WakeUps(String group, String roleArn, String targetArn) {
    }

    public static FunctionConfig fromEnvironment(Map<String, String> env) {
        String prefix = env.getOrDefault("GALLEY_CONTENT_PREFIX", "").strip();
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        String endpoint = env.getOrDefault("GALLEY_S3_ENDPOINT", "").strip();
        String distribution = env.getOrDefault("GALLEY_DISTRIBUTION_ID", "").strip();
        String group = env.getOrDefault("GALLEY_SCHEDULE_GROUP", "").strip();
        String draftKeySecret = env.getOrDefault("GALLEY_DRAFT_KEY_SECRET", "").strip();
        Optional<WakeUps> wakeUps = group.isEmpty() ? Optional.empty()
                : Optional.of(new WakeUps(group, required(env, "GALLEY_SCHEDULER_ROLE_ARN"), required(env, "GALLEY_WAKE_TARGET_ARN")));
        return new FunctionConfig(
                required(env, "AWS_REGION"),
                required(env, "GALLEY_CONTENT_BUCKET"),
                prefix,
                required(env, "GALLEY_SITE_BUCKET"),
                endpoint.isEmpty() ? Optional.empty() : Optional.of(URI.create(endpoint)),
                distribution.isEmpty() ? Optional.empty() : Optional.of(distribution),
                wakeUps,
                draftKeySecret.isEmpty() ? Optional.empty() : Optional.of(draftKeySecret),
                gzipSite(env));
    }

    private static boolean gzipSite(Map<String, String> env) {
        String value = env.getOrDefault(GZIP_SITE, "").strip();
        return switch (value) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException("the environment variable " + GZIP_SITE + " is true or false, not " + value);
        };
    }

    /** A configuration without a CDN in front of the site bucket, nor wake-ups, nor shared drafts. */
    public FunctionConfig(String region, String contentBucket, String contentPrefix, String siteBucket, Optional<URI> endpoint) {
        this(region, contentBucket, contentPrefix, siteBucket, endpoint, Optional.empty(), Optional.empty());
    }

    /** A configuration without shared drafts. */
    public FunctionConfig(String region, String contentBucket, String contentPrefix, String siteBucket, Optional<URI> endpoint,
                          Optional<String> distributionId, Optional<WakeUps> wakeUps) {
        this(region, contentBucket, contentPrefix, siteBucket, endpoint, distributionId, wakeUps, Optional.empty(), true);
    }

    /** This configuration, with the site bucket's text gzip-encoded or not. */
    public FunctionConfig withGzipSite(boolean gzip) {
        return new FunctionConfig(region, contentBucket, contentPrefix, siteBucket, endpoint, distributionId, wakeUps, draftKeySecret, gzip);
    }

    public FunctionConfig {
        if (contentBucket.equals(siteBucket)) {
            // Writing pages into the bucket that triggers the function would invoke it again, forever.
            throw new IllegalArgumentException("GALLEY_CONTENT_BUCKET and GALLEY_SITE_BUCKET must be different buckets");
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the environment variable " + name + " is not set");
        }
        return value.strip();
    }
}
