package dev.galley.article;

import dev.galley.article.internal.highlight.Highlighter;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The code block an article shows on the home page as a card: a file name and its code.
 *
 * @param language the fence's language, or "" when none was given
 */
public record CodeSample(String fileName, String language, String code) {

    /** The code as escaped HTML with highlighting spans, the same as in the article's own page. */
    public String highlightedHtml() {
        StringBuilder out = new StringBuilder(code.length() * 2);
        Highlighter.write(language, code, new HtmlWriter(out));
        return out.toString();
    }
}
