package dev.galley.lambda;

import dev.galley.aws.sqs.SqsHttp;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Builds the SQS client of a container (a refresh on the publish queue): Galley's own {@link SqsHttp}. */
public final class SqsClients {

    /** The environment variable naming the publish queue's URL; without it, each batch writes its index pages itself. */
    static final String PUBLISH_QUEUE = "GALLEY_PUBLISH_QUEUE_URL";

    private SqsClients() {
    }

    static SqsHttp create(String region) {
        return create(region, S3Clients.credentials(System.getenv()), Optional.empty());
    }

    /** @param endpoint an endpoint override, for tests against a local server */
    public static SqsHttp create(String region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        return new SqsHttp(region, endpoint, credentials, Duration.ofSeconds(3), Duration.ofSeconds(10));
    }
}
