package dev.galley.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * CloudFormation cannot read a file into AWS::CloudFront::Function's FunctionCode,
 * so template.yaml carries a copy of each file under cloudfront/; this keeps each
 * pair the same. To update a copy: replace the block under "FunctionCode: |" with the
 * file's text, each line indented by eight spaces.
 */
class TemplateInlineCodeTest {

    /** Each CloudFront Function: its resource in template.yaml and its source file. */
    static final Map<String, String> FUNCTIONS = Map.of(
            "RewriteIndexFunction", "rewrite-index.js",
            "RedirectResponseFunction", "redirect-response.js");

    static Path functionFile() {
        return functionFile("rewrite-index.js");
    }

    static Path functionFile(String name) {
        return Template.infrastructureDir().resolve("cloudfront/" + name);
    }

    @TestFactory
    Stream<DynamicTest> templateInlineCodeIsByteIdenticalToItsFile() {
        return FUNCTIONS.entrySet().stream().map(f -> DynamicTest.dynamicTest(f.getKey(), () -> {
            Object inline = Template.props(Template.loadMain(), f.getKey()).get("FunctionCode");
            String file = Files.readString(functionFile(f.getValue()), StandardCharsets.UTF_8);
            assertEquals(file, inline, "template.yaml's FunctionCode of " + f.getKey() + " differs from cloudfront/" + f.getValue());
        }));
    }

    @TestFactory
    Stream<DynamicTest> functionCodeFitsCloudFrontFunctionsTenKilobyteLimit() {
        return FUNCTIONS.values().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            long size = Files.size(functionFile(name));
            assertTrue(size <= 10 * 1024, name + " is " + size + " bytes; CloudFront Functions take at most 10 KB");
        }));
    }

    @TestFactory
    Stream<DynamicTest> functionFileUsesNoModuleSystem() {
        return FUNCTIONS.values().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String code = Files.readString(functionFile(name), StandardCharsets.UTF_8);
            for (String forbidden : new String[] {"require(", "import ", "export ", "module.exports", "=>"}) {
                assertTrue(code.lines().filter(l -> !l.trim().startsWith("//")).noneMatch(l -> l.contains(forbidden)),
                        name + " uses '" + forbidden + "'; cloudfront-js-2.0 has no modules and we keep to ES5");
            }
            assertTrue(code.contains("function handler(event)"), "CloudFront calls a global function handler(event)");
        }));
    }
}
