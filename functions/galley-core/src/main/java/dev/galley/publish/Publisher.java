package dev.galley.publish;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * The one publishing pipeline. The Lambda, the local preview and the tests all drive it; only the stores differ.
 * One writer publishes (S3's notifications reach it through one FIFO queue with one message group), in batches: a
 * single change is a batch of one. The work is done by {@link PublishParts}, each with one job.
 *
 * <p>Write order keeps the site consistent at every moment: an article's page is written before the manifest
 * lists it and before any index page links to it; on removal the index pages drop it before the page is
 * deleted. Every file is written by one rule ({@link SiteWriter}); only the manifest's commit is conditional
 * ({@link ManifestStore}), the guard against a second writer.
 */
public final class Publisher {

    /** The endings of Markdown files, as Jekyll and Hugo know them. */
    static final List<String> ARTICLE_SUFFIXES = List.of(".md", ".markdown", ".mdown", ".mkdn", ".mkd");
    /** Reads the sources of a batch and of the feed in parallel; S3 requests are I/O-bound, so more threads than cores. */
    static final ExecutorService IO = Parallel.pool(8, "galley-io");
    static final String UNSUPPORTED = "only Markdown articles (.md, .markdown), site.yaml and images (.png, .jpg, .jpeg, .gif, .webp, .avif, .svg) are published - a stylesheet, logo or favicon of the site goes under theme/";

    private final PublishParts parts;
    private final Clock clock;
    private volatile Optional<RebuildFanOut> fanOut = Optional.empty();
    private volatile Optional<RefreshRequests> refreshes = Optional.empty();

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
        this.parts = PublishParts.of(content, site, clock, schedule, drafts);
        this.clock = clock;
    }

    /** A Markdown file with a name before its ending ({@code posts/.md} is not one). */
    public static boolean isArticle(String key) {
        if (ThemeFiles.isTheme(key)) {
            return false;  // the owner's folder: refused there, never an article
        }
        String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return ARTICLE_SUFFIXES.stream().anyMatch(suffix -> name.endsWith(suffix) && name.length() > suffix.length());
    }

    /**
     * Brings the site in line with what the content store holds now for one key, as a batch of one. Idempotent.
     *
     * @throws RuntimeException what the batch failed with, when it did
     */
    public Outcome sync(SourceChange change) {
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
    public BatchOutcome publish(List<SourceChange> changes, BooleanSupplier mayStart) {
        return publish(changes, mayStart, Refresh.NONE);
    }

    /**
     * The same, for a batch of the queue that may hold a refresh: see {@link DeferredPages}.
     *
     * @param refresh the refresh the batch holds, which may write the pages batches before it left owed (the changes
     *                may be none)
     */
    public BatchOutcome publish(List<SourceChange> changes, BooleanSupplier mayStart, Refresh refresh) {
        parts.site().begin();
        return new BatchPublish(parts, fanOut, refreshes, refresh, clock).run(changes, mayStart);
    }

    /**
     * From now on a batch leaves its index pages and neighbours' pages to a refresh it asks for through {@code requests}
     * (see {@link DeferredPages}); without, each batch writes them itself. Only for batches that come through a queue
     * in order, which the refresh joins behind them.
     */
    public void leavePagesToRefreshesThrough(RefreshRequests requests) {
        this.refreshes = Optional.of(requests);
    }

    /** From now on a {@code site.yaml} or theme upload re-renders the site through {@code fanOut}, not in the batch's invocation. */
    public void fanOutRebuildsThrough(RebuildFanOut fanOut) {
        this.fanOut = Optional.of(fanOut);
    }

    /** Re-renders everything from the content store: see {@link Rebuild}. */
    public Rebuild.Report rebuild() {
        return rebuildInSteps().run();
    }

    /** A full re-render whose steps the caller takes, each in an invocation of its own: see {@link RebuildRun}. */
    public RebuildRun rebuildRun(String run) {
        return new RebuildRun(rebuildInSteps(), parts.site(), run);
    }

    Rebuild rebuildInSteps() {
        parts.site().begin();
        return new Rebuild(parts, SiteSettings.load(parts.content(), parts.site()));
    }
}
