package dev.galley.article.internal;

import dev.galley.highlight.Highlighter;
import dev.galley.highlight.HtmlOutput;
import org.commonmark.renderer.html.HtmlWriter;

/** Writes fenced code highlighted into commonmark's writer, which escapes the code's text. */
public final class HighlightedCode {

    private HighlightedCode() {
    }

    public static void write(String language, String code, HtmlWriter html) {
        Highlighter.write(language, code, new HtmlOutput() {
            @Override
            public void text(String text) {
                html.text(text);
            }

            @Override
            public void raw(String markup) {
                html.raw(markup);
            }
        });
    }
}
