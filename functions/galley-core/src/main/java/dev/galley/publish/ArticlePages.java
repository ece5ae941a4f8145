package dev.galley.publish;

import dev.galley.article.Article;
import dev.galley.article.ArticleException;
import dev.galley.article.ArticleParser;
import dev.galley.article.ArticleSummary;
import dev.galley.render.SiteRenderer;
import dev.galley.site.SiteFile;
import dev.galley.site.SiteIndex;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Article sync: renders and writes an article's page, re-renders the pages whose neighbours changed, and removes the
 * pages of articles the manifest no longer lists.
 */
final class ArticlePages {

    private final ContentStore content;
    private final SiteStore site;
    private final SiteWriter writer;
    private final RecentArticles recent;

    ArticlePages(ContentStore content, SiteStore site, SiteWriter writer, RecentArticles recent) {
        this.content = content;
        this.site = site;
        this.writer = writer;
        this.recent = recent;
    }

    /**
     * Writes an article's page, for publishing and re-rendering alike: rendered from the source version
     * {@code sourceEtag}, with its neighbours as {@code listedIn} has them, by the one write rule ({@link SiteWriter#writeIfChanged}).
     *
     * @return true when it wrote, false when the stored page has exactly these bytes
     */
    boolean writePage(SiteRenderer renderer, Article article, String sourceKey, String sourceEtag, Manifest listedIn) {
        return writePage(renderer, article, sourceKey, sourceEtag, listedIn, false);
    }

    /** As {@link #writePage(SiteRenderer, Article, String, String, Manifest)}, with the neighbours the listing gives it. */
    boolean writePage(SiteRenderer renderer, Article article, String sourceKey, String sourceEtag, SiteIndex.Neighbours neighbours) {
        return writePage(renderer, article, sourceKey, sourceEtag, neighbours, false);
    }

    /**
     * Writes the page of an article whose entry a batch changed, or whose neighbours it changed: its bytes are expected
     * to differ from the stored page's, so they are not asked for ({@link SiteWriter#writeExpectingChange}).
     */
    boolean writeChangedPage(SiteRenderer renderer, Article article, String sourceKey, String sourceEtag, Manifest listedIn) {
        return writePage(renderer, article, sourceKey, sourceEtag, listedIn, true);
    }

    private boolean writePage(SiteRenderer renderer, Article article, String sourceKey, String sourceEtag, Manifest listedIn, boolean changed) {
        return writePage(renderer, article, sourceKey, sourceEtag, neighbours(listedIn, article.summary().path()), changed);
    }

    private boolean writePage(SiteRenderer renderer, Article article, String sourceKey, String sourceEtag, SiteIndex.Neighbours neighbours,
                              boolean changed) {
        SiteFile page = renderer.article(article, neighbours);
        recent.keep(article, sourceEtag, renderer.site());
        Map<String, String> metadata = Map.of(SiteWriter.SOURCE, sourceKey, SiteWriter.SOURCE_ETAG, sourceEtag);
        return changed ? writer.writeExpectingChange(page, metadata) : writer.writeIfChanged(page, metadata);
    }

    /**
     * Re-renders the pages whose previous/next links changed between two revisions: an article's neighbours
     * change when one is published or removed beside them. Each is rendered from its source as it is now.
     */
    void refreshNeighbours(ArticleParser parser, SiteRenderer renderer, Manifest before, Manifest after, Set<String> written) {
        rerenderListed(parser, renderer, after, movedNeighbours(before, after, written));
    }

    /** The listed articles, but those {@code written} already, whose previous/next links differ between two revisions. */
    List<String> movedNeighbours(Manifest before, Manifest after, Set<String> written) {
        // Only an article next to a changed one, in either revision, can have other neighbours.
        Set<String> near = new java.util.TreeSet<>();
        for (String path : MapDiff.changedKeys(before.entriesByPath(), after.entriesByPath())) {
            near.add(path);
            addNextTo(before, before.byPath(path), near);
            addNextTo(after, after.byPath(path), near);
            addNextTo(before, after.byPath(path), near);
            addNextTo(after, before.byPath(path), near);
        }
        return near.stream().filter(path -> !written.contains(path) && listed(before, path) && listed(after, path)
                && !neighbours(before, path).equals(neighbours(after, path))).toList();
    }

    /** Renders again, with the links {@code manifest} gives them, the pages of those of {@code paths} it lists as articles. */
    void rerenderListed(ArticleParser parser, SiteRenderer renderer, Manifest manifest, java.util.Collection<String> paths) {
        List<String> listed = paths.stream().filter(path -> listed(manifest, path)).toList();
        Parallel.map(IndexPages.PAGES, listed, path -> {
            rerender(parser, renderer, manifest, manifest.byPath(path), true);
            return null;
        });
    }

    /** Adds the paths of the articles just newer and older than {@code entry}'s article (or where it would be). */
    private static void addNextTo(Manifest manifest, Manifest.Entry entry, Set<String> paths) {
        if (entry == null || entry.article().page()) {
            return;
        }
        List<ArticleSummary> newestFirst = manifest.articles();
        int at = java.util.Collections.binarySearch(newestFirst, entry.article(), SiteIndex.NEWEST_FIRST);
        int from = at >= 0 ? at - 1 : -at - 2;
        for (int i = Math.max(0, from); i <= Math.min(newestFirst.size() - 1, from + 2); i++) {
            paths.add(newestFirst.get(i).path());
        }
    }

    private static boolean listed(Manifest manifest, String path) {
        Manifest.Entry entry = manifest.byPath(path);
        return entry != null && !entry.article().page();
    }

    /** Renders a listed article's page again from the source version the manifest lists. */
    void rerender(ArticleParser parser, SiteRenderer renderer, Manifest manifest, Manifest.Entry entry) {
        rerender(parser, renderer, manifest, entry, false);
    }

    private void rerender(ArticleParser parser, SiteRenderer renderer, Manifest manifest, Manifest.Entry entry, boolean changed) {
        // The parser reads with the renderer's configuration, which is part of the key.
        Optional<Article> rendered = recent.get(entry.sourceKey(), entry.sourceEtag(), renderer.site());
        Optional<ContentStore.SourceFile> file = rendered.isPresent() ? Optional.empty() : listedVersion(entry);
        if (rendered.isEmpty() && file.isEmpty()) {
            return;
        }
        try {
            Article article = rendered.isPresent() ? rendered.get() : parser.parse(entry.sourceKey(), file.get().bytes());
            if (article.summary().path().equals(entry.article().path()) && !article.draft()) {
                writePage(renderer, article, entry.sourceKey(), entry.sourceEtag(), manifest, changed);
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
     * Writes and deletes the redirect objects that differ between two revisions: after the pages they lead to are
     * written, before a page that no longer exists is deleted, so no redirect ever leads to a missing page.
     */
    Redirects updateRedirects(SiteRenderer renderer, Manifest before, Manifest after) {
        Redirects old = Redirects.of(before);
        Redirects redirects = Redirects.after(old, before, after);
        // The pages' keys only matter to a redirect that goes: most uploads have none, and the set grows with the site.
        new RedirectObjects(site, writer, renderer).update(old, redirects, old.byKey().isEmpty() ? Set.of() : pageKeys(after));
        return redirects;
    }

    /** The object keys of the pages a manifest lists: a page always wins over a redirect. */
    static Set<String> pageKeys(Manifest manifest) {
        Set<String> keys = new HashSet<>();
        manifest.entries().keySet().forEach(path -> keys.add(Redirects.objectKey(path)));
        return keys;
    }
}
