package dev.galley.highlight.internal;

import dev.galley.highlight.TokenKind;

/**
 * Lexes nginx configuration: the first word of each statement is its directive (a keyword), {@code $name}
 * is a variable, blocks and statements are punctuated by braces and semicolons, and a value that starts with a
 * digit ({@code 443}, {@code 10m}, {@code 1.5s}) is a number.
 */
final class NginxLexer implements Lexer {

    @Override
    public void lex(String source, int from, int to, TokenSink out) {
        new Run(source, from, to, out).run();
    }

    private static final class Run extends Scanner {

        private boolean directive = true;

        Run(String source, int from, int to, TokenSink out) {
            super(source, from, to, out);
        }

        void run() {
            while (pos < end) {
                int start = pos;
                char c = source.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#') {
                    toLineEnd();
                    emit(TokenKind.COMMENT, start);
                } else if (c == '{' || c == '}' || c == ';') {
                    pos++;
                    emit(TokenKind.PUNCTUATION, start);
                    directive = true;
                } else if (c == '"' || c == '\'') {
                    pos++;
                    quoted(String.valueOf(c), true, true);
                    emit(TokenKind.STRING, start);
                    directive = false;
                } else if (c == '$' && (isIdentifierStart(peek(1)) || isDigit(peek(1)) || peek(1) == '{')) {
                    pos++;
                    if (peek(0) == '{') {
                        past("}");
                    } else {
                        identifier();
                    }
                    emit(TokenKind.VARIABLE, start);
                    directive = false;
                } else {
                    word(start);
                }
            }
        }

        private void word(int start) {
            while (pos < end && !Character.isWhitespace(source.charAt(pos)) && "{};\"'$".indexOf(source.charAt(pos)) < 0) {
                pos++;
            }
            if (pos == start) {
                pos++;
                return;
            }
            char first = source.charAt(start);
            if (directive) {
                emit(TokenKind.KEYWORD, start);
            } else if (pos - start <= 2 && "~*=^".indexOf(first) >= 0) {
                emit(TokenKind.OPERATOR, start);
            } else if (isDigit(first) && numberLike(start)) {
                emit(TokenKind.NUMBER, start);
            }
            directive = false;
        }

        /** {@code 443}, {@code 10m}, {@code 1.5s}, {@code 1h30m}: digits and unit letters, not {@code 127.0.0.1:8080}. */
        private boolean numberLike(int start) {
            int dots = 0;
            for (int i = start; i < pos; i++) {
                char c = source.charAt(i);
                if (c == '.') {
                    dots++;
                } else if (!isAsciiLetterOrDigit(c)) {
                    return false;
                }
            }
            return dots <= 1;
        }
    }
}
