package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.publish.PublishStatus.State;
import dev.galley.publish.SiteStore.Condition;
import dev.galley.render.Format;
import dev.galley.render.SiteRenderer;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one publishing pipeline. The Lambda, the local preview and the tests all drive it; only the stores differ.
 *
 * <p>Write order keeps the site consistent at every moment: an article's page is written before the manifest
 * lists it and before any index page links to it; on removal the index pages drop it before the page is
 * deleted. The manifest is updated with conditional writes, so concurrent invocations never lose each
 * other's entries; index pages carry the manifest revision they show and are written only over older ones.
 */
public final class Publisher {

    /** Revision of the manifest an index page shows, kept in the page's metadata. */
    public static final String REVISION = "galley-revision";
    /** The source file a page was rendered from, kept in the page's metadata. */
    static final String SOURCE = "galley-source";
    /** The ETag of the source bytes a page was rendered from, kept in the page's metadata. */
    static final String SOURCE_ETAG = "galley-source-etag";
    static final String ARTICLE_SUFFIX = ".md";

    private static final int MAX_ATTEMPTS = 25;

    private final ContentStore content;
    private final SiteStore site;

    public Publisher(ContentStore content, SiteStore site) {
        this.content = content;
        this.site = site;
    }

    public static boolean isArticle(String key) {
        return key.endsWith(ARTICLE_SUFFIX) && !key.endsWith("/" + ARTICLE_SUFFIX) && !key.equals(ARTICLE_SUFFIX);
    }

    /** Brings the site in line with what the content store holds now for one key. Idempotent. */
    public Outcome sync(SourceChange change) {
        String key = change.key();
        if (key.equals(SiteConfig.FILE_NAME)) {
            Rebuild.Report report = rebuild();
            return new Outcome(key, Outcome.Kind.REBUILT, "", report.rejected().isEmpty() ? "" : report.rejected().size() + " files rejected");
        }
        if (!isArticle(key)) {
            return Outcome.of(key, Outcome.Kind.SKIPPED, "");
        }
        SiteRenderer renderer = new SiteRenderer(loadConfig());
        ArticleParser parser = new ArticleParser(renderer.site());
        String pageWrittenFromEtag = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                backOff(attempt);
            }
            // The manifest is read before the source, so an entry whose ETag equals the source's is up to date.
            Snapshot manifest = readManifest();
            Optional<ContentStore.SourceFile> source = content.read(key);
            Manifest.Entry current = manifest.value().bySource(key);

            if (source.isEmpty()) {
                if (current == null) {
                    return Outcome.of(key, Outcome.Kind.SKIPPED, "");
                }
                if (!unpublish(renderer, manifest, current)) {
                    continue;
                }
                return Outcome.of(key, Outcome.Kind.UNPUBLISHED, current.article().slug());
            }
            ContentStore.SourceFile file = source.get();
            Article article;
            try {
                article = parser.parse(key, file.bytes());
            } catch (ArticleException e) {
                return reject(key, e);
            }
            if (article.draft()) {
                if (current != null && !unpublish(renderer, manifest, current)) {
                    continue;
                }
                content.reportStatus(key, new PublishStatus(State.DRAFT, "draft: true, so it is not listed", ""));
                return Outcome.of(key, Outcome.Kind.DRAFT, article.slug());
            }
            Manifest.Entry owner = manifest.value().bySlug(article.slug());
            if (owner != null && !owner.sourceKey().equals(key)) {
                if (pageWrittenFromEtag != null) {
                    repairPage(parser, renderer, owner);
                }
                return reject(key, ArticleException.duplicateSlug(key, article.slug(), owner.sourceKey()));
            }
            boolean upToDate = current != null && current.sourceEtag().equals(file.etag())
                    && current.article().equals(article.summary());
            if (upToDate) {
                if (pageWrittenFromEtag != null && !pageWrittenFromEtag.equals(file.etag()) && !writePage(renderer, article, file)) {
                    continue;  // an earlier attempt of ours wrote older content: put it right
                }
                content.reportStatus(key, published(article));
                return Outcome.of(key, Outcome.Kind.UNCHANGED, article.slug());
            }
            if (isOlderNotification(change, file, current)) {
                return Outcome.of(key, Outcome.Kind.UNCHANGED, article.slug());
            }
            if (!file.etag().equals(pageWrittenFromEtag) && !writePage(renderer, article, file)) {
                continue;
            }
            pageWrittenFromEtag = file.etag();
            Manifest next = manifest.value().with(new Manifest.Entry(key, file.etag(), newestSequencer(change, current), article.summary()));
            if (!commit(manifest, next)) {
                continue;
            }
            publishIndexPages(renderer, manifest.value(), next);
            if (current != null && !current.article().slug().equals(article.slug())) {
                site.delete(SiteRenderer.articlePath(current.article().slug()));
            }
            content.reportStatus(key, published(article));
            return Outcome.of(key, Outcome.Kind.PUBLISHED, article.slug());
        }
        throw manifestKeptChanging(key);
    }

    private static StoreException manifestKeptChanging(String key) {
        return new StoreException("the manifest kept changing under " + key + " for " + MAX_ATTEMPTS + " attempts; try again", true, null);
    }

    /**
     * True when the notification reports exactly the bytes we read, and the manifest already holds a
     * different version from a later notification: publishing would go backwards.
     */
    private static boolean isOlderNotification(SourceChange change, ContentStore.SourceFile file, Manifest.Entry current) {
        return current != null && !change.sequencer().isEmpty() && !current.sequencer().isEmpty()
                && change.etag().equals(file.etag())
                && SourceChange.compareSequencers(change.sequencer(), current.sequencer()) < 0;
    }

    private static String newestSequencer(SourceChange change, Manifest.Entry current) {
        if (current == null || current.sequencer().isEmpty()) {
            return change.sequencer();
        }
        return SourceChange.compareSequencers(change.sequencer(), current.sequencer()) >= 0 ? change.sequencer() : current.sequencer();
    }

    /** Drops the entry, then the index pages' links to it, then its page; false when the manifest changed first. */
    private boolean unpublish(SiteRenderer renderer, Snapshot manifest, Manifest.Entry current) {
        Manifest next = manifest.value().without(current.sourceKey());
        if (!commit(manifest, next)) {
            return false;
        }
        publishIndexPages(renderer, manifest.value(), next);
        site.delete(SiteRenderer.articlePath(current.article().slug()));
        return true;
    }

    private Outcome reject(String key, ArticleException e) {
        content.reportStatus(key, new PublishStatus(State.REJECTED, e.reason(), ""));
        return new Outcome(key, Outcome.Kind.REJECTED, "", e.getMessage());
    }

    private void repairPage(ArticleParser parser, SiteRenderer renderer, Manifest.Entry owner) {
        content.read(owner.sourceKey()).ifPresent(file -> {
            try {
                writePage(renderer, parser.parse(owner.sourceKey(), file.bytes()), file);
            } catch (ArticleException e) {
                // The owner's file is broken now; its own notification will deal with it.
            }
        });
    }

    /**
     * Writes the article's page from {@code file}, unless that would put older content over a newer page: a page
     * rendered from other bytes is replaced only while {@code file} is still what the source holds, and only if
     * nobody wrote the page in between. False when the caller must re-read and try again.
     */
    private boolean writePage(SiteRenderer renderer, Article article, ContentStore.SourceFile file) {
        String path = SiteRenderer.articlePath(article.slug());
        Optional<SiteStore.Version> stored = site.head(path);
        Map<String, String> from = Map.of(SOURCE, file.key(), SOURCE_ETAG, file.etag());
        if (stored.isPresent() && stored.get().metadata().entrySet().containsAll(from.entrySet())) {
            return true;
        }
        if (stored.isPresent() && !content.read(file.key()).map(now -> now.etag().equals(file.etag())).orElse(false)) {
            return false;
        }
        try {
            site.write(renderer.article(article), from, Condition.of(stored));
            return true;
        } catch (WriteConflictException e) {
            return false;
        }
    }

    private static PublishStatus published(Article article) {
        return new PublishStatus(State.PUBLISHED, "", Format.articleUrl(article.slug()));
    }

    // --- manifest and index pages, shared with Rebuild ---

    record Snapshot(Manifest value, Optional<SiteStore.Version> version) {
    }

    Snapshot readManifest() {
        return site.read(ManifestCodec.PATH)
                .map(stored -> new Snapshot(ManifestCodec.read(stored.bytes()), Optional.of(stored.version())))
                .orElseGet(() -> new Snapshot(Manifest.EMPTY, Optional.empty()));
    }

    /** Writes the manifest if nobody changed it since {@code base} was read. */
    boolean commit(Snapshot base, Manifest next) {
        try {
            SiteFile file = new SiteFile(ManifestCodec.PATH, ManifestCodec.write(next), dev.galley.site.ContentKind.INTERNAL_JSON);
            site.write(file, Map.of(REVISION, Long.toString(next.revision())), Condition.of(base.version()));
            return true;
        } catch (WriteConflictException e) {
            return false;
        }
    }

    /**
     * Writes the index pages that differ between two manifest revisions, each only over an older revision,
     * so that a slow invocation never puts back a page that a newer one replaced.
     */
    void publishIndexPages(SiteRenderer renderer, Manifest before, Manifest after) {
        publishIndexPages(renderer, before, after, false);
    }

    /** @param all write every page, not only changed ones (a rebuild: templates or site config may have changed) */
    void publishIndexPages(SiteRenderer renderer, Manifest before, Manifest after, boolean all) {
        Map<String, byte[]> old = new HashMap<>();
        renderer.indexPages(before.articles()).forEach(f -> old.put(f.path(), f.bytes()));
        List<SiteFile> pages = renderer.indexPages(after.articles());
        for (SiteFile page : pages) {
            if (!java.util.Arrays.equals(old.remove(page.path()), page.bytes()) || all) {
                writeIfNewer(renderer, page, after.revision());
            }
        }
        for (String gone : old.keySet()) {
            deleteIfNotNewer(gone, after.revision());
        }
    }

    private void writeIfNewer(SiteRenderer renderer, SiteFile page, long revision) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<SiteStore.Version> stored = site.head(page.path());
            if (stored.isPresent() && revisionOf(stored.get()) >= revision) {
                return;
            }
            try {
                site.write(page, Map.of(REVISION, Long.toString(revision)), Condition.of(stored));
            } catch (WriteConflictException e) {
                backOff(attempt);
                continue;
            }
            if (stored.isEmpty()) {
                deleteIfGoneSince(renderer, page.path(), revision);
            }
            return;
        }
        throw new StoreException("could not write " + page.path() + " for " + MAX_ATTEMPTS + " attempts", true, null);
    }

    /**
     * A page found absent may have been deleted by a newer revision (a tag whose last article went) rather than
     * never written: then writing it put it back. Deletes it again unless the newest manifest still has it.
     */
    private void deleteIfGoneSince(SiteRenderer renderer, String path, long revision) {
        Manifest latest = readManifest().value();
        if (latest.revision() > revision && renderer.indexPages(latest.articles()).stream().noneMatch(p -> p.path().equals(path))) {
            deleteIfNotNewer(path, latest.revision());
        }
    }

    private void deleteIfNotNewer(String path, long revision) {
        Optional<SiteStore.Version> stored = site.head(path);
        if (stored.isPresent() && revisionOf(stored.get()) < revision) {
            site.delete(path);
        }
    }

    private static long revisionOf(SiteStore.Version version) {
        try {
            return Long.parseLong(version.metadata().getOrDefault(REVISION, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    SiteConfig loadConfig() {
        Optional<ContentStore.SourceFile> file = content.read(SiteConfig.FILE_NAME);
        if (file.isEmpty()) {
            return SiteConfig.defaults();
        }
        try {
            return SiteConfig.parse(SiteConfig.FILE_NAME, file.get().bytes());
        } catch (ArticleException e) {
            throw new InvalidSiteConfigException(e);
        }
    }

    /** Re-renders everything from the content store: see {@link Rebuild}. */
    public Rebuild.Report rebuild() {
        return new Rebuild(this, content, site).run();
    }

    private static void backOff(int attempt) {
        long ceiling = Math.min(200, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to retry", true, e);
        }
    }
}
