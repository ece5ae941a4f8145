package dev.galley.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.galley.article.ArticleSummary;
import dev.galley.article.Author;
import dev.galley.article.CodeSample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The site's state as JSON: the manifest, its shards, the state root and its pieces, and the record of pending
 * writes. Written deterministically, so that equal values are equal bytes: maps in key order, fields in a fixed
 * order, optional fields left out when empty. Over jackson-core's streaming parser and generator, not databind's
 * bean binding, whose reflection over the records (some 200 classes) every upload's cold start paid for; the bytes
 * are those databind wrote, and every state written before reads the same (unknown fields are skipped, missing ones
 * take their defaults, and an old entry's {@code "author": "text"} reads as front matter's author text would).
 */
public final class ManifestCodec {

    /** Where the manifest lives in the site store; the CDN and the preview refuse everything under {@code _galley/}. */
    public static final String PATH = "_galley/manifest.json";

    private static final JsonFactory JSON = new JsonFactory();

    /** Reads one JSON value, the parser on its first token. */
    @FunctionalInterface
    interface ValueReader<T> {
        T read(JsonParser json) throws IOException;
    }

    static final ValueReader<Manifest.Entry> ENTRY = ManifestCodec::readEntry;
    static final ValueReader<List<String>> NAMES = ManifestCodec::readStrings;
    static final ValueReader<String> TEXT = ManifestCodec::readText;

    private ManifestCodec() {
    }

    public static byte[] write(Manifest manifest) {
        return toJson(manifest);
    }

    public static Manifest read(byte[] json) {
        return parse(json, "the manifest " + PATH, ManifestCodec::readManifest);
    }

    /**
     * A state value as JSON: a {@link Manifest}, an entry, a state root, a record of pending writes, or a map or
     * list of these, strings and lists of strings (a shard, a piece).
     */
    static byte[] toJson(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            writeValue(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a state value with {@code reader}.
     *
     * @param what what the bytes are, for the message: "the state root _galley/state/root.json"
     */
    static <T> T parse(byte[] bytes, String what, ValueReader<T> reader) {
        try (JsonParser json = JSON.createParser(bytes)) {
            json.nextToken();
            return reader.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(what + " is not readable: " + e.getMessage(), e);
        }
    }

    /** A shard: one of the manifest's maps, or a part of it, its values read by {@code values}. */
    static <V> SortedMap<String, V> readShard(byte[] bytes, ValueReader<V> values) {
        return parse(bytes, "a state shard", json -> readMap(json, values));
    }

    static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Manifest manifest) {
            writeManifest(json, manifest);
        } else if (value instanceof Manifest.Entry entry) {
            writeEntry(json, entry);
        } else if (value instanceof RootPieces.Stored root) {
            writeRoot(json, root);
        } else if (value instanceof PendingWrites.Pending pending) {
            writePending(json, pending);
        } else if (value instanceof PagesOwed owed) {
            writeOwed(json, owed);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(json, map);
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a state value: " + value.getClass().getName());
        }
    }

    private static void writeMap(JsonGenerator json, Map<?, ?> map) throws IOException {
        Map<?, ?> sorted = map instanceof SortedMap<?, ?> ? map : new TreeMap<>(map);
        json.writeStartObject();
        for (Map.Entry<?, ?> e : sorted.entrySet()) {
            json.writeFieldName((String) e.getKey());
            writeValue(json, e.getValue());
        }
        json.writeEndObject();
    }

    static void writeManifest(JsonGenerator json, Manifest manifest) throws IOException {
        json.writeStartObject();
        json.writeNumberField("revision", manifest.revision());
        json.writeFieldName("entries");
        writeMap(json, manifest.entries());
        writeIfNotEmpty(json, "retired", manifest.retired());
        writeIfNotEmpty(json, "claims", manifest.claims());
        json.writeEndObject();
    }

    static void writeEntry(JsonGenerator json, Manifest.Entry entry) throws IOException {
        json.writeStartObject();
        json.writeStringField("sourceKey", entry.sourceKey());
        json.writeStringField("sourceEtag", entry.sourceEtag());
        json.writeStringField("sequencer", entry.sequencer());
        json.writeFieldName("article");
        writeArticle(json, entry.article());
        writeIfNotEmpty(json, "formerPaths", entry.formerPaths());
        json.writeEndObject();
    }

    static void writeArticle(JsonGenerator json, ArticleSummary article) throws IOException {
        if (article == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("slug", article.slug());
        json.writeStringField("title", article.title());
        json.writeStringField("date", dateText(article.date()));
        json.writeStringField("updated", dateText(article.updated()));
        json.writeFieldName("tags");
        writeValue(json, article.tags());
        json.writeFieldName("summary");
        writeValue(json, article.summary());
        json.writeStringField("description", article.description());
        json.writeArrayFieldStart("authors");
        for (Author author : article.authors()) {
            json.writeStartObject();
            json.writeStringField("name", author.name());
            json.writeStringField("url", author.url());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("readingMinutes", article.readingMinutes());
        json.writeFieldName("sample");
        CodeSample sample = article.sample();
        if (sample == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeStringField("fileName", sample.fileName());
            json.writeStringField("language", sample.language());
            json.writeStringField("code", sample.code());
            json.writeEndObject();
        }
        json.writeBooleanField("featured", article.featured());
        json.writeStringField("path", article.path());
        writeIfNotEmpty(json, "aliases", article.aliases());
        if (article.page()) {
            json.writeBooleanField("page", true);
        }
        json.writeEndObject();
    }

    private static void writeRoot(JsonGenerator json, RootPieces.Stored root) throws IOException {
        json.writeStartObject();
        json.writeNumberField("revision", root.revision());
        json.writeNumberField("layout", root.layout());
        json.writeFieldName("entries");
        writeValue(json, root.entries());
        json.writeFieldName("retired");
        writeValue(json, root.retired());
        json.writeFieldName("claims");
        writeValue(json, root.claims());
        writeIfNotEmpty(json, "pieces", root.pieces());
        if (root.owed() != null) {
            json.writeFieldName("owed");
            writeOwed(json, root.owed());
        }
        writeIfNotEmpty(json, "trash", root.trash());
        json.writeEndObject();
    }

    private static void writeOwed(JsonGenerator json, PagesOwed owed) throws IOException {
        json.writeStartObject();
        writeIfNotEmpty(json, "index", owed.index());
        writeIfNotEmpty(json, "neighbours", owed.neighbours());
        writeIfNotEmpty(json, "gone", owed.gone());
        if (owed.since() != null && !owed.since().isEmpty()) {
            json.writeStringField("since", owed.since());
        }
        if (owed.round() != 0) {
            json.writeNumberField("round", owed.round());
        }
        json.writeEndObject();
    }

    private static void writePending(JsonGenerator json, PendingWrites.Pending pending) throws IOException {
        json.writeStartObject();
        json.writeNumberField("revision", pending.revision());
        json.writeFieldName("paths");
        writeValue(json, pending.paths());
        json.writeFieldName("followUps");
        writeValue(json, pending.followUps());
        json.writeEndObject();
    }

    private static void writeIfNotEmpty(JsonGenerator json, String field, Object value) throws IOException {
        boolean empty = value == null || value instanceof Collection<?> items && items.isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty();
        if (!empty) {
            json.writeFieldName(field);
            writeValue(json, value);
        }
    }

    /** ISO-8601 with the date's own offset, as jackson-datatype-jsr310 wrote it with timestamps and time-zone adjustment off. */
    private static String dateText(OffsetDateTime date) {
        return date == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date);
    }

    static Manifest readManifest(JsonParser json) throws IOException {
        expectObject(json);
        long revision = 0;
        Map<String, Manifest.Entry> entries = null;
        Map<String, List<String>> retired = null;
        Map<String, String> claims = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "revision" -> revision = json.getValueAsLong();
                case "entries" -> entries = readMap(json, ENTRY);
                case "retired" -> retired = readMap(json, NAMES);
                case "claims" -> claims = readMap(json, TEXT);
                default -> json.skipChildren();
            }
        }
        return new Manifest(revision, entries, retired, claims);
    }

    static Manifest.Entry readEntry(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(json);
        String sourceKey = null;
        String sourceEtag = null;
        String sequencer = null;
        ArticleSummary article = null;
        List<String> formerPaths = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "sourceKey" -> sourceKey = readText(json);
                case "sourceEtag" -> sourceEtag = readText(json);
                case "sequencer" -> sequencer = readText(json);
                case "article" -> article = readArticle(json);
                case "formerPaths" -> formerPaths = readStrings(json);
                default -> json.skipChildren();
            }
        }
        return new Manifest.Entry(sourceKey, sourceEtag, sequencer, article, formerPaths);
    }

    static ArticleSummary readArticle(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(json);
        String slug = null;
        String title = null;
        OffsetDateTime date = null;
        OffsetDateTime updated = null;
        List<String> tags = null;
        List<String> summary = null;
        String description = null;
        List<Author> authors = List.of();
        int readingMinutes = 0;
        CodeSample sample = null;
        boolean featured = false;
        String path = null;
        List<String> aliases = null;
        boolean page = false;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "slug" -> slug = readText(json);
                case "title" -> title = readText(json);
                case "date" -> date = readDate(json);
                case "updated" -> updated = readDate(json);
                case "tags" -> tags = readStrings(json);
                case "summary" -> summary = readStrings(json);
                case "description" -> description = readText(json);
                case "authors", "author" -> authors = readAuthors(json);  // "author": manifests from before lists of authors
                case "readingMinutes" -> readingMinutes = json.getValueAsInt();
                case "sample" -> sample = readSample(json);
                case "featured" -> featured = json.getValueAsBoolean();
                case "path" -> path = readText(json);
                case "aliases" -> aliases = readStrings(json);
                case "page" -> page = json.getValueAsBoolean();
                default -> json.skipChildren();
            }
        }
        return new ArticleSummary(slug, title, date, updated, tags, summary, description, authors, readingMinutes, sample, featured,
                path, aliases, page);
    }

    /** The list of authors, or the old single text, which may name several, as front matter does. */
    private static List<Author> readAuthors(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (token == JsonToken.VALUE_STRING) {
            return Author.listFrom(json.getText());
        }
        expect(json, JsonToken.START_ARRAY);
        List<Author> authors = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expectObject(json);
            String name = null;
            String url = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "name" -> name = readText(json);
                    case "url" -> url = readText(json);
                    default -> json.skipChildren();
                }
            }
            authors.add(new Author(name, url));
        }
        return authors;
    }

    private static CodeSample readSample(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(json);
        String fileName = null;
        String language = null;
        String code = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "fileName" -> fileName = readText(json);
                case "language" -> language = readText(json);
                case "code" -> code = readText(json);
                default -> json.skipChildren();
            }
        }
        return new CodeSample(fileName, language, code);
    }

    static RootPieces.Stored readRoot(JsonParser json) throws IOException {
        expectObject(json);
        long revision = 0;
        int layout = 0;  // a root from before layouts
        List<String> entries = null;
        List<String> retired = null;
        List<String> claims = null;
        Map<String, List<String>> pieces = null;
        PagesOwed owed = null;
        List<String> trash = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "revision" -> revision = json.getValueAsLong();
                case "layout" -> layout = json.getValueAsInt();
                case "entries" -> entries = readStrings(json);
                case "retired" -> retired = readStrings(json);
                case "claims" -> claims = readStrings(json);
                case "pieces" -> pieces = readMap(json, NAMES);
                case "owed" -> owed = readOwed(json);
                case "trash" -> trash = readStrings(json);
                default -> json.skipChildren();
            }
        }
        return new RootPieces.Stored(revision, layout, entries, retired, claims, pieces, owed, trash);
    }

    private static PagesOwed readOwed(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(json);
        List<String> index = null;
        List<String> neighbours = null;
        List<String> gone = null;
        String since = null;
        int round = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "index" -> index = readStrings(json);
                case "neighbours" -> neighbours = readStrings(json);
                case "gone" -> gone = readStrings(json);
                case "since" -> since = readText(json);
                case "round" -> round = json.getValueAsInt();
                default -> json.skipChildren();
            }
        }
        return new PagesOwed(setOf(index), setOf(neighbours), setOf(gone), since, round);
    }

    static PendingWrites.Pending readPending(JsonParser json) throws IOException {
        expectObject(json);
        long revision = 0;  // 0: an older Galley's record, never committed (PendingWrites.Pending)
        Map<String, Manifest.Entry> paths = null;
        List<String> followUps = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "revision" -> revision = json.getValueAsLong();
                case "paths" -> paths = readMap(json, ENTRY);
                case "followUps" -> followUps = readStrings(json);
                default -> json.skipChildren();
            }
        }
        return new PendingWrites.Pending(revision, paths, setOf(followUps));
    }

    private static <V> SortedMap<String, V> readMap(JsonParser json, ValueReader<V> values) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(json);
        SortedMap<String, V> map = new TreeMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            map.put(key, values.read(json));
        }
        return map;
    }

    private static List<String> readStrings(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(json, JsonToken.START_ARRAY);
        List<String> items = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            items.add(readText(json));
        }
        return items;
    }

    private static String readText(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == null || !token.isScalarValue()) {
            throw new JsonParseException(json, "expected a text, found " + token);
        }
        return json.getValueAsString();
    }

    private static OffsetDateTime readDate(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            throw new JsonParseException(json, "expected an ISO-8601 date and time with an offset, found " + json.currentToken());
        }
        String text = json.getText();
        try {
            return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new JsonParseException(json, "\"" + text + "\" is not an ISO-8601 date and time with an offset", e);
        }
    }

    private static java.util.Set<String> setOf(List<String> items) {
        return items == null ? null : new HashSet<>(items);
    }

    private static void expectObject(JsonParser json) throws IOException {
        expect(json, JsonToken.START_OBJECT);
    }

    private static void expect(JsonParser json, JsonToken token) throws IOException {
        if (json.currentToken() != token) {
            throw new JsonParseException(json, "expected " + token + ", found " + json.currentToken());
        }
    }
}
