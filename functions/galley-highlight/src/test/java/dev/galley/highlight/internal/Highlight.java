package dev.galley.highlight.internal;

import dev.galley.highlight.Highlighter;
import dev.galley.highlight.HtmlOutput;
import org.commonmark.renderer.html.HtmlWriter;

/** Highlights through the public facade into a string, escaped by commonmark's writer as galley-core does. */
final class Highlight {

    private Highlight() {
    }

    static String html(String language, String code) {
        StringBuilder html = new StringBuilder();
        HtmlWriter writer = new HtmlWriter(html);
        Highlighter.write(language, code, new HtmlOutput() {
            @Override
            public void text(String text) {
                writer.text(text);
            }

            @Override
            public void raw(String markup) {
                writer.raw(markup);
            }
        });
        return html.toString();
    }
}
