package dev.galley.article;

/**
 * One heading in an article's table of contents.
 *
 * @param level 2 or 3
 * @param id    the heading's {@code id}, the target of {@code #id} links
 */
public record TocEntry(int level, String id, String text) {
}
