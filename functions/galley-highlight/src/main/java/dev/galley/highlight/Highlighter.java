package dev.galley.highlight;

import dev.galley.highlight.internal.Languages;

/**
 * Server-side syntax highlighting of fenced code into {@code tok-*} classes ({@link TokenKind}) that the site's
 * stylesheet colours; readers run no JavaScript. Each language's lexer table is built on its first use, so an
 * article loads only the languages it shows. Why our own lexers and not a library: docs/libraries.md.
 */
public final class Highlighter {

    private Highlighter() {
    }

    /**
     * Writes {@code code} to {@code html}: highlighted when {@code language} (a fence's language or one of its
     * aliases, in any case) is one we know, else as plain text. Every character of the code goes through
     * {@link HtmlOutput#text}.
     */
    public static void write(String language, String code, HtmlOutput html) {
        Languages.write(language, code, html);
    }
}
