package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleSummary;
import dev.galley.publish.PublishStatus.State;
import dev.galley.render.SiteRenderer;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteFile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pages of shared drafts. A source has a draft page exactly while it holds a good draft: the page goes when the
 * draft is published, deleted, renamed, held back or broken. Beside each page, {@code _galley/drafts/<source key>}
 * notes the page's folder, so that the page of a source that is no longer a draft is found without the draft key:
 * publishing an article never asks for the key.
 */
final class DraftPages {

    /** Where the notes live; the CDN and the preview serve nothing under {@code _galley/}. */
    static final String NOTES = "_galley/drafts/";

    private final DraftLinks links;
    private final SiteStore site;
    private final SiteWriter writer;

    DraftPages(DraftLinks links, SiteStore site, SiteWriter writer) {
        this.links = links;
        this.site = site;
        this.writer = writer;
    }

    /**
     * Brings a source's draft page in line with its status: shared when it is a draft, removed otherwise.
     *
     * @param article the source as parsed, null when it is gone or broken
     * @return the status to report: a shared draft's carries its link
     */
    PublishStatus settle(SiteRenderer renderer, String key, Article article, PublishStatus status, SiteSettings settings) {
        if (status != null && status.state() == State.DRAFT && article != null && links.shared()) {
            return share(renderer, article, status, settings);
        }
        withdraw(key);
        return status;
    }

    /** Writes a draft's page; a page at a former link (the draft key was changed) goes. */
    private PublishStatus share(SiteRenderer renderer, Article article, PublishStatus draft, SiteSettings settings) {
        String key = article.sourceKey();
        String folder = links.path(key);
        Optional<String> former = noted(key);
        if (!former.equals(Optional.of(folder))) {
            // The note first: a page is never left without one that leads to it.
            site.write(new SiteFile(NOTES + key, folder.getBytes(StandardCharsets.UTF_8), ContentKind.INTERNAL_TEXT), Map.of(),
                    new SiteStore.Condition.None());
        }
        writer.writeIfChanged(renderer.draft(article, folder), Map.of(SiteWriter.SOURCE, key));
        former.filter(old -> !old.equals(folder)).ifPresent(old -> site.delete(ArticleSummary.pageFileOf(old)));
        return new PublishStatus(State.DRAFT, DraftLinks.REASON, settings.publicUrl("/" + folder), draft.warnings(), draft.sourceEtag());
    }

    /** Removes the draft page of a source, if it has one. */
    private void withdraw(String key) {
        noted(key).ifPresent(folder -> {
            site.delete(ArticleSummary.pageFileOf(folder));
            site.delete(NOTES + key);
        });
    }

    private Optional<String> noted(String key) {
        return site.read(NOTES + key).map(stored -> new String(stored.bytes(), StandardCharsets.UTF_8));
    }

    /** The pages and note that sharing the draft {@code key} for review keeps. */
    List<String> sharedPaths(String key) {
        return links.shared() ? List.of(NOTES + key, ArticleSummary.pageFileOf(links.path(key))) : List.of();
    }

    /**
     * A full re-render's part, once every draft is shared ({@link #settle}): removes every other draft page and note,
     * such as those of sources deleted while no notification came, or of links made with a former draft key.
     *
     * @param keep the {@link #sharedPaths} of every draft
     * @return how many pages it removed
     */
    int removeAllBut(Set<String> keep) {
        int removed = 0;
        for (String path : concat(site.list(NOTES), site.list(DraftLinks.ROOT))) {
            if (!keep.contains(path)) {
                site.delete(path);
                removed += path.startsWith(DraftLinks.ROOT) ? 1 : 0;
            }
        }
        return removed;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
