package dev.galley.highlight.internal;

import dev.galley.highlight.TokenKind;

/**
 * Lexes HTML and XML: tags and their attributes, comments, doctypes and processing instructions, entities;
 * the content of {@code <script>} and {@code <style>} is lexed as JavaScript and CSS.
 */
final class MarkupLexer implements Lexer {

    @Override
    public void lex(String source, int from, int to, TokenSink out) {
        new Run(source, from, to, out).run();
    }

    private static final class Run extends Scanner {

        Run(String source, int from, int to, TokenSink out) {
            super(source, from, to, out);
        }

        void run() {
            while (pos < end) {
                int start = pos;
                char c = source.charAt(pos);
                if (c == '<' && startsWith("<!--")) {
                    pos += 4;
                    past("-->");
                    emit(TokenKind.COMMENT, start);
                } else if (c == '<' && startsWith("<![CDATA[")) {
                    pos += 9;
                    past("]]>");
                    emit(TokenKind.STRING, start);
                } else if (c == '<' && (peek(1) == '!' || peek(1) == '?')) {
                    pos += 2;
                    past(">");
                    emit(TokenKind.META, start);
                } else if (c == '<' && (isNameStart(peek(1)) || peek(1) == '/' && isNameStart(peek(2)))) {
                    tag(start);
                } else if (c == '&') {
                    entity(start);
                } else {
                    pos++;
                }
            }
        }

        private void tag(int start) {
            boolean closing = peek(1) == '/';
            pos += closing ? 2 : 1;
            emit(TokenKind.PUNCTUATION, start);
            int nameStart = pos;
            name();
            emit(TokenKind.TAG, nameStart);
            String name = source.substring(nameStart, pos);
            while (pos < end) {
                int at = pos;
                char c = source.charAt(pos);
                if (c == '>' || c == '/' && peek(1) == '>') {
                    pos += c == '>' ? 1 : 2;
                    emit(TokenKind.PUNCTUATION, at);
                    if (c == '>' && !closing) {
                        embedded(name);
                    }
                    return;
                } else if (c == '"' || c == '\'') {
                    pos++;
                    quoted(c == '"' ? "\"" : "'", false, true);
                    emit(TokenKind.STRING, at);
                } else if (c == '=') {
                    pos++;
                    emit(TokenKind.PUNCTUATION, at);
                    unquotedValue();
                } else if (isNameStart(c)) {
                    name();
                    emit(TokenKind.ATTRIBUTE, at);
                } else {
                    pos++;
                }
            }
        }

        private void unquotedValue() {
            int start = pos;
            while (pos < end && !Character.isWhitespace(source.charAt(pos)) && "\"'<>=`".indexOf(source.charAt(pos)) < 0) {
                pos++;
            }
            emit(TokenKind.STRING, start);
        }

        /** The content of a script or style element, up to its closing tag, lexed as its own language. */
        private void embedded(String element) {
            Lexer lexer = element.equalsIgnoreCase("script") ? Languages.lexer(Language.JAVASCRIPT)
                    : element.equalsIgnoreCase("style") ? Languages.lexer(Language.CSS) : null;
            if (lexer == null) {
                return;
            }
            String close = "</" + element;
            int contentEnd = pos;
            while (contentEnd < end && !(source.charAt(contentEnd) == '<'
                    && source.regionMatches(true, contentEnd, close, 0, close.length()))) {
                contentEnd++;
            }
            lexer.lex(source, pos, contentEnd, out);
            pos = contentEnd;
        }

        /** {@code &amp;}, {@code &#169;}, {@code &#x1F600;}: a name of at most 32 characters and a semicolon. */
        private void entity(int start) {
            int i = pos + 1;
            while (i < end && i - pos <= 32 && (isAsciiLetterOrDigit(source.charAt(i)) || source.charAt(i) == '#')) {
                i++;
            }
            if (i < end && i > pos + 1 && source.charAt(i) == ';') {
                pos = i + 1;
                emit(TokenKind.META, start);
            } else {
                pos++;
            }
        }

        private void name() {
            while (pos < end && (isNameStart(source.charAt(pos)) || isDigit(source.charAt(pos))
                    || ".-:".indexOf(source.charAt(pos)) >= 0)) {
                pos++;
            }
        }
    }

    private static boolean isNameStart(int c) {
        return Scanner.isIdentifierStart(c) || c == ':';
    }
}
