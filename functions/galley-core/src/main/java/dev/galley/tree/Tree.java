package dev.galley.tree;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON or YAML value as read ({@link TreeReader}): a mapping, a list, or a scalar (text, number, boolean or null),
 * with the line it starts on. Immutable. Its questions answer as Jackson's {@code JsonNode} answers them (a number's
 * text is {@code 1.5}, a null's is {@code "null"}, a mapping's is empty), so the front matter reads as it always has;
 * databind's tree cost every cold start some 300 classes, this package six.
 */
public final class Tree implements Iterable<Tree> {

    private enum Kind { MAPPING, LIST, TEXT, NUMBER, BOOLEAN, NULL, MISSING }

    /** What {@link #path} answers for a key that is not there. */
    public static final Tree MISSING = new Tree(Kind.MISSING, null, 0);

    private final Kind kind;
    /** A mapping's {@code Map<String, Tree>}, a list's {@code List<Tree>}, or a scalar's String, Number or Boolean. */
    private final Object value;
    private final int line;

    private Tree(Kind kind, Object value, int line) {
        this.kind = kind;
        this.value = value;
        this.line = line;
    }

    /** A mapping with no keys, as an empty YAML document reads. */
    public static Tree emptyMapping() {
        return mapping(new LinkedHashMap<>(), 1);
    }

    static Tree mapping(Map<String, Tree> fields, int line) {
        return new Tree(Kind.MAPPING, Collections.unmodifiableMap(fields), line);
    }

    static Tree list(List<Tree> items, int line) {
        return new Tree(Kind.LIST, Collections.unmodifiableList(items), line);
    }

    static Tree text(String text, int line) {
        return new Tree(Kind.TEXT, text, line);
    }

    /** @param number an Integer, Long, BigInteger, Float, Double or BigDecimal, as the parser typed it */
    static Tree number(Number number, int line) {
        return new Tree(Kind.NUMBER, number, line);
    }

    static Tree bool(boolean value, int line) {
        return new Tree(Kind.BOOLEAN, value, line);
    }

    static Tree nullValue(int line) {
        return new Tree(Kind.NULL, null, line);
    }

    /** The 1-based line the value starts on in its text; 0 for {@link #MISSING}. */
    public int line() {
        return line;
    }

    public boolean isObject() {
        return kind == Kind.MAPPING;
    }

    public boolean isArray() {
        return kind == Kind.LIST;
    }

    /** A scalar: text, a number, a boolean or null. */
    public boolean isValueNode() {
        return kind != Kind.MAPPING && kind != Kind.LIST && kind != Kind.MISSING;
    }

    public boolean isTextual() {
        return kind == Kind.TEXT;
    }

    public boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isMissingNode() {
        return kind == Kind.MISSING;
    }

    /** A whole number: {@code 20}, not {@code 20.0} nor {@code "20"}. */
    public boolean isIntegralNumber() {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    }

    /** A number within an int's range. */
    public boolean canConvertToInt() {
        if (!(value instanceof Number number) || kind != Kind.NUMBER) {
            return false;
        }
        if (number instanceof BigInteger big) {
            return big.bitLength() < 32;
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                    && decimal.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
        }
        if (number instanceof Integer) {
            return true;
        }
        if (number instanceof Long whole) {
            return whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE;
        }
        return number.doubleValue() >= Integer.MIN_VALUE && number.doubleValue() <= Integer.MAX_VALUE;
    }

    /** A boolean's value; false for anything else. */
    public boolean booleanValue() {
        return kind == Kind.BOOLEAN && (Boolean) value;
    }

    /** A scalar as text ({@code "null"} for null, {@code 1.5} for a number); "" for a mapping, a list or a missing value. */
    public String asText() {
        return switch (kind) {
            case TEXT, NUMBER, BOOLEAN -> value.toString();
            case NULL -> "null";
            case MAPPING, LIST, MISSING -> "";
        };
    }

    /** {@link #asText()}, or {@code fallback} for null and a missing value. */
    public String asText(String fallback) {
        return kind == Kind.NULL || kind == Kind.MISSING ? fallback : asText();
    }

    public int asInt() {
        return asInt(0);
    }

    /** A number cut to an int, text that spells one, 1 or 0 for a boolean; else {@code fallback}. */
    public int asInt(int fallback) {
        return switch (kind) {
            case NUMBER -> ((Number) value).intValue();
            case BOOLEAN -> (Boolean) value ? 1 : 0;
            case TEXT -> intOf((String) value, fallback);
            case NULL, MAPPING, LIST, MISSING -> fallback;
        };
    }

    /** As Jackson reads a number from text: trimmed, an int, else a number cut to an int, else the fallback. */
    private static int intOf(String text, int fallback) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(trimmed);
        } catch (NumberFormatException notAnInt) {
            try {
                return (int) Double.parseDouble(trimmed);
            } catch (NumberFormatException notANumber) {
                return fallback;
            }
        }
    }

    /** A mapping's value under {@code key}, or null. */
    public Tree get(String key) {
        return kind == Kind.MAPPING ? fields().get(key) : null;
    }

    /** A list's item at {@code index}, or null. */
    public Tree get(int index) {
        List<Tree> items = kind == Kind.LIST ? items() : List.of();
        return index >= 0 && index < items.size() ? items.get(index) : null;
    }

    /** A mapping's value under {@code key}, or {@link #MISSING}. */
    public Tree path(String key) {
        Tree found = get(key);
        return found == null ? MISSING : found;
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    public boolean hasNonNull(String key) {
        Tree found = get(key);
        return found != null && !found.isNull();
    }

    /** The number of a mapping's keys or a list's items; 0 for a scalar. */
    public int size() {
        return switch (kind) {
            case MAPPING -> fields().size();
            case LIST -> items().size();
            default -> 0;
        };
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** A mapping's keys and values in the order written; empty for anything else. */
    @SuppressWarnings("unchecked")
    public Map<String, Tree> fields() {
        return kind == Kind.MAPPING ? (Map<String, Tree>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    private List<Tree> items() {
        return (List<Tree>) value;
    }

    /** A list's items, or a mapping's values, in order; nothing for a scalar. */
    @Override
    public Iterator<Tree> iterator() {
        return switch (kind) {
            case MAPPING -> fields().values().iterator();
            case LIST -> items().iterator();
            default -> Collections.emptyIterator();
        };
    }

    /**
     * The value as plain Java: a mapping is a {@code LinkedHashMap}, a list an {@code ArrayList}, a number the
     * Integer, Long, BigInteger, Double or BigDecimal it was read as, null is null.
     */
    public Object toPlain() {
        return switch (kind) {
            case MAPPING -> {
                Map<String, Object> plain = new LinkedHashMap<>();
                fields().forEach((key, field) -> plain.put(key, field.toPlain()));
                yield plain;
            }
            case LIST -> {
                List<Object> plain = new ArrayList<>();
                items().forEach(item -> plain.add(item.toPlain()));
                yield plain;
            }
            case NUMBER -> value instanceof Float f ? Double.valueOf(f) : value;
            case TEXT, BOOLEAN -> value;
            case NULL, MISSING -> null;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tree tree && kind == tree.kind && java.util.Objects.equals(value, tree.value);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + java.util.Objects.hashCode(value);
    }

    /** The value as compact JSON; "" for a missing value. */
    @Override
    public String toString() {
        return kind == Kind.MISSING ? "" : JsonText.of(toPlain());
    }
}
