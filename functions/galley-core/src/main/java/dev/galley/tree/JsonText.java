package dev.galley.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Plain Java values written as JSON by jackson-core's generator: a {@code Map} is an object (in its own order), an
 * {@code Iterable} an array, a String, Number or Boolean a scalar, null null. For the function's answers and log
 * lines, which databind's {@code ObjectNode} wrote before, byte for byte the same.
 */
public final class JsonText {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonText() {
    }

    /** One line of compact JSON. */
    public static String of(Object value) {
        return new String(bytes(value, false), StandardCharsets.UTF_8);
    }

    /** Compact JSON, or indented as Jackson's default pretty printer indents it. */
    public static byte[] bytes(Object value, boolean pretty) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(value, bytes, pretty);
        return bytes.toByteArray();
    }

    /** Writes compact JSON to {@code out}, which stays open. */
    public static void write(Object value, OutputStream out) {
        write(value, out, false);
    }

    private static void write(Object value, OutputStream out, boolean pretty) {
        try (JsonGenerator json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            if (pretty) {
                json.useDefaultPrettyPrinter();
            }
            writeValue(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Number number) {
            json.writeNumber(number.toString());
        } else if (value instanceof Tree tree) {
            writeValue(json, tree.toPlain());
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> field : map.entrySet()) {
                json.writeFieldName(String.valueOf(field.getKey()));
                writeValue(json, field.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }
}
