package dev.galley.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** S3 notification JSON for tests, made from the real AWS fixture in {@code events/s3-put.json}. */
final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    static JsonNode fixture(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-record event as S3 sends it: the key form-encoded, as S3 encodes keys in notifications. */
    static String record(String eventName, String bucket, String key, String etag, String sequencer) {
        ObjectNode event = (ObjectNode) fixture("s3-put.json");
        ObjectNode record = (ObjectNode) event.path("Records").get(0);
        record.put("eventName", eventName);
        ObjectNode s3 = (ObjectNode) record.path("s3");
        ((ObjectNode) s3.path("bucket")).put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = (ObjectNode) s3.path("object");
        object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
        object.put("sequencer", sequencer);
        if (etag.isEmpty()) {
            object.remove("eTag");
            object.remove("size");
        } else {
            object.put("eTag", etag);
        }
        return event.toString();
    }

    /** Several events' records in one event, as S3 may batch them. */
    static String combine(List<String> events) {
        ObjectNode combined = JSON.createObjectNode();
        ArrayNode records = combined.putArray("Records");
        for (String event : events) {
            try {
                JSON.readTree(event).path("Records").forEach(records::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return combined.toString();
    }
}
