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

    /**
     * An S3 change as EventBridge sends it, made from the AWS fixture {@code eventbridge-object-created.json} (an
     * empty etag: {@code eventbridge-object-deleted.json}); the key stays as it is, EventBridge does not encode it.
     */
    static String eventBridge(String bucket, String key, String etag, String sequencer) {
        ObjectNode event = (ObjectNode) fixture(etag.isEmpty() ? "eventbridge-object-deleted.json" : "eventbridge-object-created.json");
        event.put("id", java.util.UUID.randomUUID().toString());
        event.putArray("resources").add("arn:aws:s3:::" + bucket);
        ObjectNode detail = (ObjectNode) event.path("detail");
        ((ObjectNode) detail.path("bucket")).put("name", bucket);
        ObjectNode object = (ObjectNode) detail.path("object");
        object.put("key", key);
        object.put("sequencer", sequencer);
        if (!etag.isEmpty()) {
            object.put("etag", etag);
        }
        return event.toString();
    }

    /**
     * An SQS event of the FIFO queue, made from the fixture {@code sqs-fifo-eventbridge.json}: one record per body,
     * in order, with the message ids {@code m-1}, {@code m-2}, ...
     */
    static String queueBatch(List<String> bodies) {
        ObjectNode event = (ObjectNode) fixture("sqs-fifo-eventbridge.json");
        ObjectNode template = (ObjectNode) event.path("Records").get(0);
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < bodies.size(); i++) {
            ObjectNode record = template.deepCopy();
            record.put("messageId", "m-" + (i + 1));
            record.put("body", bodies.get(i));
            ((ObjectNode) record.path("attributes")).put("SequenceNumber", new java.math.BigInteger("18849496460467696128").add(java.math.BigInteger.valueOf(i)).toString());
            records.add(record);
        }
        return event.toString();
    }
}
