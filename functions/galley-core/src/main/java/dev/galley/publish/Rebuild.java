package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.article.ArticleWarning;
import dev.galley.article.internal.MediaLinks;
import dev.galley.publish.PublishStatus.State;
import dev.galley.render.SiteRenderer;
import dev.galley.site.ContentKind;
import dev.galley.site.MenuItem;
import dev.galley.site.SiteConfig;
import dev.galley.site.SiteFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Re-renders every article in the content store, removes pages whose source is gone, and rewrites the
 * manifest and every index page. Store calls run {@value #CONCURRENCY} at a time. Every article is parsed
 * before any page is written, because a page links to its neighbours; so the rendered bodies are held in
 * memory until then, about the size of the site's HTML (some 12 KB an article).
 */
public final class Rebuild {

    /**
     * Store requests in flight. A fixed number, not a multiple of the cores: the work is mostly waiting on S3 (tens
     * of milliseconds a request against a few of rendering), and on Lambda the core count says little about the
     * CPU share the memory size buys.
     */
    static final int CONCURRENCY = 16;

    /**
     * What a rebuild did. Rejected files are listed with their errors, published files that were not published
     * as written with their warnings (links that lead nowhere among them, {@code brokenLinks} of them); every good
     * file is published regardless.
     */
    public record Report(int published, int drafts, List<ArticleException> rejected, List<ArticleWarning> warnings,
                         int brokenLinks, int filesWritten, int pagesRemoved, int scheduled, int expired) {

        /** True when the site's files are exactly what they were: a CDN needs no invalidation. */
        public boolean changedNothing() {
            return filesWritten == 0 && pagesRemoved == 0;
        }
    }

    private final PublishParts parts;
    private final ContentStore content;
    private final SiteStore site;

    Rebuild(PublishParts parts) {
        this.parts = parts;
        this.content = parts.content();
        this.site = parts.site();
    }

    private record Parsed(String key, String etag, Article article, ArticleException error) {
    }

    Report run(SiteSettings settings) {
        List<String> all = content.list();
        ThemeFiles themeFiles = new ThemeFiles(content, site, parts.writer());
        ThemeFiles.Published theme = themeFiles.publish(all, settings);
        SiteRenderer renderer = new SiteRenderer(settings.config(), theme.theme());
        ArticleParser parser = new ArticleParser(renderer.site(), parts.imageSizes());
        ManifestStore.Snapshot previous = parts.manifest().read();
        List<String> keys = all.stream().filter(Publisher::isArticle).sorted().toList();

        // Every article is parsed before any page is written: a page links to its neighbours, and who they
        // are is known only once every date and slug is.
        List<Parsed> parsed = inParallel(keys, key -> content.read(key).map(file -> {
            try {
                return new Parsed(key, file.etag(), parser.parse(key, file.bytes()), null);
            } catch (ArticleException e) {
                return new Parsed(key, file.etag(), null, e);
            }
        }).orElse(null));

        List<ArticleException> rejected = new ArrayList<>();
        // Reported to the authors once the site shows the rebuild.
        Map<String, PublishStatus> statuses = new ConcurrentHashMap<>();
        for (String key : all) {
            if (!Publisher.isArticle(key) && !Media.isMedia(key) && !key.equals(SiteConfig.FILE_NAME) && !key.endsWith("/") && !ThemeFiles.isTheme(key)) {
                ArticleException e = new ArticleException(key, ArticleException.Problem.UNSUPPORTED_FILE, Publisher.UNSUPPORTED);
                rejected.add(e);
                statuses.put(key, new PublishStatus(State.REJECTED, e.reason(), ""));
            }
        }
        rejected.addAll(theme.rejected());
        statuses.putAll(theme.statuses());
        settings.broken().ifPresent(e -> {
            rejected.add(e);
            statuses.put(SiteConfig.FILE_NAME, new PublishStatus(State.REJECTED, e.reason(), ""));
        });
        List<ArticleWarning> siteWarnings = settings.goodBytes().isPresent() ? settings.config().warnings() : List.of();
        settings.goodBytes().ifPresent(good -> statuses.put(SiteConfig.FILE_NAME, new PublishStatus(State.PUBLISHED, "", settings.publicUrl("/"),
                siteWarnings.stream().map(ArticleWarning::reasonWithLine).toList())));
        for (Parsed p : parsed) {
            if (p.error() != null) {
                rejected.add(p.error());
                statuses.put(p.key(), new PublishStatus(State.REJECTED, p.error().reason(), ""));
            }
        }
        // A broken replacement of a listed article leaves the version the site shows up, as publishing it did.
        Map<String, Parsed> lastGood = new ConcurrentHashMap<>();
        inParallel(parsed.stream().filter(p -> p.error() != null).toList(), p -> {
            lastGoodVersion(parser, previous.value().bySource(p.key())).ifPresent(good -> lastGood.put(p.key(), good));
            return null;
        });
        List<Parsed> listable = parsed.stream().map(p -> lastGood.getOrDefault(p.key(), p)).toList();
        // In parallel: each held or expiring article sets its wake-up, a request to the scheduler.
        Map<String, PublishStatus> withheld = new ConcurrentHashMap<>();
        inParallel(listable.stream().filter(p -> p.article() != null).toList(), p -> {
            PublishStatus status = parts.statuses().withhold(p.article(), settings);
            if (status != null) {
                withheld.put(p.key(), status);
            }
            return null;
        });
        statuses.putAll(withheld);
        Map<State, Long> withheldCounts = withheld.values().stream().collect(Collectors.groupingBy(PublishStatus::state, Collectors.counting()));
        Map<String, List<Parsed>> byPath = listable.stream().filter(p -> p.article() != null && !withheld.containsKey(p.key()))
                .collect(Collectors.groupingBy(p -> p.article().summary().path(), TreeMap::new, Collectors.toList()));
        List<Parsed> winners = new ArrayList<>();
        Map<String, String> claims = new TreeMap<>();
        for (List<Parsed> claimants : byPath.values()) {
            Parsed winner = claimants.stream().min(Comparator.comparing(p -> new UrlOwner.Claim(p.key(), p.article().summary()), UrlOwner.FIRST))
                    .orElseThrow();
            winners.add(winner);
            for (Parsed loser : claimants) {
                if (loser != winner) {
                    ArticleException e = ArticleException.duplicateUrl(loser.key(), loser.article().summary().url(), winner.key());
                    rejected.add(e);
                    statuses.put(loser.key(), new PublishStatus(State.REJECTED, e.reason(), ""));
                    claims.put(loser.key(), loser.article().summary().path());
                }
            }
        }

        Manifest listed = previous.value().replacedBy(winners.stream()
                .map(w -> new Manifest.Entry(w.key(), w.etag(), "", w.article().summary())).toList()).withClaims(claims);
        AtomicInteger written = new AtomicInteger(theme.filesWritten());
        inParallel(winners, w -> {
            if (parts.articles().writePage(renderer, w.article(), w.key(), w.etag(), listed)) {
                written.incrementAndGet();
            }
            if (!lastGood.containsKey(w.key())) {
                statuses.put(w.key(), parts.statuses().published(w.article(), settings));  // a broken file's status says why it is not
            }
            return null;
        });
        List<ArticleException> refusedMedia = inParallel(all.stream().filter(Media::isMedia).toList(), key -> {
            Outcome done = parts.media().sync(key, settings);
            if (done.kind() == Outcome.Kind.PUBLISHED) {
                written.incrementAndGet();
            }
            return done.rejection().orElse(null);
        });
        rejected.addAll(refusedMedia);
        rejected.sort(Comparator.comparing(ArticleException::file));

        Manifest next = previous.value().replacedBy(List.copyOf(listed.entries().values())).withClaims(listed.claims());
        parts.manifest().commit(previous, next);  // refused: another writer ran, and the re-render fails to be run again
        Map<String, String> bodies = new HashMap<>();
        winners.forEach(w -> bodies.put(w.article().summary().path(), w.article().bodyHtml()));
        written.addAndGet(parts.indexPages().publish(renderer, previous.value(), next, true,
                a -> renderer.withAbsoluteUrls(a, bodies.getOrDefault(a.path(), ""))));
        // Redirects first: an old URL whose page goes next then leads on at once.
        Redirects redirects = Redirects.of(next);
        written.addAndGet(rewriteRedirects(renderer, previous.value(), next, redirects, statuses));
        int removed = removeOrphanPages(previous.value(), next, redirects) + removeOrphanMedia(all) + themeFiles.removeUnused(theme.theme());
        removed += parts.drafts().rebuild(renderer, parsed.stream().filter(p -> p.article() != null && withheld.containsKey(p.key())
                && withheld.get(p.key()).state() == State.DRAFT).map(Parsed::article).toList(), statuses, settings);
        keepAsLastGood(settings);
        Set<String> refused = refusedMedia.stream().map(ArticleException::file).collect(Collectors.toSet());
        List<String> publishedMedia = all.stream().filter(key -> Media.isMedia(key) && !refused.contains(key)).map(Media::sitePath).toList();
        List<String> reachable = new ArrayList<>(publishedMedia);
        reachable.addAll(redirects.byKey().keySet());
        List<BrokenLinks.Broken> broken = reportBrokenLinks(winners, settings.config().menu(), reachable, statuses);
        // Each status names the version it is about; files that were never read (refused by their name) none.
        Map<String, String> etags = new HashMap<>();
        parsed.forEach(p -> etags.put(p.key(), p.etag()));
        etags.put(SiteConfig.FILE_NAME, settings.etag());
        etags.putAll(theme.etags());
        inParallel(List.copyOf(statuses.keySet()), key -> {
            content.reportStatus(key, statuses.get(key).forVersion(etags.getOrDefault(key, "")));
            return null;
        });
        List<ArticleWarning> warnings = new ArrayList<>(siteWarnings);
        winners.forEach(w -> warnings.addAll(w.article().warnings()));
        warnings.addAll(redirects.warnings());
        broken.forEach(link -> warnings.add(link.warning()));
        return new Report(next.entries().size(), count(withheldCounts, State.DRAFT), List.copyOf(rejected), warnings, broken.size(),
                written.get(), removed, count(withheldCounts, State.SCHEDULED), count(withheldCounts, State.EXPIRED));
    }

    /** Keeps the configuration a re-render used, for the time a broken {@code site.yaml} replaces it. */
    private void keepAsLastGood(SiteSettings settings) {
        if (settings.broken().isPresent()) {
            return;
        }
        if (settings.goodBytes().isPresent()) {
            parts.writer().writeIfChanged(new SiteFile(SiteSettings.LAST_GOOD_PATH, settings.goodBytes().get(), ContentKind.INTERNAL_YAML), Map.of());
        } else if (site.head(SiteSettings.LAST_GOOD_PATH).isPresent()) {
            site.delete(SiteSettings.LAST_GOOD_PATH);  // no site.yaml: the defaults are the last good configuration
        }
    }

    private static int count(Map<State, Long> counts, State state) {
        return counts.getOrDefault(state, 0L).intValue();
    }

    /**
     * Writes exactly the redirects the rebuilt manifest asks for and removes every other redirect object; each
     * old URL an article asked for in vain is a warning on its status.
     *
     * @return how many objects were written or deleted
     */
    private int rewriteRedirects(SiteRenderer renderer, Manifest before, Manifest after, Redirects redirects,
                                 Map<String, PublishStatus> statuses) {
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
    private List<BrokenLinks.Broken> reportBrokenLinks(List<Parsed> winners, List<MenuItem> menu, List<String> reachable,
                                                       Map<String, PublishStatus> statuses) {
        // What the re-render published (images, redirects) is known; anything else (a tag page, an archive page) is asked of the store.
        Set<String> published = new HashSet<>(reachable);
        published.add("index.html");
        winners.forEach(w -> published.add(w.article().summary().pageFile()));
        Map<String, Boolean> asked = new HashMap<>();
        Predicate<String> siteHas = path -> published.contains(path) || asked.computeIfAbsent(path, p -> site.head(p).isPresent());
        List<BrokenLinks.Broken> broken = new ArrayList<>(BrokenLinks.find(winners.stream().map(Parsed::article).toList(), siteHas));
        broken.addAll(BrokenLinks.inMenu(menu, siteHas));
        for (BrokenLinks.Broken link : broken) {
            statuses.computeIfPresent(link.file(), (key, status) -> Statuses.withWarnings(status, List.of(link.warning())));
        }
        parts.writer().writeIfChanged(BrokenLinks.report(broken), Map.of());
        return broken;
    }

    /** The version a listed article was published from, parsed, when the bucket still holds it. */
    private Optional<Parsed> lastGoodVersion(ArticleParser parser, Manifest.Entry listed) {
        if (listed == null) {
            return Optional.empty();
        }
        return content.readVersion(listed.sourceKey(), listed.sourceEtag()).flatMap(file -> {
            try {
                return Optional.of(new Parsed(listed.sourceKey(), file.etag(), parser.parse(listed.sourceKey(), file.bytes()), null));
            } catch (ArticleException e) {
                return Optional.empty();
            }
        });
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
        return inParallel(List.copyOf(orphans), path -> parts.articles().removeArticlePage(path, redirects) ? path : null).size();
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

    private static <I, T> List<T> inParallel(List<I> items, Function<I, T> task) {
        ExecutorService pool = Parallel.pool(CONCURRENCY, "galley-rebuild");
        try {
            return Parallel.map(pool, items, task);
        } finally {
            pool.shutdownNow();
        }
    }
}
