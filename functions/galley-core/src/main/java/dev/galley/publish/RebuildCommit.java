package dev.galley.publish;

import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.article.ArticleWarning;
import dev.galley.article.internal.MediaLinks;
import dev.galley.publish.PublishStatus.State;
import dev.galley.publish.RebuildState.ChunkRead;
import dev.galley.publish.RebuildState.ChunkRendered;
import dev.galley.publish.RebuildState.IndexWritten;
import dev.galley.publish.RebuildState.Listing;
import dev.galley.publish.RebuildState.Plan;
import dev.galley.publish.RebuildState.Read;
import dev.galley.publish.RebuildState.Refusal;
import dev.galley.publish.RebuildState.Rendered;
import dev.galley.render.SiteRenderer;
import dev.galley.site.ContentKind;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A re-render's last step, once every chunk is rendered and every index part written: deletes the index pages gone
 * (or writes every index page itself when a batch committed since the plan), writes the redirects, removes what no
 * source publishes any more, commits the manifest once, last (a step that fails before it is run again in full),
 * tells every author the outcome, and syncs again each article whose source changed while the chunks rendered. Its
 * cost grows with the site's listing, not with its pages.
 */
final class RebuildCommit {

    private final PublishParts parts;
    private final ContentStore content;
    private final SiteStore site;
    private final SiteSettings settings;
    private final SiteRenderer renderer;
    private final ArticleParser parser;
    private final PendingWrites pending;

    RebuildCommit(PublishParts parts, SiteSettings settings, PendingWrites pending) {
        this.pending = pending;
        this.parts = parts;
        this.content = parts.content();
        this.site = parts.site();
        this.settings = settings;
        this.renderer = new SiteRenderer(settings.config(), ThemeFiles.load(site));
        this.parser = new ArticleParser(renderer.site(), parts.imageSizes());
    }

    /**
     * @param indexed       every index part as written; empty when an earlier attempt of this commit forgot them
     * @param forgetIndexed forgets the index parts for good, before this commit puts right pages of the state before
     *                      the re-render: an attempt run again then writes every index page itself too
     */
    Rebuild.Report commit(Plan plan, List<ChunkRead> chunksRead, Listing listing, List<ChunkRendered> chunksRendered,
                          Optional<List<IndexWritten>> indexed, Runnable forgetIndexed) {
        List<Read> reads = chunksRead.stream().flatMap(chunk -> chunk.articles().stream()).toList();
        List<Rendered> rendered = chunksRendered.stream().flatMap(chunk -> chunk.articles().stream()).toList();
        List<ArticleException> rejected = new ArrayList<>();
        // Reported to the authors once the site shows the re-render; later entries replace earlier ones.
        Map<String, PublishStatus> statuses = new LinkedHashMap<>();
        for (String key : plan.sources()) {
            if (!Publisher.isArticle(key) && !Media.isMedia(key) && !key.equals(SiteConfig.FILE_NAME) && !key.endsWith("/") && !ThemeFiles.isTheme(key)) {
                reject(new ArticleException(key, ArticleException.Problem.UNSUPPORTED_FILE, Publisher.UNSUPPORTED), rejected, statuses);
            }
        }
        plan.theme().refused().forEach(refusal -> rejected.add(refusal.exception()));
        statuses.putAll(plan.theme().statuses());
        settings.broken().ifPresent(e -> reject(e, rejected, statuses));
        List<ArticleWarning> siteWarnings = settings.goodBytes().isPresent() ? settings.config().warnings() : List.of();
        settings.goodBytes().ifPresent(good -> statuses.put(SiteConfig.FILE_NAME, new PublishStatus(State.PUBLISHED, "", settings.publicUrl("/"),
                siteWarnings.stream().map(ArticleWarning::reasonWithLine).toList())));
        reads.stream().filter(read -> read.refusal() != null).forEach(read -> reject(read.refusal().exception(), rejected, statuses));
        reads.stream().filter(read -> read.withheld() != null).forEach(read -> statuses.put(read.key(), read.withheld()));
        listing.duplicates().forEach(refusal -> reject(refusal.exception(), rejected, statuses));
        Set<String> lastGood = reads.stream().filter(Read::lastGood).map(Read::key).collect(Collectors.toSet());
        rendered.stream().filter(article -> !lastGood.contains(article.key()))  // a broken file's status says why it is not
                .forEach(article -> statuses.put(article.key(), article.status()));
        chunksRendered.forEach(chunk -> chunk.refusedMedia().forEach(refusal -> rejected.add(refusal.exception())));
        rejected.sort(Comparator.comparing(ArticleException::file));

        Manifest base = plan.base();
        // An upload published while the chunks rendered has committed since the plan: its entry is kept (see merge).
        ManifestStore.Snapshot current = parts.manifest().read();
        AtomicBoolean putRight = new AtomicBoolean();  // settle asks for the renderer only when it writes pages
        pending.settle(() -> {
            forgetIndexed.run();
            putRight.set(true);
            return renderer;
        }, current.value());  // a page only a batch that did not commit wrote
        StateSweep.sweep(site, java.time.Instant.now());  // shards an earlier commit of this re-render wrote, refused
        Manifest next = next(base, current.value(), listing);
        int written = plan.theme().filesWritten() + chunksRendered.stream().mapToInt(ChunkRendered::filesWritten).sum()
                + indexed.orElse(List.of()).stream().mapToInt(IndexWritten::filesWritten).sum();
        // Every commit counts a revision. The index parts wrote the pages of the plan's state with the listing: still
        // this commit's unless a batch committed since (its refresh may have written index pages from a state without
        // the listing) or one that did not commit left pages put right from the state before the re-render.
        if (current.value().revision() == base.revision() && !putRight.get() && indexed.isPresent()) {
            written += parts.indexPages().delete(indexed.get().stream().flatMap(part -> part.gone().stream()).toList());
        } else {
            written += parts.indexPages().publish(renderer, base, next, true, parts.indexPages().feedBodies(parser, next));
        }
        rewriteWhatBatchesWroteMeanwhile(base, current.value(), next);
        // Redirects first: an old URL whose page goes next then leads on at once.
        Redirects redirects = Redirects.of(next);
        written += rewriteRedirects(base, next, redirects, statuses);
        int removed = removeOrphanPages(base, next, redirects) + removeOrphanMedia(plan.sources())
                + new ThemeFiles(content, site, parts.writer()).removeUnused(ThemeFiles.load(site));
        removed += parts.drafts().removeAllBut(reads.stream().flatMap(read -> read.draftPaths().stream()).collect(Collectors.toSet()));
        keepAsLastGood();
        Set<String> refused = chunksRendered.stream().flatMap(chunk -> chunk.refusedMedia().stream()).map(Refusal::file).collect(Collectors.toSet());
        List<String> reachable = new ArrayList<>(plan.sources().stream().filter(key -> Media.isMedia(key) && !refused.contains(key)).map(Media::sitePath).toList());
        reachable.addAll(redirects.byKey().keySet());
        List<BrokenLinks.Broken> broken = reportBrokenLinks(rendered, listing.listed(), reachable, statuses);
        // Last, after every other write: a step that fails before this is run again onto the same manifest, in full.
        parts.manifest().commit(current, next);  // refused: another writer committed; the step fails and is run again
        pending.clear();
        // Each status names the version it is about; files that were never read (refused by their name) none.
        Map<String, String> etags = new HashMap<>();
        reads.forEach(read -> etags.put(read.key(), read.etag()));
        etags.put(SiteConfig.FILE_NAME, settings.etag());
        etags.putAll(plan.theme().etags());
        // The render step told each published article's author already; only a status the commit changed is told again.
        Map<String, PublishStatus> toldByChunk = new HashMap<>();
        Map<String, String> readEtags = new HashMap<>();
        reads.forEach(read -> readEtags.put(read.key(), read.etag()));
        Map<String, String> listedEtags = new HashMap<>();
        listing.listed().entries().values().forEach(entry -> listedEtags.put(entry.sourceKey(), entry.sourceEtag()));
        rendered.stream().filter(article -> Objects.equals(readEtags.get(article.key()), listedEtags.get(article.key())))
                .forEach(article -> toldByChunk.put(article.key(), article.status()));
        Rebuild.inParallel(site, statuses.keySet().stream().filter(key -> !statuses.get(key).equals(toldByChunk.get(key))).toList(), key -> {
            content.reportStatus(key, statuses.get(key).forVersion(etags.getOrDefault(key, "")));
            return null;
        });
        List<ArticleWarning> warnings = new ArrayList<>(siteWarnings);
        rendered.stream().sorted(Comparator.comparing(Rendered::key)).forEach(article -> warnings.addAll(article.warnings()));
        warnings.addAll(redirects.warnings());
        broken.forEach(link -> warnings.add(link.warning()));
        resyncChangedSources(reads);
        Map<State, Long> withheld = reads.stream().filter(read -> read.withheld() != null)
                .collect(Collectors.groupingBy(read -> read.withheld().state(), Collectors.counting()));
        return new Rebuild.Report(next.entries().size(), count(withheld, State.DRAFT), List.copyOf(rejected), warnings, broken.size(),
                written, removed, count(withheld, State.SCHEDULED), count(withheld, State.EXPIRED));
    }

    private static void reject(ArticleException e, List<ArticleException> rejected, Map<String, PublishStatus> statuses) {
        rejected.add(e);
        statuses.put(e.file(), new PublishStatus(State.REJECTED, e.reason(), ""));
    }

    private static int count(Map<State, Long> counts, State state) {
        return counts.getOrDefault(state, 0L).intValue();
    }

    /**
     * Publishes again, as its notification would, every article whose source holds other bytes than the chunk read
     * (edited or deleted while the chunks rendered): the page and entry the re-render made from the older bytes give
     * way to the current ones. On AWS its notification may already have been handled; a sync is idempotent.
     */
    private void resyncChangedSources(List<Read> reads) {
        Map<String, String> now = content.etags();
        List<SourceChange> changed = reads.stream().filter(read -> !read.etag().equals(now.get(read.key())))
                .map(read -> SourceChange.of(read.key())).toList();
        if (changed.isEmpty()) {
            return;
        }
        BatchOutcome done = new BatchPublish(parts).run(changed, () -> true);
        done.handBackCause().or(done::afterCommit).ifPresent(e -> {
            throw e;
        });
        done.results().forEach(result -> result.failure().ifPresent(e -> {
            throw e;
        }));
    }

    /** Keeps the configuration a re-render used, for the time a broken {@code site.yaml} replaces it. */
    private void keepAsLastGood() {
        if (settings.broken().isPresent()) {
            return;
        }
        if (settings.goodBytes().isPresent()) {
            parts.writer().writeIfChanged(new SiteFile(SiteSettings.LAST_GOOD_PATH, settings.goodBytes().get(), ContentKind.INTERNAL_YAML), Map.of());
        } else if (site.head(SiteSettings.LAST_GOOD_PATH).isPresent()) {
            site.delete(SiteSettings.LAST_GOOD_PATH);  // no site.yaml: the defaults are the last good configuration
        }
    }

    /**
     * Writes again, as {@code next} lists them, the pages a batch committed while the chunks rendered may have
     * written with the state of then: the pages of the sources it changed and of their neighbours then and now (a
     * neighbour's link would lead to a path a changed permalink has moved). As many as the changes, not the site.
     */
    private void rewriteWhatBatchesWroteMeanwhile(Manifest base, Manifest current, Manifest next) {
        Set<String> changed = changedSources(base, current);
        if (changed.isEmpty()) {
            return;
        }
        Set<String> sources = new HashSet<>(changed);
        for (Manifest manifest : List.of(base, current, next)) {
            Map<String, String> sourceByPath = new HashMap<>();
            manifest.entries().forEach((path, entry) -> sourceByPath.put(path, entry.sourceKey()));
            manifest.entries().values().stream().filter(entry -> changed.contains(entry.sourceKey())).forEach(entry -> {
                dev.galley.site.SiteIndex.Neighbours neighbours = ArticlePages.neighbours(manifest, entry.article().path());
                Stream.of(neighbours.newer(), neighbours.older()).filter(Objects::nonNull)
                        .forEach(link -> sources.add(sourceByPath.get(link.path())));
            });
        }
        Map<String, Manifest.Entry> nextBySource = new HashMap<>();
        next.entries().values().forEach(entry -> nextBySource.put(entry.sourceKey(), entry));
        Rebuild.inParallel(site, sources.stream().map(nextBySource::get).filter(Objects::nonNull).toList(), entry -> {
            parts.articles().rerender(parser, renderer, next, entry);
            return null;
        });
    }

    /** The manifest a re-render commits onto {@code current}, a state committed since the plan's {@code base} or base itself. */
    static Manifest next(Manifest base, Manifest current, Listing listing) {
        return current.replacedBy(merge(base, current, List.copyOf(listing.listed().entries().values()))).withClaims(listing.listed().claims());
    }

    /** The rebuilt entries, with every source that changed between {@code base} and {@code current} as it is in current. */
    static List<Manifest.Entry> merge(Manifest base, Manifest current, List<Manifest.Entry> rebuilt) {
        Set<String> changedSources = changedSources(base, current);
        Map<String, Manifest.Entry> byPath = new TreeMap<>();
        rebuilt.stream().filter(e -> !changedSources.contains(e.sourceKey())).forEach(e -> byPath.put(e.article().path(), e));
        current.entries().values().stream().filter(e -> changedSources.contains(e.sourceKey()))
                .forEach(e -> byPath.put(e.article().path(), e));
        return List.copyOf(byPath.values());
    }

    /** The sources whose entry differs between two manifests, or that one of them lists and the other does not. */
    private static Set<String> changedSources(Manifest base, Manifest current) {
        // By source, once: bySource scans the entries, and a scan per entry made a rebuild of a large site quadratic.
        Map<String, Manifest.Entry> baseBySource = new HashMap<>();
        base.entries().values().forEach(entry -> baseBySource.put(entry.sourceKey(), entry));
        Set<String> currentSources = new HashSet<>();
        Set<String> changedSources = new HashSet<>();
        for (Manifest.Entry entry : current.entries().values()) {
            currentSources.add(entry.sourceKey());
            if (!entry.equals(baseBySource.get(entry.sourceKey()))) {
                changedSources.add(entry.sourceKey());
            }
        }
        for (String source : baseBySource.keySet()) {
            if (!currentSources.contains(source)) {
                changedSources.add(source);
            }
        }
        return changedSources;
    }

    /**
     * Writes exactly the redirects the rebuilt manifest asks for and removes every other redirect object; each
     * old URL an article asked for in vain is a warning on its status.
     *
     * @return how many objects were written or deleted
     */
    private int rewriteRedirects(Manifest before, Manifest after, Redirects redirects, Map<String, PublishStatus> statuses) {
        Set<String> pages = after.entries().values().stream().map(e -> Redirects.objectKey(e.article().path())).collect(Collectors.toSet());
        int changed = new RedirectObjects(site, parts.writer(), renderer).rewriteAll(Redirects.of(before), redirects, pages);
        for (Manifest.Entry entry : after.entries().values()) {
            statuses.computeIfPresent(entry.sourceKey(), (key, status) -> Statuses.withWarnings(status, redirects.warningsFor(key)));
        }
        return changed;
    }

    /**
     * Checks every published article's local links, and the menu's, against the files the site now holds: each broken
     * one is a warning on its article's (or site.yaml's) status, and all of them are the owner's report,
     * {@value BrokenLinks#REPORT_PATH}.
     */
    private List<BrokenLinks.Broken> reportBrokenLinks(List<Rendered> rendered, Manifest listed, List<String> reachable,
                                                       Map<String, PublishStatus> statuses) {
        // What the re-render published (images, redirects, pages) is known; anything else (a tag page, an archive page) is asked of the store.
        Set<String> published = new HashSet<>(reachable);
        published.add("index.html");
        listed.entries().values().forEach(entry -> published.add(entry.article().pageFile()));
        Map<String, List<String>> links = new HashMap<>();
        rendered.forEach(article -> links.put(article.key(), article.localLinks()));
        Map<String, Boolean> asked = new HashMap<>();
        Predicate<String> siteHas = path -> published.contains(path) || asked.computeIfAbsent(path, p -> site.head(p).isPresent());
        List<BrokenLinks.Broken> broken = new ArrayList<>(BrokenLinks.find(links, siteHas));
        broken.addAll(BrokenLinks.inMenu(settings.config().menu(), siteHas));
        for (BrokenLinks.Broken link : broken) {
            statuses.computeIfPresent(link.file(), (key, status) -> Statuses.withWarnings(status, List.of(link.warning())));
        }
        parts.writer().writeIfChanged(BrokenLinks.report(broken), Map.of());
        return broken;
    }

    /**
     * Removes the pages of articles that {@code published} no longer lists: every path the manifest before the
     * re-render listed (a changed permalink pattern moves every article away from its old path), and every page under
     * {@code articles/}, the default pattern's folder, which a lost manifest may have left behind.
     */
    private int removeOrphanPages(Manifest before, Manifest published, Redirects redirects) {
        Set<String> orphans = new TreeSet<>(before.entries().keySet());
        site.list("articles/").stream().map(path -> path.split("/")).filter(parts -> parts.length >= 3)
                .forEach(parts -> orphans.add("articles/" + parts[1] + "/"));
        orphans.removeAll(published.entries().keySet());
        return Rebuild.inParallel(site, List.copyOf(orphans), path -> parts.articles().removeArticlePage(path, redirects) ? path : null).size();
    }

    private int removeOrphanMedia(List<String> sources) {
        Set<String> live = sources.stream().filter(Media::isMedia).map(Media::sitePath).collect(Collectors.toSet());
        int removed = 0;
        for (String path : site.list(MediaLinks.MEDIA_ROOT)) {
            if (!live.contains(path)) {
                site.delete(path);
                removed++;
            }
        }
        return removed;
    }
}
