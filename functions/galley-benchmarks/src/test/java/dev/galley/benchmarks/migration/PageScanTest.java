package dev.galley.benchmarks.migration;

import dev.galley.benchmarks.migration.PageScan.CodeBlock;
import dev.galley.benchmarks.migration.PageScan.Findings;
import dev.galley.benchmarks.migration.PageScan.Visible;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageScanTest {

    /** An article page as Galley's templates lay it out, with {@code body} as the article's rendered Markdown. */
    private static Findings scanArticle(String body) {
        return PageScan.scan("""
                <!doctype html><html><head><title>A post</title></head><body>
                <header><a href="/">Node.js Blog</a></header>
                <main><article class="article"><h1>A post</h1><div class="article-body">
                %s
                </div></article></main>
                <footer>Galley</footer></body></html>
                """.formatted(body));
    }

    private static List<String> tokens(List<Visible> found) {
        return found.stream().map(Visible::token).toList();
    }

    @Test
    void escapedDetailsInAParagraphIsCounted() {
        // nodejs.org, blog/announcements/making-nodejs-downloads-reliable.md, escaped as Galley shows raw HTML
        Findings findings = scanArticle("<p>&lt;details&gt;\n&lt;summary&gt;Math&lt;/summary&gt;\n2,400,000,000 requests</p>");

        assertEquals(List.of("<details", "<summary", "<summary"), tokens(findings.rawHtml()));
        assertEquals("<details> <summary>Math</summary> 2,400,", findings.rawHtml().get(0).snippet(),
                "the text from the match on, whitespace collapsed, for the report's examples");
    }

    @Test
    void escapedDetailsInsidePreCodeIsNotCounted() {
        Findings findings = scanArticle("<pre><code class=\"language-html\">&lt;details&gt;\n&lt;summary&gt;Math&lt;/summary&gt;"
                + "\n&lt;/details&gt;\n</code></pre><p>Use <code>&lt;br&gt;</code> sparingly.</p>");

        assertEquals(List.of(), findings.rawHtml());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # page text (escaped as in the HTML)                                                   | tokens found
            <p>&lt;iframe width="640" height="360" src="https://player.vimeo.com/video/1"&gt;</p>  | <iframe
            <p>&lt;!-- day 1: https://hackmd.io/x --&gt;</p>                                       | <!--
            <p>Jean-Denis Vauguet,&lt;br /&gt; and others</p>                                      | <br
            <p>&lt;DIV STYLE="float:right"&gt;x&lt;/DIV&gt;</p>                                    | <div <div
            <p>A <code>Vec&lt;T&gt;</code> and Vec&lt;T&gt; and a &lt; b and Option&lt;Box&lt;dyn Error&gt;&gt;</p> | ``
            <p><em>real</em> markup, <a href="/x">a link</a><br>and a break</p>                    | ``
            """)
    void rawHtmlIsCountedOnlyWhereItShowsAsText(String body, String expected) {
        String found = String.join(" ", tokens(scanArticle(body).rawHtml()));

        assertEquals(expected, found);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # page text                                                                  | tokens found
            <p>Thanks to all contributors since {{&lt; gh "@spf13" &gt;}} wrote the first line</p> | {{<
            <p>{{% note %}} Hugo 0.20 {{% /note %}}</p>                                 | {{% {{%
            <p>{% highlight diff %} diff --git a/x b/x</p>                              | {%
            <p>[1]: {{ site.url }}/en/news/2013/02/06/ruby-1-9-3-p385-is-released/</p> | {{
            <p>Set {{site.baseurl}} in _config.yml</p>                                  | {{
            <pre><code>{{&lt; gh "@spf13" &gt;}} {% raw %} {{ site.url }}</code></pre>  | ``
            <p>Templates: <code>{{ .Title }}</code> and <code>{% if x %}</code></p>     | ``
            <p>A set {x} and a map {{a: 1}, {b: 2}} in prose</p>                      | ``
            """)
    void templateTagsAreCountedOnlyOutsideCode(String body, String expected) {
        String found = String.join(" ", tokens(scanArticle(body).templateTags()));

        assertEquals(expected, found);
    }

    @Test
    void theSiteChromeAroundTheArticleIsNotScanned() {
        Findings findings = PageScan.scan("""
                <html><head><title>Using &lt;details&gt; in {{ Liquid }}</title></head><body>
                <nav>&lt;details&gt; {% tag %}</nav>
                <div class="article-body"><p>Nothing leaks here.</p></div></body></html>
                """);

        assertEquals(List.of(), findings.rawHtml());
        assertEquals(List.of(), findings.templateTags());
    }

    @Test
    void aCodeBlockWithTokenSpansIsHighlightedAndOneWithoutIsNot() {
        Findings findings = scanArticle("""
                <pre><code class="language-rust"><span class="tok-kw">fn</span> <span class="tok-fn">main</span>() {}</code></pre>
                <pre><code class="language-Ruby">puts "hello"</code></pre>
                <pre><code>    indented code</code></pre>
                """);

        assertEquals(List.of(new CodeBlock("rust", true), new CodeBlock("ruby", false), new CodeBlock("", false)),
                findings.codeBlocks());
    }

    @Test
    void imagesAreListedAsThePageLinksThem() {
        Findings findings = scanArticle("""
                <p><img src="/media/news/0.33-relnotes/poster.png" alt="Poster">
                <img src="/static/images/blog/announcements/2024-nodejs-screenshot.png" alt="Screenshot">
                <img src="https://user-images.githubusercontent.com/8822573/80928108.png" alt="image"></p>
                """);

        assertEquals(List.of("/media/news/0.33-relnotes/poster.png", "/static/images/blog/announcements/2024-nodejs-screenshot.png",
                "https://user-images.githubusercontent.com/8822573/80928108.png"), findings.images());
    }
}
