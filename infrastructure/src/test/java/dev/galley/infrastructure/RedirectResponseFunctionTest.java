package dev.galley.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The viewer-response function (cloudfront/redirect-response.js) against a table of
 * responses, run as text in Node by cloudfront-harness.js as CloudFrontFunctionTest runs
 * the viewer-request one. The redirect header's values are what the publish function's
 * S3 adapter writes: the target form-encoded with URLEncoder.
 */
class RedirectResponseFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "x-amz-meta-galley-redirect";

    /**
     * One response: the redirect header's raw value (null: none), the query string, and
     * the Location expected (null: the response passes with its own status).
     */
    record Case(String rule, String header, String query, int status, String location) {
    }

    /** The header as S3 sends it for a target the publish function stored. */
    private static String stored(String target) {
        return URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    static final List<Case> CASES = List.of(
            new Case("a redirect object answers 301 to its target", stored("/articles/zero-downtime-migrations/"), "",
                    301, "/articles/zero-downtime-migrations/"),
            new Case("a renamed page's old URL answers 301", stored("/articles/third/"), "", 301, "/articles/third/"),
            new Case("a percent-encoded target stays encoded in Location", stored("/articles/caf%C3%A9/"), "", 301, "/articles/caf%C3%A9/"),
            new Case("the viewer's query string is kept", stored("/articles/new/"), "utm_source=feed&tag=a&tag=b&q=caf%C3%A9%20x&flag",
                    301, "/articles/new/?utm_source=feed&tag=a&tag=b&q=caf%C3%A9%20x&flag"),
            new Case("a target written unencoded also works", "/articles/new/", "", 301, "/articles/new/"),
            new Case("a page without the header passes unchanged", null, "", 200, null),
            new Case("a page with a query string passes unchanged", null, "utm_source=feed", 200, null),
            new Case("a target on another host is ignored", stored("//evil.example/x"), "", 200, null),
            new Case("an absolute URL is ignored", stored("https://evil.example/x"), "", 200, null),
            new Case("a target with a CR LF is ignored", stored("/a/\r\nset-cookie: x=1"), "", 200, null),
            new Case("a target with a backslash is ignored", stored("/\\evil.example/"), "", 200, null),
            new Case("a broken escape is ignored", "%E0%A4%A", "", 200, null),
            new Case("an empty target is ignored", "", "", 200, null));

    private static ObjectNode querystring(String query) {
        ObjectNode q = JSON.createObjectNode();
        if (query.isEmpty()) {
            return q;
        }
        for (String part : query.split("&")) {
            String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
            String value = part.contains("=") ? part.substring(part.indexOf('=') + 1) : "";
            ObjectNode entry = (ObjectNode) q.get(name);
            if (entry == null) {
                q.putObject(name).put("value", value);
            } else {
                // CloudFront's shape for a repeated name: the first value, and all of them in multiValue.
                ArrayNode all = entry.has("multiValue") ? (ArrayNode) entry.get("multiValue") : entry.putArray("multiValue");
                if (all.isEmpty()) {
                    all.addObject().put("value", entry.get("value").asText());
                }
                all.addObject().put("value", value);
            }
        }
        return q;
    }

    private static ObjectNode event(Case c) {
        ObjectNode event = CloudFrontHarness.event("viewer-response");
        ObjectNode request = event.putObject("request");
        request.put("method", "GET");
        request.put("uri", "/articles/old/index.html");
        request.set("querystring", querystring(c.query()));
        request.putObject("headers").putObject("host").put("value", "blog.example.com");
        request.putObject("cookies");
        ObjectNode response = event.putObject("response");
        response.put("statusCode", 200);
        response.put("statusDescription", "OK");
        ObjectNode headers = response.putObject("headers");
        headers.putObject("content-type").put("value", "text/html; charset=utf-8");
        headers.putObject("cache-control").put("value", "public, max-age=60");
        headers.putObject("x-amz-meta-galley-revision").put("value", "12");
        if (c.header() != null) {
            headers.putObject(HEADER).put("value", c.header());
        }
        response.putObject("cookies");
        return event;
    }

    @TestFactory
    Stream<DynamicTest> responseTableInNode() throws Exception {
        if (Processes.onPath("node").isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("node table", () -> Assumptions.abort(
                    "node is not on PATH: the redirect function's table was NOT run (install Node.js to run it)")));
        }
        ArrayNode events = JSON.createArrayNode();
        CASES.forEach(c -> events.add(event(c)));
        List<JsonNode> results = CloudFrontHarness.runInNode("redirect-response.js", events);
        assertEquals(CASES.size(), results.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            JsonNode outcome = results.get(i);
            tests.add(DynamicTest.dynamicTest(c.rule(), () -> check(c, outcome)));
        }
        return tests.stream();
    }

    private static void check(Case c, JsonNode outcome) {
        assertFalse(outcome.has("error"), () -> "the function threw: " + outcome.get("error"));
        JsonNode result = outcome.get("result");
        JsonNode headers = result.get("headers");
        assertEquals(c.status(), result.path("statusCode").asInt(), result.toString());
        assertNull(headers.get(HEADER), "the redirect header never reaches the reader: " + result);
        assertEquals("public, max-age=60", headers.path("cache-control").path("value").asText(), "the object's caching is kept");
        assertEquals("12", headers.path("x-amz-meta-galley-revision").path("value").asText(), "other headers are untouched");
        if (c.location() == null) {
            assertNull(headers.get("location"), result.toString());
            assertEquals("OK", result.path("statusDescription").asText());
        } else {
            assertEquals(c.location(), headers.path("location").path("value").asText(), result.toString());
            assertEquals("Moved Permanently", result.path("statusDescription").asText());
        }
    }
}
