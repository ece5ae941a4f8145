package dev.galley.publish;

import dev.galley.site.SiteConfig;

import java.util.Optional;

/**
 * The content's {@code site.yaml} as this writer read it last, kept from one batch to the next so that a burst reads
 * it once a container, not once a batch. Kept only while the writer's claim holds ({@link KnownSite#stillKnows}: no
 * other writer has written since) and until a change to {@code site.yaml} comes through this writer, which arrives as
 * a notification of its own: the batch that holds it reads it again and claims the site anew, so every other writer
 * forgets its copy ({@link KnownSite#claimAgain}). A batch that ran with the copy before that notification publishes
 * as if it came before the upload, which the re-render the notification starts puts right. A store that keeps nothing
 * (a local folder) is read every time.
 */
final class KeptSiteConfig {

    private final ContentStore content;
    private final KnownSite site;
    /** The file as read, and the mark of what the writer knew then; null before the first read or after a change. */
    private Kept kept;

    private record Kept(Optional<ContentStore.SourceFile> file, long mark) {
    }

    KeptSiteConfig(ContentStore content, KnownSite site) {
        this.content = content;
        this.site = site;
    }

    /** The settings to publish with: the kept {@code site.yaml}, or the one read now. */
    synchronized SiteSettings settings() {
        Kept now = kept;
        if (now == null || !site.stillKnows(now.mark())) {
            Optional<Long> mark = site.mark();
            Optional<ContentStore.SourceFile> file = content.read(SiteConfig.FILE_NAME);
            now = new Kept(file, mark.orElse(-1L));
            kept = mark.isPresent() ? now : null;
        }
        return SiteSettings.load(now.file(), site);
    }

    /** A change to {@code site.yaml} came through: read it again, and make every other writer forget its copy. */
    synchronized void changed() {
        kept = null;
        site.claimAgain();
    }
}
