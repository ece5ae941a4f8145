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
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one publishing pipeline. The Lambda, the local preview and the tests all drive it; only the stores differ.
 *
 * <p>Write order keeps the site consistent at every moment: an article's page is written before the manifest
 * lists it and before any index page links to it; on removal the index pages drop it before the page is
 * deleted. One writer publishes (one queue, one message group), so every file is written by one rule,
 * {@link #writeIfChanged}; only the manifest's commit is conditional, the guard against a second writer.
 */
public final class Publisher {

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

    /**
     * Writes and deletes the redirect objects that differ between two revisions: after the pages they lead to are
     * written, before a page that no longer exists is deleted, so no redirect ever leads to a missing page.
     */
    Redirects updateRedirects(SiteRenderer renderer, Manifest before, Manifest after) {
        Redirects redirects = Redirects.of(after);
        new RedirectObjects(site, this, renderer).update(Redirects.of(before), redirects, pageKeys(after));
        return redirects;
    }

    /** The object keys of the pages a manifest lists: a page always wins over a redirect. */
    static Set<String> pageKeys(Manifest manifest) {
        Set<String> keys = new HashSet<>();
        manifest.entries().keySet().forEach(path -> keys.add(Redirects.objectKey(path)));
        return keys;
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
        Parallel.map(PAGES, moved, path -> {
            rerender(parser, renderer, after, after.byPath(path));
            return null;
        });
    }

    /** Renders a listed article's page again from the source version the manifest lists. */
    void rerender(ArticleParser parser, SiteRenderer renderer, Manifest manifest, Manifest.Entry entry) {
        Optional<ContentStore.SourceFile> file = listedVersion(entry);
        if (file.isEmpty()) {
            return;
        }
        try {
            Article article = parser.parse(entry.sourceKey(), file.get().bytes());
            if (article.summary().path().equals(entry.article().path()) && !article.draft()) {
                writePage(renderer, article, entry.sourceKey(), entry.sourceEtag(), manifest);
            }
        } catch (ArticleException e) {
            // the listed version no longer parses as it did (a new Galley, say); its entry stays until its next change
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

    /**
     * Writes an article's page, for publishing and re-rendering alike: rendered from the source version
     * {@code sourceEtag}, with its neighbours as {@code listedIn} has them, by the one write rule ({@link #writeIfChanged}).
     *
     * @return true when it wrote, false when the stored page has exactly these bytes
     */
    boolean writePage(SiteRenderer renderer, Article article, String sourceKey, String sourceEtag, Manifest listedIn) {
        SiteFile page = renderer.article(article, neighbours(listedIn, article.summary().path()));
        return writeIfChanged(page, Map.of(SOURCE, sourceKey, SOURCE_ETAG, sourceEtag));
    }

    /**
     * Deletes the page of an article the manifest no longer lists, unless one of its redirects, {@code listed}, took
     * its object key (the page's article moved, and its old URL leads on).
     *
     * @return true when it deleted the page
     */
    boolean removeArticlePage(String articlePath, Redirects listed) {
        String file = ArticleSummary.pageFileOf(articlePath);
        if (listed.byKey().containsKey(file)) {
            return false;
        }
        site.delete(file);
        return true;
    }

    static SiteIndex.Neighbours neighbours(Manifest manifest, String articlePath) {
        Manifest.Entry entry = manifest.byPath(articlePath);
        return entry == null || entry.article().page() ? SiteIndex.Neighbours.NONE : SiteIndex.neighbours(manifest.articles(), entry.article());
    }

    /**
     * Publishes, replaces or removes one image. The site copy records the source ETag, so a copy of the same
     * bytes is not written again.
     */
    Outcome syncMedia(String key, SiteSettings settings) {
        String path = Media.sitePath(key);
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
        site.write(image, Media.hasSize(key)
                ? Map.of(SOURCE, key, SOURCE_ETAG, file.etag(), Media.IMAGE_SIZE, Media.sizeMetadata(file.bytes()))
                : Map.of(SOURCE, key, SOURCE_ETAG, file.etag()), new Condition.None());
        content.reportStatus(key, status);
        return new Outcome(key, Outcome.Kind.PUBLISHED, "", "", stale);
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

    /**
     * Writes the manifest if nobody changed it since {@code base} was read: the guard against a second writer.
     *
     * @throws CommitRefusedException when somebody did
     */
    void commit(Snapshot base, Manifest next) {
        try {
            SiteFile file = new SiteFile(ManifestCodec.PATH, ManifestCodec.write(next), dev.galley.site.ContentKind.INTERNAL_JSON);
            site.write(file, Map.of(), Condition.of(base.version()));
        } catch (WriteConflictException e) {
            throw new CommitRefusedException(ManifestCodec.PATH);
        }
    }

    /**
     * Writes the index pages that differ between two manifest revisions, and deletes those that are gone.
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
        int changed = Parallel.map(PAGES, changedPages, page -> writeIfChanged(renderer.render(page, bodies), Map.of()) ? page : null).size();
        Set<String> gone = new HashSet<>(old.keySet());
        gone.removeAll(now.keySet());
        Parallel.map(PAGES, List.copyOf(gone), path -> {
            site.delete(path);
            return path;
        });
        return changed + gone.size();
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

    /** Re-renders everything from the content store: see {@link Rebuild}. */
    public Rebuild.Report rebuild() {
        return rebuild(SiteSettings.load(content, site));
    }

    private Rebuild.Report rebuild(SiteSettings settings) {
        return new Rebuild(this, content, site).run(settings);
    }
}
