package dev.galley.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * One message of an SQS event from the function's queue: the EventBridge event of an S3 change, or, when its body
 * cannot be read as one, the reason why.
 *
 * @param messageId  SQS's id of the message, what {@code batchItemFailures} names
 * @param change     the change, or null when the body is unreadable
 * @param unreadable why the body is not an S3 event, or empty
 */
record QueuedChange(String messageId, S3Notification change, String unreadable) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An event from an SQS event source mapping: records whose {@code eventSource} is {@code aws:sqs}. */
    static boolean isQueueEvent(JsonNode event) {
        JsonNode records = event.path("Records");
        return records.isArray() && !records.isEmpty() && "aws:sqs".equals(records.get(0).path("eventSource").asText());
    }

    /** The messages in the order the queue delivered them. */
    static List<QueuedChange> fromEvent(JsonNode event) {
        List<QueuedChange> messages = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            String id = record.path("messageId").asText("");
            try {
                messages.add(new QueuedChange(id, S3Notification.fromEventBridge(JSON.readTree(record.path("body").asText(""))), ""));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                String reason = e instanceof JsonProcessingException json ? "the body is not JSON: " + json.getOriginalMessage() : e.getMessage();
                messages.add(new QueuedChange(id, null, reason));
            }
        }
        return messages;
    }

    boolean isReadable() {
        return change != null;
    }
}
