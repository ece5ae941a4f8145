package dev.galley.tree;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The tree answers every question as databind's {@code readTree} did, for the YAML and JSON authors and AWS write. */
class TreeReaderTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> YAML_DOCUMENTS = List.of(
            "title: Hello\nwordsPerMinute: 200\npageSize: \"12\"\nratio: 1.10\nexp: 1e3\nbig: 123456789012\nhuge: 123456789012345678901234567890",
            "hex: 0x1F\noctal: 0o17\nleadingZero: 017\nunderscore: 1_000\nsigned: +12\nnegative: -7\nfloatOne: 1.0\ndot: .5",
            "a: yes\nb: no\nc: on\nd: off\ne: y\nf: n\ng: True\nh: FALSE\ni: true\nj: false",
            "a: null\nb: ~\nc:\nd: Null\ne: 'null'\nf: \"\"",
            "date: 2026-03-10\nwhen: 2026-03-10T09:30:00+01:00\nspace: 2026-03-10 09:30:00 +0100\nversion: 1.2.3",
            "inf: .inf\n",
            "title: x\nbigFloat: 1e400\ntiny: 1e-400",
            "title: [unclosed\n",
            "a: b: c\n",
            "tags: [PostgreSQL, DevOps, 2026, 1.5, true, null]\nauthor:\n  - Jane\n  - {name: John, url: https://x}\n",
            "menu:\n  - title: About\n    url: /about/\n  - {title: 7, url: 8}\nstrings: {home: Start, tags: 3}\nfeed: {entries: 20.0, content: full}",
            "quoted: \"20\"\nsingle: '1.5'\nmulti: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
            "dup: 1\ndup: 2\n",
            "nested:\n  deeper:\n    deepest: [1, [2, 3], {x: y}]\n",
            "first: 1\n---\nsecond: 2\n",
            "",
            "just text",
            "- a\n- b\n");

    private static final List<String> JSON_DOCUMENTS = List.of(
            "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"messageId\":\"m1\",\"body\":\"{\\\"action\\\":\\\"wake\\\"}\"}]}",
            "{\"a\":1,\"b\":1.50,\"c\":12345678901,\"d\":1e2,\"e\":true,\"f\":null,\"g\":[],\"h\":{},\"i\":\"\\u00e9\"}",
            "{\"a\":1} trailing",
            "",
            "[1,2,{\"x\":[null]}]",
            "{\"brokenLinks\":[]}",
            "{\"brokenLinks\":[{\"file\":\"posts/a.md\",\"link\":\"/blog/x/\"},{\"file\":\"b.md\",\"link\":\"/\u00e9/\"}]}");

    @Test
    void yamlReadsAsDatabindReadIt() throws IOException {
        for (String document : YAML_DOCUMENTS) {
            JsonNode expected;
            try {
                expected = YAML.readTree(document);
            } catch (JacksonException refused) {
                JacksonException alike = assertThrows(JacksonException.class, () -> readYaml(document), document);
                assertEquals(refused.getOriginalMessage(), alike.getOriginalMessage(), document);
                assertEquals(refused.getLocation().getLineNr(), alike.getLocation().getLineNr(), document);
                continue;
            }
            assertSameAnswers(document, expected, readYaml(document));
        }
    }

    private static Tree readYaml(String document) throws IOException {
        try (var parser = new YAMLFactory().createParser(document)) {
            return TreeReader.read(parser);
        }
    }

    @Test
    void jsonReadsAsDatabindReadIt() throws IOException {
        for (String document : JSON_DOCUMENTS) {
            assertSameAnswers(document, JSON.readTree(document), TreeReader.readJson(document));
        }
    }

    @Test
    void emptyInputIsMissing() throws IOException {
        assertSame(Tree.MISSING, TreeReader.readJson(new byte[0]));
    }

    @Test
    void valuesKnowTheirLines() throws IOException {
        Tree tree;
        try (var parser = new YAMLFactory().createParser("title: x\n\nmenu:\n  - a\n  - b\nfeed:\n  entries: 3\n")) {
            tree = TreeReader.read(parser);
        }
        assertEquals(1, tree.get("title").line());
        assertEquals(4, tree.get("menu").get(0).line());
        assertEquals(5, tree.get("menu").get(1).line());
        assertEquals(7, tree.get("feed").get("entries").line());
    }

    @Test
    void writesWhatDatabindWrote() throws IOException {
        for (String document : JSON_DOCUMENTS) {
            JsonNode expected = JSON.readTree(document);
            Tree actual = TreeReader.readJson(document);
            if (!actual.isMissingNode()) {
                assertEquals(expected.toString(), actual.toString(), document);
                assertEquals(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected),
                        new String(JsonText.bytes(actual, true), java.nio.charset.StandardCharsets.UTF_8), document);
            }
        }
    }

    private static void assertSameAnswers(String where, JsonNode expected, Tree actual) {
        String at = where + " @ " + expected;
        assertEquals(expected == null || expected.isMissingNode(), actual.isMissingNode(), at);
        if (expected == null || expected.isMissingNode()) {
            return;
        }
        assertEquals(expected.isObject(), actual.isObject(), at);
        assertEquals(expected.isArray(), actual.isArray(), at);
        assertEquals(expected.isValueNode(), actual.isValueNode(), at);
        assertEquals(expected.isTextual(), actual.isTextual(), at);
        assertEquals(expected.isBoolean(), actual.isBoolean(), at);
        assertEquals(expected.isNull(), actual.isNull(), at);
        assertEquals(expected.isIntegralNumber(), actual.isIntegralNumber(), at);
        assertEquals(expected.canConvertToInt(), actual.canConvertToInt(), at);
        assertEquals(expected.booleanValue(), actual.booleanValue(), at);
        assertEquals(expected.asText(), actual.asText(), at);
        assertEquals(expected.asText("fallback"), actual.asText("fallback"), at);
        assertEquals(expected.asInt(), actual.asInt(), at);
        assertEquals(expected.asInt(7), actual.asInt(7), at);
        assertEquals(expected.size(), actual.size(), at);
        assertEquals(expected.isEmpty(), actual.isEmpty(), at);
        assertEquals(JSON.convertValue(expected, Object.class), actual.toPlain(), at);
        assertEquals(expected.path("nothing").isMissingNode(), actual.path("nothing").isMissingNode(), at);
        if (expected.isObject()) {
            List<String> names = new ArrayList<>();
            expected.fieldNames().forEachRemaining(names::add);
            assertEquals(names, List.copyOf(actual.fields().keySet()), at);
            for (Map.Entry<String, Tree> field : actual.fields().entrySet()) {
                assertSameAnswers(where, expected.get(field.getKey()), field.getValue());
            }
        }
        if (expected.isArray()) {
            Iterator<Tree> items = actual.iterator();
            for (JsonNode item : expected) {
                assertSameAnswers(where, item, items.next());
            }
        }
    }
}
