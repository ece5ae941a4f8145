package dev.galley.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rewrites the S3 notification {@link EmbeddedS3} emits into the event S3 sends to EventBridge for the same change,
 * in the shape of https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html: the key as it is (not
 * form-encoded), {@code etag} and {@code version-id} in lower case, the S3 operation in {@code reason}.
 */
final class EventBridgeEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "000000000000";

    private EventBridgeEvents() {
    }

    static String fromS3Notification(String notificationJson) {
        JsonNode record;
        try {
            record = JSON.readTree(notificationJson).path("Records").path(0);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an S3 notification: " + e.getOriginalMessage(), e);
        }
        String eventName = record.path("eventName").asText();
        String bucket = record.path("s3").path("bucket").path("name").asText();
        JsonNode object = record.path("s3").path("object");
        boolean created = eventName.startsWith("ObjectCreated:");

        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", created ? "Object Created" : "Object Deleted");
        event.put("source", "aws.s3");
        event.put("account", ACCOUNT);
        event.put("time", record.path("eventTime").asText().replaceFirst("\\.\\d+Z$", "Z"));
        event.put("region", record.path("awsRegion").asText());
        event.putArray("resources").add("arn:aws:s3:::" + bucket);
        ObjectNode detail = event.putObject("detail");
        detail.put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        ObjectNode detailObject = detail.putObject("object");
        detailObject.put("key", URLDecoder.decode(object.path("key").asText(), StandardCharsets.UTF_8));
        if (created) {
            detailObject.put("size", object.path("size").asLong());
            detailObject.put("etag", object.path("eTag").asText());
        }
        if (object.has("versionId")) {
            detailObject.put("version-id", object.path("versionId").asText());
        }
        detailObject.put("sequencer", object.path("sequencer").asText());
        detail.put("request-id", record.path("responseElements").path("x-amz-request-id").asText());
        detail.put("requester", ACCOUNT);
        detail.put("source-ip-address", record.path("requestParameters").path("sourceIPAddress").asText());
        detail.put("reason", reason(eventName));
        if (!created) {
            detail.put("deletion-type", eventName.equals("ObjectRemoved:DeleteMarkerCreated") ? "Delete Marker Created" : "Permanently Deleted");
        }
        return event.toString();
    }

    private static String reason(String eventName) {
        return switch (eventName) {
            case "ObjectCreated:Copy" -> "CopyObject";
            case "ObjectCreated:Post" -> "POST Object";
            case "ObjectCreated:CompleteMultipartUpload" -> "CompleteMultipartUpload";
            case "ObjectRemoved:Delete", "ObjectRemoved:DeleteMarkerCreated" -> "DeleteObject";
            default -> "PutObject";
        };
    }
}
