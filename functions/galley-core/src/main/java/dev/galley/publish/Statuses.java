package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleWarning;
import dev.galley.article.PublishWindow;
import dev.galley.publish.PublishStatus.State;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What each author is told, and when the publisher wakes: the status of a published, held, expired or refused file,
 * by the site's publish windows.
 */
final class Statuses {

    private final ContentStore content;
    private final Clock clock;
    private final PublishSchedule schedule;

    Statuses(ContentStore content, Clock clock, PublishSchedule schedule) {
        this.content = content;
        this.clock = clock;
        this.schedule = schedule;
    }

    /** The status of a published article: its URL, and its warnings and the site's, each with its line. */
    PublishStatus published(Article article, SiteSettings settings) {
        return new PublishStatus(State.PUBLISHED, "", settings.publicUrl(article.summary().url()), warnings(article, settings));
    }

    private static List<String> warnings(Article article, SiteSettings settings) {
        List<String> warnings = new java.util.ArrayList<>(settings.warnings());  // the site's first: it concerns every file
        article.warnings().forEach(warning -> warnings.add(warning.reasonWithLine()));
        return warnings;
    }

    /**
     * Why a good article is not to be on the site now (a draft, held back until its publish time, or expired), or
     * null when it is. Sets the wake-up its publish window needs: at the publish time of a held article, at the
     * expiry of one to be shown. An edit or upload that takes a live article out of its window takes it down: an
     * embargo is kept even when the publish time moves into the future after the article went out. The reasons
     * fit an S3 tag, which keeps no brackets, commas or semicolons.
     */
    PublishStatus withhold(Article article, SiteSettings settings) {
        if (article.draft()) {
            return new PublishStatus(State.DRAFT, "draft: true, so it is not listed", "");
        }
        Instant now = clock.instant();
        PublishWindow window = article.window();
        if (window.expiredAt(now)) {
            return new PublishStatus(State.EXPIRED, "expired at " + window.until().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    + " by expiryDate: it is not on the site", "", warnings(article, settings));
        }
        if (window.heldAt(now)) {
            schedule.wakeAt(article.sourceKey(), window.from().toInstant());
            return new PublishStatus(State.SCHEDULED, "held until " + window.from().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    + " by " + window.fromKey() + ": it goes live then", "", warnings(article, settings));
        }
        if (window.until() != null) {
            schedule.wakeAt(article.sourceKey(), window.until().toInstant());
        }
        return null;
    }

    static Outcome withheldOutcome(String key, Article article, PublishStatus status) {
        return switch (status.state()) {
            case SCHEDULED -> new Outcome(key, Outcome.Kind.SCHEDULED, article.slug(), status.reason(), List.of(), status.warnings());
            case EXPIRED -> new Outcome(key, Outcome.Kind.EXPIRED, article.slug(), status.reason(), List.of(), status.warnings());
            default -> Outcome.of(key, Outcome.Kind.DRAFT, article.slug());
        };
    }

    /** The status with more warnings, each as the author reads it. */
    static PublishStatus withWarnings(PublishStatus status, List<ArticleWarning> more) {
        if (more.isEmpty()) {
            return status;
        }
        List<String> warnings = new java.util.ArrayList<>(status.warnings());
        more.forEach(warning -> warnings.add(warning.reasonWithLine()));
        return new PublishStatus(status.state(), status.reason(), status.url(), warnings, status.sourceEtag());
    }

    /** Tells the author why a file is refused. */
    Outcome reject(String key, String sourceEtag, ArticleException e) {
        content.reportStatus(key, new PublishStatus(State.REJECTED, e.reason(), "").forVersion(sourceEtag));
        return Outcome.rejected(key, e);
    }
}
