package dev.galley.lambda;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of an S3 event notification, in the shape AWS documents. Keys arrive URL-encoded
 * ({@code my+post.md} is {@code my post.md}, {@code %C3%A9} is {@code é}) and are decoded here.
 */
public record S3Notification(String eventSource, String eventName, String bucket, String key, String etag, String sequencer) {

    public static List<S3Notification> fromEvent(JsonNode event) {
        List<S3Notification> records = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            JsonNode s3 = record.path("s3");
            records.add(new S3Notification(
                    record.path("eventSource").asText(""),
                    record.path("eventName").asText(""),
                    s3.path("bucket").path("name").asText(""),
                    URLDecoder.decode(s3.path("object").path("key").asText(""), StandardCharsets.UTF_8),
                    s3.path("object").path("eTag").asText(""),
                    s3.path("object").path("sequencer").asText("")));
        }
        return records;
    }

    /** An S3 object creation or removal; anything else (other sources, other S3 events) is not Galley's. */
    public boolean isObjectChange() {
        return eventSource.equals("aws:s3") && (eventName.startsWith("ObjectCreated:") || eventName.startsWith("ObjectRemoved:"));
    }
}
