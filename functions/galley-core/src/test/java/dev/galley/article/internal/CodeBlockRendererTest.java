package dev.galley.article.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeBlockRendererTest {

    private static String token(String kind, String escapedText) {
        return "<span class=\"tok-" + kind + "\">" + escapedText + "</span>";
    }

    private static String render(String markdown) {
        return Markdown.render(Markdown.parse(markdown));
    }

    @Test
    void fencedCodeIsHighlightedInsideTheTitledFigure() {
        String html = render("""
                ```sql title="migrate.sql"
                SELECT '<b>' & 1;
                ```
                """);
        assertTrue(html.contains("<figure class=\"code-block\"><figcaption>migrate.sql</figcaption>"
                + "<pre tabindex=\"0\"><code class=\"language-sql\">" + token("kw", "SELECT") + " " + token("str", "'&lt;b&gt;'")
                + " " + token("op", "&amp;") + " " + token("num", "1") + token("punc", ";") + "\n</code></pre></figure>"), html);
    }

    /** Info strings as real posts write them: rustdoc, mdBook, Hugo, kramdown and pandoc, GitHub. */
    @ParameterizedTest(name = "[{0}] -> language \"{1}\", title \"{2}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            rust,ignore                          | rust       |
            rust,no_run,edition2021              | rust       |
            rust=                                | rust       |
            shell=                               | shell      |
            sql title="migrate_users_table.sql"  | sql        | migrate_users_table.sql
            go {linenos=table,hl_lines=[8]}      | go         |
            {.python title="fetch.py"}           | python     | fetch.py
            {.rust}                              | rust       |
            {#listing-1 .toml}                   | toml       |
            {title="x.txt"}                      |            | x.txt
            title="notes.txt"                    |            | notes.txt
            C++                                  | c++        |
            c#                                   | c#         |
            Dockerfile title=Dockerfile          | dockerfile | Dockerfile
            <script>                             |            |
            ``                                   |            |
            """)
    void languageIsTheFirstWordUpToASpaceCommaOrEquals(String info, String language, String title) {
        FenceInfo parsed = FenceInfo.parse(info);
        assertEquals(language == null ? "" : language, parsed.language(), "language");
        assertEquals(title == null ? "" : title, parsed.title(), "title");
    }

    @Test
    void attributesAfterTheLanguageKeepTheLanguageClassAndItsHighlighting() {
        String html = render("""
                ```rust,ignore
                fn main() {}
                ```
                """);
        assertTrue(html.contains("<code class=\"language-rust\">" + token("kw", "fn")), html);
    }

    @Test
    void anUnknownLanguageKeepsItsClassAndIsPlainText() {
        String html = render("""
                ```zig
                const std = @import("std");
                ```
                """);
        assertTrue(html.contains("<code class=\"language-zig\">const std = @import(&quot;std&quot;);\n</code>"), html);
    }

    @Test
    void mermaidDiagramIsKeptAsEscapedSourceOutsideACodeCard() {
        String html = render("""
                ```mermaid title="flow"
                graph LR
                  upload[Upload .md] --> lambda{{Lambda}} --> site["<b>site</b>"]
                ```
                """);
        assertEquals("<pre class=\"mermaid\" tabindex=\"0\">graph LR\n  upload[Upload .md] --&gt; lambda{{Lambda}} --&gt; "
                + "site[&quot;&lt;b&gt;site&lt;/b&gt;&quot;]\n</pre>\n", html);
        assertFalse(html.contains("<script"), html);
    }

    @Test
    void mermaidDiagramIsNeverTheHomePageCodeSample() {
        BodyFacts facts = BodyFacts.of(Markdown.parse("""
                ```mermaid title="flow.mmd"
                graph LR; a --> b
                ```

                ```sql title="q.sql"
                SELECT 1;
                ```
                """));
        assertEquals(1, facts.titledBlocks().size());
        assertEquals("q.sql", facts.titledBlocks().get(0).info().title());
    }
}
