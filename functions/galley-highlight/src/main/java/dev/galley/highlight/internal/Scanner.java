package dev.galley.highlight.internal;

import dev.galley.highlight.TokenKind;

/** A cursor over {@code source[pos, end)} for one lexing run, with the scans every language shares. */
abstract class Scanner {

    final String source;
    final int end;
    final TokenSink out;
    int pos;

    Scanner(String source, int from, int to, TokenSink out) {
        this.source = source;
        this.pos = from;
        this.end = to;
        this.out = out;
    }

    /** The character {@code offset} places ahead of the cursor, or -1 past the end. */
    final int peek(int offset) {
        int i = pos + offset;
        return i < end ? source.charAt(i) : -1;
    }

    final boolean startsWith(String text) {
        return pos + text.length() <= end && source.startsWith(text, pos);
    }

    final void emit(TokenKind kind, int from) {
        out.add(kind, from, pos);
    }

    final void toLineEnd() {
        while (pos < end && source.charAt(pos) != '\n') {
            pos++;
        }
    }

    /** Moves past the next {@code close}, or to the end when there is none. */
    final void past(String close) {
        while (pos < end) {
            if (startsWith(close)) {
                pos += close.length();
                return;
            }
            pos++;
        }
    }

    /**
     * Moves past a string whose opening delimiter the cursor is already past: to its closing {@code close},
     * skipping backslash escapes when {@code escapes}; a string that may not span lines stops at the line end.
     */
    final void quoted(String close, boolean escapes, boolean multiline) {
        while (pos < end) {
            char c = source.charAt(pos);
            if (escapes && c == '\\') {
                pos = Math.min(end, pos + 2);
            } else if (c == '\n' && !multiline) {
                return;
            } else if (startsWith(close)) {
                pos += close.length();
                return;
            } else {
                pos++;
            }
        }
    }

    /** Moves past a block comment whose opening the cursor is at, counting nested openings when asked. */
    final void blockComment(String open, String close, boolean nested) {
        pos += open.length();
        int depth = 1;
        while (pos < end) {
            if (startsWith(close)) {
                pos += close.length();
                if (--depth == 0) {
                    return;
                }
            } else if (nested && startsWith(open)) {
                pos += open.length();
                depth++;
            } else {
                pos++;
            }
        }
    }

    /** Moves past a number starting at the cursor: digits, a fraction, an exponent, radix prefixes and suffixes. */
    final void number() {
        wordCharacters();
        if (peek(0) == '.' && isDigit(peek(1))) {
            pos++;
            wordCharacters();
        }
        char last = source.charAt(pos - 1);
        if ((last == 'e' || last == 'E') && (peek(0) == '+' || peek(0) == '-') && isDigit(peek(1))) {
            pos++;
            wordCharacters();
        }
    }

    final void identifier() {
        while (pos < end && isIdentifierPart(source.charAt(pos))) {
            pos++;
        }
    }

    private void wordCharacters() {
        while (pos < end && (isAsciiLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '_')) {
            pos++;
        }
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    static boolean isIdentifierStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && Character.isLetter(c));
    }

    static boolean isIdentifierPart(int c) {
        return isIdentifierStart(c) || isDigit(c) || (c > 127 && Character.isLetterOrDigit(c));
    }

    static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
