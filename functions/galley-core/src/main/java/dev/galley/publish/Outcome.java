package dev.galley.publish;

import java.util.List;

/**
 * What one sync did to the site, for logs and tests.
 *
 * @param slug     the article's slug where known, else ""
 * @param reason   why, in the author's words, for rejections; else ""
 * @param changed  site paths whose cached copies are now stale despite their short cache lifetime (a replaced
 *                 or deleted image), or {@link #EVERYTHING} after a re-render; a CDN should invalidate them
 * @param warnings  what was published other than as written, as the author's status shows them
 * @param rejection why the file was refused, for {@link Kind#REJECTED}
 */
public record Outcome(String key, Kind kind, String slug, String reason, List<String> changed, List<String> warnings,
                      java.util.Optional<dev.galley.article.ArticleException> rejection) {

    /** Every path of the site. */
    public static final String EVERYTHING = "/*";

    public Outcome {
        changed = List.copyOf(changed);
        warnings = List.copyOf(warnings);
    }

    public Outcome(String key, Kind kind, String slug, String reason, List<String> changed, List<String> warnings) {
        this(key, kind, slug, reason, changed, warnings, java.util.Optional.empty());
    }

    public Outcome(String key, Kind kind, String slug, String reason, List<String> changed) {
        this(key, kind, slug, reason, changed, List.of());
    }

    static Outcome rejected(String key, dev.galley.article.ArticleException e) {
        return new Outcome(key, Kind.REJECTED, "", e.getMessage(), List.of(), List.of(), java.util.Optional.of(e));
    }

    public Outcome(String key, Kind kind, String slug, String reason) {
        this(key, kind, slug, reason, List.of());
    }

    public enum Kind {
        /** The page and index pages now show this file. */
        PUBLISHED,
        /** The site already showed exactly this file: nothing written. */
        UNCHANGED,
        /** The file is gone (or became a draft) and its page and entries were removed. */
        UNPUBLISHED,
        /** A draft, not listed. */
        DRAFT,
        /** Held back until its publish time (the reason says when); not listed, or no longer listed. */
        SCHEDULED,
        /** Past its expiry date: not listed, or no longer listed. */
        EXPIRED,
        /** The file cannot be published; the site keeps what it had. */
        REJECTED,
        /** Not Galley's business (not Markdown nor an image, outside the content root) or already absent. */
        SKIPPED,
        /** The whole site was re-rendered (the site config changed). */
        REBUILT,
        /**
         * A re-render of the whole site was started, fanned out ({@link RebuildFanOut}; the reason names it): it
         * commits later, through the writer, and tells the author then.
         */
        REBUILD_STARTED
    }

    static Outcome of(String key, Kind kind, String slug) {
        return new Outcome(key, kind, slug, "");
    }
}
