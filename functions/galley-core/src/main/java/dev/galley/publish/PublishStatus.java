package dev.galley.publish;

import java.util.List;

/**
 * What happened to an uploaded file, as the author sees it (on S3: the tags {@code galley-status},
 * {@code galley-reason}, {@code galley-url}, {@code galley-warnings} and {@code galley-etag} on the source object).
 *
 * @param reason     a short reason, "" when there is nothing to say
 * @param url        where the page is: {@code https://example.com/articles/x/} when {@code site.yaml} sets
 *                   {@code baseUrl}, else its path, such as {@code /articles/x/}; "" when it is not on the site
 * @param warnings   what was published other than as written, each starting with its line ("line 12: ...")
 * @param sourceEtag the ETag of the source bytes this status is about, "" when not known: an author who has
 *                   just uploaded a file knows its status is the upload's own, not an older version's
 */
public record PublishStatus(State state, String reason, String url, List<String> warnings, String sourceEtag) {

    public PublishStatus {
        warnings = List.copyOf(warnings);
    }

    public PublishStatus(State state, String reason, String url, List<String> warnings) {
        this(state, reason, url, warnings, "");
    }

    public PublishStatus(State state, String reason, String url) {
        this(state, reason, url, List.of());
    }

    /** This status, about the source bytes whose ETag is {@code etag}. */
    public PublishStatus forVersion(String etag) {
        return new PublishStatus(state, reason, url, warnings, etag);
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
