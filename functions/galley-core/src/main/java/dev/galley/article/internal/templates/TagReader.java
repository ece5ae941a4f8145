package dev.galley.article.internal.templates;

import dev.galley.article.internal.templates.Tag.Syntax;

/**
 * Finds the template tag that starts at a position. Linear over a whole body read from left to right, however
 * many openings lack a closing: each closing delimiter is searched for once per stretch of text.
 */
final class TagReader {

    /** Longer is not a tag: real ones are a few words; the bound keeps hostile input cheap. */
    static final int MAX_TAG_LENGTH = 2_000;

    private final String text;
    private final int[] nextClose = new int[Syntax.values().length];

    TagReader(String text) {
        this.text = text;
        java.util.Arrays.fill(nextClose, -2);
    }

    /** The tag whose first character is at {@code at}, or null. Call with increasing positions. */
    Tag at(int at) {
        Syntax syntax = syntaxAt(at);
        if (syntax == null) {
            return null;
        }
        int innerStart = at + syntax.open.length();
        int close = closeAfter(syntax, innerStart);
        if (close < 0 || close - at > MAX_TAG_LENGTH) {
            return null;
        }
        String inner = text.substring(innerStart, close);
        int end = close + syntax.close.length();
        if (syntax == Syntax.LIQUID || syntax == Syntax.LIQUID_OUTPUT) {
            inner = stripWhitespaceControl(inner);
        }
        inner = inner.strip();
        return switch (syntax) {
            case LIQUID_OUTPUT, HUGO_ESCAPED, HUGO_MARKDOWN_ESCAPED ->
                    inner.isEmpty() ? null : new Tag(syntax, "", inner, java.util.List.of(), java.util.Map.of(), at, end);
            default -> Tag.parse(syntax, inner, at, end);
        };
    }

    private Syntax syntaxAt(int at) {
        if (text.startsWith("{{</*", at)) {
            return Syntax.HUGO_ESCAPED;
        }
        if (text.startsWith("{{%/*", at)) {
            return Syntax.HUGO_MARKDOWN_ESCAPED;
        }
        if (text.startsWith("{{<", at)) {
            return Syntax.HUGO;
        }
        if (text.startsWith("{{%", at)) {
            return Syntax.HUGO_MARKDOWN;
        }
        if (text.startsWith("{{", at)) {
            return Syntax.LIQUID_OUTPUT;
        }
        if (text.startsWith("{%", at)) {
            return Syntax.LIQUID;
        }
        return null;
    }

    /** The next closing delimiter at or after {@code from}, remembered until the reader passes it. */
    private int closeAfter(Syntax syntax, int from) {
        int known = nextClose[syntax.ordinal()];
        if (known == -1 || known >= from) {
            return known;  // -1: none after an earlier position, so none after this one
        }
        int found = text.indexOf(syntax.close, from);
        nextClose[syntax.ordinal()] = found;
        return found;
    }

    private static String stripWhitespaceControl(String inner) {
        String s = inner.startsWith("-") ? inner.substring(1) : inner;
        return s.endsWith("-") ? s.substring(0, s.length() - 1) : s;
    }
}
