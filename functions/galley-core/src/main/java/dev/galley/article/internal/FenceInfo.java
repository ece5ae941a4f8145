package dev.galley.article.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The info string of a code fence, such as {@code sql title="migrate_users_table.sql"}: a language first, then
 * optional {@code key="value"} attributes. The language is the first word up to a space, a comma or an equals
 * sign, so rustdoc's {@code rust,ignore} and mdBook's {@code rust=} or {@code shell=} name their language; the
 * rest is attributes or ignored. Kramdown's and pandoc's {@code {.python title="x"}} work too.
 */
public record FenceInfo(String language, String title) {

    private static final Pattern TITLE = Pattern.compile("(?:^|\\s)title=(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern SAFE_LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.-]{1,30}");

    public static FenceInfo parse(String info) {
        String trimmed = info == null ? "" : info.strip();
        boolean braced = trimmed.startsWith("{") && trimmed.endsWith("}");
        if (braced) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
        }
        int wordStart = braced ? firstClass(trimmed) : 0;
        int wordEnd = Math.max(wordStart, 0);
        while (wordEnd < trimmed.length() && " \t,=".indexOf(trimmed.charAt(wordEnd)) < 0) {
            wordEnd++;
        }
        String first = wordStart < 0 ? "" : trimmed.substring(wordStart, wordEnd);
        boolean titleOnly = first.equals("title") && wordEnd < trimmed.length() && trimmed.charAt(wordEnd) == '=';
        String language = titleOnly || !SAFE_LANGUAGE.matcher(first).matches() ? "" : first.toLowerCase(Locale.ROOT);
        Matcher m = TITLE.matcher(trimmed);
        String title = "";
        if (m.find()) {
            title = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        }
        return new FenceInfo(language, title.strip());
    }

    /** Where the first {@code .class} of a braced attribute list starts, after its dot; -1 without one. */
    private static int firstClass(String attributes) {
        for (int i = 0; i < attributes.length() - 1; i++) {
            if (attributes.charAt(i) == '.' && (i == 0 || Character.isWhitespace(attributes.charAt(i - 1)))) {
                return i + 1;
            }
        }
        return -1;
    }

    public boolean hasTitle() {
        return !title.isEmpty();
    }

    /** A Mermaid diagram: kept as its source for a site's own script to draw, never highlighted or carded. */
    public boolean isMermaid() {
        return language.equals("mermaid");
    }
}
