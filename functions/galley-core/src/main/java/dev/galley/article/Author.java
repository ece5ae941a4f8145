package dev.galley.article;

import dev.galley.article.internal.AuthorText;

import java.util.List;

/**
 * Someone an article names as its author.
 *
 * @param url their page, an http or https URL, or null
 */
public record Author(String name, String url) {

    /**
     * The authors named in front matter text: names separated by commas, each plain or a Markdown link, as in
     * {@code [Jane Doe](https://jane.dev), John Roe}. Links to anything but http and https keep only their text.
     */
    public static List<Author> listFrom(String markdown) {
        return AuthorText.split(markdown);
    }
}
