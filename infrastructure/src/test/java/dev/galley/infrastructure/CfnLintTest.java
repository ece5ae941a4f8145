package dev.galley.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AWS's cfn-lint (the Python tool, from PyPI; not the unrelated npm package of the
 * same name) validates both templates against the CloudFormation resource schemas,
 * after running the SAM transform on template.yaml. It is not on Maven Central or
 * npm: CI installs it with pip (ci.yml); where it is missing these tests are skipped.
 */
class CfnLintTest {

    @BeforeEach
    void needsCfnLint() {
        Assumptions.assumeTrue(Processes.onPath("cfn-lint").isPresent(),
                "cfn-lint is not on PATH: templates NOT validated against the CloudFormation schemas "
                        + "(pip install cfn-lint to run this)");
    }

    private static Processes.Result lint(Path... files) {
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable"));
        for (Path f : files) {
            command.add(f.toString());
        }
        return Processes.run(command, Template.infrastructureDir(), null, null, Duration.ofMinutes(3));
    }

    @Test
    void samTemplateAndBootstrapTemplatePassCfnLint() {
        Processes.Result r = lint(Template.templateFile(),
                Template.infrastructureDir().resolve("bootstrap/github-oidc-role.yaml"));
        assertEquals(0, r.exitCode(), "cfn-lint found problems:\n" + r.describe());
    }

    @Test
    void cfnLintReallyChecksPropertyNamesOfTheTemplate() throws IOException {
        // Proves the test above can fail: a misspelt property must be reported.
        String text = Files.readString(Template.templateFile());
        String broken = text.replace("        MaxTTL: 31536000\n", "        MaxTTL: 31536000\n        MaxTTLSeconds: 1\n");
        assertTrue(!broken.equals(text), "the mutation did not apply");
        Path copy = Files.createTempFile(Template.buildDir(), "template-broken", ".yaml");
        try {
            Files.writeString(copy, broken);
            Processes.Result r = lint(copy);
            assertTrue(r.exitCode() != 0 && r.stdout().contains("MaxTTLSeconds"), r.describe());
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
