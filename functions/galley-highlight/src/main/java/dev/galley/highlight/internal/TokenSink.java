package dev.galley.highlight.internal;

import dev.galley.highlight.HtmlOutput;
import dev.galley.highlight.TokenKind;

/**
 * Receives tokens as ranges of the source, in order, and writes the source as escaped text with a span per
 * token; text between tokens is written plain. Adjacent tokens of one kind share a span.
 */
final class TokenSink {

    /** The span that opens each kind's token: constants, so written raw rather than escaped for every token. */
    private static final String[] OPENING_TAGS = new String[TokenKind.values().length];

    static {
        for (TokenKind kind : TokenKind.values()) {
            OPENING_TAGS[kind.ordinal()] = "<span class=\"" + kind.cssClass() + "\">";
        }
    }

    private final String source;
    private final HtmlOutput html;
    private int written;
    private TokenKind pendingKind;
    private int pendingFrom;
    private int pendingTo;

    TokenSink(String source, HtmlOutput html) {
        this.source = source;
        this.html = html;
    }

    void add(TokenKind kind, int from, int to) {
        if (to <= from) {
            return;
        }
        int last = pendingKind == null ? written : pendingTo;
        if (from < last) {
            throw new IllegalStateException("token " + kind + " at " + from + " overlaps the previous one ending at " + last);
        }
        if (kind == pendingKind && from == pendingTo) {
            pendingTo = to;
            return;
        }
        flushPending();
        pendingKind = kind;
        pendingFrom = from;
        pendingTo = to;
    }

    void finish() {
        flushPending();
        text(written, source.length());
        written = source.length();
    }

    private void flushPending() {
        if (pendingKind == null) {
            return;
        }
        text(written, pendingFrom);
        html.raw(OPENING_TAGS[pendingKind.ordinal()]);
        text(pendingFrom, pendingTo);
        html.raw("</span>");
        written = pendingTo;
        pendingKind = null;
    }

    private void text(int from, int to) {
        if (to > from) {
            html.text(source.substring(from, to));
        }
    }
}
