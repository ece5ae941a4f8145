package dev.galley.publish;

/**
 * What one sync did to the site, for logs and tests.
 *
 * @param slug   the article's slug where known, else ""
 * @param reason why, in the author's words, for rejections; else ""
 */
public record Outcome(String key, Kind kind, String slug, String reason) {

    public enum Kind {
        /** The page and index pages now show this file. */
        PUBLISHED,
        /** The site already showed exactly this file: nothing written. */
        UNCHANGED,
        /** The file is gone (or became a draft) and its page and entries were removed. */
        UNPUBLISHED,
        /** A draft, not listed. */
        DRAFT,
        /** The file cannot be published; the site keeps what it had. */
        REJECTED,
        /** Not Galley's business (not Markdown, outside the content root) or already absent. */
        SKIPPED,
        /** The whole site was re-rendered (the site config changed). */
        REBUILT
    }

    static Outcome of(String key, Kind kind, String slug) {
        return new Outcome(key, kind, slug, "");
    }
}
