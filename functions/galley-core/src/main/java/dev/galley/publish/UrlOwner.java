package dev.galley.publish;

import dev.galley.article.ArticleSummary;

import java.time.OffsetDateTime;
import java.util.Comparator;

/**
 * Which of the files that claim one URL owns it: a standalone page before an article (its URL is the owner's
 * choice), then the earliest date (none comes last), then the first in key order. The rule reads only the files,
 * never which notification came first, so publishing change by change and a full re-render agree.
 */
final class UrlOwner {

    /** A file claiming a URL: its key and what it publishes. */
    record Claim(String sourceKey, ArticleSummary article) {
    }

    /** The owner first. */
    static final Comparator<Claim> FIRST = Comparator
            .comparing((Claim c) -> !c.article().page())
            .thenComparing(c -> c.article().date(), Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
            .thenComparing(Claim::sourceKey);

    private UrlOwner() {
    }

    /** True when {@code claimant} takes the URL from its present owner. */
    static boolean takesOver(Claim claimant, Manifest.Entry owner) {
        return FIRST.compare(claimant, new Claim(owner.sourceKey(), owner.article())) < 0;
    }
}
