package dev.galley.publish;

import java.util.List;

/**
 * What happened to an uploaded file, as the author sees it (on S3: the tags {@code galley-status},
 * {@code galley-reason}, {@code galley-url} and {@code galley-warnings} on the source object).
 *
 * @param reason   a short reason, "" when there is nothing to say
 * @param url      the page's path, such as {@code /articles/x/}, or ""
 * @param warnings what was published other than as written, each starting with its line ("line 12: ...")
 */
public record PublishStatus(State state, String reason, String url, List<String> warnings) {

    public PublishStatus {
        warnings = List.copyOf(warnings);
    }

    public PublishStatus(State state, String reason, String url) {
        this(state, reason, url, List.of());
    }

    public enum State {
        PUBLISHED, DRAFT, REJECTED,
        /** Held back until its publish time, which the reason gives. */
        SCHEDULED,
        /** Past its expiry: taken down. */
        EXPIRED;

        public String tagValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
