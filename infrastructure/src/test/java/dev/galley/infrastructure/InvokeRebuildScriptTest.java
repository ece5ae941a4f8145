package dev.galley.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/invoke-rebuild.sh (the deploy workflow's last step) with a stub "aws"
 * that answers like the AWS CLI: Lambda says 200 even when the function threw, so
 * the script must read FunctionError.
 */
class InvokeRebuildScriptTest {

    @TempDir
    Path tmp;

    private Path calls;

    @BeforeEach
    void needsBash() {
        Assumptions.assumeTrue(Processes.onPath("bash").isPresent(), "bash is not on PATH");
        calls = tmp.resolve("aws-calls.log");
    }

    private Processes.Result runWithLambdaAnswering(String invokeResult) throws IOException {
        return runWithLambdaAnswering(invokeResult, "{\"published\":3}");
    }

    private Processes.Result runWithLambdaAnswering(String invokeResult, String response) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path aws = bin.resolve("aws");
        // $1 is the service; for "lambda invoke" the last argument is the response file.
        Files.writeString(aws, "#!/usr/bin/env bash\n"
                + "echo \"$*\" >> '" + calls + "'\n"
                + "case \"$1\" in\n"
                + "  cloudformation) echo galley-publish-dev ;;\n"
                + "  lambda) for last; do :; done; echo '" + response + "' > \"$last\"; echo '" + invokeResult + "' ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path script = Template.infrastructureDir().resolve("scripts/invoke-rebuild.sh");
        return Processes.run(List.of("bash", script.toString(), "dev", "eu-west-1"), tmp,
                Map.of("PATH", bin + ":" + System.getenv("PATH")), null, Duration.ofSeconds(60));
    }

    @Test
    void aSuccessfulRebuildPassesAndInvokesTheLiveAliasWithTheRebuildAction() throws IOException {
        Processes.Result r = runWithLambdaAnswering("{\"StatusCode\": 200, \"ExecutedVersion\": \"7\"}");
        assertEquals(0, r.exitCode(), r.describe());
        String log = Files.readString(calls);
        assertTrue(log.contains("cloudformation describe-stacks --region eu-west-1 --stack-name galley-dev"), log);
        assertTrue(log.contains("lambda invoke --region eu-west-1 --function-name galley-publish-dev --qualifier live"), log);
        assertTrue(log.contains("--payload {\"action\":\"rebuild\"}"), log);
    }

    @Test
    void aFunctionErrorFailsTheDeployEvenWithStatus200() throws IOException {
        Processes.Result r = runWithLambdaAnswering(
                "{\"StatusCode\": 200, \"FunctionError\": \"Unhandled\", \"ExecutedVersion\": \"7\"}");
        assertNotEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("FunctionError"), r.describe());
    }

    @Test
    void aFailedInvalidationIsAWarningNotAFailure() throws IOException {
        Processes.Result r = runWithLambdaAnswering("{\"StatusCode\": 200, \"ExecutedVersion\": \"7\"}",
                "{\"published\":3,\"invalidation\":\"failed: CloudFront is unavailable\"}");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("::warning::") && r.stderr().contains("invalidation failed"), r.describe());

        Processes.Result ok = runWithLambdaAnswering("{\"StatusCode\": 200, \"ExecutedVersion\": \"7\"}",
                "{\"published\":3,\"invalidation\":\"I2J0I21PCUYOIK\"}");
        assertEquals(0, ok.exitCode(), ok.describe());
        assertFalse(ok.stderr().contains("::warning::"), ok.describe());
    }
}
