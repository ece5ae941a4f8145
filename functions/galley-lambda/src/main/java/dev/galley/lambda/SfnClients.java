package dev.galley.lambda;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Builds the Step Functions client of a container, like {@link SchedulerClients}: nothing left for the SDK to search. */
final class SfnClients {

    private SfnClients() {
    }

    static SfnClient create(String region) {
        return create(region, S3Clients.credentials(System.getenv()), Optional.empty());
    }

    /** @param endpoint an endpoint override, for tests against a local server */
    static SfnClient create(String region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        return AwsClients.build(SfnClient.builder(), Region.of(region), credentials, endpoint, Duration.ofSeconds(20));
    }
}
