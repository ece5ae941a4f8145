package dev.galley.article;

import dev.galley.article.internal.BoundedMemo;
import dev.galley.article.internal.HighlightedCode;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.Arrays;
import java.util.Objects;

/**
 * The code block an article shows on the home page as a card: a file name and its code. A card shows the first
 * {@value #CARD_LINES} lines and says how many more the article has; the featured article's card, which the look
 * shows with its whole sample, and the article's page show the whole block.
 *
 * @param language the fence's language, or "" when none was given
 */
public record CodeSample(String fileName, String language, String code) {

    /**
     * The most lines a card shows: a glance at the code, as the look's cards do (one to eight lines). A listing page
     * holds some twenty cards, and one publish rewrites four or five listing pages, so a whole file on every card
     * made most of what a publish wrote.
     */
    public static final int CARD_LINES = 8;

    /**
     * Highlighted cards by sample. A card shows on the home listing and on each of its tags' listings, so a full
     * build highlighted every sample four times or so: a tenth of its work. Bounded like the tag slugs, at a few
     * kilobytes a card.
     */
    private static final BoundedMemo<CodeSample, String> HIGHLIGHTED = new BoundedMemo<>(10_000, CodeSample::highlight);

    /** The code the card shows: its first {@value #CARD_LINES} lines. */
    public String cardCode() {
        String[] lines = lines();
        return lines.length <= CARD_LINES ? code : String.join("\n", Arrays.asList(lines).subList(0, CARD_LINES));
    }

    /** How many lines of the code the card leaves out. */
    public int linesLeftOut() {
        return Math.max(0, lines().length - CARD_LINES);
    }

    /** The code's lines; a line break that ends the code starts no line. */
    private String[] lines() {
        String text = code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
        return text.split("\n", -1);
    }

    /** The card's code as escaped HTML with highlighting spans, as the article's page highlights it. */
    public String cardHtml() {
        return HIGHLIGHTED.apply(this);
    }

    /** The whole code, highlighted, for the featured card: one a page, so not memoised. */
    public String wholeHtml() {
        return highlighted(code);
    }

    /**
     * Written out, as the record would have them: the generated ones bootstrap a tree of method handles on first use
     * (some 60 classes spun), and the memo above hashes a sample on every cold start's first event.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CodeSample that && Objects.equals(fileName, that.fileName) && Objects.equals(language, that.language)
                && Objects.equals(code, that.code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, language, code);
    }

    private static String highlight(CodeSample sample) {
        return sample.highlighted(sample.cardCode());
    }

    private String highlighted(String code) {
        StringBuilder out = new StringBuilder(code.length() * 2);
        HighlightedCode.write(language, code, new HtmlWriter(out));
        return out.toString();
    }
}
