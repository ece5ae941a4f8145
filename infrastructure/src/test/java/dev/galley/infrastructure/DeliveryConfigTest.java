package dev.galley.infrastructure;

import static dev.galley.infrastructure.Template.at;
import static dev.galley.infrastructure.Template.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The GitHub workflows and samconfig.toml say what docs/deploy.md promises. */
class DeliveryConfigTest {

    private static final Path REPO = Template.infrastructureDir().getParent();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflow(String name) throws IOException {
        Map<Object, Object> raw = new Yaml().load(Files.readString(REPO.resolve(".github/workflows/" + name)));
        // YAML 1.1 reads the key "on" as the boolean true.
        if (raw.containsKey(Boolean.TRUE)) {
            raw.put("on", raw.remove(Boolean.TRUE));
        }
        return (Map<String, Object>) (Map<?, ?>) raw;
    }

    private static List<Map<String, Object>> steps(Map<String, Object> workflow, String job) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Object s : Template.list(at(workflow, "jobs", job, "steps"))) {
            steps.add(map(s));
        }
        return steps;
    }

    private static List<String> uses(Map<String, Object> workflow) {
        List<String> uses = new ArrayList<>();
        for (String job : map(workflow.get("jobs")).keySet()) {
            for (Map<String, Object> step : steps(workflow, job)) {
                if (step.get("uses") != null) {
                    uses.add((String) step.get("uses"));
                }
            }
        }
        return uses;
    }

    private static String runs(Map<String, Object> workflow, String job) {
        StringBuilder all = new StringBuilder();
        for (Map<String, Object> step : steps(workflow, job)) {
            if (step.get("run") != null) {
                all.append(step.get("run")).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void everyActionIsPinnedToAMajorVersion() throws IOException {
        Pattern major = Pattern.compile("^[\\w.-]+/[\\w.-]+@v\\d+$");
        for (String file : List.of("ci.yml", "deploy.yml")) {
            List<String> uses = uses(workflow(file));
            assertTrue(!uses.isEmpty(), file);
            for (String u : uses) {
                assertTrue(major.matcher(u).matches(), file + ": " + u + " is not pinned to a major version");
            }
        }
    }

    @Test
    void ciVerifiesPullRequestsAndPushesOnTemurin17And21() throws IOException {
        Map<String, Object> ci = workflow("ci.yml");
        Map<String, Object> on = map(ci.get("on"));
        assertTrue(on.containsKey("pull_request") && on.containsKey("push"), on.toString());
        assertEquals(List.of("17", "21"), at(ci, "jobs", "verify", "strategy", "matrix", "java"));
        Map<String, Object> setupJava = steps(ci, "verify").stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/setup-java@")).findFirst().orElseThrow();
        assertEquals("temurin", at(setupJava, "with", "distribution"));
        assertTrue(runs(ci, "verify").contains("mvn -B verify"));
        assertTrue(runs(ci, "verify").contains("cfn-lint=="), "CI must install cfn-lint, or CfnLintTest is skipped there");
        assertEquals(Map.of("contents", "read"), ci.get("permissions"));
    }

    @Test
    void deployTestsThenDeploysDevThenProdThroughTheProtectedEnvironmentWithOidc() throws IOException {
        Map<String, Object> deploy = workflow("deploy.yml");
        assertEquals(List.of("main"), at(deploy, "on", "push", "branches"));
        assertEquals(Map.of("contents", "read"), deploy.get("permissions"));
        assertTrue(runs(deploy, "test").contains("mvn -B verify"));
        assertEquals("test", at(deploy, "jobs", "deploy-dev", "needs"));
        assertEquals("deploy-dev", at(deploy, "jobs", "deploy-prod", "needs"));
        for (String stage : List.of("dev", "prod")) {
            String job = "deploy-" + stage;
            assertEquals(stage, at(deploy, "jobs", job, "environment"), job);
            assertEquals(Map.of("id-token", "write", "contents", "read"), at(deploy, "jobs", job, "permissions"), job);
            Map<String, Object> credentials = steps(deploy, job).stream()
                    .filter(s -> String.valueOf(s.get("uses")).startsWith("aws-actions/configure-aws-credentials@"))
                    .findFirst().orElseThrow();
            assertEquals("${{ vars.AWS_DEPLOY_ROLE_ARN }}", at(credentials, "with", "role-to-assume"), job);
            assertTrue(steps(deploy, job).stream().anyMatch(s -> String.valueOf(s.get("uses")).startsWith("aws-actions/setup-sam@")));
            String run = runs(deploy, job);
            assertTrue(run.contains("sam build --config-env " + stage), job);
            assertTrue(run.contains("sam deploy --config-env " + stage), job);
            assertTrue(run.contains("--no-fail-on-empty-changeset"), job);
            assertTrue(run.contains("infrastructure/scripts/queue-rebuild.sh " + stage), job + " must check the function after deploying");
            int build = run.indexOf("sam build");
            int deployAt = run.indexOf("sam deploy");
            int rebuild = run.indexOf("queue-rebuild.sh");
            assertTrue(build < deployAt && deployAt < rebuild, job + ": build, deploy, rebuild in that order");
        }
    }

    @Test
    void samconfigHasDevAndProdStacksWithIamCapabilityAndResolvedArtifactBucket() throws IOException {
        String toml = Files.readString(Template.infrastructureDir().resolve("samconfig.toml"));
        for (String stage : List.of("dev", "prod")) {
            String deploy = section(toml, stage + ".deploy.parameters");
            assertTrue(deploy.contains("stack_name = \"galley-" + stage + "\""), stage);
            assertTrue(deploy.contains("capabilities = \"CAPABILITY_IAM\""), stage);
            assertTrue(deploy.contains("resolve_s3 = true"), stage);
            assertTrue(deploy.contains("parameter_overrides = \"Stage=" + stage + " "), stage);
            assertNotNull(section(toml, stage + ".build.parameters"));
        }
        assertTrue(section(toml, "dev.deploy.parameters").contains("confirm_changeset = false"));
    }

    private static String section(String toml, String name) {
        Matcher m = Pattern.compile("(?ms)^\\[" + Pattern.quote(name) + "]\\s*$(.*?)(?=^\\[|\\z)").matcher(toml);
        assertTrue(m.find(), "samconfig.toml has no [" + name + "]");
        return m.group(1);
    }
}
