package dev.galley.lambda;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Builds the SQS client of a container (a refresh on the publish queue), like {@link SfnClients}. */
public final class SqsClients {

    /** The environment variable naming the publish queue's URL; without it, each batch writes its index pages itself. */
    static final String PUBLISH_QUEUE = "GALLEY_PUBLISH_QUEUE_URL";

    private SqsClients() {
    }

    static SqsClient create(String region) {
        return create(region, S3Clients.credentials(System.getenv()), Optional.empty());
    }

    /** @param endpoint an endpoint override, for tests against a local server */
    public static SqsClient create(String region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        return AwsClients.build(SqsClient.builder(), Region.of(region), credentials, endpoint, Duration.ofSeconds(10));
    }
}
