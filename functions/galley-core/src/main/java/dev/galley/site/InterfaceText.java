package dev.galley.site;

import dev.galley.site.internal.InterfaceStrings;
import dev.galley.site.internal.LocalDates;

import java.text.MessageFormat;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words and dates of Galley's pages in the site's {@code language}: the jar's text for that language (English
 * where it has none), under the owner's own {@code strings:} from {@code site.yaml}. Each text is a
 * {@link MessageFormat} pattern, so arguments, counts and apostrophes follow its rules. Thread-safe.
 */
public final class InterfaceText {

    /** The keys whose argument is a number, to which a {@code choice} pattern applies. */
    private static final Set<String> COUNTED = Set.of("readingTime", "tagArticleCount", "moreCodeLines");

    private final Locale locale;
    private final Map<String, String> strings;
    private final LocalDates dates;
    /**
     * Each thread's formats by key: parsing a pattern (and making its number format) cost more than filling it in, a
     * few times a page, and a {@link MessageFormat} is not thread-safe.
     */
    private final ThreadLocal<Map<String, MessageFormat>> formats = ThreadLocal.withInitial(HashMap::new);

    private InterfaceText(Locale locale, Map<String, String> strings) {
        this.locale = locale;
        this.strings = strings;
        this.dates = LocalDates.of(locale);
    }

    /** The jar's text for this BCP 47 language tag ({@code de}, {@code pt-BR}); English for "" or a language it lacks. */
    public static InterfaceText of(String language) {
        return of(language, Map.of());
    }

    /** @param overrides the owner's texts by key, each a valid pattern of a known key (see {@link #problem}) */
    public static InterfaceText of(String language, Map<String, String> overrides) {
        Locale locale = Locale.forLanguageTag(language.isEmpty() ? "en" : language);
        if (overrides.isEmpty()) {
            return new InterfaceText(locale, InterfaceStrings.of(locale));
        }
        Map<String, String> strings = new HashMap<>(InterfaceStrings.of(locale));
        overrides.forEach((key, text) -> {
            if (!strings.containsKey(key)) {
                throw new IllegalArgumentException("strings: \"" + key + "\" is not a text Galley shows");
            }
            strings.put(key, text);
        });
        return new InterfaceText(locale, Map.copyOf(strings));
    }

    /** Every key a site may override. */
    public static Set<String> keys() {
        return InterfaceStrings.of(Locale.ENGLISH).keySet();
    }

    /** Whether the jar translates Galley's words into this language, as it does English, German, Japanese ... */
    public static boolean translates(String language) {
        return InterfaceStrings.shipped(Locale.forLanguageTag(language));
    }

    /** Whether the JDK writes dates in this language. */
    public static boolean datesIn(String language) {
        return LocalDates.known(Locale.forLanguageTag(language));
    }

    /**
     * Why {@code text} cannot stand for {@code key}, or null: an unknown key, or a pattern that does not format the
     * key's arguments (a count where one is given, text elsewhere).
     */
    public static String problem(String key, String text) {
        if (!keys().contains(key)) {
            return "\"" + key + "\" is not a text Galley shows";
        }
        try {
            new MessageFormat(text, Locale.ROOT).format(COUNTED.contains(key) ? new Object[] {1, 1} : new Object[] {"a", "b", "c"});
            return null;
        } catch (IllegalArgumentException e) {
            return key + ": \"" + text + "\" is not a text Galley can fill in (" + e.getMessage()
                    + "); write {0} for the argument, and '' for an apostrophe";
        }
    }

    public Locale locale() {
        return locale;
    }

    /** The text of a key that takes no argument. */
    public String get(String key) {
        return format(key);
    }

    /** The text of a key, its arguments filled in. */
    public String format(String key, Object... arguments) {
        return formats.get().computeIfAbsent(key, k -> new MessageFormat(pattern(k), locale)).format(arguments);
    }

    /** The pattern of a key as written, for the places that fill in arguments themselves. */
    public String pattern(String key) {
        String text = strings.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no interface text \"" + key + "\"");
        }
        return text;
    }

    /*
     * Dates are shown as the author's calendar has them: a post dated 2026-03-10T22:30:00-05:00 was written on the
     * 10th, wherever the site's time zone puts that instant. A date without an offset was read in the site's
     * time zone, so it shows that day too.
     */

    /** "10 March 2026", "10. März 2026": the day as an article's page shows it. */
    public String fullDate(OffsetDateTime date) {
        return dates.fullDate(date);
    }

    /** "March 2026", "März 2026": the month as lists show it. */
    public String monthYear(OffsetDateTime date) {
        return dates.monthYear(date);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InterfaceText text && text.locale.equals(locale) && text.strings.equals(strings);
    }

    @Override
    public int hashCode() {
        return locale.hashCode() * 31 + strings.hashCode();
    }

    @Override
    public String toString() {
        return "InterfaceText[" + locale.toLanguageTag() + "]";
    }
}
