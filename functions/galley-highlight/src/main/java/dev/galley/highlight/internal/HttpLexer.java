package dev.galley.highlight.internal;

import dev.galley.highlight.TokenKind;

import java.util.Locale;

/**
 * Lexes HTTP messages as posts show them: a request line ({@code GET /path HTTP/1.1}: the method a keyword) or
 * a status line ({@code HTTP/2 200 OK}: the status a number), {@code Name: value} headers, and after a blank
 * line the body, lexed as JSON when a JSON content type was given. A request and its response may follow each
 * other in one block.
 */
final class HttpLexer implements Lexer {

    @Override
    public void lex(String source, int from, int to, TokenSink out) {
        int line = from;
        boolean inHeaders = false;
        boolean json = false;
        while (line < to) {
            int lineEnd = lineEnd(source, line, to);
            boolean blank = isBlank(source, line, lineEnd);
            if (!inHeaders && blank) {
                line = lineEnd + 1;
            } else if (!inHeaders) {
                if (!startLine(source, line, lineEnd, out)) {
                    header(source, line, lineEnd, out);
                }
                inHeaders = true;
                json = false;
                line = lineEnd + 1;
            } else if (blank) {
                int bodyEnd = bodyEnd(source, lineEnd + 1, to);
                if (json) {
                    Languages.lexer(Language.JSON).lex(source, Math.min(lineEnd + 1, to), bodyEnd, out);
                }
                inHeaders = false;
                line = bodyEnd;
            } else {
                json |= header(source, line, lineEnd, out);
                line = lineEnd + 1;
            }
        }
    }

    /** The body runs to the next request or status line that follows a blank line, or to the end. */
    private static int bodyEnd(String source, int from, int to) {
        int line = from;
        boolean afterBlank = false;
        while (line < to) {
            int lineEnd = lineEnd(source, line, to);
            if (afterBlank && (isRequestLine(source, line, lineEnd) || source.startsWith("HTTP/", line))) {
                return line;
            }
            afterBlank = isBlank(source, line, lineEnd);
            line = lineEnd + 1;
        }
        return to;
    }

    private static boolean startLine(String source, int line, int lineEnd, TokenSink out) {
        if (source.startsWith("HTTP/", line)) {
            int version = wordEnd(source, line, lineEnd);
            out.add(TokenKind.META, line, version);
            int status = version + 1;
            out.add(TokenKind.NUMBER, Math.min(status, lineEnd), wordEnd(source, Math.min(status, lineEnd), lineEnd));
            return true;
        }
        if (!isRequestLine(source, line, lineEnd)) {
            return false;
        }
        int method = wordEnd(source, line, lineEnd);
        out.add(TokenKind.KEYWORD, line, method);
        int target = Math.min(method + 1, lineEnd);
        int targetEnd = wordEnd(source, target, lineEnd);
        out.add(TokenKind.STRING, target, targetEnd);
        if (source.startsWith(" HTTP/", targetEnd)) {
            out.add(TokenKind.META, targetEnd + 1, wordEnd(source, targetEnd + 1, lineEnd));
        }
        return true;
    }

    /** {@code METHOD target}: an upper-case method, one space, and a path, a URL, {@code *} or an authority. */
    private static boolean isRequestLine(String source, int line, int lineEnd) {
        int method = line;
        while (method < lineEnd && source.charAt(method) >= 'A' && source.charAt(method) <= 'Z') {
            method++;
        }
        if (method - line < 3 || method + 1 >= lineEnd || source.charAt(method) != ' ') {
            return false;
        }
        return "/h*".indexOf(source.charAt(method + 1)) >= 0 || source.startsWith("CONNECT ", line);
    }

    /** A {@code Name: value} header, its name a key; whether it declares a JSON body. */
    private static boolean header(String source, int line, int lineEnd, TokenSink out) {
        int colon = line;
        while (colon < lineEnd && source.charAt(colon) != ':') {
            colon++;
        }
        if (colon >= lineEnd || colon == line) {
            return false;
        }
        out.add(TokenKind.KEY, line, colon);
        out.add(TokenKind.PUNCTUATION, colon, colon + 1);
        String name = source.substring(line, colon).toLowerCase(Locale.ROOT);
        return name.equals("content-type") && source.substring(colon + 1, lineEnd).toLowerCase(Locale.ROOT).contains("json");
    }

    private static int lineEnd(String source, int from, int to) {
        int i = from;
        while (i < to && source.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    private static int wordEnd(String source, int from, int to) {
        int i = from;
        while (i < to && !Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(String source, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(source.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
