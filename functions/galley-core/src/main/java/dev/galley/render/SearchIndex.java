package dev.galley.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.galley.article.ArticleSummary;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

/**
 * {@code search.json}, for the search page's script: a compact array of {@code {title, slug, url, date, tags, summary}}
 * (the date as the pages show it, on the author's calendar; no bodies, to keep it small),
 * newest first and then by slug, so the same articles always give the same bytes. URLs are root-relative, like
 * the pages' own links, so the index works in the local preview too.
 */
public final class SearchIndex {

    public static final String PATH = "search.json";

    private static final JsonFactory JSON = new JsonFactory();

    private SearchIndex() {
    }

    public static SiteFile render(Collection<ArticleSummary> articles) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SiteFile(PATH, out.toByteArray(), ContentKind.JSON);
    }
}
