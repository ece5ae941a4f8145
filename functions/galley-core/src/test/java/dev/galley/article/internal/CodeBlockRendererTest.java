package dev.galley.article.internal;

import org.junit.jupiter.api.Test;

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
}
