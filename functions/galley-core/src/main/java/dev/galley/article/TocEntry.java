package dev.galley.article;

import java.util.List;

/**
 * One heading in an article's table of contents.
 *
 * @param level    2 or 3
 * @param id       the heading's {@code id}, the target of {@code #id} links
 * @param children the h3 headings of an h2's section, in order; none for an h3
 */
public record TocEntry(int level, String id, String text, List<TocEntry> children) {

    public TocEntry {
        children = List.copyOf(children);
    }

    /** A heading without sub-headings. */
    public TocEntry(int level, String id, String text) {
        this(level, id, text, List.of());
    }

    /** How many headings this entry lists: itself and all its descendants. */
    public int headings() {
        return 1 + children.stream().mapToInt(TocEntry::headings).sum();
    }
}
