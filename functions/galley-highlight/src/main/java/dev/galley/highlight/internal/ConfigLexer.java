package dev.galley.highlight.internal;

import dev.galley.highlight.TokenKind;

/**
 * Lexes the key-value configuration files: TOML, INI and Java properties. A line is a comment, a
 * {@code [section]} header (a type), or a key (a key token), its separator and its value. TOML values are
 * lexed (strings, numbers and dates, booleans, arrays and inline tables, which may span lines); INI and
 * properties values are text, shown as strings.
 */
final class ConfigLexer implements Lexer {

    enum Dialect { TOML, INI, PROPERTIES }

    private final Dialect dialect;

    ConfigLexer(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void lex(String source, int from, int to, TokenSink out) {
        new Run(source, from, to, out).run();
    }

    private final class Run extends Scanner {

        /** Brackets and braces a TOML value has opened and not closed: its next lines are values, not keys. */
        private int depth;

        Run(String source, int from, int to, TokenSink out) {
            super(source, from, to, out);
        }

        void run() {
            while (pos < end) {
                while (pos < end && isBlank(source.charAt(pos))) {
                    pos++;
                }
                if (pos < end) {
                    line(pos, source.charAt(pos));
                }
            }
        }

        private void line(int start, char c) {
            if (c == '\n') {
                pos++;
            } else if (dialect == Dialect.TOML && depth > 0) {
                values();
            } else if (c == '#' || c == ';' && dialect == Dialect.INI || c == '!' && dialect == Dialect.PROPERTIES) {
                toLineEnd();
                emit(TokenKind.COMMENT, start);
            } else if (c == '[' && dialect != Dialect.PROPERTIES) {
                while (pos < end && source.charAt(pos) != ']' && source.charAt(pos) != '\n') {
                    pos++;
                }
                while (peek(0) == ']') {
                    pos++;
                }
                emit(TokenKind.TYPE, start);
                if (dialect == Dialect.TOML) {
                    values();
                } else {
                    toLineEnd();
                }
            } else {
                keyAndValue(start);
            }
        }

        private void keyAndValue(int start) {
            int keyEnd = start;
            while (pos < end && !isSeparator(source.charAt(pos))) {
                char c = source.charAt(pos);
                if (c == '\\' && dialect == Dialect.PROPERTIES) {
                    pos = Math.min(end, pos + 2);
                } else if ((c == '"' || c == '\'') && dialect == Dialect.TOML) {
                    pos++;
                    quoted(String.valueOf(c), c == '"', false);
                } else {
                    pos++;
                }
                if (!isBlank(c)) {
                    keyEnd = pos;
                }
            }
            out.add(TokenKind.KEY, start, keyEnd);
            while (pos < end && isBlank(source.charAt(pos))) {
                pos++;
            }
            if (pos < end && (source.charAt(pos) == '=' || source.charAt(pos) == ':')) {
                pos++;
                emit(TokenKind.OPERATOR, pos - 1);
            }
            if (dialect == Dialect.TOML) {
                values();
                return;
            }
            while (pos < end && isBlank(source.charAt(pos))) {
                pos++;
            }
            int value = pos;
            textValue();
            emit(TokenKind.STRING, value);
        }

        private boolean isSeparator(char c) {
            return c == '\n' || c == '=' || c == ':' && dialect != Dialect.TOML
                    || dialect == Dialect.PROPERTIES && (c == ' ' || c == '\t');
        }

        /** An INI or properties value: the rest of the line, and the next ones after a properties {@code \}. */
        private void textValue() {
            while (pos < end && source.charAt(pos) != '\n') {
                if (source.charAt(pos) == '\\' && dialect == Dialect.PROPERTIES) {
                    pos = Math.min(end, pos + 2);
                } else {
                    pos++;
                }
            }
        }

        /** TOML values up to the end of the line; a multi-line string may carry them past it. */
        private void values() {
            while (pos < end && source.charAt(pos) != '\n') {
                int start = pos;
                char c = source.charAt(pos);
                if (isBlank(c)) {
                    pos++;
                } else if (c == '#') {
                    toLineEnd();
                    emit(TokenKind.COMMENT, start);
                } else if (c == '"' || c == '\'') {
                    String triple = String.valueOf(c).repeat(3);
                    if (startsWith(triple)) {
                        pos += 3;
                        quoted(triple, c == '"', true);
                    } else {
                        pos++;
                        quoted(String.valueOf(c), c == '"', false);
                    }
                    emit(TokenKind.STRING, start);
                } else if (c == '[' || c == '{') {
                    pos++;
                    depth++;
                    emit(TokenKind.PUNCTUATION, start);
                } else if (c == ']' || c == '}') {
                    pos++;
                    depth = Math.max(0, depth - 1);
                    emit(TokenKind.PUNCTUATION, start);
                } else if (c == ',') {
                    pos++;
                    emit(TokenKind.PUNCTUATION, start);
                } else if (c == '=') {
                    pos++;
                    emit(TokenKind.OPERATOR, start);
                } else {
                    bareValue(start);
                }
            }
        }

        /** A number, date, boolean or, before an {@code =} in an inline table, a key. */
        private void bareValue(int start) {
            while (pos < end && !Character.isWhitespace(source.charAt(pos)) && ",[]{}=#\"'".indexOf(source.charAt(pos)) < 0) {
                pos++;
            }
            if (pos == start) {
                pos++;
                return;
            }
            String word = source.substring(start, pos);
            int after = pos;
            while (after < end && isBlank(source.charAt(after))) {
                after++;
            }
            char first = word.charAt(0);
            if (after < end && source.charAt(after) == '=') {
                emit(TokenKind.KEY, start);
            } else if (word.equals("true") || word.equals("false")) {
                emit(TokenKind.KEYWORD, start);
            } else if (isDigit(first) || (first == '+' || first == '-') && word.length() > 1
                    || word.endsWith("inf") || word.endsWith("nan")) {
                emit(TokenKind.NUMBER, start);
            }
        }
    }
}
