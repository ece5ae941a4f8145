package dev.galley.publish;

/**
 * What happened to an uploaded file, as the author sees it (on S3: the tags {@code galley-status},
 * {@code galley-reason} and {@code galley-url} on the source object).
 *
 * @param reason a short reason, "" when there is nothing to say
 * @param url    the page's path, such as {@code /articles/x/}, or ""
 */
public record PublishStatus(State state, String reason, String url) {

    public enum State {
        PUBLISHED, DRAFT, REJECTED;

        public String tagValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
