package dev.galley.lambda;

import dev.galley.aws.s3.S3Http;
import dev.galley.aws.s3.S3Observer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

import java.time.Duration;
import java.util.Map;

/**
 * Builds the one S3 client of a container: Galley's own {@link S3Http} (docs/libraries.md says why not the SDK's),
 * with the region given and the one credentials provider Lambda needs, so nothing is searched for at cold start.
 */
public final class S3Clients {

    private static final String CONTAINER_CREDENTIALS = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

    private S3Clients() {
    }

    /** The production client, with the role's credentials where Lambda puts them. */
    public static S3Http create(FunctionConfig config) {
        return create(config, credentials(System.getenv()));
    }

    /**
     * Lambda puts the role's keys in environment variables, except under SnapStart: there it serves them from
     * a local endpoint named by {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, and the key variables are absent.
     */
    static AwsCredentialsProvider credentials(Map<String, String> env) {
        return env.containsKey(CONTAINER_CREDENTIALS)
                ? ContainerCredentialsProvider.builder().build()
                : EnvironmentVariableCredentialsProvider.create();
    }

    public static S3Http create(FunctionConfig config, AwsCredentialsProvider credentials) {
        return create(config, credentials, S3Observer.NONE);
    }

    /** @param observer sees every request: benchmarks count them, tests fail some on purpose */
    public static S3Http create(FunctionConfig config, AwsCredentialsProvider credentials, S3Observer observer) {
        return new S3Http(config.region(), config.endpoint(), credentials, CONNECT_TIMEOUT, ANSWER_TIMEOUT, observer);
    }
}
