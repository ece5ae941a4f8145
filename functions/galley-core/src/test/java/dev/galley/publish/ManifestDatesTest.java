package dev.galley.publish;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.galley.article.ArticleSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifest writes its dates without jackson-datatype-jsr310 (75 classes on every upload's path): every
 * manifest already stored must read the same, and an unchanged site must keep writing the same bytes.
 */
class ManifestDatesTest {

    /** ManifestCodec's mapper as it was, with the java.time module. */
    private static final ObjectMapper WITH_JAVA_TIME_MODULE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private static Manifest manifestDated(OffsetDateTime date, OffsetDateTime updated) {
        ArticleSummary article = new ArticleSummary("a", "A", date, updated, List.of(), List.of(), "", List.of(), 1, null, false);
        return new Manifest(1, java.util.Map.of("a", new Manifest.Entry("a.md", "etag", "", article)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-02-12T00:00:00Z", "2023-09-12T08:00:00+02:00", "2024-02-08T08:30:00.125-05:30",
            "2025-12-31T23:59:59.000000001+14:00", "1970-01-01T00:00Z"})
    void aDateIsWrittenAsTheJavaTimeModuleWroteItAndReadBackWithItsOffset(String text) throws Exception {
        OffsetDateTime date = OffsetDateTime.parse(text);
        Manifest manifest = manifestDated(date, date.plusDays(2));

        byte[] written = ManifestCodec.write(manifest);
        assertTrue(new String(written, StandardCharsets.UTF_8).contains('"' + WITH_JAVA_TIME_MODULE.writeValueAsString(date).replace("\"", "") + '"'));
        Manifest read = ManifestCodec.read(written);
        assertEquals(date, read.byPath("articles/a/").article().date(), "the same instant and the same offset");
        assertEquals(date.plusDays(2), read.byPath("articles/a/").article().updated());
        assertArrayEquals(written, ManifestCodec.write(read), "an unchanged site writes the same bytes");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"yesterday\"", "1700000000", "\"2026-02-12\""})
    void aDateThatIsNoDateAndTimeWithAnOffsetFailsTheRead(String value) {
        String json = new String(ManifestCodec.write(manifestDated(OffsetDateTime.parse("2026-02-12T00:00:00Z"), null)),
                StandardCharsets.UTF_8).replace("\"2026-02-12T00:00:00Z\"", value);
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> ManifestCodec.read(json.getBytes(StandardCharsets.UTF_8)));
    }
}
