package dev.galley.lambda;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the one CloudFront client of a container, like {@link S3Clients}: region, credentials provider and HTTP
 * client explicit. CloudFront's API is global, signed for us-east-1 whatever region the function runs in. The SDK's
 * endpoint rules map every region of the aws partition to that global endpoint, but only {@code us-east-1} also
 * signs correctly when the endpoint is overridden ({@code aws-global} would then sign for "aws-global").
 */
public final class CloudFrontClients {

    private CloudFrontClients() {
    }

    /** The production client: Lambda puts the role's credentials in the environment. */
    public static CloudFrontClient create() {
        // The same credentials as S3's: under SnapStart they come from the container endpoint, not the environment.
        return create(S3Clients.credentials(System.getenv()), Optional.empty());
    }

    /** @param endpoint an endpoint override, for tests against a local HTTP server */
    public static CloudFrontClient create(AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        return AwsClients.build(CloudFrontClient.builder(), Region.US_EAST_1, credentials, endpoint, Duration.ofSeconds(20));
    }
}
