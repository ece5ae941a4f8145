package dev.galley.highlight.internal;

import dev.galley.highlight.TokenKind;

import java.util.Set;

/**
 * Lexes YAML line by line: mapping keys, quoted strings, block scalars ({@code |}, {@code >}) as strings,
 * numbers and booleans among plain scalars, anchors and aliases as variables, tags ({@code !Ref}) as meta,
 * and flow collections.
 */
final class YamlLexer implements Lexer {

    private static final Set<String> CONSTANTS = Set.of("true", "True", "TRUE", "false", "False", "FALSE",
            "null", "Null", "NULL", "~", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF");

    @Override
    public void lex(String source, int from, int to, TokenSink out) {
        new Run(source, from, to, out).run();
    }

    private static final class Run extends Scanner {

        /** While inside a block scalar: the indentation its lines must exceed; otherwise -1. */
        private int blockParent = -1;
        private int lineStart;

        Run(String source, int from, int to, TokenSink out) {
            super(source, from, to, out);
        }

        void run() {
            while (pos < end) {
                line();
                if (pos < end && source.charAt(pos) == '\n') {
                    pos++;
                }
            }
        }

        private void line() {
            lineStart = pos;
            while (pos < end && source.charAt(pos) == ' ') {
                pos++;
            }
            int indent = pos - lineStart;
            if (blockParent >= 0) {
                boolean blank = pos >= end || source.charAt(pos) == '\n' || source.charAt(pos) == '\r';
                if (blank || indent > blockParent) {
                    int text = pos;
                    toLineEnd();
                    emit(TokenKind.STRING, text);
                    return;
                }
                blockParent = -1;
            }
            if (pos == lineStart && (startsWith("---") || startsWith("...")) && (peek(3) < 0 || Character.isWhitespace(peek(3)))) {
                pos += 3;
                emit(TokenKind.PUNCTUATION, lineStart);
                value(indent);
                return;
            }
            if (pos == lineStart && peek(0) == '%') {
                toLineEnd();
                emit(TokenKind.META, lineStart);
                return;
            }
            node(indent);
        }

        /** A block node: sequence dashes, then a key and its value, or a value alone. */
        private void node(int indent) {
            int parent = indent;
            while ((peek(0) == '-' || peek(0) == '?') && (peek(1) < 0 || peek(1) == ' ' || peek(1) == '\n')) {
                parent = pos - lineStart;
                pos++;
                emit(TokenKind.PUNCTUATION, pos - 1);
                skipBlanks();
            }
            int start = pos;
            int c = peek(0);
            if (c < 0 || c == '\n' || c == '#') {
                value(parent);
                return;
            }
            if (c == '"' || c == '\'') {
                quotedScalar((char) c);
                int stringEnd = pos;
                skipBlanks();
                if (keyColon()) {
                    out.add(TokenKind.KEY, start, stringEnd);
                    colonAndValue(start - lineStart);
                } else {
                    out.add(TokenKind.STRING, start, stringEnd);
                    value(parent);
                }
                return;
            }
            if ("[{|>&*!".indexOf(c) >= 0) {
                value(parent);
                return;
            }
            int scalarEnd = plainScalar(false);
            if (keyColon()) {
                out.add(TokenKind.KEY, start, scalarEnd);
                colonAndValue(start - lineStart);
            } else {
                scalar(start, scalarEnd);
                value(parent);
            }
        }

        private void colonAndValue(int keyColumn) {
            int colon = pos++;
            emit(TokenKind.PUNCTUATION, colon);
            value(keyColumn);
        }

        /** Whether the cursor is at a colon that ends a key: one followed by a space or the line end. */
        private boolean keyColon() {
            int next = peek(1);
            return peek(0) == ':' && (next < 0 || Character.isWhitespace(next));
        }

        /** The rest of a line after a key or dash: properties, then a scalar, a flow collection or a block scalar. */
        private void value(int parent) {
            while (pos < end && source.charAt(pos) != '\n') {
                int start = pos;
                char c = source.charAt(pos);
                if (isBlank(c)) {
                    pos++;
                } else if (c == '#' && (pos == lineStart || afterBlank())) {
                    toLineEnd();
                    emit(TokenKind.COMMENT, start);
                } else if (c == '&' || c == '*') {
                    pos++;
                    name();
                    emit(TokenKind.VARIABLE, start);
                } else if (c == '!') {
                    pos++;
                    name();
                    emit(TokenKind.META, start);
                } else if (c == '|' || c == '>') {
                    pos++;
                    while (pos < end && "+-0123456789".indexOf(source.charAt(pos)) >= 0) {
                        pos++;
                    }
                    emit(TokenKind.PUNCTUATION, start);
                    blockParent = parent;
                } else if (c == '"' || c == '\'') {
                    quotedScalar(c);
                    emit(TokenKind.STRING, start);
                } else if (c == '[' || c == '{') {
                    flow();
                } else {
                    scalar(start, plainScalar(false));
                    if (pos == start) {
                        pos++;
                    }
                }
            }
        }

        /** A flow collection from its opening bracket to the matching close, across lines. */
        private void flow() {
            int depth = 0;
            while (pos < end) {
                int start = pos;
                char c = source.charAt(pos);
                if (c == '[' || c == '{') {
                    pos++;
                    depth++;
                    emit(TokenKind.PUNCTUATION, start);
                } else if (c == ']' || c == '}') {
                    pos++;
                    emit(TokenKind.PUNCTUATION, start);
                    if (--depth == 0) {
                        return;
                    }
                } else if (c == ',' || c == ':') {
                    pos++;
                    emit(TokenKind.PUNCTUATION, start);
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#' && afterBlank()) {
                    toLineEnd();
                    emit(TokenKind.COMMENT, start);
                } else if (c == '"' || c == '\'') {
                    quotedScalar(c);
                    emit(flowKeyColon() ? TokenKind.KEY : TokenKind.STRING, start);
                } else if (c == '&' || c == '*' || c == '!') {
                    pos++;
                    name();
                    emit(c == '!' ? TokenKind.META : TokenKind.VARIABLE, start);
                } else {
                    int scalarEnd = plainScalar(true);
                    if (flowKeyColon()) {
                        out.add(TokenKind.KEY, start, scalarEnd);
                    } else {
                        scalar(start, scalarEnd);
                    }
                }
            }
        }

        private boolean flowKeyColon() {
            int next = peek(1);
            return peek(0) == ':' && (next < 0 || Character.isWhitespace(next) || ",[]{}".indexOf(next) >= 0);
        }

        /** An anchor, alias or tag name after its sigil. */
        private void name() {
            while (pos < end && !Character.isWhitespace(source.charAt(pos)) && ",[]{}".indexOf(source.charAt(pos)) < 0) {
                pos++;
            }
        }

        /** A quoted scalar at the cursor, which may span lines; {@code ''} escapes in single quotes. */
        private void quotedScalar(char quote) {
            pos++;
            if (quote == '"') {
                quoted("\"", true, true);
                return;
            }
            while (pos < end) {
                if (source.charAt(pos++) == '\'') {
                    if (peek(0) != '\'') {
                        return;
                    }
                    pos++;
                }
            }
        }

        /**
         * A plain scalar from the cursor to a key's colon, a comment, the line end or, in flow, a flow indicator.
         * Returns the end of its text without trailing blanks; the cursor stops after them.
         */
        private int plainScalar(boolean inFlow) {
            int textEnd = pos;
            while (pos < end) {
                char c = source.charAt(pos);
                if (c == '\n' || c == ':' && (inFlow ? flowKeyColon() : keyColon())
                        || c == '#' && afterBlank()
                        || inFlow && ",[]{}".indexOf(c) >= 0) {
                    break;
                }
                pos++;
                if (!isBlank(c)) {
                    textEnd = pos;
                }
            }
            return textEnd;
        }

        /** Colours a plain scalar that is a number or a constant such as {@code true}; other text stays plain. */
        private void scalar(int from, int to) {
            String text = source.substring(from, to);
            if (CONSTANTS.contains(text)) {
                out.add(TokenKind.KEYWORD, from, to);
            } else if (isNumber(text)) {
                out.add(TokenKind.NUMBER, from, to);
            }
        }

        private static boolean isNumber(String text) {
            int i = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
            String rest = text.substring(i);
            if (rest.equals(".inf") || rest.equals(".Inf") || rest.equals(".INF") || text.equals(".nan") || text.equals(".NaN") || text.equals(".NAN")) {
                return true;
            }
            if (rest.startsWith("0x") || rest.startsWith("0o")) {
                for (int k = 2; k < rest.length(); k++) {
                    if (!isAsciiLetterOrDigit(rest.charAt(k))) {
                        return false;
                    }
                }
                return rest.length() > 2;
            }
            int digits = 0;
            boolean dot = false;
            boolean exponent = false;
            for (int k = 0; k < rest.length(); k++) {
                char c = rest.charAt(k);
                if (isDigit(c) || c == '_') {
                    digits += isDigit(c) ? 1 : 0;
                } else if (c == '.' && !dot && !exponent) {
                    dot = true;
                } else if ((c == 'e' || c == 'E') && digits > 0 && !exponent) {
                    exponent = true;
                    if (k + 1 < rest.length() && (rest.charAt(k + 1) == '-' || rest.charAt(k + 1) == '+')) {
                        k++;
                    }
                } else {
                    return false;
                }
            }
            return digits > 0;
        }

        private boolean afterBlank() {
            return pos > 0 && isBlank(source.charAt(pos - 1));
        }

        private void skipBlanks() {
            while (pos < end && isBlank(source.charAt(pos))) {
                pos++;
            }
        }
    }
}
