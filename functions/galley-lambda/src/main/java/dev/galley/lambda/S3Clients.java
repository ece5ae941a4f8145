package dev.galley.lambda;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.util.Map;

/**
 * Builds the one S3 client of a container. Region, credentials provider and HTTP client are explicit, so the
 * SDK does not search for them at cold start. Checksums are computed and checked only where S3 requires them:
 * the SDK's default CRC32 on every upload sends each PUT as an aws-chunked body with a signed trailer, which
 * loads the chunked-encoding signer on the first event and hashes every page twice (our own MD5 already
 * tells renderings apart, and TLS guards the bytes in transit).
 */
public final class S3Clients {

    private static final String CONTAINER_CREDENTIALS = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

    private S3Clients() {
    }

    /** The production client, with the role's credentials where Lambda puts them. */
    public static S3Client create(FunctionConfig config) {
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

    public static S3Client create(FunctionConfig config, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(20))
                        .build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(60)));
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }
}
