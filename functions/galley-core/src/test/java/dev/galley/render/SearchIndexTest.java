package dev.galley.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.galley.article.ArticleSummary;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static dev.galley.render.AtomFeedTest.article;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchIndexTest {

    private final List<ArticleSummary> articles = List.of(
            article("beta", "Beta \"quoted\" </script>", "2026-01-01T00:00:00Z", null, "", "Go"),
            article("newest", "Newest", "2026-03-01T00:00:00Z", null, "", "Rust", "Release Engineering"),
            article("alpha", "Alpha", "2026-01-01T00:00:00Z", null, ""));

    @Test
    void mustListTitleSlugUrlDateTagsAndSummaryNewestFirstThenBySlug() throws Exception {
        SiteFile file = SearchIndex.chunk("search/tail.json", articles);
        assertEquals("search/tail.json", file.path());
        assertEquals(ContentKind.JSON, file.kind());
        JsonNode index = new ObjectMapper().readTree(file.bytes());
        List<String> slugs = new ArrayList<>();
        index.forEach(entry -> slugs.add(entry.get("slug").asText()));
        assertEquals(List.of("newest", "alpha", "beta"), slugs);
        JsonNode newest = index.get(0);
        assertEquals(List.of("title", "slug", "url", "date", "tags", "summary"), list(newest.fieldNames()));
        assertEquals("2026-03-01", newest.get("date").asText());
        assertEquals("Newest", newest.get("title").asText());
        assertEquals("/articles/newest/", newest.get("url").asText());
        assertEquals("[\"Rust\",\"Release Engineering\"]", newest.get("tags").toString());
        assertEquals("First paragraph of Newest.\n\nSecond paragraph.", newest.get("summary").asText());
        assertEquals("Beta \"quoted\" </script>", index.get(2).get("title").asText());
    }

    @Test
    void dateIsTheDayOnTheAuthorsCalendarAsThePagesShowIt() throws Exception {
        JsonNode index = new ObjectMapper().readTree(SearchIndex.chunk("search/tail.json", List.of(
                article("late", "Late", "2026-03-10T22:30:00-05:00", null, ""))).bytes());
        assertEquals("2026-03-10", index.get(0).get("date").asText());
    }

    @Test
    void mustBeCompactAndTheSameBytesWhateverTheOrderOfTheArticles() {
        byte[] first = SearchIndex.chunk("search/tail.json", articles).bytes();
        assertArrayEquals(first, SearchIndex.chunk("search/tail.json", reversed(articles)).bytes());
        String json = new String(first, StandardCharsets.UTF_8);
        assertFalse(json.contains("\n") || json.contains(": ") || json.contains(", "), json);
    }

    @Test
    void theIndexNamesEveryChunkByItsRootRelativeUrlAndEveryArticleIsInOneChunk() throws Exception {
        List<ArticleSummary> many = new ArrayList<>();
        for (int n = 1; n <= 500; n++) {
            many.add(article("note-" + n, "Note " + n, "2025-01-01T00:00:00Z", null, ""));
        }
        Map<String, List<ArticleSummary>> chunks = SearchIndex.chunks(many);
        assertTrue(chunks.size() > 2, "500 articles make several chunks: " + chunks.keySet());
        SiteFile index = SearchIndex.index(List.copyOf(chunks.keySet()));
        assertEquals("search.json", index.path());
        List<String> urls = list(new ObjectMapper().readTree(index.bytes()).get("chunks").elements()).stream().map(JsonNode::asText).toList();
        assertEquals(chunks.keySet().stream().map(path -> "/" + path).toList(), urls);
        assertTrue(urls.stream().allMatch(url -> url.startsWith("/search/") && url.endsWith(".json")), urls.toString());
        List<String> slugs = new ArrayList<>();
        chunks.values().forEach(chunk -> chunk.forEach(a -> slugs.add(a.slug())));
        assertEquals(500, new java.util.HashSet<>(slugs).size());
        assertEquals(500, slugs.size());
    }

    private static <T> List<T> list(Iterator<T> names) {
        List<T> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
