package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.article.ArticleWarning;
import dev.galley.article.ArticleSummary;
import dev.galley.publish.PublishStatus.State;
import dev.galley.render.SiteRenderer;
import dev.galley.site.SiteConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Publishes a batch of changes as one commit of the manifest: the articles are read and parsed in parallel, the
 * manifest is read once, the changes are applied to it in the batch's order by a single change's rules (so the
 * site ends as if they had been synced one at a time), the changed pages, index pages, neighbours and redirects are
 * written once, and then the manifest is committed: last, so that a batch delivered again after a failure finds
 * the manifest it started from and redoes every write. A key named twice is read once: each sync reads what the store holds
 * now, so the later record only confirms the earlier one.
 *
 * <p>Images and other files that the manifest does not list are synced on their own, in parallel. A
 * {@code site.yaml} re-renders the whole site, as a single change does: the changes before it are one commit, the
 * changes after it another.
 *
 * <p>A failure a retry can fix ends the batch at the first change it concerns: the changes before it are committed,
 * that one and every later one are handed back untouched (as far as the manifest goes), in order.
 */
final class BatchPublish {

    private final PublishParts parts;
    private final ContentStore content;
    private final SiteStore site;
    private final PublishSchedule schedule;
    /** Where a site.yaml or theme upload re-renders the site; empty: here, in this invocation. */
    private final Optional<RebuildFanOut> fanOut;
    /** The fanned-out re-render this batch started: one serves every later site.yaml or theme change of the batch. */
    private String startedRun;
    /** Where the batch asks for a refresh of the pages it leaves owed; empty: it writes them itself. */
    private final Optional<RefreshRequests> refreshes;
    /** The refresh the batch holds, if any: see {@link #pays}. */
    private final Refresh refresh;
    private final java.time.Clock clock;
    /** Whether a commit of the batch weighed what is owed against its refresh. */
    private boolean refreshWeighed;

    BatchPublish(PublishParts parts) {
        this(parts, Optional.empty(), Optional.empty(), Refresh.NONE, java.time.Clock.systemUTC());
    }

    BatchPublish(PublishParts parts, Optional<RebuildFanOut> fanOut, Optional<RefreshRequests> refreshes, Refresh refresh,
                 java.time.Clock clock) {
        this.parts = parts;
        this.content = parts.content();
        this.site = parts.site();
        this.schedule = parts.schedule();
        this.fanOut = fanOut;
        this.refreshes = refreshes;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** Whether a commit writes the pages owed now rather than leave them to a refresh: see {@link DeferredPages}. */
    private boolean pays(boolean newSite, PagesOwed owed) {
        return refreshes.isEmpty() || newSite || refresh == Refresh.LAST
                || refresh == Refresh.FOLLOWED && owed.owedSinceBefore(clock.instant().minus(DeferredPages.MOST_WAIT));
    }

    /** @param mayStart asked before each commit after the first: false hands back the changes not started */
    BatchOutcome run(List<SourceChange> changes, BooleanSupplier mayStart) {
        long started = System.nanoTime();
        List<BatchOutcome.Result> results = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int commits = 0;
        Optional<RuntimeException> afterCommit = Optional.empty();
        for (int from = 0; from < changes.size(); ) {
            if (from > 0 && !mayStart.getAsBoolean()) {
                return new BatchOutcome(results, from, Optional.of(new StoreException(BatchOutcome.OUT_OF_TIME, true, null)), afterCommit,
                        keys.size(), commits, millisSince(started));
            }
            int end = from + 1;
            while (!rerendersSite(changes.get(from)) && end < changes.size() && !rerendersSite(changes.get(end))) {
                end++;
            }
            Run run = new Run(changes.subList(from, end));
            run.publish();
            results.addAll(run.results());
            changes.subList(from, from + run.cut).forEach(c -> keys.add(c.key()));
            commits += run.commits;
            afterCommit = afterCommit.or(() -> Optional.ofNullable(run.afterCommit));
            if (run.cut < end - from) {
                return new BatchOutcome(results, from + run.cut, Optional.of(run.cause), afterCommit, keys.size(), commits,
                        millisSince(started));
            }
            from = end;
        }
        if (refresh != Refresh.NONE && !refreshWeighed) {  // a refresh alone, or with images or a site.yaml only
            Run run = new Run(List.of());
            run.publish();
            return new BatchOutcome(results, changes.size(), Optional.ofNullable(run.cause), afterCommit.or(() -> Optional.ofNullable(run.afterCommit)),
                    keys.size(), commits + run.commits, millisSince(started));
        }
        return new BatchOutcome(results, changes.size(), Optional.empty(), afterCommit, keys.size(), commits, millisSince(started));
    }

    /** {@code site.yaml} and the owner's theme files show on every page: each re-renders the site. */
    private static boolean rerendersSite(SourceChange change) {
        return change.key().equals(SiteConfig.FILE_NAME) || ThemeFiles.isTheme(change.key());
    }

    /** Keys whose changes go through the manifest: the others are synced each on its own. */
    private static boolean goesThroughManifest(String key) {
        return !key.equals(SiteConfig.FILE_NAME) && !key.endsWith("/") && !Media.isMedia(key) && Publisher.isArticle(key);
    }

    /**
     * A file the manifest does not list: a {@code site.yaml} or a theme file re-renders the site, an image is copied,
     * a folder marker is skipped and anything else refused.
     */
    private Outcome syncAlone(String key) {
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
            return parts.media().sync(key, parts.siteConfig().settings());
        }
        Optional<ContentStore.SourceFile> unsupported = content.read(key);
        if (unsupported.isEmpty()) {
            return Outcome.of(key, Outcome.Kind.SKIPPED, "");
        }
        return parts.statuses().reject(key, unsupported.get().etag(),
                new ArticleException(key, ArticleException.Problem.UNSUPPORTED_FILE, Publisher.UNSUPPORTED));
    }

    /**
     * A {@code site.yaml} or theme file re-renders the site: fanned out where a {@link RebuildFanOut} is set, so the
     * writer's invocation does not grow with the site (the re-render reads the bucket as it is then, so one serves the
     * whole batch); a broken {@code site.yaml} is rejected at once all the same.
     */
    private Outcome rerender(SourceChange change) {
        if (change.key().equals(SiteConfig.FILE_NAME)) {
            parts.siteConfig().changed();  // no batch after this one publishes with a copy of the one before
        }
        if (fanOut.isEmpty() || change.key().equals(SiteConfig.FILE_NAME) && SiteSettings.load(content, site).broken().isPresent()) {
            return syncAlone(change.key());
        }
        if (startedRun == null) {
            startedRun = RebuildFanOut.runFor(change);
            fanOut.get().start(startedRun);
        }
        return new Outcome(change.key(), Outcome.Kind.REBUILD_STARTED, "", startedRun);
    }

    /**
     * A good {@code site.yaml} re-renders the site and becomes the last good configuration; a broken one is
     * rejected like any broken file, and the site goes on with the last good configuration.
     */
    private Outcome syncSiteConfig() {
        SiteSettings settings = SiteSettings.load(content, site);
        if (settings.broken().isPresent()) {
            return parts.statuses().reject(SiteConfig.FILE_NAME, settings.etag(), settings.broken().get());
        }
        Rebuild.Report report = new Rebuild(parts, settings).run();
        return new Outcome(SiteConfig.FILE_NAME, Outcome.Kind.REBUILT, "", report.rejected().isEmpty() ? "" : report.rejected().size() + " files rejected",
                report.changedNothing() ? List.of() : List.of(Outcome.EVERYTHING));
    }

    /**
     * A file under {@code theme/} shows on every page: uploading, replacing or deleting one re-renders the site, as a new
     * {@code site.yaml} does (see {@link ThemeFiles}).
     */
    private Outcome syncTheme(String key) {
        Rebuild.Report report = new Rebuild(parts, SiteSettings.load(content, site)).run();
        Optional<ArticleException> refused = report.rejected().stream().filter(e -> e.file().equals(key)).findFirst();
        if (refused.isPresent()) {
            return Outcome.rejected(key, refused.get());
        }
        return new Outcome(key, Outcome.Kind.REBUILT, "", "", report.changedNothing() ? List.of() : List.of(Outcome.EVERYTHING));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** An article's source as one attempt read it: gone, rejected, withheld (with its status) or to be listed. */
    private record Read(Optional<ContentStore.SourceFile> file, Article article, ArticleException rejection, PublishStatus withheld) {
    }

    /** What one change did to the manifest being built, as a batch of one would. */
    private record Decision(Outcome.Kind kind, String slug, ArticleException rejection) {
    }

    /** Changes up to the next {@code site.yaml}, or one {@code site.yaml}: one commit. */
    private final class Run {

        private final List<SourceChange> changes;
        /** The changes from this index on are handed back. */
        int cut;
        RuntimeException cause;
        int commits;
        RuntimeException afterCommit;
        /** Keys that failed in a way no retry fixes: their changes are reported failed, the others go on. */
        private final Map<String, RuntimeException> failed = new ConcurrentHashMap<>();
        private final Map<String, Long> millis = new ConcurrentHashMap<>();
        private final Map<String, Outcome> independent = new ConcurrentHashMap<>();
        private Map<String, Read> reads = new ConcurrentHashMap<>();
        private final Map<Integer, Decision> decisions = new HashMap<>();
        /**
         * Files outside the batch that it makes look at again ({@link UrlOwner}): a file refused a URL that the batch
         * frees or gives another owner, and an owner the batch displaces. Decided after the batch's changes.
         */
        private final Set<String> followUps = new LinkedHashSet<>();
        private final Map<String, Decision> followUpDecisions = new HashMap<>();
        /** Files a writer before may have left untold, its commit done and its statuses not: looked at again. */
        private Set<String> toldAgain = Set.of();
        /** The files a fold found to look at again that are not follow-ups yet. */
        private final Set<String> lookAgain = new LinkedHashSet<>();
        private volatile RuntimeException followUpFailure;
        private Manifest listed;
        /** Each published article's links that lead nowhere, as the site stands after the commit. */
        private final Map<String, List<ArticleWarning>> linkWarnings = new java.util.concurrent.ConcurrentHashMap<>();
        private BrokenLinks.AfterCommit linkCheck;
        private SiteSettings settings;
        /** Whether this batch writes the index pages its changes owe (the feeds among them), or leaves them to a refresh. */
        private boolean paysNow;

        Run(List<SourceChange> changes) {
            this.changes = changes;
            this.cut = changes.size();
        }

        /** Hands back the changes from the first one of {@code key} on, when that is earlier than the cut so far. */
        private synchronized void handBackFrom(String key, RuntimeException e) {
            for (int i = 0; i < cut; i++) {
                if (changes.get(i).key().equals(key)) {
                    cut = i;
                    cause = e;
                    return;
                }
            }
        }

        private synchronized void failed(String key, RuntimeException e) {
            if (followUps.contains(key) && changes.stream().noneMatch(c -> c.key().equals(key))) {
                followUpFailure = e;
            } else if (e instanceof StoreException s && s.retryable()) {
                handBackFrom(key, e);
            } else {
                failed.put(key, e);
            }
        }

        /** The distinct keys before the cut that do (or do not) go through the manifest and have not failed, in order. */
        private List<String> keysBeforeCut(boolean throughManifest) {
            Set<String> keys = new LinkedHashSet<>();
            changes.subList(0, cut).forEach(c -> {
                if (goesThroughManifest(c.key()) == throughManifest && !failed.containsKey(c.key())) {
                    keys.add(c.key());
                }
            });
            return List.copyOf(keys);
        }

        void publish() {
            try {
                if (changes.size() == 1 && rerendersSite(changes.get(0))) {
                    independent.put(changes.get(0).key(), rerender(changes.get(0)));  // a full re-render
                    return;
                }
                if (keysBeforeCut(true).isEmpty() && !(refresh != Refresh.NONE && !refreshWeighed)) {
                    syncIndependents();  // images only, say: the manifest is not read
                    return;
                }
                settings = parts.siteConfig().settings();
                publishArticles();
            } catch (RuntimeException e) {
                if (e instanceof StoreException s && s.retryable() || changes.isEmpty()) {
                    cut = 0;  // nothing was committed
                    cause = e;
                } else {
                    changes.subList(0, cut).forEach(c -> {
                        if (!independent.containsKey(c.key())) {
                            failed.putIfAbsent(c.key(), e);
                        }
                    });
                }
            }
        }

        /** Images, site.yaml and files Galley does not publish: each synced on its own, as a single change is. */
        private void syncIndependents() {
            Parallel.map(Publisher.IO, keysBeforeCut(false), key -> {
                long started = System.nanoTime();
                try {
                    independent.put(key, syncAlone(key));
                } catch (RuntimeException e) {
                    failed(key, e);
                }
                millis.put(key, millisSince(started));
                return null;
            });
        }

        private void publishArticles() {
            SiteRenderer renderer = new SiteRenderer(settings.config(), settings.theme());
            ArticleParser parser = new ArticleParser(renderer.site(), parts.imageSizes());
            Map<String, String> writtenBefore = new HashMap<>();  // pages written for changes since handed back, by path: source key
            // The manifest is read before the sources, so an entry whose ETag equals its source's is up to date.
            ManifestStore.Snapshot snapshot = parts.manifest().read();
            PendingWrites pending = new PendingWrites(parts);
            AtomicBoolean putRightOthers = new AtomicBoolean();  // settle asks for the renderer only when it writes pages
            toldAgain = pending.settle(() -> {  // what a batch that did not commit left
                putRightOthers.set(true);
                return renderer;
            }, snapshot.value());
            readArticles(parser, keysBeforeCut(true));
            syncIndependents();  // after the reads: a change after a failed read is left untouched
            Manifest base = snapshot.value();
            boolean newSite = snapshot.rewritesEveryIndexPage();  // or an older layout's: every index page is written now
            paysNow = pays(newSite, snapshot.owed());
            Map<String, String> written;
            boolean changed;
            do {  // again only when a page's write failed and handed back its change and every later one: the cut only moves down
                followUps.clear();
                Manifest folded = foldWithFollowUps(parser, base);
                // A new site's first commit writes its index pages, even when the batch lists nothing (a draft, say).
                changed = folded != base || snapshot.rewritesEveryIndexPage();
                listed = changed ? folded.withRevision(base.revision() + 1) : base;
                written = new ConcurrentHashMap<>();
                if (changed) {
                    pending.record(base, listed, followUps);
                }
                if (writePages(renderer, parser, base, written)) {
                    break;
                }
                writtenBefore.putAll(written);
            } while (true);
            // Every page is written before the manifest is committed: a batch that fails before the commit is delivered
            // again onto the same manifest and makes all its writes again, where one delivered again after the commit
            // would find nothing left to do, and the index pages or neighbours it had not written would stay stale.
            refreshWeighed = true;
            PagesOwed owed = new DeferredPages(parts, clock).around(renderer, parser, base, listed, newSite, written.keySet(), gone(base),
                    snapshot.owed(), paysNow);
            if (refresh != Refresh.NONE && !owed.isEmpty()) {
                owed = owed.nextRound();  // this batch met the refresh queued for the debt: it asks for the next one
            }
            writtenBefore.keySet().removeAll(written.keySet());
            putRight(renderer, parser, writtenBefore);
            // Pages put right count a revision even with nothing else to commit: a re-render's commit trusts its index
            // parts' pages only while the revision is the plan's.
            if (changed || putRightOthers.get() || !owed.equals(snapshot.owed())) {
                if (!changed) {  // a refresh, or a put right, that changes nothing else
                    listed = base.withRevision(base.revision() + 1);
                    ListingCache.sameEntries(base, listed);
                }
                parts.manifest().commit(snapshot, listed, owed);  // refused: the batch fails and the queue delivers it again
                commits++;
                try {
                    pending.clear();
                } catch (RuntimeException e) {
                    afterCommit = e;  // committed: the next batch finds the record matches the state, and clears it
                }
            }
            if (!owed.isEmpty()) {
                // Failing here hands the batch back: delivered again, it finds its changes committed, the debt, and asks again.
                refreshes.orElseThrow().request(owed.refreshId());
            }
            reportStatuses(renderer);
        }

        /**
         * Folds the batch into the manifest, then the files it makes look at again, until there are no new ones (each
         * round reads only the new ones; a file is looked at once per round, so the rounds end).
         */
        private Manifest foldWithFollowUps(ArticleParser parser, Manifest base) {
            Manifest folded = fold(base);
            while (!lookAgain.isEmpty()) {
                List<String> more = List.copyOf(lookAgain);
                followUps.addAll(more);
                readArticles(parser, more.stream().filter(key -> !reads.containsKey(key)).toList());
                if (followUpFailure != null) {
                    throw followUpFailure;  // a file outside the batch could not be read: the whole batch waits for it
                }
                folded = fold(base);
            }
            return folded;
        }

        /** Reads and parses articles, in parallel; sets the wake-ups of held and expiring ones. */
        private void readArticles(ArticleParser parser, List<String> keys) {
            Parallel.map(Publisher.IO, keys, key -> {
                long started = System.nanoTime();
                try {
                    Optional<ContentStore.SourceFile> file = content.read(key);
                    if (file.isEmpty()) {
                        reads.put(key, new Read(file, null, null, null));
                    } else {
                        try {
                            Article article = parser.parse(key, file.get().bytes());
                            reads.put(key, new Read(file, article, null, parts.statuses().withhold(article, settings)));
                        } catch (ArticleException e) {
                            reads.put(key, new Read(file, null, e, null));
                        }
                    }
                } catch (RuntimeException e) {
                    failed(key, e);
                }
                millis.put(key, millisSince(started));
                return null;
            });
        }

        /**
         * Applies the changes before the cut to the manifest in the batch's order, with {@link Publisher#sync}'s
         * rules, then the follow-ups; remembers what each did, and which files to look at again.
         *
         * @return the manifest after them, {@code base} itself when none changed it
         */
        private Manifest fold(Manifest base) {
            decisions.clear();
            followUpDecisions.clear();
            lookAgain.clear();
            Manifest m = base;
            for (int i = 0; i < cut; i++) {
                SourceChange change = changes.get(i);
                Read read = reads.get(change.key());
                int index = i;
                if (goesThroughManifest(change.key()) && read != null) {
                    m = decide(change.key(), change.sequencer(), read, m, decision -> decisions.put(index, decision));
                }
            }
            for (String key : followUps) {
                Read read = reads.get(key);
                if (read != null) {
                    m = decide(key, "", read, m, decision -> followUpDecisions.put(key, decision));
                }
            }
            // A file refused a URL that is free now, or that has another owner than before, may own it now.
            for (Map.Entry<String, String> claim : m.claims().entrySet()) {
                Manifest.Entry owner = m.byPath(claim.getValue());
                if (owner == null || owner != base.byPath(claim.getValue())) {
                    lookAgain.add(claim.getKey());
                }
            }
            toldAgain.stream().filter(key -> changes.stream().noneMatch(c -> c.key().equals(key))).forEach(lookAgain::add);
            lookAgain.removeAll(followUps);
            return m;
        }

        /** One file's change to the manifest, as a batch of one makes it. */
        private Manifest decide(String key, String sequencer, Read read, Manifest m, java.util.function.Consumer<Decision> decided) {
            Manifest.Entry current = m.bySource(key);
            if (read.file().isEmpty()) {
                decided.accept(new Decision(current == null ? Outcome.Kind.SKIPPED : Outcome.Kind.UNPUBLISHED,
                        current == null ? "" : current.article().slug(), null));
                return m.without(key);
            }
            if (read.rejection() != null) {
                // The published version, if any, stays; a broken file claims no URL.
                decided.accept(new Decision(Outcome.Kind.REJECTED, "", read.rejection()));
                return m.withoutClaim(key);
            }
            if (read.withheld() != null) {
                decided.accept(new Decision(null, read.article().slug(), null));  // withheld: the outcome follows from the status
                return m.without(key);
            }
            ArticleSummary article = read.article().summary();
            Manifest.Entry owner = m.byPath(article.path());
            if (owner != null && !owner.sourceKey().equals(key)) {
                if (!UrlOwner.takesOver(new UrlOwner.Claim(key, article), owner)) {
                    decided.accept(new Decision(Outcome.Kind.REJECTED, "", ArticleException.duplicateUrl(key, article.url(), owner.sourceKey())));
                    return m.without(key).withClaim(key, article.path());
                }
                lookAgain.add(owner.sourceKey());  // displaced: its author learns why
                m = m.without(owner.sourceKey()).withClaim(owner.sourceKey(), article.path());
            } else if (current != null && current.sourceEtag().equals(read.file().get().etag()) && current.article().equals(article)) {
                decided.accept(new Decision(Outcome.Kind.UNCHANGED, read.article().slug(), null));
                return m.withoutClaim(key);
            }
            decided.accept(new Decision(Outcome.Kind.PUBLISHED, read.article().slug(), null));
            return m.with(new Manifest.Entry(key, read.file().get().etag(), sequencer, article));
        }

        /** The decision of the last change of each key, or of its follow-up, by key. */
        private Map<String, Decision> lastDecisions() {
            Map<String, Decision> last = new LinkedHashMap<>();
            decisions.keySet().stream().sorted().forEach(i -> last.put(changes.get(i).key(), decisions.get(i)));
            last.putAll(followUpDecisions);
            return last;
        }

        /**
         * Writes the page of every article the batch publishes, in parallel, before the manifest lists it: pages at
         * new paths first, so that an edited page never links (as a neighbour) to a page not yet written.
         *
         * @param written gets the pages written, by path: source key
         * @return false when a write handed back a change, so the batch must be folded again without it
         */
        private boolean writePages(SiteRenderer renderer, ArticleParser parser, Manifest base, Map<String, String> written) {
            // A key published and then named again is unchanged the second time: its page is written all the same.
            // Only what the manifest lists in the end: a file published and then displaced within the batch has no page.
            Set<String> published = new LinkedHashSet<>();
            decisions.forEach((i, decision) -> {
                if (decision.kind() == Outcome.Kind.PUBLISHED) {
                    published.add(changes.get(i).key());
                }
            });
            followUpDecisions.forEach((key, decision) -> {
                if (decision.kind() == Outcome.Kind.PUBLISHED) {
                    published.add(key);
                }
            });
            List<String> atNewPaths = new ArrayList<>();
            List<String> atOldPaths = new ArrayList<>();
            for (String key : published) {
                if (listed.bySource(key) != null) {
                    (base.byPath(reads.get(key).article().summary().path()) == null ? atNewPaths : atOldPaths).add(key);
                }
            }
            int before = cut;
            writePages(renderer, parser, atNewPaths, written);
            writePages(renderer, parser, atOldPaths, written);
            return cut == before;
        }

        private boolean writePages(SiteRenderer renderer, ArticleParser parser, List<String> keys, Map<String, String> written) {
            Parallel.map(IndexPages.PAGES, keys, key -> {
                Read read = reads.get(key);
                try {
                    parts.articles().writeChangedPage(renderer, read.article(), key, read.file().get().etag(), listed);
                    written.put(read.article().summary().path(), key);
                    parts.indexPages().keepFeedBody(parser, listed, key, read.file().get(), read.article(), paysNow);
                } catch (RuntimeException e) {
                    failed(key, e);  // handed back, or failed: the batch is folded again without it
                }
                return null;
            });
            return true;
        }

        /** The paths the batch no longer lists: their pages go once nothing links to them (see {@link DeferredPages}). */
        private List<String> gone(Manifest base) {
            return MapDiff.changedKeys(base.entriesByPath(), listed.entriesByPath()).stream().filter(path -> listed.byPath(path) == null).toList();
        }

        /** Puts right the pages written for changes since handed back: as the manifest will list them, or gone. */
        private void putRight(SiteRenderer renderer, ArticleParser parser, Map<String, String> strays) {
            Redirects redirects = strays.isEmpty() ? null : Redirects.of(listed);
            strays.forEach((path, key) -> {
                Manifest.Entry entry = listed.byPath(path);
                Read read = entry == null ? null : reads.get(entry.sourceKey());
                if (entry == null) {
                    parts.articles().removeArticlePage(path, redirects);
                } else if (read != null && read.article() != null && read.file().get().etag().equals(entry.sourceEtag())) {
                    parts.articles().writePage(renderer, read.article(), entry.sourceKey(), entry.sourceEtag(), listed);
                } else {
                    parts.articles().rerender(parser, renderer, listed, entry);
                }
            });
        }

        /** Tells each author what became of their file, once the site shows it. */
        private void reportStatuses(SiteRenderer renderer) {
            Redirects redirects = Redirects.of(listed);
            Map<String, Decision> last = lastDecisions();
            try {
                Parallel.map(Publisher.IO, List.copyOf(last.keySet()), key -> {
                    Read read = reads.get(key);
                    if (read.file().isEmpty()) {
                        schedule.cancel(key);  // a file deleted while held or before its expiry needs no wake-up
                        parts.drafts().settle(renderer, key, null, null, settings);
                    } else {
                        PublishStatus status = status(key, last.get(key), read, redirects);
                        status = parts.drafts().settle(renderer, key, read.article(), status, settings);
                        content.reportStatus(key, status.forVersion(read.file().get().etag()));
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                afterCommit = afterCommit == null ? e : afterCommit;
            }
        }

        private PublishStatus status(String key, Decision decision, Read read, Redirects redirects) {
            if (decision.kind() == Outcome.Kind.REJECTED) {
                return new PublishStatus(State.REJECTED, decision.rejection().reason(), "");
            }
            if (read.withheld() != null) {
                return read.withheld();
            }
            PublishStatus status = Statuses.withWarnings(parts.statuses().published(read.article(), settings), redirects.warningsFor(key));
            // Asked once a key: the status tag and the outcome carry the same warnings.
            return Statuses.withWarnings(status, linkWarnings.computeIfAbsent(key, k -> linkCheck().warningsFor(read.article())));
        }

        /** Made once for the committed manifest, whose articles and redirects every status of the batch asks about. */
        private synchronized BrokenLinks.AfterCommit linkCheck() {
            if (linkCheck == null) {
                linkCheck = new BrokenLinks.AfterCommit(listed, site);
            }
            return linkCheck;
        }

        /** One result per change before the cut. */
        List<BatchOutcome.Result> results() {
            Redirects redirects = listed == null ? null : Redirects.of(listed);
            List<BatchOutcome.Result> results = new ArrayList<>();
            for (int i = 0; i < cut; i++) {
                String key = changes.get(i).key();
                long ms = millis.getOrDefault(key, 0L);
                if (failed.containsKey(key)) {
                    results.add(BatchOutcome.Result.failed(failed.get(key), ms));
                } else if (independent.containsKey(key)) {
                    results.add(BatchOutcome.Result.of(independent.get(key), ms));
                } else {
                    results.add(BatchOutcome.Result.of(outcome(key, decisions.get(i), reads.get(key), redirects), ms));
                }
            }
            return results;
        }

        private Outcome outcome(String key, Decision decision, Read read, Redirects redirects) {
            if (decision.kind() == null) {
                return Statuses.withheldOutcome(key, read.article(), read.withheld());
            }
            return switch (decision.kind()) {
                case REJECTED -> Outcome.rejected(key, decision.rejection());
                case PUBLISHED, UNCHANGED -> new Outcome(key, decision.kind(), decision.slug(), "", List.of(),
                        status(key, decision, read, redirects).warnings());
                default -> Outcome.of(key, decision.kind(), decision.slug());
            };
        }
    }
}
