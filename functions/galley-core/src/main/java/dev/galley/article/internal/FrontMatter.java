package dev.galley.article.internal;

import dev.galley.article.ArticleException;

/**
 * A file split into its YAML front matter and its Markdown body.
 *
 * @param bodyFirstLine the 1-based file line on which the body starts
 */
public record FrontMatter(String yaml, String body, int bodyFirstLine) {

    /**
     * Splits at the {@code ---} lines; the closing line may also be {@code ...}, as YAML allows. Blank lines before
     * the opening line are allowed, as Hugo allows them; they stay in the YAML text as blank lines, so that a line
     * of the YAML text is still a line of the file counted from the opening line.
     */
    public static FrontMatter split(String file, String whole) throws ArticleException {
        int blank = 0;
        int start = 0;
        for (int end = whole.indexOf('\n'); end >= 0 && whole.substring(start, end).isBlank(); end = whole.indexOf('\n', start)) {
            blank++;
            start = end + 1;
        }
        FrontMatter parts = splitAtStart(file, whole.substring(start), blank + 1);
        return new FrontMatter("\n".repeat(blank) + parts.yaml(), parts.body(), parts.bodyFirstLine() + blank);
    }

    private static FrontMatter splitAtStart(String file, String text, int firstLine) throws ArticleException {
        if (!(text.startsWith("---\n") || text.startsWith("--- \n") || text.equals("---"))) {
            throw new ArticleException(file, firstLine, ArticleException.Problem.NO_FRONT_MATTER,
                    "the file does not start with front matter: its first line must be ---, "
                            + "followed by title: and date: lines and a closing ---");
        }
        int lineStart = text.indexOf('\n') + 1;
        int line = 2;
        while (lineStart > 0 && lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String content = (lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd)).stripTrailing();
            if (content.equals("---") || content.equals("...")) {
                String yaml = text.substring(text.indexOf('\n') + 1, lineStart);
                String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
                return new FrontMatter(yaml, body, line + 1);
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
            line++;
        }
        throw new ArticleException(file, firstLine, ArticleException.Problem.NO_FRONT_MATTER,
                "the front matter that starts on line " + firstLine + " has no closing --- line");
    }
}
