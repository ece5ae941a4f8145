package dev.galley.lambda;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK's S3 client, which the tests use as an author and a reader do: an implementation independent of the
 * function's own client, so that what one writes the other checks.
 */
public final class SdkS3Clients {

    private SdkS3Clients() {
    }

    public static S3Client create(FunctionConfig config, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }
}
