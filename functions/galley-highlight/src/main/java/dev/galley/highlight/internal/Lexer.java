package dev.galley.highlight.internal;

/**
 * Splits {@code source[from, to)} into tokens. A lexer holds only immutable tables, so one instance serves every
 * thread; each call keeps its state in a fresh {@link Scanner}. Every lexer runs in time linear in its input: a
 * scan that reads k characters consumes them, and an unterminated string or comment runs to the end.
 */
interface Lexer {

    void lex(String source, int from, int to, TokenSink out);
}
