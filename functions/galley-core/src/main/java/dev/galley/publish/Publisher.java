package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.article.ArticleSummary;
import dev.galley.article.PublishWindow;
import dev.galley.article.ArticleWarning;
import dev.galley.article.ImageSizes;
import dev.galley.render.AtomFeed;
import dev.galley.publish.PublishStatus.State;
import dev.galley.publish.SiteStore.Condition;
import dev.galley.render.Format;
import dev.galley.render.IndexPage;
import dev.galley.render.SiteRenderer;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;

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
    /**
     * The MD5 of a written file's bytes, to skip rewriting identical bytes. It only tells our own renderings
     * apart, so it needs no collision resistance; MD5 runs three times as fast as SHA-256 in C1-compiled code,
     * Lambda's default, where a full build hashes every byte of the site.
     */
    static final String CONTENT_HASH = "galley-md5";
    /** The ETag of the source bytes a page or an image copy was made from. */
    static final String SOURCE_ETAG = "galley-source-etag";
    /** The endings of Markdown files, as Jekyll and Hugo know them. */
    static final List<String> ARTICLE_SUFFIXES = List.of(".md", ".markdown", ".mdown", ".mkdn", ".mkd");

    private static final int MAX_ATTEMPTS = 25;
    /** Reads the feed's sources in parallel; S3 requests are I/O-bound, so more threads than cores. */
    static final ExecutorService IO = Parallel.pool(8, "galley-io");
    /**
     * Renders and writes index pages in parallel. A pool apart from {@link #IO}: rendering the feed waits on
     * reads submitted to IO, which must never wait behind the feed's own task.
     */
    static final ExecutorService PAGES = Parallel.pool(8, "galley-pages");
    static final String UNSUPPORTED = "only Markdown articles (.md, .markdown), site.yaml and images (.png, .jpg, .jpeg, .gif, .webp, .avif, .svg) are published - a stylesheet, logo or favicon of the site goes under theme/";

    private final ContentStore content;
    private final SiteStore site;

    private final Clock clock;
    private final PublishSchedule schedule;
    private final DraftPages drafts;

    public Publisher(ContentStore content, SiteStore site) {
        this(content, site, Clock.systemUTC(), PublishSchedule.NONE);
    }

    /**
     * @param clock    what "now" is: an article whose publish time is later is held back, one past its expiry is taken down
     * @param schedule wakes the publisher when a held article's time comes or a published one expires
     */
    public Publisher(ContentStore content, SiteStore site, Clock clock, PublishSchedule schedule) {
        this(content, site, clock, schedule, DraftLinks.NONE);
    }

    /** @param drafts where drafts are shared for review; {@link DraftLinks#NONE}: nowhere */
    public Publisher(ContentStore content, SiteStore site, Clock clock, PublishSchedule schedule, DraftLinks drafts) {
        this.content = content;
        this.site = site;
        this.clock = clock;
        this.schedule = schedule;
        this.drafts = new DraftPages(drafts, site, this);
    }

    DraftPages drafts() {
        return drafts;
    }

    /** Where articles' renders learn their images' sizes: a new one for each publish, as images change between them. */
    ImageSizes imageSizes() {
        return new StoredImageSizes(content, site);
    }

    /** A Markdown file with a name before its ending ({@code posts/.md} is not one). */
    public static boolean isArticle(String key) {
        if (ThemeFiles.isTheme(key)) {
            return false;  // the owner's folder: refused there, never an article
        }
        String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return ARTICLE_SUFFIXES.stream().anyMatch(suffix -> name.endsWith(suffix) && name.length() > suffix.length());
    }

    /** Brings the site in line with what the content store holds now for one key. Idempotent. */
    public Outcome sync(SourceChange change) {
        String key = change.key();
        if (key.equals(SiteConfig.FILE_NAME)) {
            return syncSiteConfig();
        }
        if (key.endsWith("/")) {
            return Outcome.of(key, Outcome.Kind.SKIPPED, "");  // a folder marker some S3 tools make: not a file
        }
        if (ThemeFiles.isTheme(key)) {
            return syncTheme(key);
        }
        if (Media.isMedia(key)) {
            return syncMedia(key, SiteSettings.load(content, site));
        }
        if (!isArticle(key)) {
            Optional<ContentStore.SourceFile> unsupported = content.read(key);
            if (unsupported.isEmpty()) {
                return Outcome.of(key, Outcome.Kind.SKIPPED, "");
            }
            return reject(key, unsupported.get().etag(), new ArticleException(key, ArticleException.Problem.UNSUPPORTED_FILE, UNSUPPORTED));
        }
        BatchOutcome done = publish(List.of(change), () -> true);
        done.handBackCause().or(done::afterCommit).ifPresent(e -> {
            throw e;
        });
        BatchOutcome.Result result = done.results().get(0);
        result.failure().ifPresent(e -> {
            throw e;
        });
        return result.outcome().orElseThrow();
    }

    /**
     * Brings the site in line with what the content store holds now for every key of a batch, as {@link #sync} of each
     * change in turn would, with one commit of the manifest and one rewrite of the index pages: see {@link BatchPublish}.
     *
     * @param mayStart asked before each further commit (a {@code site.yaml} in the batch splits it in commits):
     *                 false hands back the changes not started
     */
    public BatchOutcome publish(List<SourceChange> changes, java.util.function.BooleanSupplier mayStart) {
        return new BatchPublish(this, content, site, schedule).run(changes, mayStart);
    }

    /**
     * A good {@code site.yaml} re-renders the site and becomes the last good configuration; a broken one is
     * rejected like any broken file, and the site goes on with the last good configuration.
     */
    private Outcome syncSiteConfig() {
        SiteSettings settings = SiteSettings.load(content, site);
        if (settings.broken().isPresent()) {
            return reject(SiteConfig.FILE_NAME, settings.etag(), settings.broken().get());
        }
        Rebuild.Report report = rebuild(settings);
        return new Outcome(SiteConfig.FILE_NAME, Outcome.Kind.REBUILT, "", report.rejected().isEmpty() ? "" : report.rejected().size() + " files rejected",
                report.changedNothing() ? List.of() : List.of(Outcome.EVERYTHING));
    }

    /**
     * A file under {@code theme/} shows on every page: uploading, replacing or deleting one re-renders the site, as a new
     * {@code site.yaml} does (see {@link ThemeFiles}).
     */
    private Outcome syncTheme(String key) {
        Rebuild.Report report = rebuild();
        Optional<ArticleException> refused = report.rejected().stream().filter(e -> e.file().equals(key)).findFirst();
        if (refused.isPresent()) {
            return Outcome.rejected(key, refused.get());
        }
        return new Outcome(key, Outcome.Kind.REBUILT, "", "", report.changedNothing() ? List.of() : List.of(Outcome.EVERYTHING));
    }

    /** Keeps the configuration a re-render used, for the time a broken {@code site.yaml} replaces it. */
    void keepAsLastGood(SiteSettings settings) {
        if (settings.broken().isPresent()) {
            return;
        }
        if (settings.goodBytes().isPresent()) {
            writeIfChanged(new SiteFile(SiteSettings.LAST_GOOD_PATH, settings.goodBytes().get(), dev.galley.site.ContentKind.INTERNAL_YAML), Map.of());
        } else if (site.head(SiteSettings.LAST_GOOD_PATH).isPresent()) {
            site.delete(SiteSettings.LAST_GOOD_PATH);  // no site.yaml: the defaults are the last good configuration
        }
    }

    private static StoreException manifestKeptChanging(String key) {
        return new StoreException("the manifest kept changing under " + key + " for " + MAX_ATTEMPTS + " attempts; try again", true, null);
    }

    /**
     * Writes and deletes the redirect objects that differ between two revisions: after the pages they lead to are
     * written, before a page that no longer exists is deleted, so no redirect ever leads to a missing page.
     */
    Redirects updateRedirects(SiteRenderer renderer, Manifest before, Manifest after) {
        Redirects redirects = Redirects.of(after);
        RedirectObjects objects = new RedirectObjects(site, renderer);
        if (objects.update(Redirects.of(before), redirects, after.revision()) == 0) {
            return redirects;  // nothing written that a newer revision could have missed
        }
        // A newer revision that committed meanwhile saw none of what we just wrote: what stays is what the latest says.
        Redirects[] written = {redirects};
        settle(after.revision(), latest -> {
            Redirects now = Redirects.of(latest);
            objects.update(written[0], now, latest.revision());
            written[0] = now;
            return true;
        });
        return redirects;
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

    private Outcome reject(String key, String sourceEtag, ArticleException e) {
        content.reportStatus(key, new PublishStatus(State.REJECTED, e.reason(), "").forVersion(sourceEtag));
        return Outcome.rejected(key, e);
    }

    /**
     * Re-renders the pages whose previous/next links changed between two revisions: an article's neighbours
     * change when one is published or removed beside them. Each is rendered from its source as it is now.
     */
    void refreshNeighbours(ArticleParser parser, SiteRenderer renderer, Manifest before, Manifest after, Set<String> written) {
        Map<String, SiteIndex.Neighbours> old = SiteIndex.neighbours(before.articles());
        List<String> moved = SiteIndex.neighbours(after.articles()).entrySet().stream()
                .filter(e -> !written.contains(e.getKey()) && old.containsKey(e.getKey()) && !e.getValue().equals(old.get(e.getKey())))
                .map(Map.Entry::getKey).toList();
        Parallel.map(PAGES, moved, path -> rerender(parser, renderer, after, after.byPath(path)));
    }

    /**
     * Renders a listed article's page again from its source, unless a newer revision already wrote it.
     *
     * @return true when the page did not exist and was created
     */
    boolean rerender(ArticleParser parser, SiteRenderer renderer, Manifest manifest, Manifest.Entry entry) {
        Optional<ContentStore.SourceFile> file = listedVersion(entry);
        if (file.isEmpty()) {
            return false;
        }
        try {
            Article article = parser.parse(entry.sourceKey(), file.get().bytes());
            return article.summary().path().equals(entry.article().path()) && !article.draft()
                    && writeIfNewer(renderer.article(article, neighbours(manifest, entry.article().path())), Map.of(SOURCE, entry.sourceKey()),
                            manifest.revision(), false) == Written.CREATED;
        } catch (ArticleException e) {
            return false;  // the file is broken or changed meanwhile; its own notification deals with it
        }
    }

    /**
     * The bytes a listed article was rendered from: the current file, or the earlier version a versioned bucket
     * keeps (a broken replacement leaves the listed version up). Other bytes are a newer version whose own
     * notification is still to come, and may be held back until a later publish time: rendering them for a
     * neighbour's page or the feed would publish them early.
     */
    private Optional<ContentStore.SourceFile> listedVersion(Manifest.Entry entry) {
        return content.readVersion(entry.sourceKey(), entry.sourceEtag());
    }

    /** What {@link #writePage} did. */
    enum PageWrite {
        WRITTEN, ALREADY_THERE,
        /** The source holds other bytes now: a newer version's own notification writes the page. */
        SOURCE_MOVED_ON,
        /** Somebody wrote the page between our read and our write. */
        CONFLICT;

        boolean done() {
            return this == WRITTEN || this == ALREADY_THERE;
        }
    }

    /**
     * The one rule for writing an article's page, for publishing and re-rendering alike: the page is rendered from
     * the source version {@code sourceEtag}, with its neighbours as {@code listedIn} has them, and never put over
     * a page rendered from newer bytes. A page rendered from other bytes is replaced only while {@code sourceEtag}
     * is still what the source holds, and only if nobody wrote the page in between. A page with exactly these
     * bytes is left alone.
     */
    PageWrite writePage(SiteRenderer renderer, Article article, String sourceKey, String sourceEtag, Manifest listedIn) {
        SiteFile page = renderer.article(article, neighbours(listedIn, article.summary().path()));
        Optional<SiteStore.Version> stored = site.head(page.path());
        Map<String, String> metadata = withContentHash(page, Map.of(SOURCE, sourceKey, SOURCE_ETAG, sourceEtag,
                REVISION, Long.toString(listedIn.revision())));
        if (stored.isPresent() && holdsSameBytes(stored.get(), metadata)) {
            return PageWrite.ALREADY_THERE;
        }
        // Only this file's own page from other bytes can be newer; a redirect or another file's page is replaced.
        boolean fromOtherBytes = stored.isPresent() && sourceKey.equals(stored.get().metadata().get(SOURCE))
                && !sourceEtag.equals(stored.get().metadata().get(SOURCE_ETAG));
        if (fromOtherBytes && !content.read(sourceKey).map(now -> now.etag().equals(sourceEtag)).orElse(false)) {
            return PageWrite.SOURCE_MOVED_ON;
        }
        try {
            site.write(page, metadata, Condition.of(stored));
            return PageWrite.WRITTEN;
        } catch (WriteConflictException e) {
            return PageWrite.CONFLICT;
        }
    }

    /**
     * Deletes the page of an article that {@code revision} no longer lists. A newer revision may list it again and
     * have written its page just before our delete, so once the manifest has moved on, the page is put back
     * (or deleted again) as the newest manifest says.
     *
     * @return true when it deleted the page
     */
    boolean removeArticlePage(ArticleParser parser, SiteRenderer renderer, String articlePath, long revision) {
        String file = ArticleSummary.pageFileOf(articlePath);
        if (!deleteIfNotNewer(file, revision)) {
            return false;
        }
        settle(revision, latest -> {
            Manifest.Entry entry = latest.byPath(articlePath);
            return entry == null ? deleteIfNotNewer(file, latest.revision()) : rerender(parser, renderer, latest, entry);
        });
        return true;
    }

    static SiteIndex.Neighbours neighbours(Manifest manifest, String articlePath) {
        Manifest.Entry entry = manifest.byPath(articlePath);
        return entry == null || entry.article().page() ? SiteIndex.Neighbours.NONE : SiteIndex.neighbours(manifest.articles(), entry.article());
    }

    /**
     * Publishes, replaces or removes one image. The site copy records the source ETag; writes are conditional
     * on the copy read, so a slow invocation holding older bytes cannot overwrite newer ones.
     */
    Outcome syncMedia(String key, SiteSettings settings) {
        String path = Media.sitePath(key);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                backOff(attempt);
            }
            Optional<SiteStore.Version> published = site.head(path);
            Optional<ContentStore.SourceFile> source = content.read(key);
            List<String> stale = published.isPresent() ? List.of("/" + path) : List.of();
            if (source.isEmpty()) {
                if (published.isPresent()) {
                    site.delete(path);
                }
                return new Outcome(key, Outcome.Kind.UNPUBLISHED, "", "", stale);
            }
            ContentStore.SourceFile file = source.get();
            PublishStatus status = new PublishStatus(State.PUBLISHED, "", settings.publicUrl("/" + path)).forVersion(file.etag());
            // A copy published before sizes were kept is written once more, with its size.
            if (published.isPresent() && file.etag().equals(published.get().metadata().get(SOURCE_ETAG))
                    && (!Media.hasSize(key) || published.get().metadata().containsKey(Media.IMAGE_SIZE))) {
                content.reportStatus(key, status);
                return Outcome.of(key, Outcome.Kind.UNCHANGED, "");
            }
            SiteFile image;
            try {
                image = Media.file(key, file.bytes());
            } catch (ArticleException e) {
                return reject(key, file.etag(), e);
            }
            try {
                site.write(image, Media.hasSize(key)
                        ? Map.of(SOURCE, key, SOURCE_ETAG, file.etag(), Media.IMAGE_SIZE, Media.sizeMetadata(file.bytes()))
                        : Map.of(SOURCE, key, SOURCE_ETAG, file.etag()), Condition.of(published));
            } catch (WriteConflictException e) {
                continue;
            }
            content.reportStatus(key, status);
            return new Outcome(key, Outcome.Kind.PUBLISHED, "", "", stale);
        }
        throw manifestKeptChanging(key);
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
     *
     * @param all    write every page whose bytes differ from the stored ones, not only pages whose content
     *               changed between the revisions (a rebuild, or the first publish of a new site)
     * @param bodies the body HTML of an article in the feed
     * @return how many pages were written or deleted
     */
    int publishIndexPages(SiteRenderer renderer, Manifest before, Manifest after, boolean all, Function<ArticleSummary, String> bodies) {
        Predicate<String> withListing = all ? tagSlug -> true : tagsOfChangedArticles(before, after)::contains;
        Map<String, IndexPage> old = renderer.indexModels(before.summaries(), versionsOf(before), withListing);
        Map<String, IndexPage> now = renderer.indexModels(after.summaries(), versionsOf(after), withListing);
        List<IndexPage> changedPages = now.values().stream().filter(page -> all || !page.equals(old.get(page.file()))).toList();
        int changed = Parallel.map(PAGES, changedPages, page -> {
            Written written = writeIfNewer(renderer.render(page, bodies), Map.of(), after.revision(), all);
            if (written == Written.CREATED) {
                settleIndexPage(renderer, page.file(), after.revision());
            }
            return written == Written.NOTHING ? null : written;
        }).size();
        Set<String> gone = new HashSet<>(old.keySet());
        gone.removeAll(now.keySet());
        changed += Parallel.map(PAGES, gone, path -> {
            if (!deleteIfNotNewer(path, after.revision())) {
                return null;
            }
            settleIndexPage(renderer, path, after.revision());
            return path;
        }).size();
        return changed;
    }

    /** The slugs of the tags an article had or has, for every article whose entry differs between two revisions. */
    private static Set<String> tagsOfChangedArticles(Manifest before, Manifest after) {
        Set<String> tags = new HashSet<>();
        addTagsOfEntriesNotIn(before, after, tags);
        addTagsOfEntriesNotIn(after, before, tags);
        return tags;
    }

    private static void addTagsOfEntriesNotIn(Manifest from, Manifest other, Set<String> tags) {
        from.entries().forEach((path, entry) -> {
            Manifest.Entry counterpart = other.byPath(path);
            if (entry != counterpart && !entry.equals(counterpart)) {  // unchanged entries are shared objects: no deep compare
                entry.article().tags().forEach(tag -> tags.add(SiteIndex.tagSlug(tag)));
            }
        });
    }

    private static Function<String, String> versionsOf(Manifest manifest) {
        return path -> manifest.byPath(path).sourceEtag();
    }

    /**
     * The bodies of the articles in the site's feeds (Atom and RSS show the same ones), read from their sources
     * in parallel when a feed is rendered, and only then: most changes leave the feeds as they are. They are the
     * index pages that show whole articles, and the manifest keeps only summaries.
     */
    Function<ArticleSummary, String> feedBodies(ArticleParser parser, Manifest manifest) {
        Map<String, Future<String>> bodies = new HashMap<>();
        return article -> {
            Future<String> body;
            synchronized (bodies) {  // called from the page-writing threads
                if (bodies.isEmpty()) {
                    for (ArticleSummary listed : AtomFeed.articles(manifest.articles())) {
                        Manifest.Entry entry = manifest.byPath(listed.path());
                        bodies.put(listed.path(), IO.submit(() -> body(parser, entry)));
                    }
                }
                body = bodies.get(article.path());
            }
            try {
                return body.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while reading the feed's articles", true, e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new StoreException("reading the feed's articles failed", true, e.getCause());
            }
        };
    }

    private String body(ArticleParser parser, Manifest.Entry entry) {
        return listedVersion(entry).map(file -> {
            try {
                return parser.parse(entry.sourceKey(), file.bytes()).bodyHtml();
            } catch (ArticleException e) {
                return "";  // broken since it was listed; the entry keeps its summary until its own notification
            }
        }).orElse("");
    }

    /**
     * Writes a file unless the stored copy has the same bytes (compared by the hash kept in its metadata), so
     * that re-rendering an unchanged site writes nothing.
     *
     * @return true when it wrote
     */
    boolean writeIfChanged(SiteFile file, Map<String, String> metadata) {
        Map<String, String> withHash = withContentHash(file, metadata);
        Optional<SiteStore.Version> stored = site.head(file.path());
        if (stored.isPresent() && holdsSameBytes(stored.get(), withHash)) {
            return false;
        }
        site.write(file, withHash, new Condition.None());
        return true;
    }

    /** The metadata, with the file's content hash where the store skips identical writes. */
    private Map<String, String> withContentHash(SiteFile file, Map<String, String> metadata) {
        if (!site.skipsIdenticalWrites()) {
            return metadata;
        }
        Map<String, String> withHash = new HashMap<>(metadata);
        withHash.put(CONTENT_HASH, contentHash(file.bytes()));
        return withHash;
    }

    /** True when the stored object's content hash is the one in the metadata of a write about to be made. */
    private static boolean holdsSameBytes(SiteStore.Version stored, Map<String, String> toWrite) {
        String hash = toWrite.get(CONTENT_HASH);
        return hash != null && hash.equals(stored.metadata().get(CONTENT_HASH));
    }

    static String contentHash(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@link #writeIfNewer} did. */
    private enum Written { NOTHING, REPLACED, CREATED }

    /**
     * Writes an index or article page unless the stored one shows {@code revision} or a newer one.
     *
     * @param skipIfSame also leave the page alone when its bytes are the stored ones
     */
    private Written writeIfNewer(SiteFile page, Map<String, String> metadata, long revision, boolean skipIfSame) {
        Map<String, String> withRevision = new HashMap<>(metadata);
        withRevision.put(REVISION, Long.toString(revision));
        withRevision = withContentHash(page, withRevision);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<SiteStore.Version> stored = site.head(page.path());
            if (stored.isPresent() && (revisionOf(stored.get()) >= revision || skipIfSame && holdsSameBytes(stored.get(), withRevision))) {
                return Written.NOTHING;
            }
            try {
                site.write(page, withRevision, Condition.of(stored));
                return stored.isPresent() ? Written.REPLACED : Written.CREATED;
            } catch (WriteConflictException e) {
                backOff(attempt);
            }
        }
        throw new StoreException("could not write " + page.path() + " for " + MAX_ATTEMPTS + " attempts", true, null);
    }

    /**
     * Creating or deleting a page is a HEAD and then a request, so ours at {@code revision} can cross a newer
     * revision's: our create can bring back a page it deleted, our delete can remove a page it wrote. A newer
     * revision is committed before it touches a page, so if the manifest shows none, nothing crossed us.
     * Otherwise {@code putRight} makes the page what the newest manifest says, and returns true when that was
     * again a create or a delete, which is checked the same way.
     */
    private void settle(long revision, Predicate<Manifest> putRight) {
        for (long settled = revision; manifestRevision() > settled; ) {
            Manifest latest = readManifest().value();
            if (!putRight.test(latest)) {
                return;
            }
            settled = latest.revision();
        }
    }

    /** {@link #settle} for an index page we created or deleted at {@code revision}. */
    private void settleIndexPage(SiteRenderer renderer, String path, long revision) {
        settle(revision, latest -> {
            IndexPage page = renderer.indexModels(latest.summaries(), versionsOf(latest)).get(path);
            return page == null
                    ? deleteIfNotNewer(path, latest.revision())
                    : site.head(path).isEmpty()
                            && writeIfNewer(renderer.render(page, NEVER_DELETED), Map.of(), latest.revision(), true) == Written.CREATED;
        });
    }

    /**
     * Bodies for {@link #settleIndexPage}: only the site's feeds show them, and they are never deleted, so never
     * missing (a tag's feed, which comes and goes with the tag, shows summaries only).
     */
    private static final Function<ArticleSummary, String> NEVER_DELETED = article -> {
        throw new IllegalStateException("the site's feeds are never deleted, so they are never missing");
    };

    /** The revision of the stored manifest, from its metadata; -1 before the first publish. */
    private long manifestRevision() {
        return site.head(ManifestCodec.PATH).map(Publisher::revisionOf).orElse(-1L);
    }

    /** Deletes a page older than {@code revision}; never a redirect, which only {@link RedirectObjects} removes. */
    boolean deleteIfNotNewer(String path, long revision) {
        Optional<SiteStore.Version> stored = site.head(path);
        if (stored.isPresent() && revisionOf(stored.get()) < revision && !stored.get().metadata().containsKey(Redirects.TARGET)) {
            site.delete(path);
            return true;
        }
        return false;
    }

    static long revisionOf(SiteStore.Version version) {
        try {
            return Long.parseLong(version.metadata().getOrDefault(REVISION, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Re-renders everything from the content store: see {@link Rebuild}. */
    public Rebuild.Report rebuild() {
        return rebuild(SiteSettings.load(content, site));
    }

    private Rebuild.Report rebuild(SiteSettings settings) {
        return rebuildInSteps(settings).run();
    }

    /** A full re-render whose steps the caller takes, each in an invocation of its own: see {@link RebuildRun}. */
    public RebuildRun rebuildRun(String run) {
        return new RebuildRun(rebuildInSteps(), site, run);
    }

    Rebuild rebuildInSteps() {
        return rebuildInSteps(SiteSettings.load(content, site));
    }

    private Rebuild rebuildInSteps(SiteSettings settings) {
        return new Rebuild(this, content, site, settings);
    }

    static void backOff(int attempt) {
        long ceiling = Math.min(200, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to retry", true, e);
        }
    }
}
