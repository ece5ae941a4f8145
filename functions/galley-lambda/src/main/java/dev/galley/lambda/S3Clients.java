package dev.galley.lambda;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;

/**
 * Builds the one S3 client of a container. Region, credentials provider and HTTP client are explicit, so the
 * SDK does not search for them at cold start.
 */
public final class S3Clients {

    private S3Clients() {
    }

    /** The production client: Lambda puts the role's credentials in the environment. */
    public static S3Client create(FunctionConfig config) {
        return create(config, EnvironmentVariableCredentialsProvider.create());
    }

    public static S3Client create(FunctionConfig config, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(20))
                        .build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(60)));
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }
}
