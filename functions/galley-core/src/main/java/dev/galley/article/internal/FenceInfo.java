package dev.galley.article.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The info string of a code fence, such as {@code sql title="migrate_users_table.sql"}:
 * a language first, then optional {@code key="value"} attributes.
 */
public record FenceInfo(String language, String title) {

    private static final Pattern TITLE = Pattern.compile("(?:^|\\s)title=(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern SAFE_LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.-]{1,30}");

    public static FenceInfo parse(String info) {
        String trimmed = info == null ? "" : info.strip();
        String first = trimmed.isEmpty() ? "" : trimmed.split("\\s+", 2)[0];
        String language = first.contains("=") || !SAFE_LANGUAGE.matcher(first).matches() ? "" : first.toLowerCase(java.util.Locale.ROOT);
        Matcher m = TITLE.matcher(trimmed);
        String title = "";
        if (m.find()) {
            title = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        }
        return new FenceInfo(language, title.strip());
    }

    public boolean hasTitle() {
        return !title.isEmpty();
    }
}
