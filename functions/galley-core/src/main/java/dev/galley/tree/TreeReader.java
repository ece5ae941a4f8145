package dev.galley.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Tree} from a jackson-core streaming parser: JSON's, or jackson-dataformat-yaml's over snakeyaml, so
 * YAML's scalars are typed as that parser types them ({@code 20} a number, {@code true} a boolean, {@code ~} null,
 * {@code 2026-03-10} text). The values are those databind's {@code readTree} made: a repeated key keeps its last
 * value, and text after the first value is not read.
 */
public final class TreeReader {

    private static final JsonFactory JSON = new JsonFactory();

    private TreeReader() {
    }

    /** One JSON value; {@link Tree#MISSING} for empty input. */
    public static Tree readJson(byte[] json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            return read(parser);
        }
    }

    /** One JSON value; {@link Tree#MISSING} for empty input. */
    public static Tree readJson(String json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            return read(parser);
        }
    }

    /** One JSON value; {@link Tree#MISSING} for empty input. */
    public static Tree readJson(InputStream json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            return read(parser);
        }
    }

    /** The first value of a parser not yet started; {@link Tree#MISSING} when it has none. */
    public static Tree read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        return first == null ? Tree.MISSING : value(parser, first);
    }

    private static Tree value(JsonParser parser, JsonToken token) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Tree> fields = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
                    String key = parser.currentName();
                    fields.put(key, value(parser, parser.nextToken()));
                }
                yield Tree.mapping(fields, line);
            }
            case START_ARRAY -> {
                List<Tree> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != null && next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    items.add(value(parser, next));
                }
                yield Tree.list(items, line);
            }
            case VALUE_STRING, VALUE_EMBEDDED_OBJECT -> Tree.text(parser.getText(), line);
            case VALUE_NUMBER_INT -> Tree.number(switch (parser.getNumberType()) {
                case INT -> parser.getIntValue();
                case LONG -> parser.getLongValue();
                default -> parser.getBigIntegerValue();
            }, line);
            case VALUE_NUMBER_FLOAT -> Tree.number(switch (parser.getNumberType()) {
                case BIG_DECIMAL -> parser.getDecimalValue();
                case FLOAT -> parser.getFloatValue();
                default -> parser.getDoubleValue();
            }, line);
            case VALUE_TRUE -> Tree.bool(true, line);
            case VALUE_FALSE -> Tree.bool(false, line);
            case VALUE_NULL -> Tree.nullValue(line);
            default -> throw new IOException("unexpected " + token + " at line " + line);
        };
    }
}
