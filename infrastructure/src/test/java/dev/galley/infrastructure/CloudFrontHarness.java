package dev.galley.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs a CloudFront Function file in Node on a batch of events shaped as CloudFront's, as the function tests do. */
final class CloudFrontHarness {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudFrontHarness() {
    }

    /** The parts of a CloudFront Functions event every event has (AWS's example values); request and response are the caller's. */
    static ObjectNode event(String eventType) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "1.0");
        ObjectNode context = event.putObject("context");
        context.put("distributionDomainName", "d111111abcdef8.cloudfront.net");
        context.put("distributionId", "EDFDVBD6EXAMPLE");
        context.put("eventType", eventType);
        context.put("requestId", "4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==");
        event.putObject("viewer").put("ip", "198.51.100.11");
        return event;
    }

    /** One {@code {"result": ...}} or {@code {"error": ...}} per event, from infrastructure/cloudfront/{@code file}. */
    static List<JsonNode> runInNode(String file, ArrayNode events) throws URISyntaxException {
        Path harness = Path.of(CloudFrontHarness.class.getResource("/cloudfront-harness.js").toURI());
        Processes.Result r = Processes.run(List.of("node", harness.toString(), TemplateInlineCodeTest.functionFile(file).toString()),
                null, null, events.toString(), Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r.describe());
        try {
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(r.stdout().trim()).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new AssertionError("unreadable output: " + r.describe(), e);
        }
    }
}
