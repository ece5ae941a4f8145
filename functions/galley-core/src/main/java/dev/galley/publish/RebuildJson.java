package dev.galley.publish;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.galley.article.ArticleSummary;

import java.io.IOException;

/**
 * The records a chunked re-render hands from step to step ({@link RebuildRun}), bound by databind; the manifest, its
 * entries and their articles inside them are written and read by {@link ManifestCodec}, as the state is. Only the
 * re-render's steps load it, never an upload.
 */
final class RebuildJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("ManifestCodec")
                    .addSerializer(Manifest.class, writer(ManifestCodec::writeManifest))
                    .addDeserializer(Manifest.class, reader(ManifestCodec::readManifest))
                    .addSerializer(Manifest.Entry.class, writer(ManifestCodec::writeEntry))
                    .addDeserializer(Manifest.Entry.class, reader(ManifestCodec::readEntry))
                    .addSerializer(ArticleSummary.class, writer(ManifestCodec::writeArticle))
                    .addDeserializer(ArticleSummary.class, reader(ManifestCodec::readArticle)))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private RebuildJson() {
    }

    @FunctionalInterface
    private interface ValueWriter<T> {
        void write(JsonGenerator json, T value) throws IOException;
    }

    private static <T> JsonSerializer<T> writer(ValueWriter<T> write) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
                write.write(json, value);
            }
        };
    }

    private static <T> JsonDeserializer<T> reader(ManifestCodec.ValueReader<T> read) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser json, DeserializationContext context) throws IOException {
                return read.read(json);
            }
        };
    }
}
