package dev.galley.site.internal;

import java.text.DateFormat;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Locale;

/**
 * The dates pages show, in the JDK's (CLDR) form for the site's language: "10. März 2026" and "März 2026" in
 * German, "2026年3月10日" and "2026年3月" in Japanese. Thread-safe.
 */
public final class LocalDates {

    /** International English, "10 March 2026": what a site that says only {@code en} has always shown. */
    private static final Locale INTERNATIONAL_ENGLISH = Locale.forLanguageTag("en-001");

    private final DateTimeFormatter fullDate;
    private final DateTimeFormatter monthYear;

    private LocalDates(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.LONG, null, IsoChronology.INSTANCE, locale);
        fullDate = DateTimeFormatter.ofPattern(pattern, locale);
        monthYear = DateTimeFormatter.ofPattern(withoutDay(pattern), locale);
    }

    /** Dates in this language; in English where the JDK has no calendar data for it. */
    public static LocalDates of(Locale locale) {
        return new LocalDates(dateLocale(locale));
    }

    /** Whether the JDK writes dates in this language (rather than in English, Galley's fallback). */
    public static boolean known(Locale locale) {
        return Arrays.stream(DateFormat.getAvailableLocales()).anyMatch(available -> available.getLanguage().equals(locale.getLanguage()));
    }

    private static Locale dateLocale(Locale locale) {
        if (locale.toLanguageTag().equals("en") || !known(locale)) {
            return INTERNATIONAL_ENGLISH;
        }
        return locale;
    }

    /** The day as the article's page shows it, "10 March 2026". */
    public String fullDate(OffsetDateTime date) {
        return fullDate.format(date);
    }

    /** The month as lists show it, "March 2026". */
    public String monthYear(OffsetDateTime date) {
        return monthYear.format(date);
    }

    /**
     * The long date's pattern without its day, for the month and year: Java 17 has no CLDR skeleton ("yMMMM"; Java
     * 19's ofLocalizedPattern), so the day field and the literal text after it go ("d. MMMM y" gives "MMMM y",
     * "y年M月d日" gives "y年M月", "d 'de' MMMM 'de' y" gives "MMMM 'de' y"), and the month takes its stand-alone
     * form, which Slavic languages decline differently ("březen 2026", not "března 2026").
     */
    static String withoutDay(String pattern) {
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int end = tokenEnd(pattern, i);
            String token = pattern.substring(i, end);
            boolean field = isPatternLetter(c);
            if (field && c == 'd') {
                skipping = true;
            } else if (field) {
                skipping = false;
                out.append(token.equals("MMMM") ? "LLLL" : token);
            } else if (!skipping) {
                out.append(token);
            }
            i = end;
        }
        return out.toString().strip();
    }

    /** Only ASCII letters are fields: 年 and 日 are literal text. */
    private static boolean isPatternLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Where the pattern token starting at {@code start} ends: a run of one letter, a quoted literal, or one other character. */
    private static int tokenEnd(String pattern, int start) {
        char c = pattern.charAt(start);
        int end = start + 1;
        if (isPatternLetter(c)) {
            while (end < pattern.length() && pattern.charAt(end) == c) {
                end++;
            }
        } else if (c == '\'') {
            while (end < pattern.length() && pattern.charAt(end) != '\'') {
                end++;
            }
            end = Math.min(end + 1, pattern.length());
        }
        return end;
    }
}
