package dev.galley.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's rule for article URLs, {@code permalink} in {@code site.yaml}: a path with placeholders, such as
 * {@code /:year/:month/:day/:title.html} or Hugo's {@code /:sections/:slug/}. A placeholder that expands to
 * nothing (the section of a file at the content root) takes its slash with it. Immutable.
 */
public final class Permalink {

    /** Jekyll's built-in patterns, without {@code :categories} (Galley's categories are tags, not folders). */
    private static final Map<String, String> JEKYLL_BUILT_INS = Map.of(
            "date", "/:year/:month/:day/:title.html",
            "pretty", "/:year/:month/:day/:title/",
            "ordinal", "/:year/:y_day/:title.html",
            "none", "/:title.html");
    private static final Set<String> PLACEHOLDERS = Set.of("year", "short_year", "month", "i_month", "day", "i_day", "y_day",
            "slug", "title", "filename", "section", "sections");
    /** At least one of these tells two articles of one day apart. */
    private static final Set<String> NAMING = Set.of("slug", "title", "filename");
    private static final Pattern PLACEHOLDER = Pattern.compile(":([a-z_]+)");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~/-]*");
    /** Galley's own rule; declared after the tables {@link #parse} reads. */
    public static final Permalink DEFAULT = parse("/articles/:slug/");

    /**
     * What a pattern's placeholders are filled from.
     *
     * @param day      the article's day on the author's calendar; null only for a pattern that does not {@link #needsDay}
     * @param title    Jekyll's {@code :title}: the file name without its date prefix, case kept, or the front matter's slug
     * @param filename Hugo's {@code :filename}: the file name without extension, lowercase
     * @param section  the first folder of the source file under the content root, "" at the root
     * @param sections all its folders, {@code inside-rust/2023}
     */
    public record Fields(LocalDate day, String slug, String title, String filename, String section, String sections) {
    }

    private final String pattern;
    /** Literal text and placeholder names, alternating, starting with literal text (maybe empty). */
    private final List<String> parts;

    private Permalink(String pattern, List<String> parts) {
        this.pattern = pattern;
        this.parts = parts;
    }

    /**
     * Reads a pattern, or one of Jekyll's built-in names ({@code date}, {@code pretty}, {@code ordinal}, {@code none}).
     *
     * @throws IllegalArgumentException with the reason, in words for the author, when the pattern cannot give safe,
     *                                  distinct URLs
     */
    public static Permalink parse(String text) {
        String pattern = JEKYLL_BUILT_INS.getOrDefault(text.strip(), text.strip());
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("must start with /, like /:year/:slug/");
        }
        if (!pattern.endsWith("/") && !pattern.toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
            throw new IllegalArgumentException("must end with / or .html, like /:year/:slug/");
        }
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int at = 0;
        boolean names = false;
        while (m.find()) {
            parts.add(literal(pattern.substring(at, m.start())));
            String name = m.group(1);
            if (name.equals("categories")) {
                throw new IllegalArgumentException(":categories is not supported: Galley makes categories tags, not folders; "
                        + "use :section for the file's folder");
            }
            if (!PLACEHOLDERS.contains(name)) {
                throw new IllegalArgumentException(":" + name + " is not a placeholder Galley knows; use :year, :month, :day, "
                        + ":slug, :title, :filename, :section or :sections");
            }
            names |= NAMING.contains(name);
            parts.add(name);
            at = m.end();
        }
        parts.add(literal(pattern.substring(at)));
        if (!names) {
            throw new IllegalArgumentException("needs :slug, :title or :filename, or every article would have the same URL");
        }
        String prefix = parts.get(0);
        String refusal = SitePaths.refusal(prefix.substring(1) + "x/");
        if (pattern.contains("//") || refusal != null) {
            throw new IllegalArgumentException(refusal != null ? refusal : "must not hold //");
        }
        return new Permalink(pattern, List.copyOf(parts));
    }

    private static String literal(String text) {
        if (!LITERAL.matcher(text).matches() || text.contains("..")) {
            throw new IllegalArgumentException("\"" + text + "\" may hold only letters, digits, / and - . _ ~ between placeholders");
        }
        return text;
    }

    /** Whether the pattern holds the article's day, so that it cannot be expanded without one. */
    public boolean needsDay() {
        for (int i = 1; i < parts.size(); i += 2) {
            if (!NAMING.contains(parts.get(i)) && !parts.get(i).startsWith("section")) {
                return true;
            }
        }
        return false;
    }

    /** The site path of an article, without the leading slash: {@code 2023/06/01/rust-1-70-0/}. */
    public String expand(Fields fields) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            path.append(i % 2 == 0 ? parts.get(i) : value(parts.get(i), fields));
        }
        return path.toString().replaceAll("/{2,}", "/").substring(1);
    }

    private static String value(String name, Fields fields) {
        LocalDate day = fields.day();
        return switch (name) {
            case "year" -> String.format(Locale.ROOT, "%04d", day.getYear());
            case "short_year" -> String.format(Locale.ROOT, "%02d", day.getYear() % 100);
            case "month" -> String.format(Locale.ROOT, "%02d", day.getMonthValue());
            case "i_month" -> Integer.toString(day.getMonthValue());
            case "day" -> String.format(Locale.ROOT, "%02d", day.getDayOfMonth());
            case "i_day" -> Integer.toString(day.getDayOfMonth());
            case "y_day" -> String.format(Locale.ROOT, "%03d", day.getDayOfYear());
            case "slug" -> fields.slug();
            case "title" -> fields.title();
            case "filename" -> fields.filename();
            case "section" -> fields.section();
            case "sections" -> fields.sections();
            default -> throw new IllegalStateException(name);  // parse admits no other
        };
    }

    /** The pattern as written out, Jekyll's built-in names replaced by what they stand for. */
    public String pattern() {
        return pattern;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Permalink p && pattern.equals(p.pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
