package dev.galley.publish;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.galley.publish.PublisherTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search page and its script reach the site bucket with the other index pages, and only when they must. */
class SearchPagePublishingTest {

    private static final Pattern SCRIPT = Pattern.compile("<script src=\"/(assets/search\\.[0-9a-f]+\\.js)\" defer>");

    private InMemoryStores.Content content;
    private InMemoryStores.Site site;
    private Publisher publisher;

    @BeforeEach
    void setUp() {
        content = new InMemoryStores.Content();
        site = new InMemoryStores.Site();
        publisher = new Publisher(content, site);
    }

    private String scriptOf(String searchPage) {
        assertNotNull(searchPage, "no search page");
        Matcher script = SCRIPT.matcher(searchPage);
        assertTrue(script.find(), searchPage);
        return script.group(1);
    }

    @Test
    void firstPublishOfASiteWritesTheSearchPageAndTheScriptItLoads() {
        content.put("hello.md", article("Hello", "2026-01-01"));
        publisher.sync(SourceChange.of("hello.md"));
        String script = scriptOf(site.text("search/index.html"));
        assertTrue(site.text(script).contains("/search.json"), "the script reads the index");
        assertTrue(site.searchChunks().contains("\"url\":\"/articles/hello/\""));
        assertTrue(site.text("index.html").contains("href=\"/search/\""));
    }

    @Test
    void laterUploadsLeaveTheSearchPageAndScriptAsTheyAre() {
        content.put("hello.md", article("Hello", "2026-01-01"));
        publisher.sync(SourceChange.of("hello.md"));
        String script = scriptOf(site.text("search/index.html"));
        var page = site.objects.get("search/index.html");
        var scriptObject = site.objects.get(script);
        content.put("second.md", article("Second", "2026-02-01", "tags: [Go]"));
        publisher.sync(SourceChange.of("second.md"));
        assertTrue(site.searchChunks().contains("\"title\":\"Second\""), "the index follows every upload");
        assertTrue(page == site.objects.get("search/index.html"), "the search page was written again");
        assertTrue(scriptObject == site.objects.get(script), "the script was written again");
    }

    @Test
    void aRebuildWritesTheSearchPageAndScriptOfASitePublishedBeforeThereWasOne() {
        for (String name : List.of("hello", "second")) {
            content.put(name + ".md", article(name, "2026-01-0" + (name.equals("hello") ? 1 : 2)));
            publisher.sync(SourceChange.of(name + ".md"));
        }
        String script = scriptOf(site.text("search/index.html"));
        site.delete("search/index.html");
        site.delete(script);

        publisher.sync(SourceChange.of("hello.md"));
        assertEquals(null, site.text("search/index.html"), "an upload does not write pages that depend on no article");

        publisher.rebuild();
        assertEquals(script, scriptOf(site.text("search/index.html")));
        assertNotNull(site.text(script));
        assertTrue(site.brokenLinkMoments.isEmpty(), site.brokenLinkMoments.toString());
    }
}
