package dev.galley.publish.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The manifest's one date type, {@code OffsetDateTime}, as ISO-8601 text with its own offset: what
 * jackson-datatype-jsr310 wrote with timestamps and time-zone adjustment off, without the module's 75 classes (it
 * registers every java.time type) on every upload's path.
 */
public final class OffsetDateTimeJson {

    private OffsetDateTimeJson() {
    }

    public static Module module() {
        return new SimpleModule("OffsetDateTimeJson")
                .addSerializer(OffsetDateTime.class, new Writer())
                .addDeserializer(OffsetDateTime.class, new Reader());
    }

    private static final class Writer extends JsonSerializer<OffsetDateTime> {
        @Override
        public void serialize(OffsetDateTime value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    private static final class Reader extends JsonDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser json, DeserializationContext context) throws IOException {
            String text = json.getValueAsString();
            if (text == null) {
                return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, json);
            }
            try {
                return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text, "not an ISO-8601 date and time with an offset");
            }
        }
    }
}
