package dev.galley.lambda;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The samples the cold start's warm-up and SnapStart's priming parse: both ignore their own failures (only time is at
 * stake), so a sample the shrinking left out would cost every cold start its warming without a word.
 */
class DeploymentJarResourcesIT {

    private static final Path JAR = Path.of("target/galley-lambda.jar");

    @ParameterizedTest
    @ValueSource(strings = {"dev/galley/publish/warm-up.md", "dev/galley/lambda/snapstart-priming.md"})
    void theDeploymentJarKeepsTheSamplesItWarmsUpOn(String sample) throws IOException {
        assertTrue(Files.isRegularFile(JAR), "run after package: " + JAR.toAbsolutePath());
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertNotNull(jar.getEntry(sample), sample + " is not in the deployment jar");
        }
    }
}
