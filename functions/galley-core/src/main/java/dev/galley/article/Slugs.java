package dev.galley.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for the URL names of articles and tags: lowercase {@code a-z}, {@code 0-9} and single hyphens. */
public final class Slugs {

    public static final int MAX_LENGTH = 80;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern DATE_PREFIX = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}-");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9]+");
    private static final Pattern AFTER_A_LETTER_OR_DIGIT_SHARP = Pattern.compile("(?<=[\\p{L}\\p{N}])#");

    private Slugs() {
    }

    public static boolean isValid(String slug) {
        return slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    /**
     * Makes a slug from free text: accents dropped ({@code é} becomes {@code e}), anything else that is
     * not a letter or digit becomes a hyphen. May return "" (for text with no Latin letters or digits).
     */
    public static String from(String text) {
        String ascii = isAscii(text) ? text : COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String slug = NOT_ALLOWED.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH) {
            slug = trimHyphens(slug.substring(0, MAX_LENGTH));
        }
        return slug;
    }

    /**
     * The URL name of a tag: as {@link #from}, but with the characters that tell languages apart spelled out, so
     * that {@code C++}, {@code C#} and {@code C} get three pages ({@code c-plus-plus}, {@code c-sharp}, {@code c})
     * and {@code .NET} is {@code dotnet}.
     */
    public static String ofTag(String tag) {
        String spelled = AFTER_A_LETTER_OR_DIGIT_SHARP.matcher(tag).replaceAll(" sharp ").replace("+", " plus ");
        return from(spelled.startsWith(".") ? "dot" + spelled.substring(1) : spelled);
    }

    /**
     * The default slug of a source file: its name without extension and without a Jekyll-style date prefix;
     * for {@code some-post/index.md}, the folder's name.
     */
    public static String fromSourceKey(String key) {
        String[] parts = key.split("/");
        String name = parts[parts.length - 1];
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        if (name.equals("index") && parts.length > 1) {
            name = parts[parts.length - 2];
        }
        return from(DATE_PREFIX.matcher(name).replaceFirst(""));
    }

    /** The day a Jekyll-style file name such as {@code _posts/2026-03-10-my-post.md} starts with, if it is a real day. */
    public static java.util.Optional<java.time.LocalDate> dateOfSourceKey(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (!DATE_PREFIX.matcher(name).find()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.time.LocalDate.parse(name.substring(0, 10)));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** ASCII has nothing to decompose: such text skips the normaliser, whose tables a cold start would load. */
    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
