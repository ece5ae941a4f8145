package dev.galley.article;

import dev.galley.article.internal.BoundedMemo;
import dev.galley.article.internal.HighlightedCode;
import org.commonmark.renderer.html.HtmlWriter;

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
    private static final BoundedMemo<CodeSample, String> HIGHLIGHTED = new BoundedMemo<>(10_000, CodeSample::highlight);

    /** The code as escaped HTML with highlighting spans, the same as in the article's own page. */
    public String highlightedHtml() {
        return HIGHLIGHTED.apply(this);
    }

    private static String highlight(CodeSample sample) {
        StringBuilder out = new StringBuilder(sample.code().length() * 2);
        HighlightedCode.write(sample.language(), sample.code(), new HtmlWriter(out));
        return out.toString();
    }
}
