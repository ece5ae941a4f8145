package dev.galley.lambda;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Builds the one EventBridge Scheduler client of a container, like {@link S3Clients}: nothing left for the SDK to search. */
public final class SchedulerClients {

    private SchedulerClients() {
    }

    /** The production client, in the function's region, with the role's credentials. */
    public static SchedulerClient create(String region) {
        return create(region, S3Clients.credentials(System.getenv()), Optional.empty());
    }

    /** @param endpoint an endpoint override, for tests against a local server */
    public static SchedulerClient create(String region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        return AwsClients.build(SchedulerClient.builder(), Region.of(region), credentials, endpoint, Duration.ofSeconds(20));
    }
}
