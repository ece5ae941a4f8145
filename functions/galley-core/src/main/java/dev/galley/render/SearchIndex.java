package dev.galley.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.galley.article.ArticleSummary;
import dev.galley.site.ContentKind;
import dev.galley.site.Shards;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search index, for the search page's script, in chunks: {@code search.json} names the chunks,
 * {@code {"chunks":["/search/<name>.json", ...]}}, and each chunk is a compact array of
 * {@code {title, slug, url, date, tags, summary}} (the date as the pages show it, on the author's calendar; no bodies,
 * to keep it small). Articles are split into chunks of about {@value #AVERAGE_CHUNK} by path where {@link Shards}
 * says, so a publish rewrites the one or two chunks it touches and, when it makes or removes one, the list of chunks.
 * Within a chunk, newest first and then by slug, so the same articles always give the same bytes. URLs are
 * root-relative, like the pages' own links, so the index works in the local preview too.
 */
public final class SearchIndex {

    public static final String PATH = "search.json";
    /** Where the chunks live, beside the search page. */
    public static final String FOLDER = "search/";
    static final int AVERAGE_CHUNK = 32;

    private static final JsonFactory JSON = new JsonFactory();

    private SearchIndex() {
    }

    /** The chunks of these articles by path, in path order. */
    public static Map<String, List<ArticleSummary>> chunks(Collection<ArticleSummary> articles) {
        Map<String, List<ArticleSummary>> chunks = new LinkedHashMap<>();
        for (Shards.Shard<ArticleSummary> shard : Shards.split(List.copyOf(articles), ArticleSummary::path, AVERAGE_CHUNK)) {
            chunks.put(FOLDER + shard.name() + ".json", shard.items());
        }
        return chunks;
    }

    /** {@link #PATH}: the chunks' URLs, root-relative, in the order given. */
    public static SiteFile index(List<String> chunkPaths) {
        return json(PATH, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("chunks");
            for (String path : chunkPaths) {
                json.writeString("/" + path);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** One chunk of the index. */
    public static SiteFile chunk(String path, Collection<ArticleSummary> articles) {
        return json(path, json -> {
            json.writeStartArray();
            for (ArticleSummary a : articles.stream().sorted(SiteIndex.NEWEST_FIRST).toList()) {
                json.writeStartObject();
                json.writeStringField("title", a.title());
                json.writeStringField("slug", a.slug());
                json.writeStringField("url", a.url());
                json.writeStringField("date", Format.isoDate(a.date()));
                json.writeArrayFieldStart("tags");
                for (String tag : a.tags()) {
                    json.writeString(tag);
                }
                json.writeEndArray();
                json.writeStringField("summary", String.join("\n\n", a.summary()));
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static SiteFile json(String path, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SiteFile(path, out.toByteArray(), ContentKind.JSON);
    }
}
