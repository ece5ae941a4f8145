package dev.galley.article;

import dev.galley.site.SiteConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jekyll's Liquid tags and Hugo's shortcodes, as authors who come from them write them. */
class TemplateTagsTest {

    private static final SiteConfig SITE = new SiteConfig("Galley Notes", "Notes on shipping", "A site.",
            URI.create("https://galley.example.com/"), "Mara Lindqvist", "en", ZoneOffset.UTC, 220, 10);
    private static final String FRONT_MATTER = """
            ---
            title: Template tags
            date: 2026-03-10
            author: Ada
            hero: assets/hero.png
            params:
              version: 0.112.0
            ---
            """;
    /** The body's first line is the file's line 9. */
    private static final int BODY_LINE = 9;

    private final ArticleParser parser = new ArticleParser(SITE);

    private Article parse(String key, String body) throws ArticleException {
        return parser.parse(key, (FRONT_MATTER + body).getBytes(StandardCharsets.UTF_8));
    }

    private Document html(String body) throws ArticleException {
        Article article = parse("posts/tags.md", body);
        assertEquals(List.of(), article.warnings(), "warnings");
        return Jsoup.parseBodyFragment(article.bodyHtml());
    }

    /** name, body, CSS selector, the text or attribute the selected element must have ("@attr=value" or text). */
    static Stream<Arguments> understoodTags() {
        return Stream.of(
                Arguments.of("Jekyll highlight with linenos", """
                        {% highlight ruby linenos %}
                        def foo
                          puts 'foo'
                        end
                        {% endhighlight %}
                        """, "pre code.language-ruby", "def foo\n  puts 'foo'\nend\n"),
                Arguments.of("Jekyll highlight with whitespace control", """
                        {%- highlight yaml -%}
                        sensor:
                          - platform: template
                        {%- endhighlight -%}
                        """, "pre code.language-yaml", "sensor:\n  - platform: template\n"),
                Arguments.of("Hugo highlight with options", """
                        {{< highlight go "linenos=table,hl_lines=8 15-17,linenostart=199" >}}
                        func main() {
                            fmt.Println("hi")
                        }
                        {{< /highlight >}}
                        """, "pre code.language-go", "func main() {\n    fmt.Println(\"hi\")\n}\n"),
                Arguments.of("highlight whose code holds a longer fence", """
                        {% highlight markdown %}
                        ````js
                        let a = 1;
                        ````
                        {% endhighlight %}
                        """, "pre code.language-markdown", "````js\nlet a = 1;\n````\n"),
                Arguments.of("highlight in a list item", """
                        1. Install it:

                           {% highlight shell %}
                           gem install jekyll
                           {% endhighlight %}
                        """, "ol li pre code.language-shell", "gem install jekyll\n"),
                Arguments.of("raw around a fence (home-assistant.io)", """
                        {% raw %}
                        ```yaml
                        value_template: "{{ states('sensor.temperature') | float > 25 }}"
                        ```
                        {% endraw %}
                        """, "pre code.language-yaml", "value_template: \"{{ states('sensor.temperature') | float > 25 }}\"\n"),
                Arguments.of("raw in prose", """
                        Write {% raw %}{{ page.title }}{% endraw %} in a layout.
                        """, "p", "Write {{ page.title }} in a layout."),
                Arguments.of("post_url in a link (Jekyll docs)", """
                        [Name of Link]({% post_url 2010-07-21-name-of-post %})
                        """, "a", "@href=/articles/name-of-post/"),
                Arguments.of("post_url in a subdirectory", """
                        [Story]({% post_url /subdir/2010-07-21-name-of-post %})
                        """, "a", "@href=/articles/name-of-post/"),
                Arguments.of("link to a post file", """
                        [Link]({% link _posts/2016-07-26-name-of-post.md %})
                        """, "a", "@href=/articles/name-of-post/"),
                Arguments.of("link to an image", """
                        ![Diagram]({% link assets/diagram.png %})
                        """, "img", "@src=/media/assets/diagram.png"),
                Arguments.of("Hugo ref with an anchor", """
                        See [the intro]({{< ref "posts/getting-started.md#install" >}}).
                        """, "a", "@href=/articles/getting-started/#install"),
                Arguments.of("Hugo relref to a page bundle", """
                        See [bundles]({{< relref "/blog/page-bundles/index.md" >}}).
                        """, "a", "@href=/articles/page-bundles/"),
                Arguments.of("Hugo ref to a section-less name", """
                        [Deploy]({{< relref "deploy" >}})
                        """, "a", "@href=/articles/deploy/"),
                Arguments.of("site title", """
                        Welcome to {{ site.title }}!
                        """, "p", "Welcome to Galley Notes!"),
                Arguments.of("site.url in a link", """
                        [Home]({{ site.url }}/about/)
                        """, "a", "@href=https://galley.example.com/about/"),
                Arguments.of("baseurl prefix", """
                        ![Logo]({{ site.baseurl }}/assets/logo.png)
                        """, "img", "@src=/media/assets/logo.png"),  // root-relative: the content root, where assets/ was uploaded
                Arguments.of("relative_url filter", """
                        ![Screenshot]({{ "/assets/x.png" | relative_url }})
                        """, "img", "@src=/media/assets/x.png"),
                Arguments.of("absolute_url filter", """
                        [Feed]({{ '/feed.xml' | absolute_url }})
                        """, "a", "@href=https://galley.example.com/feed.xml"),
                Arguments.of("default filter for a missing key", """
                        By {{ page.authors | default: site.author }}.
                        """, "p", "By Mara Lindqvist."),
                Arguments.of("default filter not needed", """
                        By {{ page.author | default: "someone" }}.
                        """, "p", "By Ada."),
                Arguments.of("an unknown filter passes the value through", """
                        By {{ site.author | smartify }}.
                        """, "p", "By Mara Lindqvist."),
                Arguments.of("page title and author", """
                        *{{ page.title }}* by {{ page.author | upcase }}
                        """, "p em", "Template tags"),
                Arguments.of("a front matter key Galley does not use", """
                        ![Hero]({{ page.hero }})
                        """, "img", "@src=/media/posts/assets/hero.png"),
                Arguments.of("a nested front matter key", """
                        Since version {{ page.params.version }}.
                        """, "p", "Since version 0.112.0."),
                Arguments.of("Hugo param from the page", """
                        Written by {{% param author %}}.
                        """, "p", "Written by Ada."),
                Arguments.of("Hugo param from the site", """
                        Part of {{< param "description" >}}
                        """, "p", "Part of A site."),
                Arguments.of("YouTube (Hugo docs)", """
                        {{< youtube w7Ft2ymGmfc >}}
                        """, "div.embed iframe", "@src=https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc"),
                Arguments.of("YouTube with named id and title", """
                        {{< youtube id="0RKpf3rK57I" title="A New Hugo Site in Under Two Minutes" >}}
                        """, "div.embed iframe", "@title=A New Hugo Site in Under Two Minutes"),
                Arguments.of("Vimeo", """
                        {{< vimeo 55073825 >}}
                        """, "div.embed iframe", "@src=https://player.vimeo.com/video/55073825"),
                Arguments.of("figure beside the article", """
                        {{< figure src="elephant.jpg" alt="An elephant at sunset" caption="Photo by the author" >}}
                        """, "figure img", "@src=/media/posts/elephant.jpg"),
                Arguments.of("figure caption", """
                        {{< figure src="/images/elephant.jpg" title="An elephant at sunset" >}}
                        """, "figure figcaption", "An elephant at sunset"),
                Arguments.of("figure caption with Go's escaped quotes", """
                        {{< figure src="quote.png" caption="She said \\"ship it\\"" >}}
                        """, "figure figcaption", "She said \"ship it\""),
                Arguments.of("figure with a link", """
                        {{< figure src="elephant.jpg" alt="Elephant" link="https://en.wikipedia.org/wiki/Elephant" >}}
                        """, "figure a[href] img", "@alt=Elephant"),
                Arguments.of("embed in a block quote", """
                        > Watch this:
                        > {{< youtube w7Ft2ymGmfc >}}
                        """, "blockquote div.embed iframe", "@src=https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc"),
                Arguments.of("embed between lines of text", """
                        Watch this:
                        {{< youtube w7Ft2ymGmfc >}}
                        That was it.
                        """, "p + div.embed + p", "That was it."),
                Arguments.of("embed right after a table", """
                        | Version | Date |
                        |---|---|
                        | 0.112.0 | 2023-05-23 |
                        {{< vimeo 55073825 >}}
                        """, "table + div.embed iframe", "@src=https://player.vimeo.com/video/55073825"),
                Arguments.of("embed right after an HTML block", """
                        <div class="note">
                        {{< vimeo 55073825 >}}
                        """, "div.embed iframe", "@src=https://player.vimeo.com/video/55073825"),
                Arguments.of("embed in the middle of a line", """
                        Watch {{< vimeo 55073825 >}} now.
                        """, "div.embed + p", "now."),
                Arguments.of("Hugo's escaped shortcode prints the shortcode", """
                        Write {{</* youtube w7Ft2ymGmfc */>}} to embed a video.
                        """, "p", "Write {{< youtube w7Ft2ymGmfc >}} to embed a video."),
                Arguments.of("Liquid comment", """
                        Visible. {% comment %} Hidden **draft** note. {% endcomment %}
                        """, "p", "Visible."),
                Arguments.of("a Go template expression is not Liquid", """
                        In a layout, {{ .Title }} prints the title.
                        """, "p", "In a layout, {{ .Title }} prints the title."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("understoodTags")
    void understoodTagsBecomeWhatTheGeneratorWouldHaveMade(String name, String body, String selector, String expected)
            throws Exception {
        Document page = html(body);
        Element element = page.selectFirst(selector);
        assertNotNull(element, () -> "no " + selector + " in " + page.body().html());
        if (expected.startsWith("@")) {
            String[] attribute = expected.substring(1).split("=", 2);
            assertEquals(attribute[1], element.attr(attribute[0]), () -> page.body().html());
        } else if (element.tagName().equals("code")) {
            assertEquals(expected, element.wholeText());
        } else {
            assertEquals(expected, element.text());
        }
        assertFalse(page.body().html().contains("galleyembed"), "a placeholder was left");
    }

    /** name, body; each holds the tag {% post_url x %} or {{< youtube x >}} as code. */
    static Stream<Arguments> code() {
        return Stream.of(
                Arguments.of("backtick fence", """
                        ```liquid
                        {% post_url 2010-07-21-name %} {{< youtube w7Ft2ymGmfc >}} {{ site.title }}
                        ```
                        """),
                Arguments.of("long tilde fence, indented", """
                           ~~~~~
                           {% post_url 2010-07-21-name %} {{< youtube w7Ft2ymGmfc >}} {{ site.title }}
                           ~~~
                           ~~~~~
                        """),
                Arguments.of("indented code", """
                        Text.

                            {% post_url 2010-07-21-name %} {{< youtube w7Ft2ymGmfc >}} {{ site.title }}
                        """),
                Arguments.of("code span", """
                        Use `{% post_url 2010-07-21-name %}`, ``{{< youtube w7Ft2ymGmfc >}}`` or `{{ site.title }}`.
                        """),
                Arguments.of("fence in a block quote", """
                        > ```
                        > {% post_url 2010-07-21-name %} {{< youtube w7Ft2ymGmfc >}} {{ site.title }}
                        > ```
                        """),
                Arguments.of("fence in a list item", """
                        - Step:

                          ```
                          {% post_url 2010-07-21-name %} {{< youtube w7Ft2ymGmfc >}} {{ site.title }}
                          ```
                        """),
                Arguments.of("unclosed fence runs to the end", """
                        ```
                        {% post_url 2010-07-21-name %} {{< youtube w7Ft2ymGmfc >}} {{ site.title }}
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("code")
    void nothingInsideCodeIsInterpreted(String name, String body) throws Exception {
        Document page = html(body);
        String code = page.select("code").text();
        assertAll(
                () -> assertTrue(code.contains("{% post_url 2010-07-21-name %}") || code.contains("{{< youtube w7Ft2ymGmfc >}}"),
                        () -> page.body().html()),
                () -> assertNull(page.selectFirst("iframe")),
                () -> assertFalse(page.text().contains("/articles/name/")),
                () -> assertFalse(page.text().contains("Galley Notes")));
    }

    @Test
    void unknownTagsAreRemovedWithAWarningNamingFileLineAndTag() throws Exception {
        // home-assistant.io, 2016; and the Hugo documentation
        Article article = parse("_posts/2016-01-17-extended-support-for-diy-solutions.md", """
                ## {% linkable_title Configuration %}

                {% assign version = site.data.version %}
                To enable it, add the following lines to your `configuration.yaml` file:

                {% include integrations/config_flow.md %}

                {{< new-in 0.112.0 >}}

                {{% note %}}
                Hugo's `markdownify` renders Markdown.
                {{% /note %}}

                {{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}
                """);
        assertEquals(List.of(
                new ArticleWarning(article.sourceKey(), BODY_LINE + 2, "unknown-template-tag",
                        "the Liquid tag {% assign version = site.data.version %} is not supported, so it was removed "
                                + "(text between it and a closing tag is kept); write that part in Markdown"),
                new ArticleWarning(article.sourceKey(), BODY_LINE + 5, "unknown-template-tag",
                        "the Liquid tag {% include integrations/config_flow.md %} is not supported, so it was removed "
                                + "(text between it and a closing tag is kept); write that part in Markdown"),
                new ArticleWarning(article.sourceKey(), BODY_LINE + 7, "unknown-template-tag",
                        "the Hugo shortcode {{< new-in 0.112.0 >}} is not supported, so it was removed (text between it "
                                + "and a closing tag is kept); write that part in Markdown"),
                new ArticleWarning(article.sourceKey(), BODY_LINE + 9, "unknown-template-tag",
                        "the Hugo shortcode {{% note %}} is not supported, so it was removed (text between it and a "
                                + "closing tag is kept); write that part in Markdown"),
                new ArticleWarning(article.sourceKey(), BODY_LINE + 13, "unknown-template-tag",
                        "the Hugo shortcode {{< tweet user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}} is not "
                                + "supported, so it was removed (text between it and a closing tag is kept); write that "
                                + "part in Markdown")), article.warnings());
        Document page = Jsoup.parseBodyFragment(article.bodyHtml());
        assertAll(
                () -> assertEquals("Configuration", page.select("h2").text().replace("#", "").strip()),
                () -> assertFalse(page.text().contains("{%"), page::text),
                () -> assertFalse(page.text().contains("{{"), page::text),
                () -> assertEquals("Hugo's markdownify renders Markdown.", page.select("p").last().text()),
                () -> assertEquals("markdownify", page.select("p").last().select("code").text()));
    }

    @Test
    void aHighlightWithoutEndIsRemovedAndTheRestRenderedAsMarkdown() throws Exception {
        Article article = parse("a.md", """
                Intro.

                {% highlight ruby %}
                def foo
                **Still Markdown.**
                """);
        assertEquals(List.of(new ArticleWarning("a.md", BODY_LINE + 2, "unknown-template-tag",
                "{% highlight ruby %} has no {% endhighlight %}, so it was removed and the text after it is shown as "
                        + "Markdown")), article.warnings());
        Document page = Jsoup.parseBodyFragment(article.bodyHtml());
        assertEquals("Still Markdown.", page.select("strong").text());
        assertNull(page.selectFirst("pre"));
    }

    @Test
    void anUnresolvableLinkIsRemovedWithAWarning() throws Exception {
        Article article = parse("a.md", """
                Read [the old page]({% link about.html %}), [this]({% post_url %}) and [that]({{< ref "https://gohugo.io/" >}}).
                """);
        assertEquals(List.of("unresolved-link", "unresolved-link", "unresolved-link"),
                article.warnings().stream().map(ArticleWarning::kind).toList());
        assertEquals(BODY_LINE, article.warnings().get(0).line());
        assertEquals("{% link about.html %} names no article (a .md file) or image, so it was removed and its link "
                + "points nowhere", article.warnings().get(0).reason());
        assertFalse(article.bodyHtml().contains("{%"));
    }

    @Test
    void aVariableWithNoValueIsRemovedWithAWarning() throws Exception {
        Article article = parse("a.md", """
                Stars: {{ site.github.stargazers_count }}.
                By {{ page.authors }} and {{% param editor %}}.
                """);
        assertEquals(List.of("unknown-variable", "unknown-variable", "unknown-variable"),
                article.warnings().stream().map(ArticleWarning::kind).toList());
        assertEquals(List.of(BODY_LINE, BODY_LINE + 1, BODY_LINE + 1),
                article.warnings().stream().map(ArticleWarning::line).toList());
        assertTrue(article.warnings().get(1).reason().endsWith("and the front matter has no authors"));
        assertEquals("<p>Stars: .\nBy  and .</p>\n", article.bodyHtml());
    }

    @Test
    void aVideoWithAnIdThatIsNoIdIsRemovedWithAWarning() throws Exception {
        Article article = parse("a.md", """
                {{< youtube "x\\" onload=\\"alert(1)" >}}
                {{< vimeo id="https://evil.example/x" >}}
                """);
        assertEquals(List.of("unknown-template-tag", "unknown-template-tag"),
                article.warnings().stream().map(ArticleWarning::kind).toList());
        assertFalse(article.bodyHtml().contains("iframe"), article.bodyHtml());
        assertFalse(article.bodyHtml().contains("onload"), article.bodyHtml());
    }

    @Test
    void aValueIsTextNeverMarkup() throws Exception {
        String hostile = "<script>alert(1)</script> *em* [a](javascript:alert(1)) `code` <img src=x onerror=alert(1)>";
        Article article = parser.parse("a.md", ("---\ntitle: T\ndate: 2026-01-01\nbio: \"" + hostile.replace("\"", "\\\"")
                + "\"\n---\nBio: {{ page.bio }}\n\n[link]({{ page.bio }})\n").getBytes(StandardCharsets.UTF_8));
        Document page = Jsoup.parseBodyFragment(article.bodyHtml());
        assertAll(
                () -> assertEquals("Bio: " + hostile, page.selectFirst("p").text()),
                () -> assertTrue(page.select("script, em, code, img, iframe").isEmpty(), page.body()::html),
                () -> assertTrue(page.select("a[href^=javascript]").isEmpty(), page.body()::html));
    }

    @Test
    void aFigureLinkAndSourceGoThroughTheUrlSanitizer() throws Exception {
        Document page = html("""
                {{< figure src="javascript:alert(1)" link="javascript:alert(2)" caption="<b>bold</b>" >}}
                """);
        Element figure = page.selectFirst("figure");
        assertNotNull(figure);
        assertAll(
                () -> assertFalse(figure.html().contains("javascript"), figure::html),
                () -> assertEquals("<b>bold</b>", figure.selectFirst("figcaption").text()),
                () -> assertNull(figure.selectFirst("b")));
    }

    @Test
    void aFirstParagraphThatIsOnlyAShortcodeIsNotTheSummary() throws Exception {
        Article embed = parse("a.md", """
                {{< youtube w7Ft2ymGmfc >}}

                Hugo is a static site generator written in Go.
                """);
        Article unknown = parse("b.md", """
                {{< new-in 0.112.0 >}}

                The **figure** shortcode at {{ site.title }}.
                """);
        assertEquals(List.of("Hugo is a static site generator written in Go."), embed.summary().summary());
        assertEquals(List.of("The figure shortcode at Galley Notes."), unknown.summary().summary());
    }

    @Test
    void aSummaryOrDescriptionInTheFrontMatterShowsValuesNotTags() throws Exception {
        Article withValue = parser.parse("a.md", """
                ---
                title: T
                date: 2026-01-01
                summary: "What's new on {{ site.title }} {{< new-in 0.1 >}}"
                description: "{{ page.title }}, on {{ site.title }}"
                ---
                Body.
                """.getBytes(StandardCharsets.UTF_8));
        Article onlyShortcode = parser.parse("b.md", """
                ---
                title: T
                date: 2026-01-01
                summary: "{{< youtube w7Ft2ymGmfc >}}"
                ---
                The body's first paragraph.
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("What's new on Galley Notes"), withValue.summary().summary());
        assertEquals("T, on Galley Notes", withValue.summary().description());
        assertEquals(List.of("The body's first paragraph."), onlyShortcode.summary().summary());
    }

    @Test
    void anArticleWithoutTagsIsUnchanged() throws Exception {
        Article article = parse("a.md", "A {brace} and {{ but no closing.\n\n{% neither\n");
        assertEquals(List.of(), article.warnings());
        assertEquals("<p>A {brace} and {{ but no closing.</p>\n<p>{% neither</p>\n", article.bodyHtml());
    }

    static Stream<Arguments> hostileBodies() {
        int size = ArticleParser.MAX_BYTES - FRONT_MATTER.length() - 16;
        return Stream.of(
                Arguments.of("{%", "{%".repeat(size / 2)),
                Arguments.of("{{<", "{{<".repeat(size / 3)),
                Arguments.of("{{", "{{ ".repeat(size / 3)),
                Arguments.of("unclosed highlights", "{% highlight x %}".repeat(size / 17)),
                Arguments.of("unclosed raws", "{% raw %}".repeat(size / 9)),
                Arguments.of("closings without openings", "{% endraw %}".repeat(size / 12)),
                Arguments.of("tags with no end but the last", "{% x ".repeat(size / 5 - 1) + "%}"),
                Arguments.of("embeds on one line", "{{< youtube w7Ft2ymGmfc >}}".repeat(size / 27)),
                Arguments.of("a long placeholder-like word", "galleyembed" + "x".repeat(size - 40) + " {{< vimeo 1 >}}"),
                Arguments.of("many placeholder-like words", "galleyembed0q0z galleyembed1q ".repeat(size / 30) + "{{< vimeo 1 >}}"),
                Arguments.of("spaces then a tag", " ".repeat(size - 20) + "{{< vimeo 1 >}}"));
    }

    /**
     * A quadratic pass would take hours on 1 MiB; a linear one, well under a second. The bound only catches hangs,
     * and leaves room for a loaded machine (a build at load 50 once took more than 30 s).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void aMebibyteOfTagOpeningsParsesInLinearTime(String name, String body) {
        Article article = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> parse("a.md", body));
        assertNotNull(article.bodyHtml());
    }
}
