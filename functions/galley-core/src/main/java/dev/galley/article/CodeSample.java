package dev.galley.article;

import dev.galley.article.internal.highlight.Highlighter;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The code block an article shows on the home page as a card: a file name and its code.
 *
 * @param language the fence's language, or "" when none was given
 */
public record CodeSample(String fileName, String language, String code) {

    /**
     * Highlighted cards by sample. A card shows on the home listing and on each of its tags' listings, so a full
     * build highlighted every sample four times or so: a tenth of its work. Bounded like the tag slugs, at a few
     * kilobytes a card.
     */
    private static final Map<CodeSample, String> HIGHLIGHTED = new ConcurrentHashMap<>();
    private static final int HIGHLIGHTED_KEPT = 10_000;

    /** The code as escaped HTML with highlighting spans, the same as in the article's own page. */
    public String highlightedHtml() {
        String known = HIGHLIGHTED.get(this);
        if (known != null) {
            return known;
        }
        StringBuilder out = new StringBuilder(code.length() * 2);
        Highlighter.write(language, code, new HtmlWriter(out));
        String html = out.toString();
        if (HIGHLIGHTED.size() < HIGHLIGHTED_KEPT) {
            HIGHLIGHTED.put(this, html);
        }
        return html;
    }
}
