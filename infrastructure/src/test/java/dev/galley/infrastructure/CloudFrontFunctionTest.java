package dev.galley.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The viewer-request function (cloudfront/rewrite-index.js) against a table of
 * URIs, run as text in Node (a context without require or process, see
 * cloudfront-harness.js) and, when Debian's njs is installed, in njs: the engine
 * whose non-standard String methods the CloudFront Functions runtime 1.0 exposed,
 * and a strict check that the file is plain ES5.
 */
class CloudFrontFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the function should do with one request. */
    record Case(String uri, String rewrittenTo, Integer status, boolean withQuery) {
        static Case rewrite(String uri, String to) {
            return new Case(uri, to, null, false);
        }

        static Case same(String uri) {
            return new Case(uri, uri, null, false);
        }

        static Case status(String uri, int status) {
            return new Case(uri, null, status, false);
        }

        Case withQueryString() {
            return new Case(uri, rewrittenTo, status, true);
        }

        String name() {
            String outcome = status != null ? "answers " + status : rewrittenTo.equals(uri) ? "unchanged" : "-> " + rewrittenTo;
            return uri + (withQuery ? " (with query string)" : "") + " " + outcome;
        }
    }

    static final List<Case> CASES = List.of(
            // directories get index.html
            Case.rewrite("/", "/index.html"),
            Case.rewrite("/tags/", "/tags/index.html"),
            Case.rewrite("/tags", "/tags/index.html"),
            Case.rewrite("/tags/java/", "/tags/java/index.html"),
            Case.rewrite("/page/2", "/page/2/index.html"),
            Case.rewrite("/page/2/", "/page/2/index.html"),
            Case.rewrite("/articles/hello-world", "/articles/hello-world/index.html"),
            Case.rewrite("/articles/hello-world/", "/articles/hello-world/index.html"),
            // a dot in the last segment is not enough to make it a file
            Case.rewrite("/articles/v1.2-release/", "/articles/v1.2-release/index.html"),
            Case.rewrite("/articles/v1.2-release", "/articles/v1.2-release/index.html"),
            Case.rewrite("/articles/node.js-tips", "/articles/node.js-tips/index.html"),
            // files Galley publishes go to the origin as they are
            Case.same("/index.html"),
            Case.same("/404.html"),
            Case.same("/feed.xml"),
            Case.same("/rss.xml"),
            Case.same("/index.xml"),
            Case.same("/tags/c-plus-plus/feed.xml"),
            Case.same("/sitemap.xml"),
            Case.same("/robots.txt"),
            Case.same("/search.json"),
            Case.same("/assets/style.3f9a1c7e.css"),
            Case.same("/assets/style.abc.css"),
            Case.same("/articles/hello-world/diagram.png"),
            Case.same("/articles/hello-world/Photo.JPEG"),
            Case.same("/articles/hello-world/photo.jpg"),
            Case.same("/articles/hello-world/anim.gif"),
            Case.same("/articles/hello-world/cover.webp"),
            Case.same("/articles/hello-world/cover.avif"),
            Case.same("/articles/hello-world/figure.svg"),
            Case.same("/articles/v1.2-release/chart.png"),
            // percent-encoding is kept as received (S3 decodes it once)
            Case.rewrite("/articles/caf%C3%A9", "/articles/caf%C3%A9/index.html"),
            Case.rewrite("/tags/c%2B%2B/", "/tags/c%2B%2B/index.html"),
            Case.rewrite("/articles/hello%20world", "/articles/hello%20world/index.html"),
            Case.same("/articles/caf%C3%A9/photo%201.png"),
            // Galley's private state: 404 however it is spelled
            Case.status("/_galley/manifest.json", 404),
            Case.status("/_galley/reports/2024-01-01.json", 404),
            Case.status("/_galley/", 404),
            Case.status("/_galley", 404),
            Case.status("/%5Fgalley/manifest.json", 404),
            Case.status("/%5fgalley/manifest.json", 404),
            Case.status("//_galley/manifest.json", 404),
            Case.status("/_galley//manifest.json", 404),
            Case.status("/articles/../_galley/manifest.json", 404),
            Case.status("/articles/%2e%2e/_galley/manifest.json", 404),
            Case.status("/..%2f_galley/manifest.json", 404),
            Case.status("/%2F_galley/manifest.json", 404),
            Case.status("/_galley/manifest.json", 404).withQueryString(),
            Case.rewrite("/_galleyish/", "/_galleyish/index.html"),
            Case.rewrite("/articles/_galley-notes", "/articles/_galley-notes/index.html"),
            // dot segments never name a published page
            Case.status("/..%2f", 404),
            Case.status("/./index.html", 404),
            Case.status("/articles/..", 404),
            // doubled slashes are left alone: S3 has no such key, the reader gets the 404 page
            Case.rewrite("//double", "//double/index.html"),
            Case.rewrite("/articles//hello", "/articles//hello/index.html"),
            // malformed percent-encoding
            Case.status("/%E0%A4%A", 400),
            Case.status("/articles/100%", 400),
            // query strings are never touched
            Case.rewrite("/articles/hello-world", "/articles/hello-world/index.html").withQueryString(),
            Case.rewrite("/", "/index.html").withQueryString(),
            Case.same("/feed.xml").withQueryString(),
            Case.same("/search.json").withQueryString());

    private static ObjectNode querystring() {
        ObjectNode q = JSON.createObjectNode();
        q.putObject("utm_source").put("value", "feed");
        ObjectNode tag = q.putObject("tag");
        tag.put("value", "a");
        ArrayNode multi = tag.putArray("multiValue");
        multi.addObject().put("value", "a");
        multi.addObject().put("value", "b");
        q.putObject("q").put("value", "caf%C3%A9%20%2F_galley");
        return q;
    }

    private static ObjectNode event(Case c) {
        ObjectNode event = CloudFrontHarness.event("viewer-request");
        ObjectNode request = event.putObject("request");
        request.put("method", "GET");
        request.put("uri", c.uri());
        request.set("querystring", c.withQuery() ? querystring() : JSON.createObjectNode());
        ObjectNode headers = request.putObject("headers");
        headers.putObject("host").put("value", "d111111abcdef8.cloudfront.net");
        headers.putObject("accept").put("value", "text/html");
        request.putObject("cookies").putObject("id").put("value", "CookieIdValue");
        return event;
    }

    private static List<JsonNode> runNjs(ArrayNode events) throws IOException {
        // njs has no stdin reader for scripts: the events go into the script as a
        // literal. Its console.log cuts lines at 2 KB, so one result per line.
        String driver = "\nvar __events = " + events + ";\n"
                + "for (var __i = 0; __i < __events.length; __i++) {\n"
                + "    var __r;\n"
                + "    try { __r = { result: handler(__events[__i]) }; }\n"
                + "    catch (e) { __r = { error: String(e) }; }\n"
                + "    console.log(JSON.stringify(__r));\n"
                + "}\n";
        Path script = Files.createTempFile(Template.buildDir(), "rewrite-index-njs", ".js");
        try {
            Files.writeString(script, Files.readString(TemplateInlineCodeTest.functionFile(), StandardCharsets.UTF_8) + driver,
                    StandardCharsets.UTF_8);
            Processes.Result r = Processes.run(List.of("njs", script.toString()), null, null, null, Duration.ofSeconds(60));
            assertEquals(0, r.exitCode(), r.describe());
            List<JsonNode> out = new ArrayList<>();
            for (String line : r.stdout().split("\n")) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private interface Runner {
        List<JsonNode> run(ArrayNode events) throws Exception;
    }

    private static Stream<DynamicTest> table(Runner runner) throws Exception {
        ArrayNode events = JSON.createArrayNode();
        Map<Case, ObjectNode> sent = new LinkedHashMap<>();
        for (Case c : CASES) {
            ObjectNode e = event(c);
            events.add(e);
            sent.put(c, e);
        }
        List<JsonNode> results = runner.run(events.deepCopy());
        assertEquals(CASES.size(), results.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            JsonNode outcome = results.get(i);
            JsonNode request = sent.get(c).get("request");
            tests.add(DynamicTest.dynamicTest(c.name(), () -> check(c, request, outcome)));
        }
        return tests.stream();
    }

    private static void check(Case c, JsonNode sentRequest, JsonNode outcome) {
        assertFalse(outcome.has("error"), () -> "the function threw: " + outcome.get("error"));
        JsonNode result = outcome.get("result");
        if (c.status() != null) {
            assertEquals(c.status().intValue(), result.path("statusCode").asInt(), result.toString());
            assertNull(result.get("uri"), "a response, not a request, must be returned: " + result);
            assertEquals("no-store", result.path("headers").path("cache-control").path("value").asText(), result.toString());
            return;
        }
        assertEquals(c.rewrittenTo(), result.path("uri").asText(), result.toString());
        assertEquals(sentRequest.get("querystring"), result.get("querystring"), "query string changed");
        assertEquals(sentRequest.get("headers"), result.get("headers"), "headers changed");
        assertEquals(sentRequest.get("cookies"), result.get("cookies"), "cookies changed");
        assertEquals("GET", result.path("method").asText());
    }

    /** One visible skipped test (an aborted factory alone would not show in the report). */
    private static Stream<DynamicTest> skipped(String name, String reason) {
        return Stream.of(DynamicTest.dynamicTest(name, () -> Assumptions.abort(reason)));
    }

    @TestFactory
    Stream<DynamicTest> rewriteTableInNode() throws Exception {
        if (Processes.onPath("node").isEmpty()) {
            return skipped("node table", "node is not on PATH: the CloudFront Function table was NOT run (install Node.js to run it)");
        }
        return table(events -> CloudFrontHarness.runInNode("rewrite-index.js", events));
    }

    @TestFactory
    Stream<DynamicTest> rewriteTableInNjs() throws Exception {
        if (Processes.onPath("njs").isEmpty()) {
            return skipped("njs table", "njs is not on PATH: the table was not run in njs (apt-get install njs to run it)");
        }
        return table(events -> runNjs(events));
    }

    @TestFactory
    Stream<DynamicTest> everyTableRowIsDistinct() {
        return Stream.of(DynamicTest.dynamicTest("no duplicate rows", () ->
                assertEquals(CASES.size(), CASES.stream().distinct().count())),
                DynamicTest.dynamicTest("the table covers the private prefix, query strings and malformed input", () -> {
                    assertTrue(CASES.stream().anyMatch(c -> c.status() != null && c.status() == 404));
                    assertTrue(CASES.stream().anyMatch(c -> c.status() != null && c.status() == 400));
                    assertTrue(CASES.stream().anyMatch(Case::withQuery));
                }));
    }
}
