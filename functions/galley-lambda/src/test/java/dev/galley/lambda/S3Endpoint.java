package dev.galley.lambda;

import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.Optional;

/** How to reach an S3-compatible server: where, with which keys, and the region requests are signed for. */
public record S3Endpoint(URI uri, String accessKey, String secretKey, String region) {

    static S3Endpoint of(LocalStackContainer localStack) {
        return new S3Endpoint(localStack.getEndpoint(), localStack.getAccessKey(), localStack.getSecretKey(), localStack.getRegion());
    }

    public StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    /** The function's configuration for these buckets on this server, content at the bucket's root. */
    public FunctionConfig config(String contentBucket, String siteBucket) {
        return new FunctionConfig(region, contentBucket, "", siteBucket, Optional.of(uri));
    }

    /**
     * The SDK's S3 client, which the tests use as an author and a reader do: an implementation independent of the
     * function's own client, so that what one writes the other checks.
     */
    public S3Client sdk() {
        return S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(uri)
                .forcePathStyle(true)
                .build();
    }
}
