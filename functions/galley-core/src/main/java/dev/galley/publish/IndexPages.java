package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.article.ArticleSummary;
import dev.galley.render.AtomFeed;
import dev.galley.render.ChangedIndexModels;
import dev.galley.render.IndexPage;
import dev.galley.render.SearchIndex;
import dev.galley.render.Sitemap;
import dev.galley.render.SiteListing;
import dev.galley.render.SiteRenderer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The pages that list articles: home, archive, tag pages, feeds, sitemap and search index. Writes those that differ
 * between two revisions of the manifest, and deletes those that are gone.
 */
final class IndexPages {

    /**
     * Renders and writes index pages in parallel. A pool apart from {@link Publisher#IO}: rendering the feed waits on
     * reads submitted to IO, which must never wait behind the feed's own task.
     */
    static final java.util.concurrent.ExecutorService PAGES = Parallel.pool(8, "galley-pages");
    /** An archive page of the home listing or of a tag's: {@code page/<name>/index.html}, {@code tags/<tag>/page/<name>/index.html}. */
    private static final java.util.regex.Pattern ARCHIVE_PAGE = java.util.regex.Pattern.compile("(tags/[^/]+/)?page/[^/]+/index\\.html");

    private final ContentStore content;
    private final SiteStore site;
    private final SiteWriter writer;
    private final RecentArticles recent;

    IndexPages(ContentStore content, SiteStore site, SiteWriter writer, RecentArticles recent) {
        this.content = content;
        this.site = site;
        this.writer = writer;
        this.recent = recent;
    }

    /**
     * Writes the index pages that differ between two manifest revisions, and deletes those that are gone.
     *
     * @param all    write every page whose bytes differ from the stored ones, not only pages whose content
     *               changed between the revisions (a rebuild, or the first publish of a new site)
     * @param bodies the body HTML of an article in the feed
     * @return how many pages were written or deleted
     */
    int publish(SiteRenderer renderer, Manifest before, Manifest after, boolean all, Function<ArticleSummary, String> bodies) {
        Changes changes = changes(renderer, before, after, all);
        List<IndexPage> changedPages = changes.pages();
        int changed = Parallel.map(PAGES, changedPages, page -> (all ? writer.writeIfChanged(renderer.render(page, bodies), Map.of())
                : writer.writeExpectingChange(renderer.render(page, bodies), Map.of())) ? page : null).size();
        Parallel.map(PAGES, List.copyOf(changes.gone()), path -> {
            site.delete(path);
            return path;
        });
        return changed + changes.gone().size();
    }

    /**
     * Writes a re-render's share of the index pages of {@code after} whose bytes differ from the stored ones,
     * as many at a time as the store asks, and finds its share of the pages gone (of {@code before}, or left by an
     * older layout), which the commit deletes once every part has written the pages that linked to them.
     */
    RebuildState.IndexWritten publishPart(SiteRenderer renderer, Manifest before, Manifest after, RebuildState.IndexPart part,
                                         Function<ArticleSummary, String> bodies) {
        Changes changes = changes(renderer, before, after, true);
        List<IndexPage> pages = changes.pages().stream().filter(page -> part.takes(page.file())).toList();
        int written = Rebuild.inParallel(site, pages, page -> writer.writeIfChanged(renderer.render(page, bodies), Map.of()) ? page : null).size();
        return new RebuildState.IndexWritten(written, changes.gone().stream().filter(part::takes).sorted().toList());
    }

    /** Deletes index pages gone, once the pages that linked to them are written. */
    int delete(java.util.Collection<String> gone) {
        return Parallel.map(PAGES, List.copyOf(gone), path -> {
            site.delete(path);
            return path;
        }).size();
    }

    /**
     * The index pages that differ between two revisions (every page of {@code after}, with {@code all}), those gone, and
     * the files of the pages of the first revision it looked at (every page the second has and the first had among them:
     * see {@link ChangedIndexModels}).
     */
    private record Changes(List<IndexPage> pages, Set<String> gone, Set<String> before) {
    }

    /**
     * The files of the index pages whose content differs between two revisions of the manifest, and of those gone:
     * what a batch that leaves its index pages to a refresh owes ({@link DeferredPages}).
     *
     * @param files    every such file
     * @param appeared those of them that {@code before} has no page at (new pages)
     */
    record ChangedFiles(Set<String> files, Set<String> appeared) {
    }

    ChangedFiles changedFiles(SiteRenderer renderer, Manifest before, Manifest after) {
        Changes changes = changes(renderer, before, after, false);
        Set<String> files = new HashSet<>(changes.gone());
        Set<String> appeared = new HashSet<>();
        changes.pages().forEach(page -> files.add(page.file()));
        changes.pages().stream().filter(page -> !changes.before().contains(page.file())).forEach(page -> appeared.add(page.file()));
        return new ChangedFiles(files, appeared);
    }

    /**
     * Writes the index pages at {@code files} as {@code current} has them, and deletes those it has not (any more):
     * pages batches owed, paid from the state as it is now ({@link DeferredPages}). Only the owed tags' listings are
     * worked out.
     *
     * @return how many were written or deleted
     */
    int publishOwed(SiteRenderer renderer, Manifest current, Set<String> files, Function<ArticleSummary, String> bodies) {
        Set<String> tags = new HashSet<>();
        for (String file : files) {
            int end = file.startsWith("tags/") ? file.indexOf('/', "tags/".length()) : -1;
            if (end > 0) {
                tags.add(file.substring("tags/".length(), end));
            }
        }
        Map<String, IndexPage> now = renderer.indexModels(current.summaries(), versionsOf(current), tags::contains);
        List<IndexPage> pages = files.stream().map(now::get).filter(java.util.Objects::nonNull).toList();
        int written = Parallel.map(PAGES, pages, page -> writer.writeExpectingChange(renderer.render(page, bodies), Map.of()) ? page : null).size();
        // Deleted after the pages that linked to them (the archive page before a last one that goes) are written.
        List<String> gone = files.stream().filter(file -> !now.containsKey(file)).toList();
        Parallel.map(PAGES, gone, file -> {
            site.delete(file);
            return file;
        });
        return written + gone.size();
    }

    private Changes changes(SiteRenderer renderer, Manifest before, Manifest after, boolean all) {
        Map<String, IndexPage> old;
        Map<String, IndexPage> now;
        if (all) {
            old = renderer.indexModels(before.summaries(), versionsOf(before), tagSlug -> true);
            now = renderer.indexModels(after.summaries(), versionsOf(after), tagSlug -> true);
        } else {
            // Only the pages around the changed articles: see ChangedIndexModels.
            List<ArticleSummary> removed = new ArrayList<>();
            List<ArticleSummary> added = new ArrayList<>();
            for (String path : MapDiff.changedKeys(before.entriesByPath(), after.entriesByPath())) {
                Manifest.Entry was = before.byPath(path);
                if (was != null) {
                    removed.add(was.article());
                }
                Manifest.Entry is = after.byPath(path);
                if (is != null) {
                    added.add(is.article());
                }
            }
            List<ArticleSummary> changed = new ArrayList<>(removed);
            changed.addAll(added);
            SiteListing listing = ListingCache.take(before);
            old = ChangedIndexModels.before(renderer.site(), listing, changed, versionsOf(before));
            removed.forEach(listing::remove);
            added.forEach(listing::add);
            now = ChangedIndexModels.after(renderer.site(), listing, changed, versionsOf(after), old);
            ListingCache.keep(after, listing);
        }
        List<IndexPage> changedPages = now.values().stream().filter(page -> all || !page.equals(old.get(page.file()))).toList();
        Set<String> gone = new HashSet<>(old.keySet());
        gone.removeAll(now.keySet());
        if (all) {
            // The four listings at once: each is a round trip (or several) to the store.
            // (List.copyOf: a null listing fails here, where Parallel.map would drop it and shift the others.)
            List<List<String>> listed = Parallel.map(Publisher.IO, List.of(SearchIndex.FOLDER, Sitemap.FOLDER, "page/", "tags/"),
                    prefix -> List.copyOf(site.list(prefix)));
            // Search chunks and sitemaps the indexes do not name: an older layout's (of other sizes), or a failed publish's.
            listed.get(0).stream().filter(path -> path.endsWith(".json") && !now.containsKey(path)).forEach(gone::add);
            listed.get(1).stream().filter(path -> path.endsWith(".xml") && !now.containsKey(path)).forEach(gone::add);
            // Archive pages the listings no longer have: an older layout's boundaries.
            java.util.stream.Stream.concat(listed.get(2).stream(), listed.get(3).stream())
                    .filter(path -> ARCHIVE_PAGE.matcher(path).matches() && !now.containsKey(path)).forEach(gone::add);
        }
        return new Changes(changedPages, gone, old.keySet());
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
                    for (ArticleSummary listed : AtomFeed.newest(manifest.articles(), parser.site().feed().entries())) {
                        Manifest.Entry entry = manifest.byPath(listed.path());
                        bodies.put(listed.path(), Publisher.IO.submit(TaskCpu.charged(() -> body(parser, entry))));
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

    /**
     * Keeps the feed body of an article (not a standalone page) a batch publishes, when the site's feeds show bodies
     * and it is among their newest in {@code listed}: parsed from the bytes the batch read, so that the feeds rendered
     * later read no source again. A body that shows an image serves only this publish (see {@link RecentArticles}):
     * it is parsed only when this publish renders the feeds itself.
     *
     * @param feedsNow whether this publish renders the feeds, or leaves them to a refresh
     */
    void keepFeedBody(ArticleParser parser, Manifest listed, String sourceKey, ContentStore.SourceFile file, Article article,
                      boolean feedsNow) {
        int entries = parser.site().feed().entries();
        if (article.summary().page() || !parser.site().feed().fullContent() || !feedsNow && RecentArticles.showsAnImage(article.bodyHtml())
                || recent.feedBody(parser, sourceKey, file.etag()).isPresent()) {
            return;
        }
        int at = java.util.Collections.binarySearch(listed.articles(), article.summary(), dev.galley.site.SiteIndex.NEWEST_FIRST);
        if (at >= 0 && at < entries) {
            try {
                recent.keepFeedBody(parser, sourceKey, file.etag(), parser.parseWithAbsoluteUrls(sourceKey, file.bytes()).bodyHtml());
            } catch (ArticleException e) {
                // parsed once already for its page: cannot happen, and the feed would read it again anyway
            }
        }
    }

    private String body(ArticleParser parser, Manifest.Entry entry) {
        Optional<String> kept = recent.feedBody(parser, entry.sourceKey(), entry.sourceEtag());
        return kept.isPresent() ? kept.get() : content.readVersion(entry.sourceKey(), entry.sourceEtag()).map(file -> {
            try {
                String body = parser.parseWithAbsoluteUrls(entry.sourceKey(), file.bytes()).bodyHtml();
                recent.keepFeedBody(parser, entry.sourceKey(), entry.sourceEtag(), body);
                return body;
            } catch (ArticleException e) {
                return "";  // broken since it was listed; the entry keeps its summary until its own notification
            }
        }).orElse("");
    }
}
