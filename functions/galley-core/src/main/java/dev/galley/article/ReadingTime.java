package dev.galley.article;

/**
 * "N min read". Words are counted between white space; Chinese, Japanese and Korean text has no spaces
 * between words, so its characters are counted instead, at {@value #CJK_CHARACTERS_PER_MINUTE} a minute.
 */
public final class ReadingTime {

    public static final int CJK_CHARACTERS_PER_MINUTE = 500;
    /** Hangul Jamo, the lowest block of the four scripts counted by character. */
    private static final int FIRST_CJK = 0x1100;

    private int words;
    private int cjkCharacters;
    private boolean inWord;

    /** Counts the words and CJK characters of one more piece of text; pieces are separate words. */
    public void add(CharSequence text) {
        inWord = false;
        String chars = text.toString();  // the literals are strings: String.charAt is a call the client compiler inlines
        int length = chars.length();
        for (int i = 0; i < length; i++) {
            char c = chars.charAt(i);
            if (c < 0x80) {  // most text: no code point to assemble, no script to look up
                if (c <= ' ') {
                    inWord = false;
                } else if (!inWord) {
                    inWord = true;
                    words++;
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars.charAt(i + 1))) {
                addCodePoint(Character.toCodePoint(c, chars.charAt(++i)));
            } else {
                addCodePoint(c);
            }
        }
        inWord = false;
    }

    private void addCodePoint(int cp) {
        if (isCjk(cp)) {
            cjkCharacters++;
            inWord = false;
        } else if (cp < 0x80 ? cp <= ' ' : Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            inWord = false;
        } else if (!inWord) {
            inWord = true;
            words++;
        }
    }

    /** Whole minutes, rounded up as Hugo does, never less than 1. */
    public int minutes(int wordsPerMinute) {
        double minutes = (double) words / wordsPerMinute + (double) cjkCharacters / CJK_CHARACTERS_PER_MINUTE;
        return (int) Math.max(1, Math.ceil(minutes - 1e-9));
    }

    private static boolean isCjk(int cp) {
        if (cp < FIRST_CJK) {
            return false;  // most text: UnicodeScript.of is a binary search over every script range
        }
        // CJK punctuation, the prolonged sound mark ー and full-width forms belong to the COMMON script,
        // but are read as part of the surrounding CJK text, not as words of their own.
        if (cp >= 0x3000 && cp <= 0x303F || cp == 0x30FC || cp >= 0xFF00 && cp <= 0xFFEF) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }
}
