package dev.galley.article.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Heading ids as GitHub makes them (the rule of github-slugger, checked against its fixtures), so that
 * {@code #links} written for a README or for the old site land: the text lowercased; every character dropped
 * that is not a letter, mark, decimal or letter number, connector ({@code _}), {@code -} or space; each space
 * becomes {@code -}, none collapsed. One deliberate difference: variation selectors (U+FE00–FE0F, the
 * invisible tail of emoji such as ⚠️, and U+E0100–E01EF) are dropped too, so an emoji leaves no invisible
 * character in the id. A repeated id gets {@code -1}, {@code -2}, ... One instance per document.
 */
final class HeadingIds {

    /** Given to a heading whose text leaves nothing, such as one made of emoji only. */
    private static final String FALLBACK = "section";

    /** Each id given so far, with the last suffix used for it. */
    private final Map<String, Integer> occurrences = new HashMap<>();

    /** The id for a heading with this text, unique among those this instance has given. */
    String next(String text) {
        String base = slug(text);
        if (base.isEmpty()) {
            base = FALLBACK;
        }
        String id = base;
        while (occurrences.containsKey(id)) {
            int suffix = occurrences.merge(base, 1, Integer::sum);
            id = base + "-" + suffix;
        }
        occurrences.put(id, 0);
        return id;
    }

    static String slug(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder id = new StringBuilder(lower.length());
        lower.codePoints().forEach(c -> {
            if (c == ' ') {
                id.append('-');
            } else if (kept(c)) {
                id.appendCodePoint(c);
            }
        });
        return id.toString();
    }

    private static boolean kept(int c) {
        if (isVariationSelector(c)) {
            return false;
        }
        if (c == '-' || Character.isAlphabetic(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.CONNECTOR_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isVariationSelector(int c) {
        return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }
}
