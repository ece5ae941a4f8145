package dev.galley.lambda;

import org.testcontainers.localstack.LocalStackContainer;

import java.util.Map;

/** The LocalStack the LocalStack suites run against: one image version for all, S3 only. */
final class LocalStack {

    private LocalStack() {
    }

    /** A LocalStack auth token is taken from LOCALSTACK_AUTH_TOKEN if set. */
    static LocalStackContainer s3() {
        return new LocalStackContainer("localstack/localstack:4.4.0")
                .withServices("s3")
                .withEnv(Map.of("LOCALSTACK_AUTH_TOKEN", System.getenv().getOrDefault("LOCALSTACK_AUTH_TOKEN", "")));
    }
}
