package dev.galley.publish;

import dev.galley.article.ImageSizes;

import java.time.Clock;

/**
 * The collaborators a publish is made of, each with one job; a batch ({@link BatchPublish}) and a full re-render
 * ({@link Rebuild}) use the same ones.
 */
record PublishParts(ContentStore content, KnownSite site, PublishSchedule schedule, SiteWriter writer, ManifestStore manifest,
                    ArticlePages articles, MediaSync media, IndexPages indexPages, Statuses statuses, DraftPages drafts) {

    static PublishParts of(ContentStore content, SiteStore store, Clock clock, PublishSchedule schedule, DraftLinks draftLinks) {
        KnownSite site = new KnownSite(store, java.util.Set.of(DraftPages.NOTES));  // one per publisher, as a container has one
        SiteWriter writer = new SiteWriter(site);
        RecentArticles recent = new RecentArticles();
        Statuses statuses = new Statuses(content, clock, schedule);
        return new PublishParts(content, site, schedule, writer, new ManifestStore(site), new ArticlePages(content, site, writer, recent),
                new MediaSync(content, site, statuses), new IndexPages(content, site, writer, recent), statuses,
                new DraftPages(draftLinks, site, writer));
    }

    /** Where articles' renders learn their images' sizes: a new one for each publish, as images change between them. */
    ImageSizes imageSizes() {
        return new StoredImageSizes(content, site);
    }
}
