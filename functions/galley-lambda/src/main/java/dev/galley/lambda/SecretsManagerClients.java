package dev.galley.lambda;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Builds the Secrets Manager client that reads the draft key, like {@link S3Clients}: nothing left for the SDK to search. */
public final class SecretsManagerClients {

    private SecretsManagerClients() {
    }

    /** The production client, in the function's region, with the role's credentials. */
    public static SecretsManagerClient create(String region) {
        return create(region, S3Clients.credentials(System.getenv()), Optional.empty());
    }

    /** @param endpoint an endpoint override, for tests against a local server */
    public static SecretsManagerClient create(String region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        return AwsClients.build(SecretsManagerClient.builder(), Region.of(region), credentials, endpoint, Duration.ofSeconds(10));
    }
}
