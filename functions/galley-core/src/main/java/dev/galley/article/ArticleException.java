package dev.galley.article;

/**
 * A source file that cannot be published. The message names the file, the line where it is known,
 * and the reason in words an author understands, e.g.
 * {@code posts/hello.md:3: date "2026-13-01" is not a date; write it like 2026-03-10}.
 */
public final class ArticleException extends Exception {

    /** What kind of problem it is, for status tags and tests; the message says the rest. */
    public enum Problem {
        TOO_LARGE, NOT_TEXT, NO_FRONT_MATTER, BAD_YAML, MISSING_FIELD, BAD_FIELD, BAD_SLUG, DUPLICATE_URL, UNSUPPORTED_FILE
    }

    private final String file;
    private final int line;
    private final Problem problem;
    private final String reason;

    public ArticleException(String file, int line, Problem problem, String reason) {
        super(message(file, line, reason));
        this.file = file;
        this.line = line;
        this.problem = problem;
        this.reason = reason;
    }

    public ArticleException(String file, Problem problem, String reason) {
        this(file, 0, problem, reason);
    }

    /** A second file claims the URL that {@code owner}'s article already has; the owner keeps it. */
    public static ArticleException duplicateUrl(String file, String url, String owner) {
        return new ArticleException(file, Problem.DUPLICATE_URL, "the URL " + url + " is already used by " + owner
                + "; give this article its own, with another slug: or permalink: line, or a site.yaml permalink that keeps "
                + "them apart, such as /:year/:slug/");
    }

    private static String message(String file, int line, String reason) {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }

    public String file() {
        return file;
    }

    /** The 1-based line in the file, or 0 where the problem has no single line. */
    public int line() {
        return line;
    }

    public Problem problem() {
        return problem;
    }

    /** The reason without the file name, for places that show the file already. */
    public String reason() {
        return line > 0 ? "line " + line + ": " + reason : reason;
    }
}
