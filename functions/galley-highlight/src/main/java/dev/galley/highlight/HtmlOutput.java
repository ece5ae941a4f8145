package dev.galley.highlight;

/**
 * Where highlighted code is written. The highlighter has no HTML library of its own: the caller's writer escapes
 * the code's text, and the highlighter only adds its span tags, which are constants.
 */
public interface HtmlOutput {

    /** Writes code text, escaping it. */
    void text(String text);

    /** Writes a span tag of the highlighter's own, as it is. */
    void raw(String markup);
}
