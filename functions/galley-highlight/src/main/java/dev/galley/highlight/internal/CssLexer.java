package dev.galley.highlight.internal;

import dev.galley.highlight.TokenKind;

/**
 * Lexes CSS. Each statement is a selector when a {@code {} ends it and a declaration otherwise, decided by one
 * look ahead per statement: element selectors are tags, classes and ids attributes, pseudo-classes keywords;
 * properties are keys; values have numbers with their units, colours, strings, functions and custom properties.
 */
final class CssLexer implements Lexer {

    @Override
    public void lex(String source, int from, int to, TokenSink out) {
        new Run(source, from, to, out).run();
    }

    private enum Part { STATEMENT_START, SELECTOR, AT_RULE, PROPERTY, VALUE }

    private static final class Run extends Scanner {

        private Part part = Part.STATEMENT_START;

        Run(String source, int from, int to, TokenSink out) {
            super(source, from, to, out);
        }

        void run() {
            while (pos < end) {
                int start = pos;
                char c = source.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '/' && peek(1) == '*') {
                    blockComment("/*", "*/", false);
                    emit(TokenKind.COMMENT, start);
                } else if (c == '"' || c == '\'') {
                    pos++;
                    quoted(c == '"' ? "\"" : "'", true, false);
                    emit(TokenKind.STRING, start);
                } else if (c == '{' || c == '}' || c == ';') {
                    pos++;
                    emit(TokenKind.PUNCTUATION, start);
                    part = Part.STATEMENT_START;
                } else {
                    if (part == Part.STATEMENT_START) {
                        part = c == '@' ? Part.AT_RULE : selectorAhead() ? Part.SELECTOR : Part.PROPERTY;
                    }
                    switch (part) {
                        case AT_RULE -> atRule(start, c);
                        case SELECTOR -> selector(start, c);
                        case PROPERTY -> property(start, c);
                        default -> value(start, c);
                    }
                }
            }
        }

        /** Whether the statement at the cursor ends with a {@code {} before any {@code ;} or {@code }}. */
        private boolean selectorAhead() {
            int i = pos;
            while (i < end) {
                char c = source.charAt(i);
                if (c == '{') {
                    return true;
                }
                if (c == ';' || c == '}') {
                    return false;
                }
                if (c == '"' || c == '\'') {
                    i++;
                    while (i < end && source.charAt(i) != c && source.charAt(i) != '\n') {
                        i += source.charAt(i) == '\\' ? 2 : 1;
                    }
                } else if (c == '/' && i + 1 < end && source.charAt(i + 1) == '*') {
                    i += 2;
                    while (i < end && !(source.charAt(i) == '*' && i + 1 < end && source.charAt(i + 1) == '/')) {
                        i++;
                    }
                    i++;
                }
                i++;
            }
            return false;
        }

        private void atRule(int start, char c) {
            if (c == '@') {
                pos++;
                ident();
                emit(TokenKind.KEYWORD, start);
            } else {
                value(start, c);
            }
        }

        private void selector(int start, char c) {
            if ((c == '.' || c == '#') && isNameStart(peek(1))) {
                pos++;
                ident();
                emit(TokenKind.ATTRIBUTE, start);
            } else if (c == ':') {
                while (peek(0) == ':') {
                    pos++;
                }
                ident();
                emit(TokenKind.KEYWORD, start);
            } else if (c == '[') {
                pos++;
                emit(TokenKind.PUNCTUATION, start);
                int name = pos;
                ident();
                emit(TokenKind.ATTRIBUTE, name);
            } else if (isNameStart(c)) {
                ident();
                emit(TokenKind.TAG, start);
            } else if (">+~*&=|^$".indexOf(c) >= 0) {
                pos++;
                emit(TokenKind.OPERATOR, start);
            } else if ("(),]".indexOf(c) >= 0) {
                pos++;
                emit(TokenKind.PUNCTUATION, start);
            } else {
                pos++;
            }
        }

        private void property(int start, char c) {
            if (isNameStart(c)) {
                ident();
                emit(TokenKind.KEY, start);
            } else if (c == ':') {
                pos++;
                emit(TokenKind.PUNCTUATION, start);
                part = Part.VALUE;
            } else {
                pos++;
            }
        }

        private void value(int start, char c) {
            if (isDigit(c) || c == '.' && isDigit(peek(1))
                    || (c == '-' || c == '+') && (isDigit(peek(1)) || peek(1) == '.' && isDigit(peek(2)))) {
                pos++;
                while (pos < end && (isDigit(source.charAt(pos)) || source.charAt(pos) == '.')) {
                    pos++;
                }
                if (peek(0) == '%') {
                    pos++;
                } else {
                    ident();
                }
                emit(TokenKind.NUMBER, start);
            } else if (c == '#' && isAsciiLetterOrDigit(peek(1))) {
                pos++;
                ident();
                emit(TokenKind.NUMBER, start);
            } else if (c == '!') {
                pos++;
                ident();
                emit(TokenKind.KEYWORD, start);
            } else if (c == '-' && peek(1) == '-') {
                ident();
                emit(TokenKind.VARIABLE, start);
            } else if (isNameStart(c)) {
                ident();
                if (peek(0) == '(') {
                    emit(TokenKind.FUNCTION, start);
                }
            } else if ("(),".indexOf(c) >= 0) {
                pos++;
                emit(TokenKind.PUNCTUATION, start);
            } else if ("/*+=<>:".indexOf(c) >= 0) {
                pos++;
                emit(TokenKind.OPERATOR, start);
            } else {
                pos++;
            }
        }

        private void ident() {
            while (pos < end && (isIdentifierPart(source.charAt(pos)) || source.charAt(pos) == '-')) {
                pos++;
            }
        }

        private static boolean isNameStart(int c) {
            return isIdentifierStart(c) || c == '-';
        }
    }
}
