package dev.galley.lambda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shrinking keeps only the request classes of the SDK operations the function calls (the pom's
 * {@code galley.*.requests}): each of those operations must find its request class in the deployed jar, or the call
 * fails with NoClassDefFoundError on AWS and nowhere else. A new SDK call belongs in this list and in the pom.
 */
class DeploymentJarRequestsIT {

    private static final Path JAR = Path.of("target/galley-lambda.jar");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "cloudfront, CloudFront, CreateInvalidation",
            "scheduler, Scheduler, CreateSchedule",
            "scheduler, Scheduler, UpdateSchedule",
            "scheduler, Scheduler, DeleteSchedule",
            "secretsmanager, SecretsManager, GetSecretValue",
            "sfn, Sfn, StartExecution",
    })
    void everyOperationTheFunctionCallsKeepsItsRequestClasses(String service, String prefix, String operation) throws IOException {
        assertTrue(Files.isRegularFile(JAR), "run after package: " + JAR.toAbsolutePath());
        String model = "software/amazon/awssdk/services/" + service + "/model/";
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            for (String type : new String[] {prefix + "Request", operation + "Request", operation + "Request$BuilderImpl"}) {
                assertTrue(jar.getEntry(model + type + ".class") != null, model + type + ".class is not in the deployment jar");
            }
        }
    }
}
