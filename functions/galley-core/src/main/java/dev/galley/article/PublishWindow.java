package dev.galley.article;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * When an article may be on the site: from its publish time until its expiry, if it has one. As in Hugo, the
 * publish time is {@code publishDate} when the front matter gives one, else {@code date}.
 *
 * @param from    the publish time, or null for a page that has neither {@code publishDate} nor {@code date}: on the site at once
 * @param fromKey the front matter key {@code from} came from ("publishDate" or "date"), for the author's status
 * @param until   {@code expiryDate}, or null when the article never expires
 */
public record PublishWindow(OffsetDateTime from, String fromKey, OffsetDateTime until) {

    /** An article shown from its date on, for ever. */
    public static PublishWindow from(OffsetDateTime date) {
        return new PublishWindow(date, "date", null);
    }

    /** True while the publish time is still to come. */
    public boolean heldAt(Instant now) {
        return from != null && from.toInstant().isAfter(now);
    }

    /** True from the expiry on. */
    public boolean expiredAt(Instant now) {
        return until != null && !until.toInstant().isAfter(now);
    }
}
