package dev.galley.article;

/**
 * Something in a file that was published, but not as the author wrote it: a template tag Galley does not know,
 * a link it could not resolve. The article is still published; the warning reaches the author the way an error
 * does (the build's output, and on S3 the {@code galley-warnings} tag).
 *
 * @param file   the source file, relative to the content root
 * @param line   the 1-based line in the file, or 0 where there is no single line
 * @param kind   a short, stable name for reports and tests, such as {@code unknown-template-tag}
 * @param reason what happened and what to do, in an author's words
 */
public record ArticleWarning(String file, int line, String kind, String reason) {

    /** One line, as build output, log lines and status tags need: a tag quoted across lines is folded onto one. */
    public ArticleWarning {
        reason = reason.replaceAll("\\s+", " ").strip();
    }

    /** The warning as the build prints it: {@code posts/a.md:12: reason}. */
    public String message() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }

    /** The warning without the file name, for places that show the file already. */
    public String reasonWithLine() {
        return line > 0 ? "line " + line + ": " + reason : reason;
    }
}
