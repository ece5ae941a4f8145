package dev.galley.publish;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.galley.article.ArticleSummary;
import dev.galley.article.Author;
import dev.galley.publish.internal.OffsetDateTimeJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The manifest as JSON, written deterministically so that equal manifests are equal bytes. */
public final class ManifestCodec {

    /** Where the manifest lives in the site store; the CDN and the preview refuse everything under {@code _galley/}. */
    public static final String PATH = "_galley/manifest.json";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(OffsetDateTimeJson.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addMixIn(ArticleSummary.class, AuthorsOrOldAuthor.class)
            .build();

    private ManifestCodec() {
    }

    /**
     * Manifests written before articles had a list of authors hold {@code "author": "text"}. Aliases are left out
     * when there are none, and {@code page} for articles, so most entries stay as they were.
     */
    private abstract static class AuthorsOrOldAuthor {
        @JsonAlias("author")
        @JsonDeserialize(using = AuthorsJson.class)
        abstract List<Author> authors();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<String> aliases();

        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract boolean page();
    }

    /** Reads the list of authors, or the old single text, which may name several, as front matter does. */
    private static final class AuthorsJson extends JsonDeserializer<List<Author>> {
        @Override
        public List<Author> deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() == JsonToken.VALUE_STRING) {
                return Author.listFrom(json.getText());
            }
            JavaType list = context.getTypeFactory().constructCollectionType(List.class, Author.class);
            return context.readValue(json, list);
        }

        @Override
        public List<Author> getNullValue(DeserializationContext context) {
            return List.of();
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return List.of();
        }
    }

    public static byte[] write(Manifest manifest) {
        try {
            return MAPPER.writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Manifest read(byte[] json) {
        try {
            return MAPPER.readValue(json, Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the manifest " + PATH + " is not readable: " + e.getMessage(), e);
        }
    }
}
