package dev.galley.lambda;

import dev.galley.tree.Tree;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One change to an object of a bucket, from either of the two shapes S3 announces it in: a record of an S3 event
 * notification (sent straight to the function), or an EventBridge event (sent through the queue).
 */
public record S3Notification(String eventSource, String eventName, String bucket, String key, String etag, String sequencer) {

    /** The {@code source} of S3's events on EventBridge, kept as the record's event source. */
    static final String EVENTBRIDGE_SOURCE = "aws.s3";

    /**
     * The records of an S3 event notification. Keys arrive form-encoded there ({@code my+post.md} is
     * {@code my post.md}, {@code %C3%A9} is {@code é}) and are decoded here.
     */
    public static List<S3Notification> fromEvent(Tree event) {
        List<S3Notification> records = new ArrayList<>();
        for (Tree record : event.path("Records")) {
            Tree s3 = record.path("s3");
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

    /**
     * An S3 event as EventBridge delivers it ({@code "source": "aws.s3"}). Its {@code detail.object.key} is the key
     * itself, not form-encoded: decoding it would turn a {@code +} in a file name into a space. {@code "Object
     * Created"} and {@code "Object Deleted"} become the {@code ObjectCreated:}/{@code ObjectRemoved:} names of the
     * other shape, with S3's reason ({@code PutObject}, {@code DeleteObject}, ...) after the colon.
     *
     * @throws IllegalArgumentException when the event is not an S3 event of EventBridge's shape
     */
    public static S3Notification fromEventBridge(Tree event) {
        Tree detail = event.path("detail");
        Tree object = detail.path("object");
        if (!"aws.s3".equals(event.path("source").asText()) || !object.path("key").isTextual()
                || !detail.path("bucket").path("name").isTextual()) {
            throw new IllegalArgumentException("not an S3 event from EventBridge (source aws.s3, detail.bucket.name, detail.object.key)");
        }
        String type = event.path("detail-type").asText("");
        String reason = detail.path("reason").asText("");
        String eventName = switch (type) {
            case "Object Created" -> "ObjectCreated:" + reason;
            case "Object Deleted" -> "ObjectRemoved:" + reason;
            default -> type;
        };
        return new S3Notification(EVENTBRIDGE_SOURCE, eventName, detail.path("bucket").path("name").asText(),
                object.path("key").asText(), object.path("etag").asText(""), object.path("sequencer").asText(""));
    }

    /**
     * A wake-up for a held or expiring article, from the queue: handled as a change of its key, so the key is
     * published again as the bucket holds it then.
     */
    static S3Notification wakeUp(String bucket, String key) {
        return new S3Notification(WAKE_UP_SOURCE, WAKE_UP, bucket, key, "", "");
    }

    private static final String WAKE_UP_SOURCE = "galley";
    private static final String WAKE_UP = "WakeUp";

    boolean isWakeUp() {
        return eventSource.equals(WAKE_UP_SOURCE) && eventName.equals(WAKE_UP);
    }

    /** An S3 object creation or removal, or a wake-up; anything else (other sources, other S3 events) is not Galley's. */
    public boolean isObjectChange() {
        return (eventSource.equals("aws:s3") || eventSource.equals(EVENTBRIDGE_SOURCE))
                && (eventName.startsWith("ObjectCreated:") || eventName.startsWith("ObjectRemoved:")) || isWakeUp();
    }

    /**
     * For an EventBridge event, the key form-decoded when that spells another key ({@code my+post.md} is also
     * {@code my post.md}). AWS documents no encoding there, yet its own Powertools decodes these keys; syncing both
     * spellings is right either way, as a sync makes the site match what the bucket holds under that key.
     */
    public Optional<String> otherSpelling() {
        if (!eventSource.equals(EVENTBRIDGE_SOURCE)) {
            return Optional.empty();
        }
        try {
            String decoded = URLDecoder.decode(key, StandardCharsets.UTF_8);
            return decoded.equals(key) ? Optional.empty() : Optional.of(decoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();  // a % that starts no escape: the key is as written
        }
    }
}
