package dev.galley.lambda;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings every client the function builds besides S3's shares (CloudFront, EventBridge Scheduler, Secrets
 * Manager, Step Functions): a region given, not searched for; the url-connection HTTP client; short timeouts, since
 * each is called off the upload path and a retry of the whole record is cheaper than a long wait.
 */
final class AwsClients {

    private AwsClients() {
    }

    /** @param endpoint an endpoint override, for tests against a local server */
    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Region region,
            AwsCredentialsProvider credentials, Optional<URI> endpoint, Duration socketTimeout) {
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(socketTimeout)
                        .build())
                .overrideConfiguration(o -> o.apiCallTimeout(socketTimeout.plusSeconds(10)));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
