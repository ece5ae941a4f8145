package dev.galley.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * CloudFormation cannot read a file into AWS::CloudFront::Function's FunctionCode,
 * so template.yaml carries a copy of cloudfront/rewrite-index.js; this keeps the two
 * the same. To update the copy: replace the block under "FunctionCode: |" with the
 * file's text, each line indented by eight spaces.
 */
class TemplateInlineCodeTest {

    static Path functionFile() {
        return Template.infrastructureDir().resolve("cloudfront/rewrite-index.js");
    }

    @Test
    void templateInlineCodeIsByteIdenticalToRewriteIndexJs() throws IOException {
        Object inline = Template.props(Template.loadMain(), "RewriteIndexFunction").get("FunctionCode");
        String file = Files.readString(functionFile(), StandardCharsets.UTF_8);
        assertEquals(file, inline, "template.yaml's FunctionCode differs from cloudfront/rewrite-index.js");
    }

    @Test
    void functionCodeFitsCloudFrontFunctionsTenKilobyteLimit() throws IOException {
        long size = Files.size(functionFile());
        assertTrue(size <= 10 * 1024, "rewrite-index.js is " + size + " bytes; CloudFront Functions take at most 10 KB");
    }

    @Test
    void functionFileUsesNoModuleSystem() throws IOException {
        String code = Files.readString(functionFile(), StandardCharsets.UTF_8);
        for (String forbidden : new String[] {"require(", "import ", "export ", "module.exports", "=>"}) {
            assertTrue(code.lines().filter(l -> !l.trim().startsWith("//")).noneMatch(l -> l.contains(forbidden)),
                    "rewrite-index.js uses '" + forbidden + "'; cloudfront-js-2.0 has no modules and we keep to ES5");
        }
        assertTrue(code.contains("function handler(event)"), "CloudFront calls a global function handler(event)");
    }
}
