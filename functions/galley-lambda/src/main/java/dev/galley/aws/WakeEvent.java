package dev.galley.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * The event a wake-up invokes the function with: {@code {"action":"wake","key":"posts/x.md"}}, the key relative
 * to the content root. The function then publishes that key again as the content bucket holds it.
 */
public final class WakeEvent {

    public static final String ACTION = "wake";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WakeEvent() {
    }

    public static String json(String sourceKey) {
        ObjectNode event = JSON.createObjectNode().put("action", ACTION).put("key", sourceKey);
        return event.toString();
    }

    /**
     * The event of a wake-up due at {@code at}: the time makes two wake-ups of one file differ, as the FIFO queue,
     * which deduplicates by content for five minutes, must see them (a publish time and an expiry close together).
     */
    public static String json(String sourceKey, Instant at) {
        ObjectNode event = JSON.createObjectNode().put("action", ACTION).put("key", sourceKey).put("at", at.toString());
        return event.toString();
    }

    /** The key a wake event names. */
    public static String keyOf(JsonNode wakeEvent) {
        String key = wakeEvent.path("key").asText("");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a wake event needs the key of a content file, like {\"action\":\"wake\",\"key\":\"posts/x.md\"}");
        }
        return key;
    }
}
