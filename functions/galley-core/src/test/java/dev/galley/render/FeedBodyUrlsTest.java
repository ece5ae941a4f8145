package dev.galley.render;

import dev.galley.article.Article;
import dev.galley.article.ArticleParser;
import dev.galley.site.SiteConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upload handler's feeds take bodies the parser rendered with absolute URLs, where they once took the page's
 * body and resolved its URLs with jsoup: the two must give the same HTML, for Markdown bodies (resolved by the
 * renderer) and for bodies with raw HTML (resolved in the sanitizer's document) alike.
 */
class FeedBodyUrlsTest {

    private static final SiteConfig SITE = new SiteConfig("Field Notes", "Notes from the field", "", URI.create("https://example.com/"),
            "Ada Lovelace", "en", java.time.ZoneOffset.UTC, 220, 10);
    private static final String FRONT = "---\ntitle: T\ndate: 2026-01-01\n---\n";

    static Stream<Arguments> bodies() throws IOException {
        Stream<Arguments> snippets = Stream.of(
                Arguments.of("posts/links.md", FRONT + """
                        ## Install

                        See [the intro](../getting-started/#install), [this section](#install), [the home page](/),
                        <https://crates.io/> and [mail](mailto:a@example.com).

                        ![The sparse index](sparse.png "Sparse")

                        A claim.[^1]

                        [^1]: From [the RFC](rfcs/2789.html).
                        """),
                Arguments.of("posts/figure.md", FRONT + """
                        {{< figure src="diagram.svg" alt="The pipeline" caption="Before and after" link="diagram-large.svg" >}}
                        """),
                Arguments.of("posts/raw.md", FRONT + """
                        Press <kbd>Ctrl</kbd> and see <a href="../other/">the other post</a>.

                        <picture><source srcset="wide.png 2x, narrow.png 1x"><img src="narrow.png" alt="A chart"></picture>

                        <video src="demo.mp4" poster="demo.png" controls></video>
                        """),
                // Raw HTML and a Markdown image: the site's own image, absolute in the feed, is still no other site's.
                Arguments.of("posts/mixed.md", FRONT + """
                        Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop the preview.

                        ![The warm-up beside the first event](diagram.png)
                        """));
        Stream<Arguments> content;
        try (Stream<Path> files = Files.list(Path.of("../../content"))) {
            List<Path> articles = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
            content = articles.stream().map(p -> Arguments.of(p.getFileName().toString(), read(p)));
        }
        return Stream.concat(snippets, content);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void aBodyParsedWithAbsoluteUrlsIsThePageBodyWithItsUrlsResolvedAsTheFeedDid(String key, String source) throws Exception {
        ArticleParser parser = new ArticleParser(SITE);
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        Article page = parser.parse(key, bytes);
        Article feed = parser.parseWithAbsoluteUrls(key, bytes);

        String resolvedByJsoup = new SiteRenderer(SITE).withAbsoluteUrls(page.summary(), page.bodyHtml());
        assertEquals(normalised(resolvedByJsoup), normalised(feed.bodyHtml()));
        if (key.startsWith("posts/")) {  // the snippets: each has relative URLs, so the rule is not met by doing nothing
            assertNotEquals(normalised(page.bodyHtml()), normalised(feed.bodyHtml()));
        }
        assertEquals(page.summary(), feed.summary(), "only the body differs");
        Document body = Jsoup.parseBodyFragment(feed.bodyHtml());
        for (Element element : body.select("[href], [src]")) {
            String url = element.hasAttr("href") ? element.attr("href") : element.attr("src");
            assertTrue(url.isEmpty() || URI.create(url).isAbsolute(), key + ": " + element);
        }
    }

    private static String normalised(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }
}
