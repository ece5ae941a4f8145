package dev.galley.publish;

import dev.galley.article.ArticleParser;
import dev.galley.render.SiteRenderer;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The index pages and neighbours' pages of a batch from the queue, left to a refresh. A batch writes its articles'
 * own pages, redirects and statuses and commits the state as before, but instead of writing the index pages and the
 * neighbours' pages its change touches (and deleting the pages it unlists, which they link to until then) it adds
 * their names to what the state owes ({@link PagesOwed}, in the root, committed with it) and asks for a refresh
 * ({@link RefreshRequests}) behind every change already queued, one message a debt round ({@link PagesOwed#refreshId}).
 * The refresh that finds nothing queued behind it writes each owed page once, from the state as it is then, for every
 * batch before it.
 *
 * <p>Every write of an owed page renders the state being committed, so the site only ever shows pages of the state
 * (or of an earlier one, for the pages still owed), and a page owed is written or deleted as that state has it: a page
 * owed by ten batches is written once, a page that changed and changed back is written with the bytes it had. What
 * pays: a batch holding a refresh with nothing queued behind it ({@link Refresh#LAST}), or one with changes behind it
 * when the debt is older than {@link #MOST_WAIT}; a batch that cannot ask for a refresh (the direct paths, the preview,
 * the build); and a new site's first batch. A batch that fails after its commit and before its request leaves a debt
 * with no refresh on its way: it is handed back, and on its next delivery it finds the debt and asks again; any batch
 * that leaves a debt, its own or one it found, asks.
 */
final class DeferredPages {

    /**
     * How long a refresh with changes behind it lets pages stay owed: while a burst arrives, refreshes that have
     * uploads behind them leave the paying to the last, but no index page lags the site's state for longer than this.
     */
    static final java.time.Duration MOST_WAIT = java.time.Duration.ofSeconds(30);

    private final PublishParts parts;
    private final java.time.Clock clock;

    DeferredPages(PublishParts parts, java.time.Clock clock) {
        this.parts = parts;
        this.clock = clock;
    }

    /**
     * What a batch sets off around its articles' pages once they are written ({@link PublishParts#updatePagesAround}):
     * written now when it {@code pays}, with everything owed before; otherwise owed, but for the redirects.
     *
     * @param owed    what the state owed when the batch read it
     * @param written the paths of the pages the batch wrote, with the links {@code after} gives them
     * @param gone    the paths {@code after} no longer lists
     * @return what the state owes after the batch
     */
    PagesOwed around(SiteRenderer renderer, ArticleParser parser, Manifest before, Manifest after, boolean newSite, Set<String> written,
                     List<String> gone, PagesOwed owed, boolean pays) {
        boolean changed = before != after;
        if (pays && owed.isEmpty()) {
            if (changed) {
                parts.updatePagesAround(renderer, parser, before, after, newSite, written, gone);
            }
            return PagesOwed.NONE;
        }
        PagesOwed all = owed;
        if (changed) {
            all = owed.withoutNeighbours(written).plus(owedBy(renderer, before, after, written, gone, owed));
        }
        if (pays) {
            pay(renderer, parser, after, all, written);
            return PagesOwed.NONE;
        }
        return all;
    }

    /** The pages a change from {@code before} to {@code after} touches; the redirects, which no page links to, are written now. */
    private PagesOwed owedBy(SiteRenderer renderer, Manifest before, Manifest after, Set<String> written, List<String> gone, PagesOwed owed) {
        IndexPages.ChangedFiles index = parts.indexPages().changedFiles(renderer, before, after);
        // A page the state had not and nothing owed is not in the bucket: if it goes again before it is paid, its
        // DELETE is skipped (a page written meanwhile, by a refresh cut short, is known to be there).
        index.appeared().stream().filter(file -> !owed.index().contains(file)).forEach(parts.site()::learnAbsent);
        Set<String> neighbours = new TreeSet<>(parts.articles().movedNeighbours(before, after, written));
        parts.articles().updateRedirects(renderer, before, after);
        return new PagesOwed(index.files(), neighbours, new TreeSet<>(gone), clock.instant());
    }

    /**
     * Writes what is owed as {@code current} has it, in a publish's order: the index pages and the neighbours' pages,
     * then the deletion of the pages it no longer lists, which they linked to.
     *
     * @param written pages written already with the links {@code current} gives them
     */
    private void pay(SiteRenderer renderer, ArticleParser parser, Manifest current, PagesOwed owed, Set<String> written) {
        parts.indexPages().publishOwed(renderer, current, owed.index(), parts.indexPages().feedBodies(parser, current));
        parts.articles().rerenderListed(parser, renderer, current, owed.withoutNeighbours(written).neighbours());
        List<String> unlisted = owed.gone().stream().filter(path -> current.byPath(path) == null).toList();
        if (!unlisted.isEmpty()) {
            Redirects redirects = Redirects.of(current);
            Parallel.map(IndexPages.PAGES, unlisted, path -> parts.articles().removeArticlePage(path, redirects));
        }
    }
}
