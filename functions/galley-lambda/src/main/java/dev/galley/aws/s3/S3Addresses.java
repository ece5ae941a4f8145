package dev.galley.aws.s3;

import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.net.URI;
import java.util.Optional;

/**
 * Where a bucket's objects are: virtual-host style on AWS ({@code https://bucket.s3.region.amazonaws.com/key}), path
 * style under an endpoint override ({@code http://127.0.0.1:9000/bucket/key}), as emulators and the preview need,
 * and on AWS for a bucket whose name has a dot (its virtual host would not match S3's TLS certificate).
 */
final class S3Addresses {

    private final String region;
    private final Optional<URI> endpoint;

    S3Addresses(String region, Optional<URI> endpoint) {
        this.region = region;
        this.endpoint = endpoint;
    }

    /** The scheme, host and port of the bucket's requests: {@code https://bucket.s3.eu-west-1.amazonaws.com}. */
    String origin(String bucket) {
        if (endpoint.isPresent()) {
            URI uri = endpoint.get();
            return uri.getScheme() + "://" + uri.getRawAuthority();
        }
        String domain = "s3." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com");
        return "https://" + (virtualHost(bucket) ? bucket + "." : "") + domain;
    }

    /** The request's path, percent-encoded as SigV4's canonical request wants it (once, slashes kept). */
    String path(String bucket, String key) {
        String encodedKey = SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        return virtualHost(bucket) ? "/" + encodedKey : "/" + bucket + "/" + encodedKey;
    }

    private boolean virtualHost(String bucket) {
        return endpoint.isEmpty() && !bucket.contains(".");
    }
}
