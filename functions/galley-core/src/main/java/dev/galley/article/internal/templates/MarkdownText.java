package dev.galley.article.internal.templates;

/**
 * Makes a value Markdown text that stays text: every ASCII punctuation character becomes a numeric character
 * reference, which CommonMark decodes in text, link destinations and titles alike (backslash escapes would
 * not survive in raw HTML attributes), so no value can open emphasis, a link, a tag or a code span.
 */
final class MarkdownText {

    private MarkdownText() {
    }

    static String of(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') {
                out.append(' ');
            } else if (c < 128 && isPunctuation(c)) {
                out.append("&#").append((int) c).append(';');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
