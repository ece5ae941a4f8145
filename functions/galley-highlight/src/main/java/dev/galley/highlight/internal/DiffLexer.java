package dev.galley.highlight.internal;

import dev.galley.highlight.TokenKind;

/**
 * Lexes unified diffs: added lines are inserted, removed lines deleted, {@code @@} hunk headers meta, and the
 * file headers ({@code diff --git}, {@code index}, {@code ---}, {@code +++}) keywords. Inside a hunk its line
 * counts decide, so a removed line that reads {@code -- x} is not taken for a file header.
 */
final class DiffLexer implements Lexer {

    @Override
    public void lex(String source, int from, int to, TokenSink out) {
        int line = from;
        int oldLeft = 0;
        int newLeft = 0;
        while (line < to) {
            int lineEnd = line;
            while (lineEnd < to && source.charAt(lineEnd) != '\n') {
                lineEnd++;
            }
            char first = lineEnd > line ? source.charAt(line) : ' ';
            boolean inHunk = oldLeft > 0 || newLeft > 0;
            if (source.startsWith("@@", line)) {
                out.add(TokenKind.META, line, lineEnd);
                int[] counts = hunkCounts(source, line, lineEnd);
                oldLeft = counts[0];
                newLeft = counts[1];
            } else if (!inHunk && (source.startsWith("--- ", line) || source.startsWith("+++ ", line)
                    || source.startsWith("diff ", line) || source.startsWith("index ", line))) {
                out.add(TokenKind.KEYWORD, line, lineEnd);
            } else if (first == '+') {
                out.add(TokenKind.INSERTED, line, lineEnd);
                newLeft--;
            } else if (first == '-') {
                out.add(TokenKind.DELETED, line, lineEnd);
                oldLeft--;
            } else if (first == '\\') {
                out.add(TokenKind.COMMENT, line, lineEnd);
            } else if (inHunk) {
                oldLeft--;
                newLeft--;
            }
            line = lineEnd + 1;
        }
    }

    /**
     * The old and new line counts of {@code @@ -12,7 +12,8 @@} (a missing count is 1); zero when the header does not
     * parse, so that the lines after it are read by their first character alone.
     */
    private static int[] hunkCounts(String source, int line, int lineEnd) {
        int[] counts = new int[2];
        int i = line + 2;
        for (int side = 0; side < 2; side++) {
            while (i < lineEnd && source.charAt(i) == ' ') {
                i++;
            }
            if (i >= lineEnd || source.charAt(i) != (side == 0 ? '-' : '+')) {
                return new int[2];
            }
            i++;
            while (i < lineEnd && Character.isDigit(source.charAt(i))) {
                i++;
            }
            int count = 1;
            if (i < lineEnd && source.charAt(i) == ',') {
                int digits = ++i;
                while (i < lineEnd && i - digits < 9 && Character.isDigit(source.charAt(i))) {
                    i++;
                }
                count = i > digits ? Integer.parseInt(source, digits, i, 10) : 0;
            }
            counts[side] = count;
        }
        return counts;
    }
}
