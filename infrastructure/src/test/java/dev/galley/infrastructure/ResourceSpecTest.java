package dev.galley.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks template.yaml against the CloudFormation resource specification that AWS
 * publishes on npm as @aws-cdk/aws-service-spec (the database the CDK generates its
 * L1 classes from, built from the CloudFormation registry schemas): every resource
 * type exists, every property name (nested too) is known, every required property
 * is there.
 *
 * <p>The package is fetched with {@code npm pack} at a pinned version and its
 * sha512 is checked, so CI gets the same file; npm's cache makes later runs
 * offline. Without npm or the registry the test is skipped with the reason.
 *
 * <p>SAM's own types (AWS::Serverless::*) are only checked to exist: the package's
 * SAM entries lag SAM itself (no SnapStart, no AutoPublishAliasAllProperties), so
 * their properties are left to cfn-lint, which runs the real SAM transform.
 */
class ResourceSpecTest {

    static final String PACKAGE = "@aws-cdk/aws-service-spec";
    static final String VERSION = "0.1.216";
    static final String TARBALL = "aws-cdk-aws-service-spec-" + VERSION + ".tgz";
    static final String SHA512 =
            "O3Lu6v6J6RnI+Eenklbw8237kV64cTpM94QEXmlcmsIAzhcKrdd+qApZhlTL+H3IDt1JP6Vphbd+OOmq6r8pqw==";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Spec spec;
    private static String unavailable;

    /** Resource types and type definitions of the spec, by name and by id. */
    record Spec(Map<String, JsonNode> resources, Map<String, JsonNode> types) {
    }

    /** Loads the spec once; every test is skipped, with the reason, if it cannot be had. */
    @BeforeEach
    void needsSpec() throws Exception {
        synchronized (ResourceSpecTest.class) {
            if (spec == null && unavailable == null) {
                unavailable = loadSpec();
            }
        }
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
    }

    private static String loadSpec() throws Exception {
        Path dir = Template.buildDir().resolve("cfn-spec");
        Path tarball = dir.resolve(TARBALL);
        if (!Files.isRegularFile(tarball)) {
            if (Processes.onPath("npm").isEmpty()) {
                return "npm is not on PATH: template NOT checked against the CloudFormation resource spec";
            }
            Files.createDirectories(dir);
            Processes.Result r = Processes.run(
                    List.of("npm", "pack", PACKAGE + "@" + VERSION, "--pack-destination", dir.toString(),
                            "--prefer-offline", "--silent"),
                    dir, null, null, Duration.ofMinutes(3));
            if (r.exitCode() != 0 || !Files.isRegularFile(tarball)) {
                return "could not fetch " + PACKAGE + "@" + VERSION + " from npm; template NOT checked against the "
                        + "CloudFormation resource spec:\n" + r.describe();
            }
        }
        byte[] bytes = Files.readAllBytes(tarball);
        assertEquals(SHA512, sha512(bytes), TARBALL + " is not the reviewed package");
        byte[] db = untar(new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)), "package/db.json.gz");
        JsonNode root;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(db))) {
            root = JSON.readTree(in);
        }
        Map<String, JsonNode> resources = new HashMap<>();
        root.path("schema").path("resource").path("entities")
                .forEach(e -> resources.put(e.path("cloudFormationType").asText(), e));
        Map<String, JsonNode> types = new HashMap<>();
        root.path("schema").path("typeDefinition").path("entities").forEach(e -> types.put(e.path("$id").asText(), e));
        assertTrue(resources.size() > 1000, "spec looks empty: " + resources.size() + " resource types");
        spec = new Spec(resources, types);
        return null;
    }

    private static String sha512(byte[] bytes) throws NoSuchAlgorithmException {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
    }

    /** Reads one file out of a tar stream (ustar; pax headers are skipped like files). */
    static byte[] untar(InputStream tar, String wanted) throws IOException {
        byte[] header = new byte[512];
        while (tar.readNBytes(header, 0, 512) == 512) {
            String name = field(header, 0, 100);
            if (name.isEmpty()) {
                break;
            }
            String prefix = field(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size = Long.parseLong(field(header, 124, 12).trim(), 8);
            byte[] body = tar.readNBytes((int) size);
            long padding = (512 - size % 512) % 512;
            tar.readNBytes((int) padding);
            if (name.equals(wanted) && header[156] != 'x' && header[156] != 'g') {
                return body;
            }
        }
        throw new AssertionError(wanted + " not found in the package");
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    // ------------------------------------------------------------- the check

    static List<String> check(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Template.resources(template).forEach((id, r) -> {
            Map<String, Object> resource = Template.map(r);
            String type = Template.type(resource);
            JsonNode entity = spec.resources().get(type);
            if (entity == null) {
                problems.add(id + ": unknown resource type " + type);
                return;
            }
            if (type.startsWith("AWS::Serverless::")) {
                return;
            }
            Object props = resource.get("Properties");
            checkObject(props == null ? Map.of() : props, entity.path("properties"), id, problems);
        });
        return problems;
    }

    private static boolean isIntrinsic(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            String key = (String) m.keySet().iterator().next();
            return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
        }
        return false;
    }

    private static void checkObject(Object value, JsonNode properties, String path, List<String> problems) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(path + ": expected an object");
            return;
        }
        map.forEach((k, v) -> {
            JsonNode property = properties.get((String) k);
            if (property == null) {
                problems.add(path + "." + k + ": unknown property");
            } else {
                checkValue(v, property.path("type"), path + "." + k, problems);
            }
        });
        properties.fields().forEachRemaining(e -> {
            if (e.getValue().path("required").asBoolean(false) && !map.containsKey(e.getKey())) {
                problems.add(path + "." + e.getKey() + ": required property missing");
            }
        });
    }

    private static void checkValue(Object value, JsonNode type, String path, List<String> problems) {
        if (value instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("Fn::If")) {
            List<Object> args = Template.list(m.get("Fn::If"));
            for (int i = 1; i <= 2; i++) {
                Object branch = args.get(i);
                if (!(branch instanceof Map<?, ?> b && "AWS::NoValue".equals(b.get("Ref")))) {
                    checkValue(branch, type, path + "(If branch " + i + ")", problems);
                }
            }
            return;
        }
        if (isIntrinsic(value)) {
            return;
        }
        switch (type.path("type").asText()) {
            case "ref" -> {
                JsonNode definition = spec.types().get(type.path("reference").path("$ref").asText());
                if (definition == null) {
                    problems.add(path + ": spec refers to a missing type");
                } else {
                    checkObject(value, definition.path("properties"), path, problems);
                }
            }
            case "array" -> {
                if (!(value instanceof List<?> list)) {
                    problems.add(path + ": expected a list");
                } else {
                    for (int i = 0; i < list.size(); i++) {
                        checkValue(list.get(i), type.path("element"), path + "[" + i + "]", problems);
                    }
                }
            }
            case "map" -> {
                if (!(value instanceof Map<?, ?> map)) {
                    problems.add(path + ": expected a map");
                } else {
                    map.forEach((k, v) -> checkValue(v, type.path("element"), path + "." + k, problems));
                }
            }
            case "union" -> {
                List<String> first = null;
                for (JsonNode alternative : type.path("types")) {
                    List<String> attempt = new ArrayList<>();
                    checkValue(value, alternative, path, attempt);
                    if (attempt.isEmpty()) {
                        return;
                    }
                    if (first == null) {
                        first = attempt;
                    }
                }
                if (first != null) {
                    problems.addAll(first);
                }
            }
            case "tag" -> {
                if (!(value instanceof Map<?, ?> tag) || !tag.keySet().equals(java.util.Set.of("Key", "Value"))) {
                    problems.add(path + ": a tag needs exactly Key and Value");
                }
            }
            case "json" -> {
                // any JSON
            }
            default -> {
                if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    problems.add(path + ": expected a " + type.path("type").asText());
                }
            }
        }
    }

    // ------------------------------------------------------------- tests

    @Test
    void everyResourceTypeAndPropertyOfTheTemplateIsInTheCloudFormationSpec() {
        assertEquals(List.of(), check(Template.loadMain()));
    }

    @Test
    void everyResourceTypeAndPropertyOfTheBootstrapTemplateIsInTheCloudFormationSpec() {
        assertEquals(List.of(), check(CfnYaml.load(Template.infrastructureDir().resolve("bootstrap/github-oidc-role.yaml"))));
    }

    @Test
    void theSpecCheckCatchesMisspeltNestedPropertiesAndMissingRequiredOnes() {
        Map<String, Object> t = CfnYaml.deepCopy(Template.loadMain());
        Map<String, Object> cache = Template.map(Template.props(t, "SiteCachePolicy").get("CachePolicyConfig"));
        cache.put("MaxTL", 3);
        Template.props(t, "DeadLetterQueue").put("SqsManagedSSEEnabled", true);
        Template.map(Template.props(t, "Distribution").get("DistributionConfig")).remove("Enabled");
        Template.resource(t, "FunctionLogGroup").put("Type", "AWS::Logs::LogGrup");
        List<String> problems = check(t);
        assertTrue(problems.contains("SiteCachePolicy.CachePolicyConfig.MaxTL: unknown property"), problems.toString());
        assertTrue(problems.contains("DeadLetterQueue.SqsManagedSSEEnabled: unknown property"), problems.toString());
        assertTrue(problems.contains("Distribution.DistributionConfig.Enabled: required property missing"), problems.toString());
        assertTrue(problems.contains("FunctionLogGroup: unknown resource type AWS::Logs::LogGrup"), problems.toString());
    }
}
