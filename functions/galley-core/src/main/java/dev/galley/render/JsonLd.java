package dev.galley.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.galley.article.ArticleSummary;
import dev.galley.article.Author;
import dev.galley.site.SiteConfig;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * schema.org JSON-LD for article pages, embedded raw in {@code <script type="application/ld+json">}. It is
 * safe there because no {@code <}, {@code >} or {@code &} is ever written as itself (so no {@code </script>} or
 * {@code <!--} can appear), nor U+2028/U+2029, which older JavaScript parsers take for line ends.
 */
final class JsonLd {

    private static final JsonFactory JSON = new JsonFactoryBuilder().characterEscapes(new ScriptSafe()).build();

    private JsonLd() {
    }

    static String blogPosting(SiteConfig site, ArticleSummary article, String url) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("@context", "https://schema.org");
            json.writeStringField("@type", "BlogPosting");
            json.writeStringField("headline", article.title());
            if (!article.metaDescription().isEmpty()) {
                json.writeStringField("description", article.metaDescription());
            }
            json.writeStringField("datePublished", Format.rfc3339(article.date()));
            json.writeStringField("dateModified", Format.rfc3339(Format.modified(article)));
            List<Author> authors = Format.authors(site, article);
            if (!authors.isEmpty()) {
                json.writeArrayFieldStart("author");
                for (Author author : authors) {
                    json.writeStartObject();
                    json.writeStringField("@type", "Person");
                    json.writeStringField("name", author.name());
                    if (author.url() != null) {
                        json.writeStringField("url", author.url());
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (!article.tags().isEmpty()) {
                json.writeArrayFieldStart("keywords");
                for (String tag : article.tags()) {
                    json.writeString(tag);
                }
                json.writeEndArray();
            }
            json.writeStringField("url", url);
            json.writeObjectFieldStart("mainEntityOfPage");
            json.writeStringField("@type", "WebPage");
            json.writeStringField("@id", url);
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static final class ScriptSafe extends CharacterEscapes {

        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private final int[] ascii = standardAsciiEscapesForJSON();

        ScriptSafe() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}
