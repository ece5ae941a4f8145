package dev.galley.article;

/**
 * The code block an article shows on the home page as a card: a file name and its code.
 *
 * @param language the fence's language, or "" when none was given
 */
public record CodeSample(String fileName, String language, String code) {
}
