package dev.galley.aws;

import dev.galley.tree.JsonText;
import dev.galley.tree.Tree;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event a wake-up invokes the function with: {@code {"action":"wake","key":"posts/x.md"}}, the key relative
 * to the content root. The function then publishes that key again as the content bucket holds it.
 */
public final class WakeEvent {

    public static final String ACTION = "wake";

    private WakeEvent() {
    }

    public static String json(String sourceKey) {
        return JsonText.of(event(sourceKey));
    }

    /**
     * The event of a wake-up due at {@code at}: the time makes two wake-ups of one file differ, as the FIFO queue,
     * which deduplicates by content for five minutes, must see them (a publish time and an expiry close together).
     */
    public static String json(String sourceKey, Instant at) {
        Map<String, Object> event = event(sourceKey);
        event.put("at", at.toString());
        return JsonText.of(event);
    }

    private static Map<String, Object> event(String sourceKey) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("action", ACTION);
        event.put("key", sourceKey);
        return event;
    }

    /** The key a wake event names. */
    public static String keyOf(Tree wakeEvent) {
        String key = wakeEvent.path("key").asText("");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a wake event needs the key of a content file, like {\"action\":\"wake\",\"key\":\"posts/x.md\"}");
        }
        return key;
    }
}
