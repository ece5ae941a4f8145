package dev.galley.article.internal;

import dev.galley.article.Slugs;
import dev.galley.site.Permalink;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a permalink pattern's placeholders stand for, from an article's source file: its folders (a page bundle's
 * {@code index.md} counting as its folder), its file name as Jekyll's {@code :title} keeps it, and its day.
 */
public final class PermalinkFields {

    private static final Pattern DATE_PREFIX = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}-");
    /** Jekyll's "pretty" slug keeps case, dots and underscores; whatever a URL path would need escaped becomes a hyphen. */
    private static final Pattern NOT_IN_A_PATH = Pattern.compile("[^A-Za-z0-9._~-]+");

    private PermalinkFields() {
    }

    /**
     * @param day          the article's day on the author's calendar, or null when unknown
     * @param slug         the article's slug
     * @param explicitSlug the front matter's {@code slug}, which Jekyll's {@code :title} takes, or ""
     */
    public static Permalink.Fields of(String sourceKey, LocalDate day, String slug, String explicitSlug) {
        String[] parts = sourceKey.split("/");
        String name = parts[parts.length - 1];
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        int folders = parts.length - 1;
        if (name.equals("index") && folders > 0) {
            name = parts[--folders];  // a page bundle: its folder is the article
        }
        String[] sections = Arrays.stream(parts, 0, folders).map(PermalinkFields::pathSafe).toArray(String[]::new);
        String title = explicitSlug.isEmpty() ? pathSafe(DATE_PREFIX.matcher(name).replaceFirst("")) : explicitSlug;
        return new Permalink.Fields(day, slug, title, pathSafe(name).toLowerCase(Locale.ROOT),
                sections.length == 0 ? "" : sections[0], String.join("/", sections));
    }

    /** The fields of the file a link names by its path, as {@code {% post_url %}} and Hugo's {@code ref} do, or null. */
    public static Permalink.Fields ofLinkedFile(String sourceKey) {
        String slug = Slugs.fromSourceKey(sourceKey);
        if (slug.isEmpty()) {
            return null;
        }
        return of(sourceKey, Slugs.dateOfSourceKey(sourceKey).orElse(null), slug, "");
    }

    private static String pathSafe(String text) {
        String safe = NOT_IN_A_PATH.matcher(text).replaceAll("-");
        return safe.equals(".") || safe.equals("..") ? "-" : safe;
    }
}
