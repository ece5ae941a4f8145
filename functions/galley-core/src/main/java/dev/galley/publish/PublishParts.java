package dev.galley.publish;

import dev.galley.article.ArticleParser;
import dev.galley.article.ImageSizes;
import dev.galley.render.SiteRenderer;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The collaborators a publish is made of, each with one job; a batch ({@link BatchPublish}) and a full re-render
 * ({@link Rebuild}) use the same ones.
 */
record PublishParts(ContentStore content, KnownSite site, PublishSchedule schedule, SiteWriter writer, ManifestStore manifest,
                    ArticlePages articles, MediaSync media, IndexPages indexPages, Statuses statuses, DraftPages drafts,
                    KeptSiteConfig siteConfig) {

    static PublishParts of(ContentStore content, SiteStore store, Clock clock, PublishSchedule schedule, DraftLinks draftLinks) {
        KnownSite site = new KnownSite(store, java.util.Set.of(DraftPages.NOTES));  // one per publisher, as a container has one
        SiteWriter writer = new SiteWriter(site);
        RecentArticles recent = new RecentArticles();
        Statuses statuses = new Statuses(content, clock, schedule);
        return new PublishParts(content, site, schedule, writer, new ManifestStore(site), new ArticlePages(content, site, writer, recent),
                new MediaSync(content, site, statuses), new IndexPages(content, site, writer, recent), statuses,
                new DraftPages(draftLinks, site, writer), new KeptSiteConfig(content, site));
    }

    /**
     * What a change from {@code before} to {@code after} sets off around the articles' pages once they are written, in
     * a single change's order: the index pages, the neighbours, the redirects, and last the removal of {@code gone}.
     *
     * @param all     write every index page whose bytes differ from the stored ones (see {@link IndexPages#publish})
     * @param written the paths whose pages are written already: not re-rendered as neighbours
     */
    void updatePagesAround(SiteRenderer renderer, ArticleParser parser, Manifest before, Manifest after, boolean all, Set<String> written,
                           List<String> gone) {
        indexPages.publish(renderer, before, after, all, indexPages.feedBodies(parser, after));
        articles.refreshNeighbours(parser, renderer, before, after, written);
        Redirects redirects = articles.updateRedirects(renderer, before, after);
        Parallel.map(IndexPages.PAGES, gone, path -> articles.removeArticlePage(path, redirects));
    }

    /** Where articles' renders learn their images' sizes: a new one for each publish, as images change between them. */
    ImageSizes imageSizes() {
        return new StoredImageSizes(content, site);
    }
}
